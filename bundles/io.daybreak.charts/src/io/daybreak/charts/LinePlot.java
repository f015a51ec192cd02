package io.daybreak.charts;

import java.util.List;

/**
 * Simple lines or scatter: one (x, y) series per name on linear axes fitted to the data.
 *
 * @param lines join the points of a series
 * @param points mark each point
 */
public record LinePlot(String title, String label, Axis x, Axis y, List<String> series, List<double[]> xs,
        List<double[]> ys, boolean lines, boolean points) implements Chart {

    public LinePlot {
        series = List.copyOf(series);
        xs = List.copyOf(xs);
        ys = List.copyOf(ys);
        if (xs.size() != series.size() || ys.size() != series.size()) {
            throw new IllegalArgumentException("a line plot needs x and y for every series");
        }
    }

    public static LinePlot of(String title, String xTitle, String yTitle, List<String> series, List<double[]> xs,
            List<double[]> ys, boolean lines, boolean points) {
        double[] x = span(xs);
        double[] y = span(ys);
        return new LinePlot(title, title, Axis.linear(xTitle, x[0], x[1]), Axis.linear(yTitle, y[0], y[1]), series, xs, ys,
                lines, points);
    }

    private static double[] span(List<double[]> values) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double[] row : values) {
            for (double v : row) {
                if (Double.isFinite(v)) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        return min <= max ? new double[] {min, max} : new double[] {0, 1};
    }
}
