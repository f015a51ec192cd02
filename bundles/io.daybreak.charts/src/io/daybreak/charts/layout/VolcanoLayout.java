package io.daybreak.charts.layout;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.daybreak.charts.Palette;
import io.daybreak.charts.Ticks;
import io.daybreak.charts.VolcanoPlot;

/**
 * A volcano plot: grey dots for pairs below the criteria, larger coloured dots for signals, dashed threshold lines
 * with their labels, a dotted line at ratio 1, and the strongest signals named next to their dots where a name fits
 * without overlapping another name, a threshold label or the plot's edge (else it is left out: the table has it).
 */
final class VolcanoLayout {
    static final String SIGNAL = Palette.colour(3);
    static final String OTHER = "#9c9c9c";
    static final double LABEL_FONT = 10;
    private static final double GAP = 5;

    private VolcanoLayout() {
    }

    /** A text's box: left, top, right, bottom (estimated widths, as every layout decision here). */
    record Box(double left, double top, double right, double bottom) {
        static Box of(Shape.Text text) {
            double width = Text.width(text.text(), text.size());
            double left = switch (text.anchor()) {
                case START -> text.x();
                case MIDDLE -> text.x() - width / 2;
                case END -> text.x() - width;
            };
            // baseline at y: ascent about 0.8 em above it, descent 0.2 em below
            return new Box(left, text.y() - 0.8 * text.size(), left + width, text.y() + 0.2 * text.size());
        }

        boolean overlaps(Box other) {
            return left < other.right && other.left < right && top < other.bottom && other.top < bottom;
        }

        boolean inside(Frame frame) {
            return left >= frame.left && right <= frame.left + frame.width && top >= frame.top && bottom <= frame.bottom();
        }

        boolean covers(double x, double y, double r) {
            return x + r > left && x - r < right && y + r > top && y - r < bottom;
        }
    }

    static Scene layout(VolcanoPlot plot, double width, double height) {
        List<Shape> shapes = new ArrayList<>();
        double left = Frame.leftMargin(plot.scoreAxis());
        double top = Decorations.title(shapes, plot.title(), 8);
        top = legend(shapes, left, top);
        double note = plot.note().isEmpty() ? 0 : 16;
        Frame frame = new Frame(left, top + 6, width - left - 18, height - top - 6 - Frame.X_AXIS_HEIGHT - note - 4,
                plot.ratioAxis(), plot.scoreAxis());
        frame.grid(shapes);
        double one = frame.px(1);
        shapes.add(new Shape.Line(one, frame.top, one, frame.bottom(), "#888888", 1, false));
        List<Box> taken = new ArrayList<>();
        thresholds(shapes, frame, plot, taken);
        int n = plot.names().size();
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = frame.px(plot.ratio()[i]);
            y[i] = frame.py(plot.score()[i]);
        }
        // others first, signals on top of them
        for (boolean signals : new boolean[] {false, true}) {
            for (int i = 0; i < n; i++) {
                if (plot.highlighted()[i] == signals) {
                    shapes.add(new Shape.Circle(x[i], y[i], signals ? 4 : 3, signals ? SIGNAL : OTHER,
                            signals ? "#ffffff" : null, tooltip(plot, i)));
                }
            }
        }
        labels(shapes, frame, plot, x, y, taken);
        frame.axes(shapes);
        if (note > 0) {
            shapes.add(new Shape.Text(left, frame.bottom() + Frame.X_AXIS_HEIGHT + 12, plot.note(), Shape.Anchor.START, 10,
                    false, false, "#666666"));
        }
        return new Scene(plot.label(), width, height, shapes);
    }

    /** The two kinds of dot as they are drawn. */
    private static double legend(List<Shape> shapes, double x, double y) {
        double at = x;
        String[] names = {"signal (criteria met)", "criteria not met"};
        for (int i = 0; i < names.length; i++) {
            shapes.add(new Shape.Circle(at + 5, y + 7, i == 0 ? 4 : 3, i == 0 ? SIGNAL : OTHER, null, null));
            shapes.add(Text.at(at + 14, y + 11, names[i], Shape.Anchor.START, Decorations.LEGEND_FONT));
            at += 14 + Text.width(names[i], Decorations.LEGEND_FONT) + 18;
        }
        return y + 20;
    }

    private static String tooltip(VolcanoPlot plot, int i) {
        return plot.names().get(i) + ": " + round(plot.ratio()[i]) + ", " + round(plot.score()[i]);
    }

    private static String round(double value) {
        return Ticks.label(Double.parseDouble(String.format(java.util.Locale.ROOT, "%.3g", value)));
    }

    /**
     * Dashed threshold lines where the axes reach them, labelled inside the plot: the p (EB05) line at its right end,
     * the ratio line at its foot (the strongest signals crowd the top), or at its top when the other label is there.
     */
    private static void thresholds(List<Shape> shapes, Frame frame, VolcanoPlot plot, List<Box> taken) {
        if (Double.isFinite(plot.yThreshold())) {
            double y = frame.py(plot.yThreshold());
            if (y >= frame.top && y <= frame.bottom()) {
                shapes.add(new Shape.Line(frame.left, y, frame.left + frame.width, y, Text.AXIS, 1, true));
                Shape.Text label = new Shape.Text(frame.left + frame.width - 4, y - 4, plot.yLabel(), Shape.Anchor.END,
                        LABEL_FONT, false, false, Text.AXIS);
                shapes.add(label);
                taken.add(Box.of(label));
            }
        }
        if (Double.isFinite(plot.xThreshold()) && plot.xThreshold() > 0) {
            double x = frame.px(plot.xThreshold());
            if (x >= frame.left && x <= frame.left + frame.width) {
                shapes.add(new Shape.Line(x, frame.top, x, frame.bottom(), Text.AXIS, 1, true));
                Shape.Text label = new Shape.Text(x + 4, frame.bottom() - 4, plot.xLabel(), Shape.Anchor.START, LABEL_FONT,
                        false, false, Text.AXIS);
                if (taken.stream().anyMatch(Box.of(label)::overlaps)) {
                    label = new Shape.Text(x + 4, frame.top + 12, plot.xLabel(), Shape.Anchor.START, LABEL_FONT, false,
                            false, Text.AXIS);
                }
                shapes.add(label);
                taken.add(Box.of(label));
            }
        }
    }

    /**
     * Names of the highlighted pairs with the largest scores: each tries eight places around its dot (right, left,
     * above, below, then the diagonals) and takes the first inside the plot that overlaps no text placed before it,
     * preferring places that cover no dot.
     */
    private static void labels(List<Shape> shapes, Frame frame, VolcanoPlot plot, double[] x, double[] y,
            List<Box> taken) {
        List<Integer> strongest = new ArrayList<>();
        for (int i = 0; i < plot.names().size(); i++) {
            if (plot.highlighted()[i]) {
                strongest.add(i);
            }
        }
        strongest.sort(Comparator.comparingDouble((Integer i) -> plot.score()[i]).reversed()
                .thenComparing(Comparator.comparingDouble((Integer i) -> plot.ratio()[i]).reversed()));
        for (int i : strongest.subList(0, Math.min(plot.labelled(), strongest.size()))) {
            Shape.Text best = null;
            for (boolean allowCovering : new boolean[] {false, true}) {
                for (Shape.Text candidate : candidates(plot.names().get(i), x[i], y[i])) {
                    Box box = Box.of(candidate);
                    if (box.inside(frame) && taken.stream().noneMatch(box::overlaps)
                            && (allowCovering || !coversADot(box, x, y))) {
                        best = candidate;
                        break;
                    }
                }
                if (best != null) {
                    break;
                }
            }
            if (best != null) {
                shapes.add(best);
                taken.add(Box.of(best));
                shapes.add(new Shape.Circle(x[i], y[i], 4, SIGNAL, Text.INK, null));
            }
        }
    }

    private static boolean coversADot(Box box, double[] x, double[] y) {
        for (int j = 0; j < x.length; j++) {
            if (box.covers(x[j], y[j], 3)) {
                return true;
            }
        }
        return false;
    }

    private static List<Shape.Text> candidates(String name, double x, double y) {
        double mid = y + LABEL_FONT * 0.35;
        return List.of(text(x + GAP + 2, mid, name, Shape.Anchor.START), text(x - GAP - 2, mid, name, Shape.Anchor.END),
                text(x, y - GAP - 2, name, Shape.Anchor.MIDDLE), text(x, y + GAP + LABEL_FONT, name, Shape.Anchor.MIDDLE),
                text(x + GAP, y - GAP, name, Shape.Anchor.START), text(x + GAP, y + GAP + LABEL_FONT - 2, name,
                        Shape.Anchor.START), text(x - GAP, y - GAP, name, Shape.Anchor.END),
                text(x - GAP, y + GAP + LABEL_FONT - 2, name, Shape.Anchor.END));
    }

    private static Shape.Text text(double x, double y, String name, Shape.Anchor anchor) {
        return new Shape.Text(x, y, name, anchor, LABEL_FONT, false, false, Text.INK);
    }
}
