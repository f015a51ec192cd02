package io.daybreak.charts;

import java.util.ArrayList;
import java.util.List;

/**
 * Estimates with intervals, one row per term, on a common axis with a dashed reference line at no effect: a log
 * axis through 1 for hazard and odds ratios (so that 0.5 and 2 are equally far from 1), a linear axis through 0
 * for differences.
 *
 * @param colours the colour (#rrggbb) of each row's square and interval, or empty for the first palette colour
 *                throughout (e.g. grey for a naive estimate beside its adjusted one)
 */
public record ForestPlot(String title, String label, Axis axis, List<String> terms, double[] estimate, double[] lower,
        double[] upper, double reference, List<String> colours) implements Chart {

    public ForestPlot {
        terms = List.copyOf(terms);
        colours = colours == null ? List.of() : List.copyOf(colours);
        if (estimate.length != terms.size() || lower.length != terms.size() || upper.length != terms.size()) {
            throw new IllegalArgumentException("a forest plot needs an estimate and limits for every term");
        }
        if (!colours.isEmpty() && colours.size() != terms.size()) {
            throw new IllegalArgumentException("a forest plot's colours, when given, are one per term");
        }
    }

    /** Every row in the first palette colour. */
    public ForestPlot(String title, String label, Axis axis, List<String> terms, double[] estimate, double[] lower,
            double[] upper, double reference) {
        this(title, label, axis, terms, estimate, lower, upper, reference, List.of());
    }

    /** The same plot with a colour per row. */
    public ForestPlot withColours(List<String> rowColours) {
        return new ForestPlot(title, label, axis, terms, estimate, lower, upper, reference, rowColours);
    }

    /** The colour of row {@code i}. */
    public String colour(int i) {
        return colours.isEmpty() ? Palette.colour(0) : colours.get(i);
    }

    /**
     * Ratios (hazard, odds) from coefficients on the log scale: exp of estimate and limits on a log axis with
     * the reference line at 1.
     */
    public static ForestPlot ratios(String title, String axisTitle, List<String> terms, double[] logEstimate,
            double[] logLower, double[] logUpper) {
        double[] estimate = exp(logEstimate);
        double[] lower = exp(logLower);
        double[] upper = exp(logUpper);
        double[] range = range(lower, upper, 1);
        return new ForestPlot(title, "forest plot", Axis.log(axisTitle, range[0], range[1]), terms, estimate, lower,
                upper, 1);
    }

    /** Coefficients or differences on a linear axis with the reference line at 0. */
    public static ForestPlot differences(String title, String axisTitle, List<String> terms, double[] estimate,
            double[] lower, double[] upper) {
        double[] range = range(lower, upper, 0);
        return new ForestPlot(title, "forest plot", Axis.linear(axisTitle, range[0], range[1]), terms, estimate.clone(),
                lower.clone(), upper.clone(), 0);
    }

    /**
     * Regression coefficients as a trial report shows them: log ratios ({@code ratio} not null: "Hazard ratio",
     * "Odds ratio", "Rate ratio") exponentiated on a log axis through 1 without the intercept, whose exp is a baseline
     * odds or rate rather than a ratio; other coefficients on a linear axis through 0. Empty when a ratio model has
     * nothing but an intercept.
     */
    public static List<ForestPlot> coefficients(String title, String ratio, List<String> terms, double[] estimate,
            double[] lower, double[] upper) {
        if (ratio == null) {
            return List.of(differences(title, "Coefficient (95% CI)", terms, estimate, lower, upper));
        }
        List<Integer> kept = withoutIntercept(terms);
        if (kept.isEmpty()) {
            return List.of();
        }
        return List.of(ratios(title, ratio + " (95% CI, log scale)", kept.stream().map(terms::get).toList(),
                pick(estimate, kept), pick(lower, kept), pick(upper, kept)));
    }

    /**
     * What exp(coefficient) of a Daybreak regression method is, by the convention of trial reports: a hazard ratio for
     * {@code stats.cox}, an odds ratio for {@code stats.firth} and for {@code stats.glm} with the binomial family (logit
     * link), a rate ratio for the poisson family (log link); null for a linear model, whose coefficients are
     * differences.
     *
     * @param family the GLM family parameter of the run, or null when it is not known (then gaussian, its default)
     */
    public static String ratioOf(String method, String family) {
        if (method == null) {
            return null;
        }
        return switch (method) {
            case "stats.cox" -> "Hazard ratio";
            case "stats.firth" -> "Odds ratio";
            case "stats.glm" -> "binomial".equals(family) ? "Odds ratio" : "poisson".equals(family) ? "Rate ratio" : null;
            default -> null;
        };
    }

    private static double[] pick(double[] values, List<Integer> indices) {
        return indices.stream().mapToDouble(i -> values[i]).toArray();
    }

    /** The terms other than an intercept (whose exp is a baseline odds or rate, not a ratio). */
    public static List<Integer> withoutIntercept(List<String> terms) {
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i < terms.size(); i++) {
            String term = terms.get(i).toLowerCase(java.util.Locale.ROOT);
            if (!term.equals("(intercept)") && !term.equals("intercept")) {
                kept.add(i);
            }
        }
        return kept;
    }

    private static double[] exp(double[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = Math.exp(values[i]);
        }
        return out;
    }

    /** The finite, positive-where-needed span of the limits, always including the reference. */
    private static double[] range(double[] lower, double[] upper, double reference) {
        double min = reference;
        double max = reference;
        boolean ratio = reference > 0;
        for (double[] limits : new double[][] {lower, upper}) {
            for (double v : limits) {
                if (Double.isFinite(v) && (!ratio || v > 0)) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        return new double[] {min, max};
    }
}
