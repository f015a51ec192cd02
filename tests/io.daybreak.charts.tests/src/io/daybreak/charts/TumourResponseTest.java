package io.daybreak.charts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.daybreak.charts.layout.ChartLayout;
import io.daybreak.charts.layout.Scene;
import io.daybreak.charts.layout.Shape;

/** Waterfall and spider plots: RECIST's size thresholds, the order of the bars, and where the lines are drawn. */
class TumourResponseTest {

    @Test
    void recistSizeThresholdsIncludeTheirBoundaries() {
        assertEquals(RecistChange.COMPLETE, RecistChange.of(-100));
        assertEquals(RecistChange.PARTIAL, RecistChange.of(-30));
        assertEquals(RecistChange.STABLE, RecistChange.of(-29.9));
        assertEquals(RecistChange.STABLE, RecistChange.of(19.9));
        assertEquals(RecistChange.PROGRESSION, RecistChange.of(20));
    }

    @Test
    void theWaterfallRunsFromTheLargestIncreaseToTheLargestDecreaseAndLeavesOutPatientsWithoutAChange() {
        WaterfallPlot plot = WaterfallPlot.of("", List.of("a", "b", "c", "d"), new double[] {-45, 35, Double.NaN, 5});
        assertEquals(List.of("b", "d", "a"), plot.patients());
        assertArrayEquals(new double[] {35, 5, -45}, plot.change(), 0);
        assertEquals(-100, plot.axis().min(), 0);
        assertTrue(plot.axis().max() >= 35);
    }

    @Test
    void barsAreColouredByCategoryWithDashedLinesAtTheThresholds() {
        WaterfallPlot plot = WaterfallPlot.of("", List.of("a", "b", "c"), new double[] {-45, 35, 5});
        Scene scene = ChartLayout.layout(plot, 600, 320);
        List<Shape.Rect> bars = scene.shapes().stream().filter(Shape.Rect.class::isInstance).map(Shape.Rect.class::cast)
                .filter(r -> r.tooltip() != null).toList();
        assertEquals(List.of(RecistChange.PROGRESSION.colour(), RecistChange.STABLE.colour(),
                RecistChange.PARTIAL.colour()), bars.stream().map(Shape.Rect::fill).toList());
        assertTrue(bars.get(0).tooltip().startsWith("b: 35"));
        List<Shape.Line> dashed = scene.shapes().stream().filter(Shape.Line.class::isInstance).map(Shape.Line.class::cast)
                .filter(Shape.Line::dashed).toList();
        assertEquals(2, dashed.size(), "+20% and -30%");
        // an increase stands on the zero line, a decrease hangs from it
        assertEquals(bars.get(0).y() + bars.get(0).height(), bars.get(2).y(), 1e-9);
    }

    @Test
    void aSpiderPlotGroupsALongTableByPatient() {
        SpiderPlot plot = SpiderPlot.ofRows("", "Days", List.of("1", "1", "1", "2", "2"), new double[] {0, 40, 80, 0, 42},
                new double[] {0, -20, -35, 0, 25});
        assertEquals(List.of("1", "2"), plot.patients());
        assertArrayEquals(new double[] {0, 40, 80}, plot.times().get(0), 0);
        assertEquals(-35, SpiderPlot.best(plot.changes().get(0)), 0);
        assertEquals(25, SpiderPlot.best(plot.changes().get(1)), 0);
        assertTrue(Double.isNaN(SpiderPlot.best(new double[] {0})), "baseline only");
        Scene scene = ChartLayout.layout(plot, 600, 320);
        List<Shape.Path> lines = scene.shapes().stream().filter(Shape.Path.class::isInstance).map(Shape.Path.class::cast)
                .toList();
        assertEquals(List.of(RecistChange.PARTIAL.colour(), RecistChange.PROGRESSION.colour()),
                lines.stream().map(Shape.Path::stroke).toList());
    }
}
