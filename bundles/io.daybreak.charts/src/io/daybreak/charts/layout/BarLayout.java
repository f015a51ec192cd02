package io.daybreak.charts.layout;

import java.util.ArrayList;
import java.util.List;

import io.daybreak.charts.BarChart;
import io.daybreak.charts.Palette;
import io.daybreak.charts.Ticks;

/** Grouped bars: one group per category, one bar per series, category labels under the groups. */
final class BarLayout {
    private BarLayout() {
    }

    static Scene layout(BarChart chart, double width, double height) {
        List<Shape> shapes = new ArrayList<>();
        double left = Frame.leftMargin(chart.value());
        double top = Decorations.title(shapes, chart.title(), 8);
        top = Decorations.legend(shapes, chart.series(), left, top);
        Frame frame = new Frame(left, top + 6, width - left - 12, height - top - 6 - Frame.X_AXIS_HEIGHT - 4, null,
                chart.value());
        frame.grid(shapes);
        int categories = chart.categories().size();
        double group = frame.width / Math.max(1, categories);
        double bar = group * 0.8 / Math.max(1, chart.series().size());
        for (int c = 0; c < categories; c++) {
            double x0 = frame.left + c * group + group * 0.1;
            for (int s = 0; s < chart.series().size(); s++) {
                double value = chart.values()[s][c];
                if (!Double.isFinite(value)) {
                    continue;
                }
                double y = frame.py(value);
                shapes.add(new Shape.Rect(x0 + s * bar, y, bar * 0.92, frame.bottom() - y, Palette.colour(s),
                        chart.series().get(s) + ", " + chart.categories().get(c) + ": " + Ticks.label(round(value))));
            }
        }
        frame.axes(shapes);
        for (int c = 0; c < categories; c++) {
            shapes.add(Text.at(frame.left + c * group + group / 2, frame.bottom() + 15, chart.categories().get(c),
                    Shape.Anchor.MIDDLE, Frame.TICK_FONT));
        }
        shapes.add(Text.at(frame.left + frame.width / 2, frame.bottom() + 31, chart.categoryTitle(), Shape.Anchor.MIDDLE,
                Frame.TITLE_FONT));
        return new Scene(chart.label(), width, height, shapes);
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
