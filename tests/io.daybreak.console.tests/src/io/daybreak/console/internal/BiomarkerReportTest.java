package io.daybreak.console.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.daybreak.data.Table;

/**
 * The biomarker charts in the HTML report, from result tables built here with exactly the contract's column names
 * (docs/biomarker.md, "Plots and the report"): local runs (Arrow tables, INT64 where the methods write them) and saved
 * documents (tables as rows in the summary).
 */
class BiomarkerReportTest {
    @TempDir
    Path dir;

    /** biomarker.elastic-net: paths and the CV curve, the method's lambda.min and lambda.1se (summary) marked. */
    @Test
    void anElasticNetResultHasCoefficientPathsAndTheCvCurve() {
        try (BufferAllocator allocator = new RootAllocator();
                Table path = Table.builder(allocator).addInt64("step", 1, 1, 1, 2, 2, 2, 3, 3, 3)
                        .addFloat64("lambda", 1, 1, 1, 0.5, 0.5, 0.5, 0.25, 0.25, 0.25)
                        .addString("term", "(Intercept)", "IL6", "CRP", "(Intercept)", "IL6", "CRP", "(Intercept)", "IL6",
                                "CRP")
                        .addFloat64("coefficient", 2, 0, 0, 2, 0.3, 0, 2, 0.5, -0.2).build();
                Table cv = Table.builder(allocator).addFloat64("lambda", 1, 0.5, 0.25).addFloat64("cvm", 1.4, 1.1, 1.2)
                        .addFloat64("cvsd", 0.1, 0.1, 0.1).addFloat64("cvup", 1.5, 1.2, 1.3)
                        .addFloat64("cvlo", 1.3, 1.0, 1.1).addInt64("nzero", 0, 1, 2).build()) {
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("family", "binomial");
            summary.put("typeMeasure", "deviance");
            summary.put("lambdaMin", 0.5);
            summary.put("lambda1se", 1.0);
            List<String> html = BiomarkerReport.html("biomarker.elastic-net", name -> SignalReport.rows(
                    name.equals("path") ? path : name.equals("cv") ? cv : null), summary, Map.of());
            assertEquals(4, html.size(), "two charts, each with its caption");
            assertTrue(html.get(0).contains("aria-label=\"coefficient paths\""));
            assertTrue(html.get(0).contains(">IL6</text>") && html.get(0).contains(">CRP</text>"), "terms named");
            assertTrue(!html.get(0).contains("(Intercept)"), "no intercept path");
            assertTrue(html.get(2).contains("aria-label=\"cross-validation curve\""));
            assertTrue(html.get(2).contains(">Binomial deviance</text>"));
            assertTrue(html.get(2).contains(">lambda.min 0.5 (1 term)</text>"), "the summary's lambda.min, nzero 1");
            assertTrue(html.get(2).contains(">lambda.1se 1 (0 terms)</text>"));
        }
    }

    /** biomarker.roc: one curve per marker, the AUC row's interval in the legend and its Youden point. */
    @Test
    void aRocResultHasCurvesWithAucAndYoudenPoint() {
        try (BufferAllocator allocator = new RootAllocator();
                Table roc = Table.builder(allocator).addString("marker", "CA125", "CA125", "CA125", "HE4", "HE4", "HE4")
                        .addFloat64("threshold", Double.NEGATIVE_INFINITY, 2, Double.POSITIVE_INFINITY,
                                Double.NEGATIVE_INFINITY, 5, Double.POSITIVE_INFINITY)
                        .addFloat64("sensitivity", 1, 0.8, 0, 1, 0.6, 0).addFloat64("specificity", 0, 0.7, 1, 0, 0.5, 1)
                        .build();
                Table auc = Table.builder(allocator).addString("marker", "CA125", "HE4").addString("direction", "<", "<")
                        .addFloat64("cases", 40, 40).addFloat64("controls", 60, 60).addFloat64("auc", 0.75, 0.55)
                        .addFloat64("auc_lower", 0.65, 0.44).addFloat64("auc_upper", 0.85, 0.66)
                        .addFloat64("best_threshold", 2, 5).addFloat64("best_sensitivity", 0.8, 0.6)
                        .addFloat64("best_specificity", 0.7, 0.5).addFloat64("best_ties", 1, 1).build()) {
            List<String> html = BiomarkerReport.html("biomarker.roc", name -> SignalReport.rows(
                    name.equals("roc") ? roc : name.equals("auc") ? auc : null), Map.of("level", 0.9), Map.of());
            assertEquals(2, html.size());
            String svg = html.get(0);
            assertTrue(svg.contains(">CA125: AUC 0.750 (90% CI 0.650 to 0.850)</text>"), svg);
            assertTrue(svg.contains(">HE4: AUC 0.550 (90% CI 0.440 to 0.660)</text>"));
            assertTrue(svg.contains("<title>CA125 threshold 2: Se 0.800, Sp 0.700</title>"), "the Youden point");
        }
    }

    /** biomarker.time-roc: one curve per marker and time; its AUC table has no interval. */
    @Test
    void aTimeRocResultHasOneCurvePerMarkerAndTime() {
        try (BufferAllocator allocator = new RootAllocator();
                Table roc = Table.builder(allocator).addString("marker", "m", "m", "m", "m")
                        .addFloat64("time", 365, 365, 730, 730).addFloat64("threshold", 1, 2, 1, 2)
                        .addFloat64("sensitivity", 1, 0.5, 1, 0.6).addFloat64("specificity", 0.2, 0.9, 0.3, 0.8).build();
                Table auc = Table.builder(allocator).addString("marker", "m", "m").addFloat64("time", 365, 730)
                        .addFloat64("auc", 0.71, 0.68).addFloat64("cases", 20, 35).addFloat64("controls", 80, 65)
                        .build()) {
            String svg = BiomarkerReport.html("biomarker.time-roc", name -> SignalReport.rows(
                    name.equals("roc") ? roc : name.equals("auc") ? auc : null), Map.of(), Map.of()).get(0);
            assertTrue(svg.contains(">m at t = 365: AUC 0.710</text>"), svg);
            assertTrue(svg.contains(">m at t = 730: AUC 0.680</text>"));
        }
    }

    private static Map<String, Object> row(List<String> columns, Object... values) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            row.put(columns.get(i), values[i]);
        }
        return row;
    }

    /**
     * Saved documents of biomarker.stepp (the "stepp" table) and biomarker.virtual-twins (the "subgroups"
     * table) carry their tables as rows in the summary: the report draws the STEPP plot and the subgroup forest plot.
     */
    @Test
    void savedSteppAndSubgroupResultsAreDrawnInTheReport() throws Exception {
        List<String> steppColumns = List.of("window", "marker_lower", "marker_upper", "marker_median", "n",
                "effect_treatment", "effect_control", "difference", "difference_lower", "difference_upper");
        List<Object> stepp = new ArrayList<>();
        for (int w = 0; w < 5; w++) {
            stepp.add(row(steppColumns, (double) w + 1, w * 1.0, w + 2.0, w + 1.0, 80.0, 0.5, 0.4, -0.1 * w,
                    -0.1 * w - 0.3, -0.1 * w + 0.3));
        }
        Map<String, Object> steppSummary = new LinkedHashMap<>();
        steppSummary.put("stepp", stepp);
        steppSummary.put("overallDifference", -0.2);
        steppSummary.put("steppP", 0.04);
        steppSummary.put("effectScale", "risk difference");
        Map<String, Object> interaction = new LinkedHashMap<>();
        interaction.put("method", "biomarker.stepp");
        interaction.put("summary", steppSummary);
        interaction.put("provenance", Map.of("parameters", Map.of("marker", "ki67")));

        List<String> subgroupColumns = List.of("subgroup", "n", "n_treatment", "n_control", "effect_naive", "naive_lower",
                "naive_upper", "effect_adjusted", "adjusted_lower", "adjusted_upper", "p_value", "effect_scale");
        List<Object> subgroups = List.of(
                row(subgroupColumns, "marker1 >= 0.42 & marker3 < 1.1", 120.0, 60.0, 60.0, 0.45, 0.3, 0.68, 0.62, 0.4,
                        0.96, 0.001, "hazard ratio"),
                row(subgroupColumns, "marker2 < -0.3", 90.0, 45.0, 45.0, 0.6, 0.42, 0.86, 0.75, 0.5, 1.1, 0.01,
                        "hazard ratio"));
        Map<String, Object> twinsSummary = new LinkedHashMap<>();
        twinsSummary.put("subgroups", subgroups);
        Map<String, Object> twins = new LinkedHashMap<>();
        twins.put("method", "biomarker.virtual-twins");
        twins.put("summary", twinsSummary);

        Path file = dir.resolve("biomarker.html");
        AnalysisReport.write(file, "Biomarkers", List.of(interaction, twins), null);
        String html = Files.readString(file);
        assertTrue(html.contains("aria-label=\"STEPP plot\""), html);
        assertTrue(html.contains(">Treatment effect (risk difference)</text>"));
        assertTrue(html.contains(">ki67 (median of window)</text>"), "the run's marker titles the axis");
        assertTrue(html.contains(">overall -0.2</text>"));
        assertTrue(html.contains("p = 0.040"));
        assertTrue(html.contains("aria-label=\"subgroup forest plot\""));
        int naive = html.indexOf(">marker1 &gt;= 0.42 &amp; marker3 &lt; 1.1 \u00b7 naive</text>");
        int adjusted = html.indexOf(">marker1 &gt;= 0.42 &amp; marker3 &lt; 1.1 \u00b7 adjusted</text>");
        int second = html.indexOf(">marker2 &lt; -0.3 \u00b7 naive</text>");
        assertTrue(naive > 0 && adjusted > naive && second > adjusted, "rows in table order, naive first");
        assertTrue(html.contains(">Hazard ratio (95% CI, log scale)</text>"));
        assertTrue(html.contains(">0.450 (0.300 to 0.680)</text>"));
    }

    /**
     * Example reports of synthetic results (BiomarkerReportExample) written to target/biomarker-report/ for a look in
     * a browser (docs/images/biomarker-*.png are their screenshots).
     */
    @Test
    void exampleReportsOfSyntheticResults() throws Exception {
        Path out = Files.createDirectories(Path.of("target", "biomarker-report"));
        AnalysisReport.write(out.resolve("biomarker-enet.html"), "Biomarker discovery: elastic net",
                List.of(BiomarkerReportExample.elasticNet(20261203L)), null);
        AnalysisReport.write(out.resolve("biomarker-roc.html"), "Biomarker discovery: ROC",
                List.of(BiomarkerReportExample.roc(7L)), null);
        AnalysisReport.write(out.resolve("biomarker-stepp.html"), "Biomarker discovery: treatment by marker",
                List.of(BiomarkerReportExample.stepp(7L)), null);
        AnalysisReport.write(out.resolve("biomarker-subgroups.html"), "Biomarker discovery: subgroups",
                List.of(BiomarkerReportExample.subgroups()), null);
        String enet = Files.readString(out.resolve("biomarker-enet.html"));
        assertTrue(enet.contains("aria-label=\"coefficient paths\"") && enet.contains("aria-label=\"cross-validation curve\""));
        assertTrue(enet.contains(">IL6</text>"), "the strongest true effect is named");
        String roc = Files.readString(out.resolve("biomarker-roc.html"));
        assertTrue(roc.contains(">CA125: AUC 0."), roc.substring(0, Math.min(roc.length(), 2000)));
    }

    @Test
    void otherMethodsAndMissingTablesDrawNothing() {
        assertEquals(List.of(), BiomarkerReport.html("stats.km", name -> null, Map.of(), Map.of()));
        assertEquals(List.of(), BiomarkerReport.html("biomarker.roc", name -> null, Map.of(), Map.of()));
        assertEquals(List.of(), BiomarkerReport.html("biomarker.stepp", name -> null, Map.of(), Map.of()));
    }
}
