package io.daybreak.charts.layout;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.daybreak.charts.AeDotPlot;
import io.daybreak.charts.Palette;
import io.daybreak.charts.Ticks;

/**
 * The AE dot plot: term names (under bold body-system headings when grouped) on the left, the incidence panel with a
 * dot per arm, the effect panel with a dot and 95% interval per active arm and a dashed line at no difference. Both
 * panels share the rows; light lines guide the eye across them.
 */
final class AeDotLayout {
    static final double ROW = 16;
    static final double FONT = 10;
    private static final double HEADING_INDENT = 4;
    private static final double TERM_INDENT = 12;
    private static final double PANEL_GAP = 30;

    private AeDotLayout() {
    }

    /** Rows drawn: a term per row, plus a heading row per body system when grouped. */
    static int rows(AeDotPlot plot) {
        return plot.terms().size() + (plot.grouped() ? (int) plot.bodySystems().stream().distinct().count() : 0);
    }

    static double preferredHeight(AeDotPlot plot) {
        return 26 + 20 + 10 + ROW * Math.max(1, rows(plot)) + Frame.X_AXIS_HEIGHT + 8;
    }

    static Scene layout(AeDotPlot plot, double width, double height) {
        List<Shape> shapes = new ArrayList<>();
        double names = 60;
        for (int t = 0; t < plot.terms().size(); t++) {
            names = Math.max(names, Text.width(plot.terms().get(t), FONT) + (plot.grouped() ? TERM_INDENT : 0));
        }
        // a body system's heading may run on into the panels: its row has no dots
        double left = Math.min(names + 12, width * 0.38);
        double top = Decorations.title(shapes, plot.title(), 8);
        top = legend(shapes, plot, left, top) + 4;
        int rows = rows(plot);
        double row = Math.min(ROW, (height - top - Frame.X_AXIS_HEIGHT - 8) / Math.max(1, rows));
        double panels = width - left - 14 - PANEL_GAP;
        Frame incidence = new Frame(left, top, panels * 0.45, row * rows, plot.incidenceAxis(), null);
        Frame effect = new Frame(left + panels * 0.45 + PANEL_GAP, top, panels * 0.55, row * rows, plot.effectAxis(),
                null);
        incidence.grid(shapes);
        effect.grid(shapes);
        double reference = effect.px(plot.effect().reference());
        shapes.add(new Shape.Line(reference, effect.top, reference, effect.bottom(), "#888888", 1, true));
        String heading = null;
        int r = 0;
        for (int t = 0; t < plot.terms().size(); t++) {
            if (plot.grouped() && !plot.bodySystems().get(t).equals(heading)) {
                heading = plot.bodySystems().get(t);
                double y = top + row * r + row / 2;
                shapes.add(new Shape.Text(HEADING_INDENT, y + FONT * 0.35, heading, Shape.Anchor.START, FONT, true, false,
                        Text.INK));
                r++;
            }
            double y = top + row * r + row / 2;
            for (Frame panel : new Frame[] {incidence, effect}) {
                shapes.add(new Shape.Line(panel.left, y, panel.left + panel.width, y, "#f0f0f0", 1, false));
            }
            shapes.add(Text.at(left - 8, y + FONT * 0.35, plot.terms().get(t), Shape.Anchor.END, FONT));
            incidenceDots(shapes, incidence, plot, t, y);
            effects(shapes, effect, plot, t, y, row);
            r++;
        }
        incidence.axes(shapes);
        effect.axes(shapes);
        return new Scene(plot.label(), width, height, shapes);
    }

    /** The arms as the dots show them (the control an open ring), on one row. */
    private static double legend(List<Shape> shapes, AeDotPlot plot, double x, double y) {
        double at = x;
        for (int a = 0; a < plot.arms().size(); a++) {
            shapes.add(new Shape.Circle(at + 5, y + 7, 4, a == 0 ? "#ffffff" : Palette.colour(a), Palette.colour(a), null));
            shapes.add(Text.at(at + 14, y + 11, plot.arms().get(a), Shape.Anchor.START, Decorations.LEGEND_FONT));
            at += 14 + Text.width(plot.arms().get(a), Decorations.LEGEND_FONT) + 18;
        }
        return y + 20;
    }

    private static void incidenceDots(List<Shape> shapes, Frame frame, AeDotPlot plot, int t, double y) {
        for (int a = 0; a < plot.arms().size(); a++) {
            double value = plot.incidence()[a][t];
            if (Double.isFinite(value)) {
                // the first arm (a control) an open ring, so that dots on top of each other stay visible
                shapes.add(new Shape.Circle(frame.px(value), y, 3.5, a == 0 ? "#ffffff" : Palette.colour(a),
                        Palette.colour(a), plot.arms().get(a) + ", " + plot.terms().get(t) + ": " + percent(value)));
            }
        }
    }

    /** Per active arm a dot and its interval, offset a little when several arms share the row. */
    private static void effects(List<Shape> shapes, Frame frame, AeDotPlot plot, int t, double y, double row) {
        int k = plot.comparisons().size();
        for (int c = 0; c < k; c++) {
            double at = y + (k == 1 ? 0 : (c - (k - 1) / 2.0) * Math.min(5, row / (k + 1)));
            String colour = Palette.colour(plot.arms().indexOf(plot.comparisons().get(c)));
            double lower = clip(plot, plot.lower()[c][t]);
            double upper = clip(plot, plot.upper()[c][t]);
            if (Double.isFinite(lower) && Double.isFinite(upper)) {
                shapes.add(new Shape.Line(frame.px(lower), at, frame.px(upper), at, colour, 1.5, false));
            }
            double estimate = plot.estimate()[c][t];
            if (defined(plot, estimate)) {
                shapes.add(new Shape.Circle(frame.px(estimate), at, 3.5, colour, colour, plot.comparisons().get(c) + " vs "
                        + plot.controls().get(c) + ", " + plot.terms().get(t) + ": " + number(estimate) + " ("
                        + number(plot.lower()[c][t]) + " to " + number(plot.upper()[c][t]) + ")"));
            }
        }
    }

    private static boolean defined(AeDotPlot plot, double value) {
        return Double.isFinite(value) && (plot.effect() == AeDotPlot.Effect.RISK_DIFFERENCE || value > 0);
    }

    /** A limit inside the axis (an infinite relative risk from an empty control cell reaches the edge), NaN if none. */
    private static double clip(AeDotPlot plot, double value) {
        if (Double.isNaN(value)) {
            return Double.NaN;
        }
        if (plot.effect() == AeDotPlot.Effect.RELATIVE_RISK && value <= 0) {
            return plot.effectAxis().min();
        }
        return Math.max(plot.effectAxis().min(), Math.min(plot.effectAxis().max(), value));
    }

    private static String percent(double value) {
        return Ticks.label(Math.round(value * 10) / 10.0) + "%";
    }

    private static String number(double value) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%.3g", value) : "NA";
    }
}
