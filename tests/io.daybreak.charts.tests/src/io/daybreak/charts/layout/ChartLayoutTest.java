package io.daybreak.charts.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.daybreak.charts.BarChart;
import io.daybreak.charts.ForestPlot;
import io.daybreak.charts.LinePlot;
import io.daybreak.charts.SurvivalCurve;
import io.daybreak.charts.SurvivalPlot;

/** Where things land in pixels: the properties a reader of the chart relies on. */
class ChartLayoutTest {
    private static final double[] TIME = {2, 3, 5, 8};
    private static final double[] S = {0.8, 0.8, 0.6, 0.6};

    private static SurvivalPlot km() {
        SurvivalCurve a = new SurvivalCurve("arm A", TIME, S, S, S, new long[] {6, 5, 4, 3}, new long[] {1, 0, 1, 0},
                new long[] {0, 1, 0, 1});
        SurvivalCurve b = new SurvivalCurve("arm B", TIME, S, S, S, new long[] {9, 8, 7, 6}, new long[] {1, 0, 1, 0},
                new long[] {0, 1, 0, 1});
        return SurvivalPlot.of("", "Time (months)", List.of(a, b), "note");
    }

    private static List<Shape.Text> texts(Scene scene) {
        return scene.shapes().stream().filter(Shape.Text.class::isInstance).map(Shape.Text.class::cast).toList();
    }

    private static Shape.Text text(Scene scene, String text) {
        return texts(scene).stream().filter(t -> t.text().equals(text)).findFirst().orElseThrow(() ->
                new AssertionError("no text " + text + " in " + texts(scene)));
    }

    @Test
    void numbersAtRiskSitUnderTheirTimeTicks() {
        Scene scene = ChartLayout.layout(km(), 600, 400);
        Shape.Text tick = text(scene, "4");
        Shape.Text atRisk = text(scene, "7");
        assertEquals(tick.x(), atRisk.x(), 1e-9, "at risk at t = 4 is centred under tick 4");
        assertTrue(atRisk.y() > tick.y() + 30, "the table is below the axis title");
        assertEquals(Shape.Anchor.MIDDLE, atRisk.anchor());
        assertTrue(text(scene, "Number at risk").bold());
        assertTrue(text(scene, "Survival probability").vertical());
        assertTrue(texts(scene).stream().anyMatch(t -> t.text().equals("Time (months)")));
    }

    @Test
    void survivalOneIsAtTheTopOfThePlotAndZeroAtTheBottom() {
        Scene scene = ChartLayout.layout(km(), 600, 400);
        double one = text(scene, "1").y();
        double zero = texts(scene).stream().filter(t -> t.text().equals("0") && t.anchor() == Shape.Anchor.END)
                .findFirst().orElseThrow().y();
        assertTrue(one < zero);
        Shape.Path curve = scene.shapes().stream().filter(Shape.Path.class::isInstance).map(Shape.Path.class::cast)
                .filter(p -> p.stroke() != null).findFirst().orElseThrow();
        // the curve starts at S = 1, i.e. on the height of the "1" tick label's line (label baseline is 3.5 px lower)
        assertEquals(one - 3.5, curve.xy()[1], 1e-9);
    }

    @Test
    void theForestReferenceLineIsDashedAtOne() {
        ForestPlot plot = ForestPlot.ratios("", "Hazard ratio", List.of("age", "sex"), new double[] {0.02, -0.5},
                new double[] {-0.001, -0.8}, new double[] {0.04, -0.2});
        Scene scene = ChartLayout.layout(plot, 600, ChartLayout.preferredHeight(plot, 600));
        Shape.Line reference = scene.shapes().stream().filter(Shape.Line.class::isInstance).map(Shape.Line.class::cast)
                .filter(Shape.Line::dashed).findFirst().orElseThrow();
        assertEquals(text(scene, "1").x(), reference.x1(), 1e-9);
        assertTrue(texts(scene).stream().anyMatch(t -> t.text().equals("0.607 (0.449 to 0.819)")));
    }

    @Test
    void intervalsKeepTrailingZerosAsReportsPrintThem() {
        ForestPlot plot = ForestPlot.ratios("", "Hazard ratio", List.of("age"), new double[] {0}, new double[] {-0.02},
                new double[] {0.0296});
        Scene scene = ChartLayout.layout(plot, 600, ChartLayout.preferredHeight(plot, 600));
        assertTrue(texts(scene).stream().anyMatch(t -> t.text().equals("1.00 (0.980 to 1.03)")), texts(scene).toString());
    }

    @Test
    void barsStandOnTheAxisAndReachTheirValue() {
        BarChart chart = BarChart.of("Selection", "Dose level", List.of("1", "2"), List.of("boin", "3+3"),
                new double[][] {{20, 80}, {50, 50}}, "Selected (%)", 100);
        Scene scene = ChartLayout.layout(chart, 400, 240);
        List<Shape.Rect> bars = scene.shapes().stream().filter(Shape.Rect.class::isInstance).map(Shape.Rect.class::cast)
                .filter(r -> r.tooltip() != null).toList();
        assertEquals(4, bars.size());
        double base = bars.get(0).y() + bars.get(0).height();
        for (Shape.Rect bar : bars) {
            assertEquals(base, bar.y() + bar.height(), 1e-9);
        }
        assertEquals(4 * bars.get(0).height(), bars.get(2).height(), 1e-9, "80 is four times 20");
    }

    @Test
    void linesAreDrawnFromTheSameAxes() {
        LinePlot plot = LinePlot.of("Posterior", "Dose", "P(DLT)", List.of("a"), List.of(new double[] {1, 2, 3}),
                List.of(new double[] {0.1, 0.2, 0.35}), true, true);
        Scene scene = ChartLayout.layout(plot, 400, 240);
        assertEquals("P(DLT)", text(scene, "P(DLT)").text());
        assertEquals(1, scene.shapes().stream().filter(s -> s instanceof Shape.Path p && p.stroke() != null).count());
    }

    /** Median lines: down from each curve's median (times 2.5 and 5 here) and one across at S = 0.5, dashed. */
    @Test
    void dashedLinesMarkEachMedian() {
        double[] time = {1, 2, 3, 4, 5, 6};
        SurvivalCurve a = SurvivalCurve.of("A", time, new double[] {0.75, 0.5, 0.25, 0.2, 0.1, 0.1}, new double[6],
                new double[6]);
        SurvivalCurve b = SurvivalCurve.of("B", time, new double[] {0.9, 0.8, 0.7, 0.6, 0.4, 0.4}, new double[6],
                new double[6]);
        SurvivalCurve never = SurvivalCurve.of("C", time, new double[] {0.9, 0.9, 0.9, 0.8, 0.8, 0.8}, new double[6],
                new double[6]);
        Scene scene = ChartLayout.layout(SurvivalPlot.of("", "Time", List.of(a, b, never), ""), 600, 400);
        List<Shape.Line> medians = scene.shapes().stream().filter(Shape.Line.class::isInstance).map(Shape.Line.class::cast)
                .filter(l -> l.dashed() && l.stroke().equals("#777777")).toList();
        assertEquals(3, medians.size(), "two vertical lines and one horizontal; none for a curve above 0.5");
        Shape.Line across = medians.stream().filter(l -> l.y1() == l.y2()).findFirst().orElseThrow();
        List<Double> down = medians.stream().filter(l -> l.x1() == l.x2()).map(Shape.Line::x1).sorted().toList();
        assertEquals(2, down.size());
        assertEquals(down.get(1), across.x2(), 1e-9, "the line across ends at the latest median");
        double perUnit = (down.get(1) - down.get(0)) / (5 - 2.5);
        assertEquals(down.get(0) - 2.5 * perUnit, across.x1(), 1e-9, "and starts at time 0");
    }
}
