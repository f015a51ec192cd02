package io.daybreak.console.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.daybreak.core.registry.MethodRegistry;
import io.daybreak.core.testing.Await;

/**
 * A time-to-event analysis run straight from a SAS transport file of synthetic ADTTE data (the stats tests'
 * resources/adtte.xpt, written by docs/validation/r/cdisc/make-adam.R), naming only the parameter: time = AVAL,
 * event = CNSR == 0, groups = TRTP. R's values (docs/validation/r/cdisc/adam-survival.out), with
 * {@code d <- subset(foreign::read.xport("adtte.xpt"), PARAMCD == "PFS")}: {@code survfit(Surv(AVAL, 1 - CNSR) ~ TRTP,
 * data = d)} has medians 84.5, 366 and 248 days and 94 events; {@code coxph} the log hazard ratios -1.28347101202311
 * and -1.05261977134734.
 */
class AdamTransportRunTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path ADTTE = Path.of("..", "io.daybreak.methods.stats.tests", "resources", "adtte.xpt");

    @TempDir
    Path dir;

    private CommandSession session;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    @BeforeEach
    void session() {
        BundleContext context = FrameworkUtil.getBundle(AdamTransportRunTest.class).getBundleContext();
        CommandProcessor processor = Await.service(context, CommandProcessor.class);
        MethodRegistry registry = Await.service(context, MethodRegistry.class);
        Await.until(() -> registry.find("stats.km").isPresent() && registry.find("stats.cox").isPresent(),
                "the stats methods are registered");
        Await.service(context, DaybreakCommands.class);
        session = processor.createSession(new ByteArrayInputStream(new byte[0]), new PrintStream(out, true),
                new PrintStream(new ByteArrayOutputStream(), true));
        session.put("SCOPE", "daybreak:*");
    }

    @AfterEach
    void close() {
        session.close();
    }

    private JsonNode json(String line) throws Exception {
        out.reset();
        session.execute(line);
        return JSON.readTree(out.toString(StandardCharsets.UTF_8).strip());
    }

    @Test
    void kaplanMeierAndCoxStraightFromTheTransportFile() throws Exception {
        Path adtte = ADTTE.toAbsolutePath().normalize();
        assertTrue(Files.isRegularFile(adtte), adtte.toString());
        JsonNode km = json("run stats.km --in data=" + adtte + " param=PFS groupBy=TRTP --json");
        JsonNode summary = km.get("summary");
        assertEquals("AVAL", summary.get("timeColumn").asText(), km.toString());
        assertEquals("CNSR", summary.get("statusColumn").asText());
        assertEquals(0, summary.get("eventValue").asDouble());
        assertEquals("PFS", summary.get("paramcd").asText());
        assertEquals(94, summary.get("events").asLong());
        assertEquals(84.5, summary.get("median").get(0).asDouble());
        assertEquals(366, summary.get("median").get(1).asDouble());
        assertEquals(248, summary.get("median").get(2).asDouble());
        assertEquals("Treatment High Dose", summary.get("groupLabels").get(1).asText());
        JsonNode cox = json("run stats.cox --in data=" + adtte
                + " param=PFS 'formula=Surv(AVAL, 1 - CNSR) ~ TRTP' --json");
        assertEquals(-1.28347101202311, cox.at("/summary/coefficients/0").asDouble(), 1e-8, cox.toString());
        assertEquals(-1.05261977134734, cox.at("/summary/coefficients/1").asDouble(), 1e-8);
    }

    @Test
    void aTruncatedTransportFileIsBadInputNamingTheByteOffset() throws Exception {
        byte[] whole = Files.readAllBytes(ADTTE);
        Path cut = dir.resolve("adtte.xpt");
        Files.write(cut, Arrays.copyOf(whole, 20_080));
        out.reset();
        Exception e = assertThrows(Exception.class, () -> session.execute("run stats.km --in data=" + cut + " --json"));
        assertEquals(Failures.BAD_INPUT, Failures.exitCode(e), e.toString());
        String message = JSON.readTree(out.toString(StandardCharsets.UTF_8).strip()).at("/error/message").asText();
        assertTrue(message.startsWith(cut + ": byte offset 20000: member ADTTE ends inside row 110"), message);
    }
}
