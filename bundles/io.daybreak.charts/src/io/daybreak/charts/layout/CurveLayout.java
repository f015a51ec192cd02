package io.daybreak.charts.layout;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.daybreak.charts.CurvePlot;
import io.daybreak.charts.Palette;
import io.daybreak.charts.Tick;

/**
 * Curves with bands or error bars, reference lines with labels, marked points, names at the curves' left ends and a
 * row of labels along the top (see {@link CurvePlot}).
 */
final class CurveLayout {
    static final String GREY = "#b5b5b5";
    static final double LABEL_FONT = 10;
    /** Height above the plot taken by the top labels and their title. */
    static final double TOP_AXIS_HEIGHT = 30;

    private CurveLayout() {
    }

    static double preferredHeight(CurvePlot plot, double width) {
        double extra = (plot.topTicks().isEmpty() ? 0 : TOP_AXIS_HEIGHT) + (plot.note().isEmpty() ? 0 : 16)
                + (plot.legend() ? 20.0 * plot.curves().size() : 0);
        return plot.square() ? Math.min(width * 0.72, 520) + extra : 340 + extra;
    }

    static String colour(int index) {
        return index < 0 ? GREY : Palette.colour(index);
    }

    static Scene layout(CurvePlot plot, double width, double height) {
        List<Shape> shapes = new ArrayList<>();
        double left = Frame.leftMargin(plot.y());
        double top = Decorations.title(shapes, plot.title(), 8);
        if (plot.legend()) {
            // one line per curve: names carry statistics (an AUC and its interval) and would not fit in a row
            for (CurvePlot.Curve curve : plot.curves()) {
                shapes.add(new Shape.Rect(left, top + 2, 10, 10, colour(curve.colour()), null));
                shapes.add(Text.at(left + 14, top + 11, curve.name(), Shape.Anchor.START, Decorations.LEGEND_FONT));
                top += 20;
            }
        }
        double topAxis = plot.topTicks().isEmpty() ? 0 : TOP_AXIS_HEIGHT;
        double note = plot.note().isEmpty() ? 0 : 16;
        double plotWidth = width - left - 18;
        double plotHeight = height - top - 6 - topAxis - Frame.X_AXIS_HEIGHT - note - 4;
        if (plot.square()) {
            plotWidth = Math.min(plotWidth, plotHeight * 1.15);
        }
        Frame frame = new Frame(left, top + 6 + topAxis, plotWidth, plotHeight, plot.x(), plot.y());
        frame.grid(shapes);
        List<VolcanoLayout.Box> taken = new ArrayList<>();
        for (CurvePlot.Guide guide : plot.guides()) {
            guide(shapes, frame, guide, taken);
        }
        for (CurvePlot.Curve curve : plot.curves()) {
            intervals(shapes, frame, curve);
        }
        for (CurvePlot.Curve curve : plot.curves()) {
            curve(shapes, frame, curve);
        }
        names(shapes, frame, plot, taken);
        for (CurvePlot.Mark mark : plot.marks()) {
            mark(shapes, frame, mark, taken);
        }
        topAxis(shapes, frame, plot);
        frame.axes(shapes);
        if (note > 0) {
            shapes.add(new Shape.Text(left, frame.bottom() + Frame.X_AXIS_HEIGHT + 12, plot.note(), Shape.Anchor.START, 10,
                    false, false, "#666666"));
        }
        return new Scene(plot.label(), width, height, shapes);
    }

    private static boolean finite(double... values) {
        for (double v : values) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    /** A reference line clipped to the plot, its label at its second end (vertical lines: just under the top). */
    private static void guide(List<Shape> shapes, Frame frame, CurvePlot.Guide guide, List<VolcanoLayout.Box> taken) {
        double x1 = clamp(frame.px(guide.x1()), frame.left, frame.left + frame.width);
        double x2 = clamp(frame.px(guide.x2()), frame.left, frame.left + frame.width);
        double y1 = clamp(frame.py(guide.y1()), frame.top, frame.bottom());
        double y2 = clamp(frame.py(guide.y2()), frame.top, frame.bottom());
        if (!finite(x1, x2, y1, y2) || frame.px(guide.x1()) < frame.left - 0.5 && frame.px(guide.x2()) < frame.left - 0.5
                || frame.px(guide.x1()) > frame.left + frame.width + 0.5
                && frame.px(guide.x2()) > frame.left + frame.width + 0.5) {
            return;
        }
        shapes.add(new Shape.Line(x1, y1, x2, y2, guide.dashed() ? Text.AXIS : "#888888", 1, guide.dashed()));
        if (guide.label().isEmpty()) {
            return;
        }
        boolean vertical = Math.abs(x1 - x2) < 0.5;
        Shape.Anchor anchor = switch (guide.anchor()) {
            case START -> Shape.Anchor.START;
            case MIDDLE -> Shape.Anchor.MIDDLE;
            case END -> Shape.Anchor.END;
        };
        double offset = anchor == Shape.Anchor.START ? 4 : anchor == Shape.Anchor.END ? -4 : 0;
        double x = vertical ? x2 + offset : anchor == Shape.Anchor.END ? Math.max(x1, x2) - 4 : Math.min(x1, x2) + 4;
        double y = vertical ? Math.min(y1, y2) + 12 : y2 - 4;
        Shape.Text label = new Shape.Text(x, y, guide.label(), anchor, LABEL_FONT, false, false, Text.AXIS);
        for (int tries = 0; tries < 6 && taken.stream().anyMatch(VolcanoLayout.Box.of(label)::overlaps); tries++) {
            label = new Shape.Text(label.x(), label.y() + (vertical ? 13 : -13), label.text(), anchor, LABEL_FONT, false,
                    false, Text.AXIS);
        }
        shapes.add(label);
        taken.add(VolcanoLayout.Box.of(label));
    }

    private static double clamp(double value, double lo, double hi) {
        return Math.max(lo, Math.min(hi, value));
    }

    /** A shaded band between the limits (under every curve), or error bars with end caps. */
    private static void intervals(List<Shape> shapes, Frame frame, CurvePlot.Curve curve) {
        if (curve.interval() == CurvePlot.Interval.NONE || curve.lower() == null || curve.upper() == null) {
            return;
        }
        String colour = colour(curve.colour());
        if (curve.interval() == CurvePlot.Interval.BARS) {
            for (int i = 0; i < curve.x().length; i++) {
                if (finite(curve.x()[i], curve.lower()[i], curve.upper()[i])) {
                    double x = frame.px(curve.x()[i]);
                    shapes.add(new Shape.Line(x, frame.py(curve.lower()[i]), x, frame.py(curve.upper()[i]), GREY, 1, false));
                    shapes.add(new Shape.Line(x - 2, frame.py(curve.lower()[i]), x + 2, frame.py(curve.lower()[i]), GREY, 1,
                            false));
                    shapes.add(new Shape.Line(x - 2, frame.py(curve.upper()[i]), x + 2, frame.py(curve.upper()[i]), GREY, 1,
                            false));
                }
            }
            return;
        }
        List<Double> upper = new ArrayList<>();
        List<Double> lower = new ArrayList<>();
        for (int i = 0; i < curve.x().length; i++) {
            if (finite(curve.x()[i], curve.lower()[i], curve.upper()[i])) {
                upper.add(frame.px(curve.x()[i]));
                upper.add(frame.py(curve.upper()[i]));
                lower.add(frame.py(curve.lower()[i]));
                lower.add(frame.px(curve.x()[i]));
            }
        }
        if (upper.size() < 4) {
            return;
        }
        double[] xy = new double[upper.size() * 2];
        for (int i = 0; i < upper.size(); i++) {
            xy[i] = upper.get(i);
        }
        // back along the lower limits (stored y, x per point; reversed gives x, y from the right end)
        for (int i = 0; i < lower.size(); i++) {
            xy[upper.size() + i] = lower.get(lower.size() - 1 - i);
        }
        shapes.add(new Shape.Path(xy, null, 0, colour, 0.2, null));
    }

    private static void curve(List<Shape> shapes, Frame frame, CurvePlot.Curve curve) {
        String colour = colour(curve.colour());
        List<Double> xy = new ArrayList<>();
        for (int i = 0; i < curve.x().length; i++) {
            if (finite(curve.x()[i], curve.y()[i])) {
                xy.add(frame.px(curve.x()[i]));
                xy.add(frame.py(curve.y()[i]));
            }
        }
        if (curve.line() && xy.size() >= 4) {
            shapes.add(new Shape.Path(xy.stream().mapToDouble(Double::doubleValue).toArray(), colour,
                    curve.colour() < 0 ? 1 : 1.8, null, 1, curve.name()));
        }
        if (curve.points()) {
            for (int i = 0; i + 1 < xy.size(); i += 2) {
                shapes.add(new Shape.Circle(xy.get(i), xy.get(i + 1), 2.6, colour, null, null));
            }
        }
    }

    /**
     * Names at the left end of the curves that want them, right-aligned just left of the first point, moved apart
     * vertically (in order of their ends) so that no two overlap.
     */
    private static void names(List<Shape> shapes, Frame frame, CurvePlot plot, List<VolcanoLayout.Box> taken) {
        record End(CurvePlot.Curve curve, double x, double y) {
        }
        List<End> ends = new ArrayList<>();
        for (CurvePlot.Curve curve : plot.curves()) {
            if (curve.endLabel()) {
                for (int i = 0; i < curve.x().length; i++) {
                    if (finite(curve.x()[i], curve.y()[i])) {
                        ends.add(new End(curve, frame.px(curve.x()[i]), frame.py(curve.y()[i])));
                        break;
                    }
                }
            }
        }
        ends.sort(Comparator.comparingDouble(End::y));
        double spacing = LABEL_FONT + 2;
        double[] at = new double[ends.size()];
        for (int i = 0; i < at.length; i++) {
            at[i] = Math.max(ends.get(i).y() + LABEL_FONT * 0.35, i == 0 ? frame.top + LABEL_FONT : at[i - 1] + spacing);
        }
        // pushed past the bottom: shift the stack up
        for (int i = at.length - 1; i >= 0; i--) {
            double limit = i == at.length - 1 ? frame.bottom() - 2 : at[i + 1] - spacing;
            at[i] = Math.min(at[i], limit);
        }
        for (int i = 0; i < at.length; i++) {
            End end = ends.get(i);
            String colour = colour(end.curve().colour());
            double x = end.x() - 6;
            if (Math.abs(at[i] - LABEL_FONT * 0.35 - end.y()) > 2) {
                // a leader from the label to the curve's end
                shapes.add(new Shape.Line(x + 1, at[i] - LABEL_FONT * 0.35, end.x() - 1, end.y(), colour, 0.8, false));
            }
            Shape.Text text = new Shape.Text(x, at[i], end.curve().name(), Shape.Anchor.END, LABEL_FONT, false, false,
                    colour);
            shapes.add(text);
            taken.add(VolcanoLayout.Box.of(text));
        }
    }

    /** A dot with a dark outline and its label right of it (left when it would leave the plot). */
    private static void mark(List<Shape> shapes, Frame frame, CurvePlot.Mark mark, List<VolcanoLayout.Box> taken) {
        if (!finite(mark.x(), mark.y())) {
            return;
        }
        double x = frame.px(mark.x());
        double y = frame.py(mark.y());
        shapes.add(new Shape.Circle(x, y, 4.5, colour(mark.colour()), Text.INK, mark.label()));
        Shape.Text label = new Shape.Text(x + 8, y + 14, mark.label(), Shape.Anchor.START, LABEL_FONT, false, false,
                Text.INK);
        if (!VolcanoLayout.Box.of(label).inside(frame)) {
            label = new Shape.Text(x - 8, y + 14, mark.label(), Shape.Anchor.END, LABEL_FONT, false, false, Text.INK);
        }
        for (int tries = 0; tries < 8 && taken.stream().anyMatch(VolcanoLayout.Box.of(label)::overlaps); tries++) {
            label = new Shape.Text(label.x(), label.y() + 13, label.text(), label.anchor(), LABEL_FONT, false, false,
                    Text.INK);
        }
        shapes.add(label);
        taken.add(VolcanoLayout.Box.of(label));
    }

    /** Labels along the top edge at their x (e.g. non-zero coefficients), with a title above them. */
    private static void topAxis(List<Shape> shapes, Frame frame, CurvePlot plot) {
        if (plot.topTicks().isEmpty()) {
            return;
        }
        shapes.add(new Shape.Line(frame.left, frame.top, frame.left + frame.width, frame.top, Text.AXIS, 1, false));
        double free = Double.NEGATIVE_INFINITY;
        for (Tick tick : plot.topTicks()) {
            // as R's axis(): a label that would overlap the last one drawn is left out
            double x = frame.px(tick.value());
            double half = Text.width(tick.label(), Frame.TICK_FONT) / 2;
            if (x - half < free) {
                continue;
            }
            shapes.add(new Shape.Line(x, frame.top - 4, x, frame.top, Text.AXIS, 1, false));
            shapes.add(Text.at(x, frame.top - 7, tick.label(), Shape.Anchor.MIDDLE, Frame.TICK_FONT));
            free = x + half + 8;
        }
        shapes.add(Text.at(frame.left + frame.width / 2, frame.top - 20, plot.topTitle(), Shape.Anchor.MIDDLE,
                Frame.TITLE_FONT));
    }
}
