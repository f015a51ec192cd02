package io.daybreak.charts;

import java.util.List;

/**
 * Curves on two linear axes with what a statistician marks on them: pointwise intervals (a shaded band or error
 * bars), reference lines (no effect, the diagonal of an ROC plot, a chosen lambda) with their labels, highlighted
 * points (an optimal threshold), names written at one end of a curve (coefficient paths) and a secondary row of
 * labels along the top (the number of non-zero coefficients over log lambda, as {@code plot.cv.glmnet}). The
 * biomarker charts ({@link BiomarkerCharts}) are made of it.
 *
 * @param curves    drawn in order, each in its own colour
 * @param guides    reference lines, drawn under the curves
 * @param marks     highlighted points, drawn over the curves
 * @param topTicks  labels above the plot at x positions (empty for none)
 * @param topTitle  what the top labels are (e.g. "Non-zero coefficients"), may be empty
 * @param legend    a legend row of the curves' names (names may carry statistics, e.g. an AUC with its CI)
 * @param square    the plot reads best about as high as wide (ROC curves)
 * @param note      a line under the plot, may be empty
 */
public record CurvePlot(String title, String label, Axis x, Axis y, List<Curve> curves, List<Guide> guides,
        List<Mark> marks, List<Tick> topTicks, String topTitle, boolean legend, boolean square, String note)
        implements Chart {

    /** How a curve's pointwise limits are drawn. */
    public enum Interval {
        NONE, BAND, BARS
    }

    /**
     * One series.
     *
     * @param lower    pointwise lower limits (null when none)
     * @param upper    pointwise upper limits (null when none)
     * @param line     join the points (in the given order)
     * @param points   mark each point with a dot
     * @param endLabel write the name beside the curve's first point (the left end of a coefficient path)
     * @param colour   index into {@link Palette}, or -1 for grey
     */
    public record Curve(String name, double[] x, double[] y, double[] lower, double[] upper, Interval interval,
            boolean line, boolean points, boolean endLabel, int colour) {
        public Curve {
            if (x.length != y.length || lower != null && lower.length != x.length
                    || upper != null && upper.length != x.length) {
                throw new IllegalArgumentException("curve " + name + ": x, y and limits need the same length");
            }
        }
    }

    /**
     * A reference line from (x1, y1) to (x2, y2) in data units, with a label at its second end.
     *
     * @param anchor where the label sits relative to the second end: START right of it, END left of it
     */
    public record Guide(double x1, double y1, double x2, double y2, String label, boolean dashed, Anchor anchor) {
    }

    /** Horizontal placement of a guide's label relative to its end. */
    public enum Anchor {
        START, MIDDLE, END
    }

    /** A highlighted point with a label beside it (e.g. the Youden-optimal threshold), in a curve's colour. */
    public record Mark(double x, double y, String label, int colour) {
    }

    public CurvePlot {
        curves = List.copyOf(curves);
        guides = List.copyOf(guides);
        marks = List.copyOf(marks);
        topTicks = List.copyOf(topTicks);
    }
}
