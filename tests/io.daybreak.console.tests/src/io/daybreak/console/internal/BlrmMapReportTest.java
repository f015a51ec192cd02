package io.daybreak.console.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;

import io.daybreak.data.Table;

/**
 * design.blrm-map-prior in the HTML report (docs/designs.md, "Historical data in the BLRM"), from tables built here
 * with the method's column names and the documented example's values (seed 2026).
 */
class BlrmMapReportTest {
    private static Table prior(BufferAllocator allocator, boolean withDraws) {
        var b = Table.builder(allocator).addInt64("dose", 1, 2, 3, 4, 5).addFloat64("amount", 2.5, 5, 10, 20, 40)
                .addFloat64("meanP", 0.03, 0.06, 0.13, 0.29, 0.50).addFloat64("sdP", 0.04, 0.06, 0.08, 0.15, 0.23)
                .addFloat64("pUnder", 0.975, 0.932, 0.738, 0.176, 0.029)
                .addFloat64("pTarget", 0.0234, 0.0636, 0.2412, 0.4989, 0.2281);
        if (withDraws) {
            return b.addFloat64("pOver", 0.0012, 0.0032, 0.0155, 0.2993, 0.7853)
                    .addFloat64("pOverDraws", 0.0015, 0.0028, 0.0150, 0.2985, 0.7845).build();
        }
        return b.addFloat64("pOver", 0.0014, 0.0042, 0.0212, 0.3248, 0.7429).build();
    }

    private static Table mixture(BufferAllocator allocator) {
        return Table.builder(allocator).addInt64("component", 1, 2).addFloat64("weight", 0.8, 0.2)
                .addFloat64("meanLogAlpha", -2.09, -1.0986).addFloat64("sdLogAlpha", 0.55, 2)
                .addFloat64("meanLogBeta", 0.29, 0).addFloat64("sdLogBeta", 0.5, 1).addFloat64("correlation", -0.4, 0)
                .addBoolean("robust", false, true).build();
    }

    private static Table shrinkage(BufferAllocator allocator, double... pExchangeable) {
        return Table.builder(allocator).addString("trial", "H1", "H2").addInt64("patients", 24, 12).addInt64("dlts", 3, 2)
                .addFloat64("meanLogAlpha", -1.99, 1.23).addFloat64("sdLogAlpha", 0.65, 0.96)
                .addFloat64("meanLogBeta", 0.22, -0.10).addFloat64("sdLogBeta", 0.67, 0.78)
                .addFloat64("pExchangeable", pExchangeable).build();
    }

    @Test
    void historicalTrialsShowTheirShrinkageAndUnderExnexTheirProbabilityOfExchangeability() {
        try (BufferAllocator allocator = new RootAllocator(); Table normal = prior(allocator, false);
                Table mixturePrior = prior(allocator, true); Table exnex = shrinkage(allocator, 0.887, 0.088);
                Table full = shrinkage(allocator, 1, 1)) {
            List<String> html = BlrmMapReport.html("design.blrm-map-prior", name -> SignalReport.rows(
                    name.equals("prior") ? normal : name.equals("mixturePrior") ? mixturePrior
                            : name.equals("shrinkage") ? exnex : null), Map.of());
            String trials = html.get(3);
            assertTrue(trials.contains("<h3>Historical trials</h3>") && trials.contains("<th>P(exchangeable)</th>")
                    && trials.contains("<td>1.230 \u00b1 0.960</td>") && trials.contains("<td>0.088</td>"), trials);
            assertTrue(html.get(4).contains("judged unlike the others"), html.get(4));
            List<String> fullHtml = BlrmMapReport.html("design.blrm-map-prior", name -> SignalReport.rows(
                    name.equals("prior") ? normal : name.equals("mixturePrior") ? mixturePrior
                            : name.equals("shrinkage") ? full : null), Map.of());
            assertTrue(fullHtml.get(3).contains("<h3>Historical trials</h3>")
                    && !fullHtml.get(3).contains("P(exchangeable)"), fullHtml.get(3));
            assertEquals(4, fullHtml.size(), "no EXNEX caption under full exchangeability");
        }
    }

    @Test
    void mapPriorHasTheOverdoseChartTheThreePriorsAndTheComponents() {
        try (BufferAllocator allocator = new RootAllocator(); Table normal = prior(allocator, false);
                Table mixturePrior = prior(allocator, true); Table mixture = mixture(allocator)) {
            Map<String, Table> tables = Map.of("prior", normal, "mixturePrior", mixturePrior, "mixture", mixture);
            List<String> html = BlrmMapReport.html("design.blrm-map-prior", name -> SignalReport.rows(tables.get(name)),
                    Map.of("robustWeight", 0.2));
            assertEquals(5, html.size(), "chart, per-dose table, caption, components heading and table");
            assertTrue(html.get(0).startsWith("<svg") && html.get(0).contains("robust mixture (passed on)"), html.get(0));
            assertTrue(html.get(1).contains("<td>20</td><td>0.499</td><td>0.299</td><td>0.299</td><td>0.325</td>"),
                    html.get(1));
            assertTrue(html.get(2).contains("higher than the draws"), html.get(2));
            assertTrue(html.get(4).contains("robust (weak prior)") && html.get(4).contains("<td>-2.090</td>"), html.get(4));
            assertTrue(BlrmMapReport.html("design.blrm", name -> SignalReport.rows(tables.get(name)), Map.of()).isEmpty());
            assertTrue(BlrmMapReport.html("design.blrm-map-prior", name -> null, Map.of()).isEmpty());
        }
    }
}
