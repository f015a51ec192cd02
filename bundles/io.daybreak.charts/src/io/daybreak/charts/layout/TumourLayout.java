package io.daybreak.charts.layout;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import io.daybreak.charts.RecistChange;
import io.daybreak.charts.SpiderPlot;
import io.daybreak.charts.Ticks;
import io.daybreak.charts.WaterfallPlot;

/**
 * Waterfall and spider plots of tumour response: bars or lines coloured by the {@link RecistChange} category, dashed
 * reference lines at +20% and -30% and a solid one at 0, a legend of the categories shown.
 */
final class TumourLayout {
    private static final double MAX_LABELLED_BARS = 40;

    private TumourLayout() {
    }

    static Scene waterfall(WaterfallPlot plot, double width, double height) {
        List<Shape> shapes = new ArrayList<>();
        double left = Frame.leftMargin(plot.axis());
        double top = Decorations.title(shapes, plot.title(), 8);
        Set<RecistChange> shown = EnumSet.noneOf(RecistChange.class);
        for (double change : plot.change()) {
            shown.add(RecistChange.of(change));
        }
        top = legend(shapes, shown, left, top);
        boolean labels = plot.patients().size() <= MAX_LABELLED_BARS;
        double bottom = Frame.X_AXIS_HEIGHT + (labels ? 30 : 0);
        Frame frame = new Frame(left, top + 6, width - left - 12, height - top - 6 - bottom - 4, null, plot.axis());
        frame.grid(shapes);
        int n = plot.patients().size();
        double slot = frame.width / Math.max(1, n);
        double zero = frame.py(0);
        for (int i = 0; i < n; i++) {
            double change = plot.change()[i];
            double y = frame.py(change);
            shapes.add(new Shape.Rect(frame.left + i * slot + slot * 0.1, Math.min(y, zero), slot * 0.8,
                    Math.abs(zero - y), RecistChange.of(change).colour(), plot.patients().get(i) + ": "
                            + Ticks.label(Math.round(change * 10) / 10.0) + "%"));
            if (labels) {
                shapes.add(new Shape.Text(frame.left + i * slot + slot / 2 + 3, frame.bottom() + 6,
                        plot.patients().get(i), Shape.Anchor.END, Frame.TICK_FONT, false, true, Text.INK));
            }
        }
        references(shapes, frame);
        frame.axes(shapes);
        shapes.add(Text.at(frame.left + frame.width / 2, frame.bottom() + bottom - 6, "Patients, by best change",
                Shape.Anchor.MIDDLE, Frame.TITLE_FONT));
        return new Scene(plot.label(), width, height, shapes);
    }

    static Scene spider(SpiderPlot plot, double width, double height) {
        List<Shape> shapes = new ArrayList<>();
        double left = Frame.leftMargin(plot.change());
        double top = Decorations.title(shapes, plot.title(), 8);
        List<RecistChange> categories = new ArrayList<>();
        Set<RecistChange> shown = EnumSet.noneOf(RecistChange.class);
        for (double[] changes : plot.changes()) {
            double best = SpiderPlot.best(changes);
            RecistChange category = Double.isFinite(best) ? RecistChange.of(best) : RecistChange.STABLE;
            categories.add(category);
            shown.add(category);
        }
        top = legend(shapes, shown, left, top);
        Frame frame = new Frame(left, top + 6, width - left - 18, height - top - 6 - Frame.X_AXIS_HEIGHT - 4, plot.time(),
                plot.change());
        frame.grid(shapes);
        references(shapes, frame);
        for (int p = 0; p < plot.patients().size(); p++) {
            double[] t = plot.times().get(p);
            double[] c = plot.changes().get(p);
            List<Double> xy = new ArrayList<>();
            String colour = categories.get(p).colour();
            for (int i = 0; i < Math.min(t.length, c.length); i++) {
                if (Double.isFinite(t[i]) && Double.isFinite(c[i])) {
                    double x = frame.px(t[i]);
                    double y = frame.py(Math.max(c[i], plot.change().min()));
                    xy.add(x);
                    xy.add(y);
                    shapes.add(new Shape.Rect(x - 2, y - 2, 4, 4, colour, null));
                }
            }
            if (xy.size() >= 4) {
                shapes.add(new Shape.Path(xy.stream().mapToDouble(Double::doubleValue).toArray(), colour, 1.5, null, 1,
                        plot.patients().get(p)));
            }
        }
        frame.axes(shapes);
        return new Scene(plot.label(), width, height, shapes);
    }

    /** Solid at no change, dashed at the RECIST thresholds (where the axis reaches them). */
    private static void references(List<Shape> shapes, Frame frame) {
        shapes.add(new Shape.Line(frame.left, frame.py(0), frame.left + frame.width, frame.py(0), Text.INK, 1, false));
        for (double threshold : new double[] {RecistChange.PROGRESSION_THRESHOLD, RecistChange.PARTIAL_THRESHOLD}) {
            double y = frame.py(threshold);
            if (y >= frame.top && y <= frame.bottom()) {
                shapes.add(new Shape.Line(frame.left, y, frame.left + frame.width, y, "#555555", 1, true));
            }
        }
    }

    private static double legend(List<Shape> shapes, Set<RecistChange> shown, double x, double y) {
        List<String> names = shown.stream().map(RecistChange::meaning).toList();
        List<String> colours = shown.stream().map(RecistChange::colour).toList();
        return Decorations.legend(shapes, names, colours, x, y);
    }
}
