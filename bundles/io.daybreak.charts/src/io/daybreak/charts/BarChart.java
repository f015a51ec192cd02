package io.daybreak.charts;

import java.util.List;

/**
 * Grouped bars: categories (e.g. dose levels) along the bottom, one bar per series (e.g. design) in each, on a
 * value axis from 0.
 *
 * @param values [series][category]
 */
public record BarChart(String title, String label, String categoryTitle, List<String> categories, List<String> series,
        double[][] values, Axis value) implements Chart {

    public BarChart {
        categories = List.copyOf(categories);
        series = List.copyOf(series);
        if (values.length != series.size()) {
            throw new IllegalArgumentException("a bar chart needs values for every series");
        }
        for (double[] row : values) {
            if (row.length != categories.size()) {
                throw new IllegalArgumentException("a bar chart needs a value for every category");
            }
        }
    }

    /**
     * @param fixedMax the top of the value axis (100 for percentages), or NaN to fit the values
     */
    public static BarChart of(String title, String categoryTitle, List<String> categories, List<String> series,
            double[][] values, String valueTitle, double fixedMax) {
        double max = fixedMax;
        if (!Double.isFinite(max)) {
            max = 0;
            for (double[] row : values) {
                for (double v : row) {
                    max = Double.isFinite(v) ? Math.max(max, v) : max;
                }
            }
            max = max > 0 ? max : 1;
        }
        return new BarChart(title, title, categoryTitle, categories, series, values, Axis.linear(valueTitle, 0, max));
    }
}
