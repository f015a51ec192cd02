package io.daybreak.charts.layout;

import java.util.ArrayList;
import java.util.List;

import io.daybreak.charts.Palette;
import io.daybreak.charts.SurvivalCurve;
import io.daybreak.charts.SurvivalPlot;
import io.daybreak.charts.Tick;

/**
 * Kaplan-Meier curves as trial reports draw them: steps with shaded bands, "+" censor marks, dashed median lines,
 * and the numbers at risk in rows under the time axis, each number centred under its time tick.
 */
final class SurvivalLayout {
    private static final double RISK_ROW = 15;
    private static final double RISK_FONT = 10;
    private static final double NAME_GAP = 24;
    private static final String MEDIAN = "#777777";

    private SurvivalLayout() {
    }

    static double riskTableHeight(SurvivalPlot plot) {
        return plot.riskTable() ? 22 + RISK_ROW * plot.curves().size() : 0;
    }

    static Scene layout(SurvivalPlot plot, double width, double height) {
        List<Shape> shapes = new ArrayList<>();
        double names = 0;
        for (SurvivalCurve curve : plot.curves()) {
            names = Math.max(names, Text.width(curve.name(), RISK_FONT));
        }
        // the names end NAME_GAP left of the axis, clear of the (centred) count under time 0
        double left = Math.max(Frame.leftMargin(plot.survival()), plot.riskTable() ? names + NAME_GAP + 8 : 0);
        double top = Decorations.title(shapes, plot.title(), 8);
        top = Decorations.legend(shapes, plot.curves().stream().map(SurvivalCurve::name).toList(), left, top);
        double note = plot.note().isEmpty() ? 0 : 16;
        double bottom = Frame.X_AXIS_HEIGHT + riskTableHeight(plot) + note;
        Frame frame = new Frame(left, top + 6, width - left - 18, height - top - 6 - bottom - 4, plot.time(),
                plot.survival());
        frame.grid(shapes);
        double end = plot.time().max();
        for (int g = 0; g < plot.curves().size(); g++) {
            SurvivalCurve curve = plot.curves().get(g);
            band(shapes, frame, curve.band(curve.end()), Palette.colour(g));
        }
        for (int g = 0; g < plot.curves().size(); g++) {
            SurvivalCurve curve = plot.curves().get(g);
            String colour = Palette.colour(g);
            shapes.add(new Shape.Path(pixels(frame, curve.steps()), colour, 2, null, 1, curve.name()));
            double[] marks = curve.censorMarks();
            for (int i = 0; i < marks.length; i += 2) {
                double x = frame.px(Math.min(marks[i], end));
                double y = frame.py(marks[i + 1]);
                shapes.add(new Shape.Line(x, y - 4, x, y + 4, colour, 1.2, false));
                shapes.add(new Shape.Line(x - 3, y, x + 3, y, colour, 1.2, false));
            }
        }
        medianLines(shapes, frame, plot);
        frame.axes(shapes);
        double y = frame.bottom() + Frame.X_AXIS_HEIGHT;
        if (plot.riskTable()) {
            y = riskTable(shapes, frame, plot, y);
        }
        if (note > 0) {
            shapes.add(new Shape.Text(left, y + 12, plot.note(), Shape.Anchor.START, 10, false, false, "#666666"));
        }
        return new Scene(plot.label(), width, height, shapes);
    }

    /**
     * Dashed lines at S = 0.5 from the survival axis to the latest median and down from each curve's median to the
     * time axis, as survminer's {@code surv.median.line = "hv"} draws them.
     */
    private static void medianLines(List<Shape> shapes, Frame frame, SurvivalPlot plot) {
        double latest = Double.NaN;
        for (SurvivalCurve curve : plot.curves()) {
            double median = curve.median();
            if (Double.isFinite(median) && median <= plot.time().max()) {
                latest = Double.isNaN(latest) ? median : Math.max(latest, median);
                shapes.add(new Shape.Line(frame.px(median), frame.py(0.5), frame.px(median), frame.py(0), MEDIAN, 1,
                        true));
            }
        }
        if (Double.isFinite(latest)) {
            shapes.add(new Shape.Line(frame.px(0), frame.py(0.5), frame.px(latest), frame.py(0.5), MEDIAN, 1, true));
        }
    }

    /** One shaded polygon per run of consecutive defined limits. */
    private static void band(List<Shape> shapes, Frame frame, List<double[]> band, String colour) {
        List<double[]> run = new ArrayList<>();
        for (int i = 0; i <= band.size(); i++) {
            boolean joined = i < band.size() && (run.isEmpty() || run.get(run.size() - 1)[1] == band.get(i)[0]);
            if (!joined && !run.isEmpty()) {
                shapes.add(new Shape.Path(polygon(frame, run), null, 0, colour, 0.18, null));
                run.clear();
            }
            if (i < band.size()) {
                run.add(band.get(i));
            }
        }
    }

    private static double[] polygon(Frame frame, List<double[]> run) {
        double[] xy = new double[run.size() * 8];
        int n = run.size();
        for (int i = 0; i < n; i++) {
            double[] r = run.get(i);
            // upper edge left to right, then lower edge right to left
            xy[4 * i] = frame.px(r[0]);
            xy[4 * i + 1] = frame.py(r[3]);
            xy[4 * i + 2] = frame.px(r[1]);
            xy[4 * i + 3] = frame.py(r[3]);
            int back = 4 * n + 4 * (n - 1 - i);
            xy[back] = frame.px(r[1]);
            xy[back + 1] = frame.py(r[2]);
            xy[back + 2] = frame.px(r[0]);
            xy[back + 3] = frame.py(r[2]);
        }
        return xy;
    }

    private static double[] pixels(Frame frame, double[] points) {
        double[] xy = new double[points.length];
        for (int i = 0; i < points.length; i += 2) {
            xy[i] = frame.px(points[i]);
            xy[i + 1] = frame.py(points[i + 1]);
        }
        return xy;
    }

    private static double riskTable(List<Shape> shapes, Frame frame, SurvivalPlot plot, double y) {
        shapes.add(new Shape.Text(4, y + 14, "Number at risk", Shape.Anchor.START, RISK_FONT, true, false, Text.INK));
        double row = y + 14;
        for (int g = 0; g < plot.curves().size(); g++) {
            SurvivalCurve curve = plot.curves().get(g);
            row += RISK_ROW;
            shapes.add(new Shape.Text(frame.left - NAME_GAP, row, curve.name(), Shape.Anchor.END, RISK_FONT, false, false,
                    Palette.colour(g)));
            for (Tick tick : plot.time().ticks()) {
                shapes.add(Text.at(frame.px(tick.value()), row, Long.toString(curve.atRiskAt(tick.value())),
                        Shape.Anchor.MIDDLE, RISK_FONT));
            }
        }
        return row + 4;
    }
}
