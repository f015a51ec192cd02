package io.daybreak.console.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.arrow.memory.BufferAllocator;
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

import io.daybreak.core.testing.Await;
import io.daybreak.data.ArrowMemory;
import io.daybreak.data.Table;
import io.daybreak.data.TableDigest;
import io.daybreak.data.files.TableFiles;

/** {@code inspect} and {@code convert} through a real Gogo session, as a user types them. */
class DataCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CSV = "USUBJID,AVAL,CNSR,ARM\nS1,12.5,0,A\nS2,30,1,B\nS3,NA,0,A\n";

    @TempDir
    Path dir;

    private ArrowMemory memory;
    private ByteArrayOutputStream out;
    private CommandSession session;

    @BeforeEach
    void session() {
        BundleContext context = FrameworkUtil.getBundle(DataCommandsTest.class).getBundleContext();
        CommandProcessor processor = Await.service(context, CommandProcessor.class);
        memory = Await.service(context, ArrowMemory.class);
        Await.service(context, DataCommands.class);
        out = new ByteArrayOutputStream();
        session = processor.createSession(new ByteArrayInputStream(new byte[0]), new PrintStream(out, true),
                new PrintStream(new ByteArrayOutputStream(), true));
        session.put("SCOPE", "daybreak:*");
    }

    @AfterEach
    void close() {
        session.close();
        Await.until(() -> memory.allocatedBytes() == 0, "all Arrow memory is released");
    }

    private JsonNode json(String line) throws Exception {
        session.execute(line);
        return JSON.readTree(out.toString(StandardCharsets.UTF_8).strip());
    }

    @Test
    void inspectShowsColumnsMissingValuesAndTheFirstRows() throws Exception {
        Path file = dir.resolve("adtte.csv");
        Files.writeString(file, CSV);
        JsonNode document = json("inspect " + file + " --rows 2 --json");
        assertEquals(3, document.get("rows").asInt());
        assertEquals("AVAL", document.at("/columns/1/name").asText());
        assertEquals("float64", document.at("/columns/1/type").asText());
        assertEquals(1, document.at("/columns/1/missing").asInt());
        assertEquals("int64", document.at("/columns/2/type").asText());
        assertEquals(2, document.get("head").size());
        assertEquals("[\"S2\",\"30.0\",\"1\",\"B\"]", document.at("/head/1").toString());
    }

    @Test
    void inspectShowsTheLabelsADatasetJsonFileCarries() throws Exception {
        Path csv = dir.resolve("adtte.csv");
        Files.writeString(csv, CSV);
        Path json = dir.resolve("adtte.json");
        session.execute("convert " + csv + " " + json);
        out.reset();
        session.execute("inspect " + json);
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.startsWith(json + ": 3 rows"), text);
        assertTrue(text.lines().anyMatch(line -> line.matches("\\s+AVAL\\s+float64\\s+1\\s+AVAL")), text);
        assertTrue(text.contains("first 3 rows:"), text);
    }

    @Test
    void convertWritesTheSameTableInTheOutputsFormat() throws Exception {
        Path csv = dir.resolve("adtte.csv");
        Files.writeString(csv, CSV);
        Path arrow = dir.resolve("adtte.arrow");
        JsonNode document = json("convert " + csv + " " + arrow + " --json");
        assertEquals(3, document.get("rows").asInt());
        assertEquals(4, document.get("columns").asInt());
        try (BufferAllocator allocator = memory.newChildAllocator("check");
                Table fromCsv = TableFiles.read(csv, allocator);
                Table fromArrow = TableFiles.read(arrow, allocator)) {
            assertEquals(TableDigest.sha256(fromCsv), TableDigest.sha256(fromArrow));
        }
    }

    @Test
    void badFilesAreBadInputAndWriteNothing() {
        Path missing = dir.resolve("missing.csv");
        Path target = dir.resolve("out.json");
        Exception e = assertThrows(Exception.class, () -> session.execute("convert " + missing + " " + target));
        assertEquals(Failures.BAD_INPUT, Failures.exitCode(e));
        assertTrue(Failures.message(e).contains("missing.csv: no such file"), Failures.message(e));
        assertFalse(Files.exists(target));
        Exception unknown = assertThrows(Exception.class,
                () -> session.execute("convert " + missing + " " + dir.resolve("out.sav")));
        assertTrue(Failures.message(unknown).contains("unsupported file type"), Failures.message(unknown));
        Exception rows = assertThrows(Exception.class, () -> session.execute("inspect " + missing + " --rows -1"));
        assertTrue(Failures.message(rows).contains("--rows must be a whole number 0 or more, got '-1'"),
                Failures.message(rows));
    }

    @Test
    void typesGiveAColumnTheTypeItsLaterValuesNeed() throws Exception {
        StringBuilder csv = new StringBuilder("SUBJID;AVAL\n");
        for (int i = 1; i <= 10_050; i++) {
            csv.append(i == 10_020 ? "X-17" : Integer.toString(i)).append(';').append(i % 7).append('\n');
        }
        Path file = dir.resolve("ids.csv");
        Files.writeString(file, csv);
        Exception inferred = assertThrows(Exception.class, () -> session.execute("inspect " + file));
        assertEquals(Failures.BAD_INPUT, Failures.exitCode(inferred));
        assertTrue(Failures.message(inferred).contains("'X-17' is not a number"), Failures.message(inferred));
        out.reset();
        // the delimiter is still detected (semicolon) when only the types are given
        JsonNode document = json("inspect " + file + " --types SUBJID=string --rows 0 --json");
        assertEquals("string", document.at("/columns/0/type").asText());
        assertEquals("int64", document.at("/columns/1/type").asText());
        assertEquals(10_050, document.get("rows").asInt());
    }

    @Test
    void badTypesAreNamed() {
        Path file = dir.resolve("any.csv");
        Exception unknown = assertThrows(Exception.class, () -> session.execute("inspect " + file + " --types AVAL=real"));
        assertTrue(Failures.message(unknown).contains("--types: column 'AVAL': unknown column type 'real'"),
                Failures.message(unknown));
        Exception shape = assertThrows(Exception.class, () -> session.execute("inspect " + file + " --types AVAL"));
        assertTrue(Failures.message(shape).contains("--types takes name=type pairs"), Failures.message(shape));
    }
}
