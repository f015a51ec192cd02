package io.daybreak.console.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.daybreak.data.Table;

/**
 * The report of the signal-detection methods, from result tables built here with the contract's column names
 * (docs/signal.md): a volcano plot, the criteria above the table, flagged rows highlighted, the AE dot plot's order.
 */
class SignalReportTest {
    private static final List<String> DISPRO_COLUMNS = List.of("drug", "event", "n", "n_drug", "n_event", "n_total",
            "expected", "prr", "prr_lower", "prr_upper", "chisq_yates", "ror", "ror_lower", "ror_upper", "fisher_p", "ic",
            "ic_lower", "ic_upper", "signal_prr", "signal_ror", "signal_ic", "signal");

    @TempDir
    Path dir;

    private static Map<String, Object> row(Object... values) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            row.put(DISPRO_COLUMNS.get(i), values[i]);
        }
        return row;
    }

    /** Four pairs: two flagged by the method (one by PRR, ROR and IC; one by ROR only), sorted by PRR. */
    private static List<Object> signals() {
        return List.of(
                row("Drugzumab", "Hepatitis", 12.0, 40.0, 60.0, 2000.0, 1.2, 9.6, 5.2, 17.7, 68.1, 11.9, 5.9, 24.1, 1.2e-8,
                        3.1, 2.4, 3.7, true, true, true, true),
                row("Drugzumab", "Rash", 2.0, 40.0, 50.0, 2000.0, 1.0, 2.4, 0.6, 9.0, 0.4, 2.5, 0.6, 10.6, 0.26, 0.8, -0.9,
                        2.1, false, false, false, false),
                row("Oldmab", "Nausea", 30.0, 400.0, 150.0, 2000.0, 30.0, 1.0, 0.7, 1.4, 0.0, 1.0, 0.6, 1.5, 1.0, 0.0,
                        -0.5, 0.4, false, false, false, false),
                row("Oldmab", "Fatigue", 25.0, 400.0, 100.0, 2000.0, 20.0, 1.3, 0.9, 1.8, 1.6, 1.35, 1.02, 1.9, 0.12, 0.3,
                        0.02, 0.6, false, true, true, true));
    }

    private static int count(String text, String part) {
        Matcher m = Pattern.compile(Pattern.quote(part)).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    /** A saved disproportionality result: the volcano plot, the run's thresholds stated, the two flagged rows marked. */
    @Test
    void aDisproportionalityReportHasAVolcanoPlotTheCriteriaAndTheFlaggedRows() throws Exception {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("pairs", 4L);
        summary.put("signals", signals());
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("method", "signal.disproportionality");
        document.put("summary", summary);
        document.put("provenance", Map.of("parameters", Map.of("prrMin", 3.0, "sortBy", "prr")));
        Path file = dir.resolve("signals.html");
        AnalysisReport.write(file, "Signals", List.of(document), null);
        String html = Files.readString(file);
        assertTrue(html.contains("aria-label=\"volcano plot\""), html);
        assertTrue(html.contains(">PRR = 3<") && html.contains(">p = 0.05<"), "the thresholds are drawn and labelled");
        assertTrue(html.contains("PRR &ge; 3,"), "the run's PRR threshold is stated");
        assertTrue(html.contains("&chi;&sup2; &ge; 4 (the usual value; the run recorded none)"), "a default says so");
        assertEquals(2, count(html, "<tr class=\"signal\">"), "the two rows the method flagged");
        int hepatitis = html.indexOf(">Hepatitis<");
        int rash = html.indexOf(">Rash<", html.indexOf("<table class=\"signals\">"));
        assertTrue(html.indexOf("<tr class=\"signal\">") < hepatitis && hepatitis < rash, "the first row is flagged");
        assertTrue(html.contains("<td><b>9.60 (5.20 to 17.7)</b></td>"), "PRR 9.6 >= 3 in bold");
        assertTrue(html.contains("<td>2.40 (0.600 to 9.00)</td>"), "PRR 2.4 < 3 not");
        assertTrue(html.contains("<td class=\"text\">PRR, ROR, IC</td>") && html.contains("<td class=\"text\">ROR, IC</td>"));
        assertTrue(html.contains("Sorted by prr (descending)"));
        // the strongest signal is named in the plot (-log10 1.2e-8 = 7.9)
        assertTrue(html.contains(">Drugzumab \u2013 Hepatitis</text>"), "the top signal is labelled");
    }

    /** An AE comparison read from an Arrow table (proportions): the dot plot and the table in the plot's order. */
    @Test
    void anAeComparisonHasTheDotPlotAndItsTableInThePlotsOrder() {
        try (BufferAllocator allocator = new RootAllocator();
                Table ae = Table.builder(allocator)
                        .addString("body_system", "GI", "GI", "Skin", "GI")
                        .addString("term", "Nausea", "Diarrhoea", "Rash", "Constipation")
                        .addString("arm", "Drug", "Drug", "Drug", "Drug")
                        .addString("control_arm", "Placebo", "Placebo", "Placebo", "Placebo")
                        .addFloat64("n_arm", 10, 20, 6, 2).addFloat64("N_arm", 50, 50, 50, 50)
                        .addFloat64("incidence_arm", 0.2, 0.4, 0.12, 0.04)
                        .addFloat64("n_control", 8, 5, 5, 12).addFloat64("N_control", 50, 50, 50, 50)
                        .addFloat64("incidence_control", 0.16, 0.1, 0.1, 0.24)
                        .addFloat64("risk_difference", 0.04, 0.3, 0.02, -0.2)
                        .addFloat64("rd_lower", -0.11, 0.14, -0.1, -0.33).addFloat64("rd_upper", 0.19, 0.46, 0.14, -0.07)
                        .addFloat64("risk_ratio", 1.25, 4, 1.2, 0.17).addFloat64("rr_lower", 0.54, 1.6, 0.39, 0.04)
                        .addFloat64("rr_upper", 2.9, 9.9, 3.7, 0.71)
                        .addFloat64("fisher_p", 0.79, 0.0006, 1, 0.008).addFloat64("bh_p", 0.79, 0.0012, 1, 0.01)
                        .addFloat64("double_fdr_p", 0.79, 0.0024, 1, 0.01)
                        .addFloat64("bb_prob_raised", 0.6, 0.99, 0.55, 0.02)
                        .build()) {
            List<String> html = SignalReport.html("signal.ae-compare", name -> name.equals("ae") ? SignalReport.rows(ae)
                    : null, Map.of());
            assertEquals(2, html.size());
            assertTrue(html.get(0).contains("aria-label=\"AE dot plot\""));
            assertTrue(html.get(0).contains("Risk difference (percentage points, 95% CI)"));
            assertTrue(html.get(0).contains("<title>Drug, Diarrhoea: 40%</title>"), "proportions drawn as percent");
            String table = html.get(1);
            List<Integer> at = new ArrayList<>();
            for (String term : List.of(">GI<", ">Diarrhoea<", ">Nausea<", ">Constipation<", ">Skin<", ">Rash<")) {
                at.add(table.indexOf(term));
            }
            assertTrue(at.get(0) > 0 && at.equals(at.stream().sorted().toList()), "GI (RD 30) before Skin, Diarrhoea (30)"
                    + " before Nausea (4) before Constipation (-20), each system heading its terms: " + at);
            assertEquals(1, count(table, "<tr class=\"signal\">"), "Diarrhoea only: double-FDR p 0.0024 <= 0.1 and an "
                    + "increase; Constipation's 0.01 is a decrease");
            assertTrue(table.contains("<td><b>0.0100</b></td>"), "the decrease's p is still bold");
            assertTrue(table.contains("arm (vs Placebo)"));
            assertTrue(table.contains("<td>20/50 (40.0)</td>") && table.contains("<td>30.0 (14.0 to 46.0)</td>"), table);
        }
    }

    /**
     * The example reports (docs/images/signal-*.png are screenshots of them), written under target/signal-report/: as
     * many highlighted rows as the method flagged, and the AE table in the dot plot's order of its 30 terms.
     */
    @Test
    void exampleReportsOfSyntheticResults() throws Exception {
        List<Object> signals = SignalReportExample.signals(20261203L);
        long flagged = signals.stream().filter(r -> Boolean.TRUE.equals(((Map<?, ?>) r).get("signal"))).count();
        Map<String, Object> dispro = new LinkedHashMap<>();
        dispro.put("method", "signal.disproportionality");
        dispro.put("summary", Map.of("signals", signals));
        dispro.put("provenance", Map.of("parameters", Map.of("prrMin", 2.0, "chisqMin", 4.0, "nMin", 3.0,
                "alpha", 0.05, "sortBy", "prr")));
        Map<String, Object> ae = new LinkedHashMap<>();
        ae.put("method", "signal.ae-compare");
        ae.put("summary", Map.of("ae", SignalReportExample.ae(17L)));
        ae.put("provenance", Map.of("parameters", Map.of("fdrThreshold", 0.1)));
        Path out = Files.createDirectories(Path.of("target", "signal-report"));
        AnalysisReport.write(out.resolve("signal-disproportionality.html"), "Signal detection: disproportionality",
                List.of(dispro), null);
        AnalysisReport.write(out.resolve("signal-ae.html"), "Adverse events by arm", List.of(ae), null);
        String html = Files.readString(out.resolve("signal-disproportionality.html"));
        assertTrue(flagged > 0 && flagged < signals.size(), "the example has signals and non-signals: " + flagged);
        assertEquals(flagged, count(html, "<tr class=\"signal\">"));
        assertEquals(flagged, count(html, "fill=\"#e15759\" stroke=\"#ffffff\""), "one highlighted dot per signal");
        String aeHtml = Files.readString(out.resolve("signal-ae.html"));
        assertEquals(30, count(aeHtml, "<title>Drug 10 mg vs Placebo, "), "a risk difference per term and arm");
    }

    /** sortBy=ror: the ROR on the x axis, without a line for it (its criterion is on the lower limit). */
    @Test
    void aRunSortedByTheRorDrawsTheRor() {
        List<String> html = SignalReport.html("signal.disproportionality", name -> name.equals("signals")
                ? SignalReport.rows(signals()) : null, Map.of("sortBy", "ror"));
        assertTrue(html.get(0).contains(">ROR (log scale)<"), html.get(0));
        assertTrue(!html.get(0).contains(">ROR = ") && !html.get(0).contains(">PRR = "));
        assertTrue(html.get(0).contains("<title>Drugzumab \u2013 Hepatitis: 11.9, 7.92</title>"), "ROR 11.9, -log10 1.2e-8");
    }

    @Test
    void otherMethodsAndMissingTablesGetNothing() {
        assertEquals(List.of(), SignalReport.html("stats.km", name -> null, Map.of()));
        assertEquals(List.of(), SignalReport.html("signal.ebgm", name -> null, Map.of()));
    }

    /** The EBGM table: EB05 >= 2 highlighted (the usual threshold, said so), the dashed line at EB05 = 2. */
    @Test
    void anEbgmReportMarksEb05AboveItsThreshold() {
        List<Object> rows = List.of(
                Map.of("drug", "A", "event", "x", "n", 20.0, "expected", 2.0, "rr", 10.0, "ebgm", 7.5, "eb05", 5.1,
                        "eb95", 10.2, "p_exceed", 0.99),
                Map.of("drug", "B", "event", "y", "n", 3.0, "expected", 1.5, "rr", 2.0, "ebgm", 1.6, "eb05", 0.9,
                        "eb95", 2.9, "p_exceed", 0.3));
        List<String> html = SignalReport.html("signal.ebgm", name -> name.equals("ebgm") ? SignalReport.rows(rows)
                : null, Map.of());
        assertTrue(html.get(0).contains(">EB05 = 2<"));
        assertEquals(1, count(html.get(1), "<tr class=\"signal\">"));
        assertTrue(html.get(1).contains("<td><b>5.10</b></td>"));
        assertTrue(html.get(1).contains("&ge; 2 (the usual value; the run recorded none)"));
    }
}
