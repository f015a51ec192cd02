package io.daybreak.charts.layout;

import java.util.List;

import io.daybreak.charts.Axis;
import io.daybreak.charts.Tick;

/**
 * The plot box of a chart and its axes: maps data to pixels and draws grid lines, axis lines, tick marks, tick
 * labels and axis titles from the axes' ticks (computed once, in {@link Axis}). Either axis may be absent.
 */
final class Frame {
    static final double TICK_FONT = 10;
    static final double TITLE_FONT = 11;
    /** Height under the plot taken by the x tick labels and the x axis title. */
    static final double X_AXIS_HEIGHT = 36;

    final double left;
    final double top;
    final double width;
    final double height;
    private final Axis x;
    private final Axis y;

    Frame(double left, double top, double width, double height, Axis x, Axis y) {
        this.left = left;
        this.top = top;
        this.width = Math.max(10, width);
        this.height = Math.max(10, height);
        this.x = x;
        this.y = y;
    }

    /** The room left of the plot for y tick labels and the (vertical) y axis title. */
    static double leftMargin(Axis y) {
        double labels = 0;
        for (Tick tick : y.ticks()) {
            labels = Math.max(labels, Text.width(tick.label(), TICK_FONT));
        }
        return labels + 10 + 20;
    }

    double px(double value) {
        return left + width * x.fraction(value);
    }

    double py(double value) {
        return top + height * (1 - y.fraction(value));
    }

    double bottom() {
        return top + height;
    }

    /** Grid lines first (under the data). */
    void grid(List<Shape> shapes) {
        if (y != null) {
            for (Tick tick : y.ticks()) {
                shapes.add(new Shape.Line(left, py(tick.value()), left + width, py(tick.value()), Text.GRID, 1, false));
            }
        }
        if (x != null) {
            for (Tick tick : x.ticks()) {
                shapes.add(new Shape.Line(px(tick.value()), top, px(tick.value()), bottom(), Text.GRID, 1, false));
            }
        }
    }

    /** Axis lines, tick marks, tick labels and titles (over the data). */
    void axes(List<Shape> shapes) {
        if (y != null) {
            shapes.add(new Shape.Line(left, top, left, bottom(), Text.AXIS, 1, false));
            double widest = 0;
            for (Tick tick : y.ticks()) {
                double at = py(tick.value());
                shapes.add(new Shape.Line(left - 4, at, left, at, Text.AXIS, 1, false));
                shapes.add(Text.at(left - 6, at + TICK_FONT * 0.35, tick.label(), Shape.Anchor.END, TICK_FONT));
                widest = Math.max(widest, Text.width(tick.label(), TICK_FONT));
            }
            shapes.add(new Shape.Text(left - widest - 14, top + height / 2, y.title(), Shape.Anchor.MIDDLE, TITLE_FONT,
                    false, true, Text.INK));
        }
        shapes.add(new Shape.Line(left, bottom(), left + width, bottom(), Text.AXIS, 1, false));
        if (x != null) {
            for (Tick tick : x.ticks()) {
                double at = px(tick.value());
                shapes.add(new Shape.Line(at, bottom(), at, bottom() + 4, Text.AXIS, 1, false));
                shapes.add(Text.at(at, bottom() + 15, tick.label(), Shape.Anchor.MIDDLE, TICK_FONT));
            }
            shapes.add(Text.at(left + width / 2, bottom() + 31, x.title(), Shape.Anchor.MIDDLE, TITLE_FONT));
        }
    }
}
