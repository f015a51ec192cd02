package io.daybreak.console.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.daybreak.core.jobs.RunResult;
import io.daybreak.core.method.MethodDescriptor;
import io.daybreak.data.ColumnType;
import io.daybreak.data.Table;

/**
 * The combination designs in the HTML report (docs/designs.md, "Drug combinations"), from tables built here with the
 * contract's column names: byCombination with get.oc.comb's selection and allocation for the help-page grid (R 4.2.2,
 * BOIN 2.7.2, docs/validation/r/combination/comb-get-oc.out, S1) and a pathways table. With the environment variable
 * DAYBREAK_COMBINATION_REPORT set, the whole report page is also written there (for the screenshot in the docs).
 */
class CombinationReportTest {
    private static final double[] TRUTH = {0.01, 0.03, 0.10, 0.20, 0.30, 0.03, 0.05, 0.15, 0.30, 0.60, 0.08, 0.10, 0.30,
        0.60, 0.75};
    private static final double[] SELECTION = {0.004, 0.064, 1.134, 4.366, 5.924, 0.068, 0.288, 7.952, 20.304, 0.978,
        0.608, 8.138, 47.684, 2.476, 0.012};
    private static final double[] PATIENTS = {3.1016, 1.6836, 1.3416, 1.4068, 0.938, 1.6892, 1.9016, 3.5416, 3.5684,
        1.1228, 1.0456, 3.4676, 7.9112, 3.2096, 0.1944};

    @TempDir
    Path dir;

    private static Table grid(BufferAllocator allocator) {
        long[] a = new long[15];
        long[] b = new long[15];
        boolean[] mtd = new boolean[15];
        for (int c = 0; c < 15; c++) {
            a[c] = c / 5 + 1;
            b[c] = c % 5 + 1;
            mtd[c] = TRUTH[c] == 0.30;
        }
        double[] zeros = new double[15];
        return Table.builder(allocator).addInt64("doseA", a).addInt64("doseB", b).addFloat64("truth", TRUTH)
                .addBoolean("trueMtd", mtd).addFloat64("selectionPercent", SELECTION)
                .addFloat64("selectionPercentSe", zeros).addFloat64("patients", PATIENTS).addFloat64("patientsSe", zeros)
                .addFloat64("dlts", zeros).build();
    }

    private static Table pathways(BufferAllocator allocator) {
        return Table.builder(allocator).addInt64("cohort", 1, 1, 1, 1, 1).addString("history", "", "", "", "", "")
                .addInt64("doseA", 1, 1, 1, 1, 1).addInt64("doseB", 1, 1, 1, 1, 1).addInt64("dlts", 0, 0, 1, 2, 3)
                .add("nextDoseA", ColumnType.INT64, Arrays.asList(1L, 2L, 1L, 1L, null))
                .add("nextDoseB", ColumnType.INT64, Arrays.asList(2L, 1L, 1L, 1L, null))
                .addString("decision", "escalate drug B (at random, 1 of 2)", "escalate drug A (at random, 1 of 2)",
                        "stay", "stay", "stop, trial ends").build();
    }

    @Test
    void boinCombHasSelectionAndAllocationHeatMapsAndThePathways() throws Exception {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("correctSelectionPercent", 73.9);
        summary.put("patientsAtMtdPercent", 34.4);
        summary.put("noSelectionPercent", 0.0);
        summary.put("meanPatients", 36.1);
        try (BufferAllocator allocator = new RootAllocator(); Table grid = grid(allocator);
                Table pathways = pathways(allocator)) {
            List<String> html = CombinationReport.html("design.boin-comb", name -> SignalReport.rows(
                    name.equals("byCombination") ? grid : name.equals("pathways") ? pathways : null), summary);
            assertEquals(6, html.size(), "two heat maps, a caption, the pathways heading, table and note");
            assertTrue(html.get(0).contains("aria-label=\"selection matrix\""), html.get(0));
            assertTrue(html.get(0).contains(">47.7%</text>") && html.get(0).contains(">p = 0.30</text>"));
            assertTrue(html.get(1).contains("aria-label=\"allocation matrix\"") && html.get(1).contains(">7.9</text>"));
            assertTrue(html.get(2).contains("73.9% of trials") && html.get(2).contains("34.4% of patients"), html.get(2));
            assertTrue(html.get(4).contains("<td class=\"text\">A1B2</td>") && html.get(4).contains("stop, trial ends"));
            assertTrue(CombinationReport.html("design.boin", name -> SignalReport.rows(grid), summary).isEmpty());
            String out = System.getenv("DAYBREAK_COMBINATION_REPORT");
            Path file = out != null ? Path.of(out) : dir.resolve("report.html");
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("method", "design.boin-comb");
            document.put("summary", summary);
            document.put(RunReport.CHARTS, new ArrayList<>(html));
            AnalysisReport.write(file, "Daybreak report: design.boin-comb", List.of(document), null);
            assertTrue(Files.readString(file).contains("selection matrix"));
        }
    }

    /** What {@code run design.boin-comb ... --report} puts in its document: the heat maps and the pathways. */
    @Test
    void aRunOfBoinCombCarriesTheChartsInItsReportDocument() {
        try (BufferAllocator allocator = new RootAllocator(); Table grid = grid(allocator);
                Table pathways = pathways(allocator)) {
            RunResult result = new RunResult(Map.of("byCombination", grid, "pathways", pathways), Map.of(), null,
                    allocator);
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("method", "design.boin-comb");
            document.put("summary", Map.of("correctSelectionPercent", 73.9));
            Map<String, Object> withCharts = RunReport.document(MethodDescriptor.builder("design.boin-comb",
                    "BOIN combination").build(), result, document);
            List<?> charts = (List<?>) withCharts.get(RunReport.CHARTS);
            assertEquals(6, charts.size());
            assertTrue(charts.get(0).toString().contains("aria-label=\"selection matrix\""));
            assertTrue(charts.get(1).toString().contains("aria-label=\"allocation matrix\""));
            assertTrue(charts.get(4).toString().contains("escalate drug A (at random, 1 of 2)"));
        }
    }

    @Test
    void waterfallNamesTheContour() {
        try (BufferAllocator allocator = new RootAllocator(); Table grid = grid(allocator)) {
            List<String> html = CombinationReport.html("design.waterfall", name -> SignalReport.rows(
                    name.equals("byCombination") ? grid : null), Map.of("correctSelectionPercent", 35.3));
            assertEquals(3, html.size());
            assertTrue(html.get(0).contains("MTD contour"), html.get(0));
            assertTrue(html.get(2).contains("exactly the outlined contour (35.3% of trials)"), html.get(2));
        }
    }
}
