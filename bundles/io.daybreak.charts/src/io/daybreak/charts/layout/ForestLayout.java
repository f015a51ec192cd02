package io.daybreak.charts.layout;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.daybreak.charts.ForestPlot;
import io.daybreak.charts.Ticks;

/** A forest plot: term names on the left, intervals and squares in the middle, "estimate (lower to upper)" right. */
final class ForestLayout {
    private static final double ROW = 24;
    private static final double FONT = 11;

    private ForestLayout() {
    }

    static double preferredHeight(ForestPlot plot) {
        return 26 + 8 + ROW * Math.max(1, plot.terms().size()) + Frame.X_AXIS_HEIGHT + 8;
    }

    static Scene layout(ForestPlot plot, double width, double height) {
        List<Shape> shapes = new ArrayList<>();
        double names = 40;
        double values = 0;
        for (int i = 0; i < plot.terms().size(); i++) {
            names = Math.max(names, Text.width(plot.terms().get(i), FONT));
            values = Math.max(values, Text.width(interval(plot, i), FONT));
        }
        double left = names + 20;
        double right = values + 20;
        double top = Decorations.title(shapes, plot.title(), 8) + 8;
        double rows = Math.min(ROW, (height - top - Frame.X_AXIS_HEIGHT - 8) / Math.max(1, plot.terms().size()));
        Frame frame = new Frame(left, top, width - left - right, rows * plot.terms().size(), plot.axis(), null);
        frame.grid(shapes);
        double reference = frame.px(plot.reference());
        shapes.add(new Shape.Line(reference, frame.top, reference, frame.bottom(), "#888888", 1, true));
        for (int i = 0; i < plot.terms().size(); i++) {
            String colour = plot.colour(i);
            double y = top + rows * i + rows / 2;
            shapes.add(Text.at(left - 10, y + 4, plot.terms().get(i), Shape.Anchor.END, FONT));
            shapes.add(Text.at(frame.left + frame.width + 12, y + 4, interval(plot, i), Shape.Anchor.START, FONT));
            double lower = plot.lower()[i];
            double upper = plot.upper()[i];
            if (defined(plot, lower) && defined(plot, upper)) {
                shapes.add(new Shape.Line(frame.px(lower), y, frame.px(upper), y, colour, 2, false));
            }
            double estimate = plot.estimate()[i];
            if (defined(plot, estimate)) {
                double x = frame.px(estimate);
                shapes.add(new Shape.Rect(x - 4.5, y - 4.5, 9, 9, colour, plot.terms().get(i) + ": " + interval(plot, i)));
            }
        }
        frame.axes(shapes);
        return new Scene(plot.label(), width, height, shapes);
    }

    private static boolean defined(ForestPlot plot, double value) {
        return Double.isFinite(value) && (plot.reference() <= 0 || value > 0);
    }

    /** "1.02 (0.99 to 1.04)", "1.00 (0.98 to 1.03)": three significant digits, trailing zeros kept, as reports print them. */
    static String interval(ForestPlot plot, int i) {
        return round(plot.estimate()[i]) + " (" + round(plot.lower()[i]) + " to " + round(plot.upper()[i]) + ")";
    }

    private static String round(double value) {
        if (!Double.isFinite(value)) {
            return "NA";
        }
        double magnitude = Math.abs(value);
        if (magnitude >= 1000 || magnitude < 0.001 && value != 0) {
            // %g would switch to 1.23e+03; plain digits read better in a table column
            return Ticks.label(Double.parseDouble(String.format(Locale.ROOT, "%.3g", value)));
        }
        return String.format(Locale.ROOT, "%.3g", value);
    }
}
