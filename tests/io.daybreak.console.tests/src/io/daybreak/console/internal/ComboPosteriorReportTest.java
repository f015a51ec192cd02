package io.daybreak.console.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;

import io.daybreak.core.jobs.RunResult;
import io.daybreak.core.method.MethodDescriptor;
import io.daybreak.data.ColumnType;
import io.daybreak.data.Table;

/**
 * design.blrm-combo-posterior in the HTML report: P(overdose) and P(target) heat maps with each combination's data, the
 * admissible combinations outlined and the recommendation marked, from a posterior table with the method's columns
 * (2 x 2 grid, values made up for the layout).
 */
class ComboPosteriorReportTest {

    private static Table posterior(BufferAllocator allocator) {
        return Table.builder(allocator).addInt64("doseA", 1, 1, 2, 2).addInt64("doseB", 1, 2, 1, 2)
                .addInt64("patients", 3, 0, 3, 0).addInt64("dlts", 0, 0, 1, 0)
                .addFloat64("meanP", 0.08, 0.11, 0.15, 0.29).addFloat64("pTarget", 0.086, 0.188, 0.356, 0.463)
                .addFloat64("pOver", 0.005, 0.015, 0.04, 0.34).addBoolean("admissible", true, true, true, false)
                .build();
    }

    @Test
    void heatMapsShowTheDataTheProbabilitiesAndTheRecommendation() {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("recommendedDoseA", 2L);
        summary.put("recommendedDoseB", 1L);
        summary.put("decision", "next combination A2 B1");
        try (BufferAllocator allocator = new RootAllocator(); Table table = posterior(allocator)) {
            List<String> html = ComboPosteriorReport.html("design.blrm-combo-posterior",
                    name -> SignalReport.rows(name.equals("posterior") ? table : null), summary);
            assertEquals(3, html.size(), "two heat maps and a caption");
            String over = html.get(0);
            assertTrue(over.contains("aria-label=\"overdose probability\""), over);
            assertTrue(over.contains(">34.0%</text>") && over.contains(">0/3 DLT</text>"), over);
            assertTrue(over.contains(">1/3 DLT \u00b7 next</text>") && over.contains(">no patients</text>"), over);
            assertTrue(over.contains("Decision: next combination A2 B1."), over);
            String target = html.get(1);
            assertTrue(target.contains("aria-label=\"target probability\"") && target.contains(">46.3%</text>"), target);
            assertTrue(target.contains(">mean p 0.15 \u00b7 next</text>"), target);
            assertTrue(html.get(2).contains("highest P(target)"), html.get(2));
            assertTrue(ComboPosteriorReport.html("design.blrm-combo", name -> SignalReport.rows(table), summary)
                    .isEmpty(), "another method draws nothing");
        }
    }

    /** With the pathways table: a heading, the table with the next combination's P(overdose), and a note. */
    @Test
    void thePathwaysFollowTheHeatMaps() {
        try (BufferAllocator allocator = new RootAllocator(); Table table = posterior(allocator);
                Table pathways = Table.builder(allocator).addInt64("cohort", 1, 1).addString("history", "", "")
                        .addInt64("doseA", 2, 2).addInt64("doseB", 1, 1).addInt64("dlts", 0, 1)
                        .add("nextDoseA", ColumnType.INT64, Arrays.asList(2L, null))
                        .add("nextDoseB", ColumnType.INT64, Arrays.asList(2L, null))
                        .add("pOverNext", ColumnType.FLOAT64, Arrays.asList(0.183, null))
                        .addString("decision", "escalate B", "stop: no admissible combination").build()) {
            List<String> html = ComboPosteriorReport.html("design.blrm-combo-posterior", name -> SignalReport.rows(
                    name.equals("posterior") ? table : name.equals("pathways") ? pathways : null), Map.of());
            assertEquals(6, html.size(), "two heat maps, a caption, the pathways heading, table and note");
            String rows = html.get(4);
            assertTrue(rows.contains("<th>P(overdose) next</th>") && rows.contains("<td>0.183</td>"), rows);
            assertTrue(rows.contains("<td class=\"text\">A2B2</td>") && rows.contains("stop: no admissible"), rows);
        }
    }

    @Test
    void aTableWithoutTheColumnsOrWithAGapDrawsNothing() {
        try (BufferAllocator allocator = new RootAllocator();
                Table partial = Table.builder(allocator).addInt64("doseA", 1).addInt64("doseB", 1).build();
                Table gap = Table.builder(allocator).addInt64("doseA", 1, 2).addInt64("doseB", 1, 2)
                        .addInt64("patients", 0, 0).addInt64("dlts", 0, 0).addFloat64("meanP", 0.1, 0.2)
                        .addFloat64("pTarget", 0.1, 0.2).addFloat64("pOver", 0.1, 0.2)
                        .addBoolean("admissible", true, false).build()) {
            assertTrue(ComboPosteriorReport.html("design.blrm-combo-posterior", name -> SignalReport.rows(partial),
                    Map.of()).isEmpty());
            assertTrue(ComboPosteriorReport.html("design.blrm-combo-posterior", name -> SignalReport.rows(gap),
                    Map.of()).isEmpty(), "2 rows cannot fill a 2 x 2 grid");
        }
    }

    /** What {@code run design.blrm-combo-posterior ... --report} puts in its document. */
    @Test
    void aRunCarriesTheChartsInItsReportDocument() {
        try (BufferAllocator allocator = new RootAllocator(); Table table = posterior(allocator)) {
            RunResult result = new RunResult(Map.of("posterior", table), Map.of(), null, allocator);
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("method", "design.blrm-combo-posterior");
            document.put("summary", Map.of("decision", "stop"));
            Map<String, Object> withCharts = RunReport.document(MethodDescriptor.builder("design.blrm-combo-posterior",
                    "two-drug BLRM posterior").build(), result, document);
            List<?> charts = (List<?>) withCharts.get(RunReport.CHARTS);
            assertEquals(3, charts.size());
            assertFalse(charts.get(0).toString().contains("next</text>"), "no recommendation, no mark");
        }
    }
}
