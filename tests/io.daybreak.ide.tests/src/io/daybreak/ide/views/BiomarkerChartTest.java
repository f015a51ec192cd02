package io.daybreak.ide.views;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.apache.arrow.memory.BufferAllocator;
import org.junit.jupiter.api.Test;

import io.daybreak.charts.CurvePlot;
import io.daybreak.charts.ForestPlot;
import io.daybreak.data.ArrowMemory;
import io.daybreak.data.Table;

/**
 * The biomarker tables (built here with the contract's column names, docs/biomarker.md "Plots and the report") as the
 * results view charts them, drawn by the SWT renderer.
 */
class BiomarkerChartTest extends UiTestSupport {

    /** An elastic-net "cv" table: lambda.min and lambda.1se found on the curve (cv.glmnet's rule), nzero on top. */
    @Test
    void aCvTableIsTheCrossValidationCurveWithBothLambdas() throws Exception {
        try (BufferAllocator allocator = service(ArrowMemory.class).newChildAllocator("cv test");
                Table cv = Table.builder(allocator).addFloat64("lambda", 1, 0.5, 0.25, 0.125)
                        .addFloat64("cvm", 1.5, 1.1, 1.0, 1.2).addFloat64("cvsd", 0.1, 0.1, 0.15, 0.1)
                        .addFloat64("cvup", 1.6, 1.2, 1.15, 1.3).addFloat64("cvlo", 1.4, 1.0, 0.85, 1.1)
                        .addInt64("nzero", 0, 2, 4, 7).build()) {
            Chart chart = Chart.of("biomarker.elastic-net", "binomial", cv, null, null, null, 0,
                    Map.of("typeMeasure", "deviance"));
            CurvePlot plot = assertInstanceOf(CurvePlot.class, ((Chart.Single) chart).model());
            assertEquals("Binomial deviance", plot.y().title());
            List<CurvePlot.Guide> lines = plot.guides();
            assertEquals(Math.log(0.25), lines.get(0).x1(), 1e-12, "lambda.min: the smallest cvm");
            assertEquals(Math.log(0.5), lines.get(1).x1(), 1e-12, "lambda.1se: cvm 1.1 <= cvup 1.15 at the minimum");
            assertEquals("lambda.min 0.25 (4 terms)", lines.get(0).label());
            ChartCanvas canvas = new ChartCanvas(shell);
            canvas.show(chart);
            show();
            screenshot("biomarker-cv");
        }
    }

    /** A "roc" table: one curve per marker; a "subgroups" table: the forest plot of naive and adjusted effects. */
    @Test
    void rocAndSubgroupTablesAreDrawn() throws Exception {
        try (BufferAllocator allocator = service(ArrowMemory.class).newChildAllocator("roc test");
                Table roc = Table.builder(allocator).addString("marker", "a", "a", "a", "b", "b", "b")
                        .addFloat64("threshold", 1, 2, 3, 1, 2, 3).addFloat64("sensitivity", 1, 0.8, 0, 1, 0.5, 0)
                        .addFloat64("specificity", 0, 0.7, 1, 0, 0.6, 1).build();
                Table subgroups = Table.builder(allocator).addString("subgroup", "x1 >= 0.4", "x2 < 1")
                        .addFloat64("n", 100, 80).addFloat64("n_treatment", 50, 40).addFloat64("n_control", 50, 40)
                        .addFloat64("effect_naive", 0.5, 0.6).addFloat64("naive_lower", 0.3, 0.4)
                        .addFloat64("naive_upper", 0.8, 0.9).addFloat64("effect_adjusted", 0.7, 0.8)
                        .addFloat64("adjusted_lower", 0.45, 0.5).addFloat64("adjusted_upper", 1.1, 1.2)
                        .addFloat64("p_value", 0.01, 0.03).addString("effect_scale", "hazard ratio", "hazard ratio")
                        .build()) {
            Chart chart = Chart.of("biomarker.roc", null, roc);
            CurvePlot plot = assertInstanceOf(CurvePlot.class, ((Chart.Single) chart).model());
            assertEquals(List.of("a", "b"), plot.curves().stream().map(CurvePlot.Curve::name).toList());
            assertEquals(0.3, plot.marks().get(0).x(), 1e-12, "Youden point of a: 1 - 0.7");
            assertEquals(0.8, plot.marks().get(0).y(), 1e-12);
            ChartCanvas canvas = new ChartCanvas(shell);
            canvas.show(chart);
            show();
            screenshot("biomarker-roc");
            Chart forest = Chart.of("biomarker.virtual-twins", null, subgroups);
            ForestPlot model = assertInstanceOf(ForestPlot.class, forest.models().get(0));
            assertEquals(List.of("x1 >= 0.4 \u00b7 naive", "x1 >= 0.4 \u00b7 adjusted", "x2 < 1 \u00b7 naive",
                    "x2 < 1 \u00b7 adjusted"), model.terms());
            assertEquals(1, model.reference());
            canvas.show(forest);
            show();
            assertTrue(canvas.chart() != null);
        }
    }
}
