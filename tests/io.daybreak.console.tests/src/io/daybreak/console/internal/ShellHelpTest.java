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
import java.util.ArrayList;
import java.util.List;

import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;

import io.daybreak.core.registry.MethodRegistry;
import io.daybreak.core.testing.Await;
import io.daybreak.data.ArrowMemory;

/**
 * The shell a person lives in: {@code help} (Daybreak's commands first, grouped, every one of them), "did you
 * mean" for commands, methods, parameters and columns, data errors that name file, row, column and value, and CSV
 * files with semicolons, tabs and a byte order mark; through a real Gogo session.
 */
class ShellHelpTest {
    @TempDir
    Path dir;

    private CommandProcessor processor;
    private ArrowMemory memory;
    private ByteArrayOutputStream out;
    private CommandSession session;

    @BeforeEach
    void session() {
        BundleContext context = FrameworkUtil.getBundle(ShellHelpTest.class).getBundleContext();
        processor = Await.service(context, CommandProcessor.class);
        memory = Await.service(context, ArrowMemory.class);
        MethodRegistry registry = Await.service(context, MethodRegistry.class);
        Await.until(() -> registry.find("design.boin").isPresent() && registry.find("stats.glm").isPresent(),
                "the design and stats methods are registered");
        Await.service(context, DaybreakCommands.class);
        Await.service(context, FederationCommands.class);
        Await.service(context, ReportCommand.class);
        out = new ByteArrayOutputStream();
        session = processor.createSession(new ByteArrayInputStream(new byte[0]), new PrintStream(out, true),
                new PrintStream(new ByteArrayOutputStream(), true));
        session.put("SCOPE", "daybreak:*");
        Await.until(() -> CommandCatalog.daybreakCommands(session).containsAll(List.of("help", "run-study",
                "fed-datasets")), "the function commands are registered");
    }

    @AfterEach
    void close() {
        session.close();
        Await.until(() -> memory.allocatedBytes() == 0, "all Arrow memory is released");
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String badInput(String line) {
        Exception e = assertThrows(Exception.class, () -> session.execute(line));
        assertEquals(Failures.BAD_INPUT, Failures.exitCode(e), "bad input exits 2: " + e);
        return Failures.message(e);
    }

    @Test
    void helpListsEveryDaybreakCommandGroupedAndBeforeTheFramework() throws Exception {
        session.execute("help");
        List<String> lines = stdout().lines().toList();
        List<String> daybreak = CommandCatalog.daybreakCommands(session);
        assertTrue(daybreak.containsAll(List.of("methods", "describe", "run", "compare", "run-study", "jobs", "cancel",
                "pki", "node", "fed", "fed-datasets", "audit", "report", "help")), daybreak.toString());
        int framework = lines.indexOf(lines.stream().filter(l -> l.startsWith("Framework commands")).findFirst()
                .orElseThrow(() -> new AssertionError("no framework heading: " + stdout())));
        for (String command : daybreak) {
            int at = indexOfCommand(lines, command);
            assertTrue(at >= 0 && at < framework, command + " is listed before the framework commands:\n" + stdout());
        }
        List<Integer> headings = new ArrayList<>();
        for (String heading : List.of("Methods", "Jobs", "Federation", "Reports", "Help")) {
            headings.add(lines.indexOf(heading));
        }
        assertTrue(headings.stream().allMatch(i -> i >= 0), "every group has its heading: " + headings + "\n" + stdout());
        assertEquals(headings.stream().sorted().toList(), headings, "groups in order");
        assertTrue(indexOfCommand(lines, "run-study") > lines.indexOf("Methods")
                && indexOfCommand(lines, "run-study") < lines.indexOf("Jobs"), "run-study is a Methods command");
        assertTrue(indexOfCommand(lines, "fed-datasets") > lines.indexOf("Federation"), stdout());
        String frameworkPart = String.join("\n", lines.subList(framework, lines.size()));
        assertTrue(frameworkPart.contains("Bundles (felix:)") && frameworkPart.contains(" lb ")
                && frameworkPart.contains("Components (scr:)"), frameworkPart);
        assertTrue(lines.stream().allMatch(l -> l.length() <= 100), "lines fit a terminal:\n" + stdout());
    }

    private static int indexOfCommand(List<String> lines, String command) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("  " + command + " ")) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void helpWithANameShowsThatCommandsUsage() throws Exception {
        session.execute("help run");
        assertTrue(stdout().startsWith("usage: run <method> name=value ...") && stdout().contains("--delimiter"),
                stdout());
        out.reset();
        session.execute("help lb");
        assertTrue(stdout().contains("lb"), "a framework command's usage comes from felix:help: " + stdout());
        assertEquals("help: unknown command 'rnu'; did you mean 'run'?", badInput("help rnu"));
    }

    @Test
    void unknownOneShotCommandSuggestsTheClosestAndExitsTwo() {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        int code = OneShotCommand.execute(processor, false, List.of("rnu", "design.boin"), new PrintStream(stdout, true),
                new PrintStream(stderr, true));
        assertEquals(Failures.BAD_INPUT, code);
        assertEquals("daybreak: unknown command 'rnu'; did you mean 'run'?\n", stderr.toString(StandardCharsets.UTF_8));
        assertEquals("", stdout.toString(StandardCharsets.UTF_8));
        stderr.reset();
        code = OneShotCommand.execute(processor, false, List.of("frobnicate", "--json"), new PrintStream(stdout, true),
                new PrintStream(stderr, true));
        assertEquals(Failures.BAD_INPUT, code);
        assertTrue(stderr.toString(StandardCharsets.UTF_8).contains("commands: methods, describe, run, compare, "
                + "run-study, inspect, convert, jobs, cancel"), stderr.toString(StandardCharsets.UTF_8));
        assertTrue(stdout.toString(StandardCharsets.UTF_8).contains("\"kind\":\"bad-input\""));
    }

    @Test
    void unknownCommandAtThePromptSuggestsFromEveryCommand() {
        assertEquals("unknown command 'rnu'; did you mean 'run'?", badInput("rnu design.boin"));
        assertEquals("unknown command 'lbb'; did you mean 'lb'?", badInput("lbb"));
        String none = badInput("frobnicate");
        assertTrue(none.startsWith("unknown command 'frobnicate'; commands: methods, describe, run, compare, run-study, "
                + "inspect, convert, jobs, cancel, pki, node, fed, fed-datasets, audit, report"), none);
        assertTrue(!none.contains("default"), "Gogo's hook is not offered as a command: " + none);
    }

    @Test
    void unknownMethodsAndParametersSuggestTheClosest() {
        assertEquals("unknown method 'design.bion'; did you mean 'design.boin'? ('methods' lists them all)",
                badInput("describe design.bion"));
        assertTrue(badInput("run boin target=0.3").contains("did you mean 'design.boin'?"));
        assertTrue(badInput("run design.boin targt=0.3").startsWith(
                "unknown parameter 'targt' for method design.boin; did you mean 'target'? parameters: "));
        assertTrue(badInput("describe stats.gml --federated").endsWith("did you mean 'stats.glm'?"));
    }

    @Test
    void aParameterNamingNoColumnSuggestsTheClosestColumnOfTheInput() throws Exception {
        Path data = dir.resolve("data.csv");
        Files.writeString(data, "wt.loss,age,sex\n10,61,1\n-3,70,2\n5,55,1\n7,68,2\n0,59,1\n12,72,2\n");
        String message = badInput("run stats.glm --in " + data + " response=wt.loss covariates=agee,sex");
        assertTrue(message.contains("no column 'agee'") && message.endsWith("did you mean 'age'?"), message);
    }

    @Test
    void aValueThatIsNotANumberIsNamedWithFileRowAndColumn() throws Exception {
        Path data = dir.resolve("outcomes.csv");
        Files.writeString(data, "USUBJID,AVAL\nS1,1\nS2,0\nS3,abc\nS4,1\nS5,n/a\n");
        Path out = dir.resolve("never.csv");
        String message = badInput("run example.beta-binomial --in " + data + " --out " + out);
        assertTrue(message.startsWith(data + ", row 3, column 'AVAL': 'abc' is not a number (and 1 more such value in "
                + "that column); input 'outcomes' column 'AVAL' is string, expected float64"), message);
        assertTrue(!Files.exists(out), "nothing written");
        Path comma = dir.resolve("comma.csv");
        Files.writeString(comma, "USUBJID;AVAL\nS1;1,0\nS2;0\n");
        message = badInput("run example.beta-binomial --in " + comma);
        assertTrue(message.startsWith(comma + ", row 1, column 'AVAL': '1,0' is not a number (decimal commas are not "
                + "read: write 1.0)"), message);
    }

    @Test
    void semicolonFilesWithAByteOrderMarkRunAsCommaFilesDo() throws Exception {
        Path semicolons = dir.resolve("excel.csv");
        Files.write(semicolons, "\uFEFFAVAL;SITE\r\n1;a\r\n0;b\r\n1;c\r\n".getBytes(StandardCharsets.UTF_8));
        Path commas = dir.resolve("plain.csv");
        Files.writeString(commas, "AVAL,SITE\n1,a\n0,b\n1,c\n");
        session.execute("run example.beta-binomial --in " + semicolons + " --seed 1");
        String fromSemicolons = stdout().replaceAll("\\d+ ms|job \\d+", "");
        out.reset();
        session.execute("run example.beta-binomial --in " + commas + " --seed 1");
        assertEquals(stdout().replaceAll("\\d+ ms|job \\d+", ""), fromSemicolons);
        assertTrue(fromSemicolons.contains("events              2\n  patients            3\n"), fromSemicolons);
        out.reset();
        session.execute("run example.beta-binomial --in " + semicolons + " --delimiter semicolon --seed 1");
        assertEquals(fromSemicolons, stdout().replaceAll("\\d+ ms|job \\d+", ""));
        String forced = badInput("run example.beta-binomial --in " + semicolons + " --delimiter , --seed 1");
        assertTrue(forced.contains("has no column 'AVAL'"), forced);
        assertTrue(badInput("run example.beta-binomial --in " + commas + " --delimiter pipe")
                .startsWith("run: --delimiter must be"));
    }
}
