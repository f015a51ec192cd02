package io.daybreak.console.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

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

import io.daybreak.core.jobs.JobService;
import io.daybreak.core.registry.MethodRegistry;
import io.daybreak.core.testing.Await;
import io.daybreak.data.ArrowMemory;

/**
 * Design results and comparisons as a user reads them in the shell (docs/cli.md, "Design results" and "compare"): the
 * per-dose table and the trial-level measures, one labelled table per scenario, the report's marks. Every number
 * checked in the text is taken from the JSON document of the same run (same seed), so the text shows what the
 * document holds, in the row and column it claims.
 */
class DesignTextTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private ArrowMemory memory;
    private JobService jobs;
    private ByteArrayOutputStream out;
    private CommandSession session;

    @BeforeEach
    void session() {
        BundleContext context = FrameworkUtil.getBundle(DesignTextTest.class).getBundleContext();
        CommandProcessor processor = Await.service(context, CommandProcessor.class);
        memory = Await.service(context, ArrowMemory.class);
        jobs = Await.service(context, JobService.class);
        MethodRegistry registry = Await.service(context, MethodRegistry.class);
        Await.until(() -> registry.find("design.boin").isPresent() && registry.find("design.compare").isPresent(),
                "the design methods are registered");
        Await.service(context, DaybreakCommands.class);
        out = new ByteArrayOutputStream();
        session = processor.createSession(new ByteArrayInputStream(new byte[0]), new PrintStream(out, true),
                new PrintStream(new ByteArrayOutputStream(), true));
        session.put("SCOPE", "daybreak:*");
    }

    @AfterEach
    void close() {
        session.close();
        Await.until(() -> jobs.jobs().stream().allMatch(j -> j.status().isFinal()), "all jobs have ended");
        Await.until(() -> memory.allocatedBytes() == 0, "all Arrow memory is released");
    }

    private String text(String line) throws Exception {
        out.reset();
        session.execute(line);
        return out.toString(StandardCharsets.UTF_8);
    }

    private JsonNode json(String line) throws Exception {
        return JSON.readTree(text(line + " --json").strip());
    }

    private static String pm(JsonNode node, String key) {
        return String.format(Locale.ROOT, "%.2f ± %.2f", node.get(key).asDouble(), node.get(key + "Se").asDouble());
    }

    /** The line of the text that starts (after its indent) with the given cells, split on runs of spaces. */
    private static List<String> row(String text, String first) {
        return text.lines().map(String::strip).filter(l -> l.startsWith(first + " ")).findFirst()
                .map(l -> List.of(l.split(" {2,}"))).orElseThrow(() -> new AssertionError("no row '" + first + "' in\n"
                        + text));
    }

    @Test
    void boinPrintsThePerDoseTableAndTheTrialMeasuresOfItsJsonDocument() throws Exception {
        String run = "run design.boin truth=0.05,0.12,0.25,0.40,0.55,0.70 target=0.3 cohorts=12 trials=3000 seed=5";
        JsonNode document = json(run);
        JsonNode s = document.get("summary");
        String job = text("jobs " + document.get("job").asText());
        assertTrue(job.contains("\n  summary:\n    lambdaE  0.236491\n    lambdaD  0.358519\n    operating characteristics: 3000 "
                + "simulated trials")
                && job.contains("\n      3 *            0.25"), "jobs <id> shows the same layout under 'summary:': " + job);
        String text = text(run);
        assertTrue(text.contains("3000 simulated trials, mean ± Monte Carlo SE"), text);
        assertTrue(text.contains("true MTD: dose 3 (*)"), text);
        assertTrue(text.lines().anyMatch(l -> l.strip().matches("dose +true DLT rate +selected % +patients +DLTs")), text);
        for (int d = 0; d < 6; d++) {
            JsonNode dose = s.get("doses").get(d);
            List<String> cells = row(text, (d + 1) + (d == 2 ? " *" : ""));
            assertEquals(List.of((d + 1) + (d == 2 ? " *" : ""), Output.format(dose.get("truth").asDouble()),
                    pm(dose, "selectionPercent"), pm(dose, "patients"), pm(dose, "dlts")), cells);
        }
        assertEquals(List.of("none", pm(s, "noSelectionPercent")), row(text, "none"));
        assertEquals(List.of("all", pm(s, "meanPatients"), pm(s, "meanDlts")), row(text, "all"));
        assertEquals(List.of("no dose selected, % of trials", pm(s, "noSelectionPercent"),
                "noSelectionPercent (= stopPercent, get.oc's percentstop)"), row(text, "no dose selected,"));
        assertEquals(List.of("stopped early (< 36 patients), % of trials", pm(s, "earlyStopPercent"), "earlyStopPercent"),
                row(text, "stopped early"));
        assertEquals(List.of("patients treated above the MTD, % of patients", pm(s, "patientsAboveMtdPercent"),
                "patientsAboveMtdPercent (= overdosePercent)"), row(text, "patients treated above"));
        assertEquals(List.of("a dose above the MTD selected, % of trials", pm(s, "selectionAboveMtdPercent"),
                "selectionAboveMtdPercent"), row(text, "a dose above"));
        assertEquals(List.of("> 60% of 36 patients above the MTD, % of trials", pm(s, "overdose60Percent"),
                "overdose60Percent (get.oc's overdose60)"), row(text, "> 60%"));
        assertTrue(text.contains("lambdaE  0.236491"), "the design's own fields still print: " + text);
        assertFalse(text.contains("["), "no flat per-dose arrays in text: " + text);
        // the JSON document keeps the flat arrays and the old names
        assertEquals(s.get("doses").get(2).get("selectionPercent"), s.get("selectionPercent").get(2));
        assertEquals(s.get("patientsAboveMtdPercent"), s.get("overdosePercent"));
        assertEquals(s.get("noSelectionPercent"), s.get("stopPercent"));
    }

    @Test
    void exactThreePlusThreeHasNoStandardErrorsAndNoEarlyStopping() throws Exception {
        String text = text("run design.3plus3 truth=0.05,0.12,0.25,0.40,0.55,0.70 target=0.3");
        assertTrue(text.contains("operating characteristics: exact (every outcome sequence enumerated)"), text);
        assertFalse(text.contains("±"), text);
        assertFalse(text.contains("stopped early"), "3+3 has no maximum sample size: " + text);
        assertTrue(text.contains("no dose selected, % of trials"), text);
    }

    @Test
    void compareLabelsOneTablePerScenarioAndItsReportMarksTheTrueMtd() throws Exception {
        Path report = dir.resolve("cmp.html");
        String line = "compare target=0.3 scenarios=0.05,0.15,0.3,0.5/0.1,0.25,0.45,0.6/0.4,0.5,0.6 "
                + "designs=3plus3,boin,crm trials=400 seed=1";
        JsonNode s = json(line).get("summary");
        String text = text(line + " --report " + report);
        assertTrue(text.contains("scenario 1: true DLT rates 0.05, 0.15, 0.3, 0.5; target 0.3; true MTD: dose 3 (*)"),
                text);
        assertTrue(text.contains("scenario 2: true DLT rates 0.1, 0.25, 0.45, 0.6; target 0.3; true MTD: dose 2 (*)"),
                text);
        assertTrue(text.contains("scenario 3: true DLT rates 0.4, 0.5, 0.6; target 0.3; true MTD: none"), text);
        assertTrue(text.lines().anyMatch(l -> l.strip().matches("design +dose 1 +dose 2\\* +dose 3 +dose 4 +none +correct"
                + " +stopped early +mean N +patients > MTD +selected > MTD")), text);
        assertFalse(text.contains("correctSelectionPercent"), "no unlabelled list of percentages: " + text);
        String[] blocks = text.split("\n\n");
        for (int sc = 0; sc < 3; sc++) {
            JsonNode scenario = s.get("byScenario").get(sc);
            String block = blocks[sc + 1];
            for (JsonNode design : scenario.get("designs")) {
                List<String> expected = new java.util.ArrayList<>(List.of(design.get("design").asText()));
                design.get("selectionPercent").forEach(p -> expected.add(oneDecimal(p)));
                for (String key : List.of("noSelectionPercent", "correctSelectionPercent", "earlyStopPercent",
                        "meanPatients", "patientsAboveMtdPercent", "selectionAboveMtdPercent")) {
                    expected.add(design.get(key).isNull() ? "-" : oneDecimal(design.get(key)));
                }
                assertEquals(expected, row(block, design.get("design").asText()), "scenario " + (sc + 1));
            }
        }
        assertEquals(s.get("byScenario").get(2).get("designs").get(1).get("noSelectionPercent"),
                s.get("byScenario").get(2).get("designs").get(1).get("correctSelectionPercent"),
                "with every dose above the target, selecting none is correct");
        String html = Files.readString(report);
        assertTrue(html.contains("target 0.3; true MTD: dose 3"), "scenario headings name the target and true MTD");
        assertTrue(html.contains("<th class=\"mtd\">dose 3<br>0.3<br>true MTD</th>"), "the true MTD's column is marked");
        assertTrue(html.contains("3 (0.3) MTD"), "the charts' true MTD is labelled");
        assertTrue(html.contains("no dose selected (% of trials)") && html.contains("stopped early (% of trials)")
                && html.contains("<th>no dose</th>"), "no-selection and stop % are shown");
    }

    private static String oneDecimal(JsonNode value) {
        return String.format(Locale.ROOT, "%.1f", value.asDouble());
    }
}
