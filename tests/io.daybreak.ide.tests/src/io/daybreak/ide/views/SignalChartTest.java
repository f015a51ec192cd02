package io.daybreak.ide.views;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.apache.arrow.memory.BufferAllocator;
import org.junit.jupiter.api.Test;

import io.daybreak.charts.AeDotPlot;
import io.daybreak.charts.VolcanoPlot;
import io.daybreak.data.ArrowMemory;
import io.daybreak.data.Table;

/**
 * The signal-detection tables (built here with the contract's column names, docs/signal.md) as the results view
 * charts them: a volcano plot with the run's thresholds, the AE dot plot in percent, drawn by the SWT renderer.
 */
class SignalChartTest extends UiTestSupport {

    @Test
    void aSignalsTableIsAVolcanoPlotWithTheRunsThresholds() throws Exception {
        try (BufferAllocator allocator = service(ArrowMemory.class).newChildAllocator("volcano test");
                Table signals = Table.builder(allocator).addString("drug", "Drugzumab", "Drugzumab", "Oldmab")
                        .addString("event", "Hepatitis", "Rash", "Nausea").addFloat64("n", 12, 2, 30)
                        .addFloat64("prr", 9.6, 2.4, 1.0).addFloat64("ror", 11.9, 2.5, 1.0)
                        .addFloat64("fisher_p", 1.2e-8, 0.26, 1.0).addBoolean("signal", true, false, false).build()) {
            Chart chart = Chart.of("signal.disproportionality", null, signals, null, null, null, 0,
                    Map.of("prrMin", 3.0));
            VolcanoPlot plot = (VolcanoPlot) ((Chart.Single) chart).model();
            assertEquals(List.of("Drugzumab \u2013 Hepatitis", "Drugzumab \u2013 Rash", "Oldmab \u2013 Nausea"), plot.names());
            assertArrayEquals(new double[] {9.6, 2.4, 1.0}, plot.ratio());
            assertEquals(-Math.log10(1.2e-8), plot.score()[0], 1e-12);
            assertEquals(3.0, plot.xThreshold(), "the run's PRR threshold");
            assertTrue(plot.highlighted()[0] && !plot.highlighted()[1], "the method's flags");
            ChartCanvas canvas = new ChartCanvas(shell);
            canvas.show(chart);
            show();
            screenshot("signal-volcano");
        }
    }

    @Test
    void anAeTableIsTheDotPlotInPercent() throws Exception {
        try (BufferAllocator allocator = service(ArrowMemory.class).newChildAllocator("ae dot plot test");
                Table ae = Table.builder(allocator).addString("body_system", "GI", "GI", "Skin")
                        .addString("term", "Nausea", "Diarrhoea", "Rash").addString("arm", "Drug", "Drug", "Drug")
                        .addString("control_arm", "Placebo", "Placebo", "Placebo").addFloat64("n_arm", 10, 20, 6)
                        .addFloat64("N_arm", 50, 50, 50).addFloat64("incidence_arm", 0.2, 0.4, 0.12)
                        .addFloat64("incidence_control", 0.16, 0.1, 0.1).addFloat64("risk_difference", 0.04, 0.3, 0.02)
                        .addFloat64("rd_lower", -0.11, 0.14, -0.1).addFloat64("rd_upper", 0.19, 0.46, 0.14).build()) {
            Chart chart = Chart.of(ae);
            AeDotPlot plot = assertInstanceOf(AeDotPlot.class, ((Chart.Single) chart).model());
            assertEquals(List.of("Diarrhoea", "Nausea", "Rash"), plot.terms(), "by body system, then risk difference");
            assertEquals(40, plot.incidence()[plot.arms().indexOf("Drug")][0], 1e-9, "20/50 = 40%");
            assertEquals(30, plot.estimate()[0][0], 1e-9, "percentage points");
            ChartCanvas canvas = new ChartCanvas(shell);
            canvas.show(chart);
            show();
            screenshot("signal-ae-dotplot");
        }
    }
}
