package io.daybreak.charts;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.daybreak.charts.CurvePlot.Anchor;
import io.daybreak.charts.CurvePlot.Curve;
import io.daybreak.charts.CurvePlot.Guide;
import io.daybreak.charts.CurvePlot.Interval;
import io.daybreak.charts.CurvePlot.Mark;

/**
 * The charts of the biomarker methods (docs/biomarker.md), from the columns of their result tables: elastic-net
 * coefficient paths and cross-validation curve (as {@code plot.glmnet} and {@code plot.cv.glmnet}), ROC curves with
 * their AUC and Youden point (as {@code pROC}), the STEPP plot of a treatment effect over marker windows, and the
 * forest plot of naive and bias-adjusted subgroup effects.
 */
public final class BiomarkerCharts {
    /** How many coefficient paths are named (the largest at the smallest lambda); the others are drawn grey. */
    public static final int LABELLED_PATHS = 6;
    private static final String INTERCEPT = "(intercept)";
    /** The colour of a naive subgroup estimate: grey, beside its adjusted estimate in the first palette colour. */
    public static final String NAIVE = "#9c9c9c";

    private BiomarkerCharts() {
    }

    /**
     * Coefficient paths: coefficient against log(lambda) per term (without the intercept), one row per (lambda, term)
     * as the elastic net's {@code path} table has them. The {@link #LABELLED_PATHS} terms largest in absolute value at
     * the smallest lambda are coloured and named at that end; the number of non-zero terms runs along the top, and
     * lambda.min and lambda.1se are marked when given (NaN: not marked).
     */
    public static CurvePlot coefficientPaths(List<String> term, double[] lambda, double[] coefficient, double lambdaMin,
            double lambda1se) {
        Map<String, List<double[]>> byTerm = new LinkedHashMap<>();
        Map<Double, Integer> nonZero = new LinkedHashMap<>();
        for (int i = 0; i < term.size(); i++) {
            String name = term.get(i);
            if (name == null || name.toLowerCase(Locale.ROOT).equals(INTERCEPT) || !(lambda[i] > 0)
                    || !Double.isFinite(coefficient[i])) {
                continue;
            }
            byTerm.computeIfAbsent(name, n -> new ArrayList<>()).add(new double[] {Math.log(lambda[i]), coefficient[i]});
            nonZero.merge(lambda[i], coefficient[i] != 0 ? 1 : 0, Integer::sum);
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        double yLo = 0;
        double yHi = 0;
        Map<String, Double> atSmallest = new LinkedHashMap<>();
        for (Map.Entry<String, List<double[]>> e : byTerm.entrySet()) {
            e.getValue().sort(Comparator.comparingDouble(p -> p[0]));
            atSmallest.put(e.getKey(), Math.abs(e.getValue().get(0)[1]));
            for (double[] p : e.getValue()) {
                lo = Math.min(lo, p[0]);
                hi = Math.max(hi, p[0]);
                yLo = Math.min(yLo, p[1]);
                yHi = Math.max(yHi, p[1]);
            }
        }
        if (!(hi > lo)) {
            lo = Double.isFinite(lo) ? lo - 1 : 0;
            hi = lo + 2;
        }
        List<String> labelled = atSmallest.entrySet().stream().filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(LABELLED_PATHS)
                .map(Map.Entry::getKey).toList();
        List<Curve> grey = new ArrayList<>();
        List<Curve> coloured = new ArrayList<>();
        for (Map.Entry<String, List<double[]>> e : byTerm.entrySet()) {
            double[] x = e.getValue().stream().mapToDouble(p -> p[0]).toArray();
            double[] y = e.getValue().stream().mapToDouble(p -> p[1]).toArray();
            int rank = labelled.indexOf(e.getKey());
            Curve curve = new Curve(e.getKey(), x, y, null, null, Interval.NONE, true, false, rank >= 0, rank);
            (rank >= 0 ? coloured : grey).add(curve);
        }
        List<Curve> curves = new ArrayList<>(grey);
        curves.addAll(coloured);
        // room on the left for the names, where the paths start (the smallest lambda)
        int longest = labelled.stream().mapToInt(String::length).max().orElse(0);
        double room = labelled.isEmpty() ? 0 : (hi - lo) * Math.min(0.45, 0.04 + 0.018 * Math.min(longest, 18));
        Axis xAxis = Axis.linear("log(\u03bb)", lo - room, hi);
        Axis yAxis = Axis.linear("Coefficient", yLo, yHi);
        double[] sortedLambda = nonZero.keySet().stream().mapToDouble(Double::doubleValue).toArray();
        double[] df = nonZero.values().stream().mapToDouble(Integer::doubleValue).toArray();
        List<Guide> guides = new ArrayList<>(List.of(new Guide(xAxis.min(), 0, xAxis.max(), 0, "", false, Anchor.START)));
        guides.addAll(lambdaGuides(lambdaMin, lambda1se, yAxis, sortedLambda, df, false));
        String note = byTerm.size() > labelled.size() ? String.format(Locale.ROOT, "%d of %d terms named (largest |coefficient| "
                + "at the smallest \u03bb); the others in grey.", labelled.size(), byTerm.size()) : "";
        return new CurvePlot("Elastic net: coefficient paths", "coefficient paths", xAxis, yAxis, curves, guides,
                List.of(), topTicks(xAxis, sortedLambda, df), "Non-zero coefficients", false, false, note);
    }

    /**
     * The cross-validation curve as {@code plot.cv.glmnet}: the mean cross-validated error (cvm) with cvlo..cvup error
     * bars against log(lambda), dashed lines at lambda.min and lambda.1se (labelled with their value and number of
     * non-zero coefficients), the number of non-zero coefficients along the top.
     *
     * @param lambdaMin  as the method chose it; NaN to take it from the curve ({@link #lambdaMin})
     * @param lambda1se  as the method chose it; NaN to take it from the curve ({@link #lambda1se})
     * @param measure    the y axis title (see {@link #cvMeasure})
     * @param maximise   the measure is better when larger (AUC, C-index)
     */
    public static CurvePlot cvCurve(double[] lambda, double[] cvm, double[] cvlo, double[] cvup, double[] nzero,
            double lambdaMin, double lambda1se, String measure, boolean maximise) {
        double min = Double.isFinite(lambdaMin) ? lambdaMin : lambdaMin(lambda, cvm, maximise);
        double se = Double.isFinite(lambda1se) ? lambda1se : lambda1se(lambda, cvm, cvlo, cvup, maximise);
        int n = lambda.length;
        double[] x = new double[n];
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        double yLo = Double.POSITIVE_INFINITY;
        double yHi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            x[i] = lambda[i] > 0 ? Math.log(lambda[i]) : Double.NaN;
            if (Double.isFinite(x[i])) {
                lo = Math.min(lo, x[i]);
                hi = Math.max(hi, x[i]);
            }
            for (double v : new double[] {cvm[i], cvlo[i], cvup[i]}) {
                if (Double.isFinite(v)) {
                    yLo = Math.min(yLo, v);
                    yHi = Math.max(yHi, v);
                }
            }
        }
        if (!(hi > lo)) {
            lo = Double.isFinite(lo) ? lo - 1 : 0;
            hi = lo + 2;
        }
        if (!(yHi > yLo)) {
            yLo = Double.isFinite(yLo) ? yLo - 1 : 0;
            yHi = yLo + 2;
        }
        Axis xAxis = Axis.linear("log(\u03bb)", lo, hi);
        Axis yAxis = Axis.linear(measure, yLo, yHi);
        List<Guide> guides = lambdaGuides(min, se, yAxis, lambda, nzero, true);
        Curve curve = new Curve(measure, x, cvm.clone(), cvlo.clone(), cvup.clone(), Interval.BARS, false, true, false, 3);
        return new CurvePlot("Cross-validation: " + measure + " against log(\u03bb)", "cross-validation curve", xAxis,
                yAxis, List.of(curve), guides, List.of(), topTicks(xAxis, lambda, nzero), "Non-zero coefficients",
                false, false, "Error bars: cvlo to cvup (mean \u00b1 one standard error over the folds).");
    }

    /** The y title of a cross-validation curve, as {@code plot.cv.glmnet} names the measure. */
    public static String cvMeasure(String typeMeasure, String family) {
        String type = typeMeasure == null ? "deviance" : typeMeasure;
        return switch (type) {
            case "mse" -> "Mean-squared error";
            case "mae" -> "Mean absolute error";
            case "auc" -> "AUC";
            case "C" -> "C-index";
            case "class" -> "Misclassification error";
            default -> "binomial".equals(family) ? "Binomial deviance"
                    : "cox".equals(family) ? "Partial likelihood deviance"
                    : "poisson".equals(family) ? "Poisson deviance" : "Mean-squared error";
        };
    }

    /** lambda.min: the lambda with the best mean cross-validated measure (the largest such lambda on ties). */
    public static double lambdaMin(double[] lambda, double[] cvm, boolean maximise) {
        int best = bestIndex(lambda, cvm, maximise);
        return best < 0 ? Double.NaN : lambda[best];
    }

    /**
     * lambda.1se: the largest lambda whose mean measure is within one standard error of the best (cvm at most cvup at
     * lambda.min; for a measure to maximise, at least cvlo there), as {@code cv.glmnet}.
     */
    public static double lambda1se(double[] lambda, double[] cvm, double[] cvlo, double[] cvup, boolean maximise) {
        int best = bestIndex(lambda, cvm, maximise);
        if (best < 0) {
            return Double.NaN;
        }
        double bound = maximise ? cvlo[best] : cvup[best];
        double chosen = lambda[best];
        for (int i = 0; i < lambda.length; i++) {
            boolean within = maximise ? cvm[i] >= bound : cvm[i] <= bound;
            if (within && Double.isFinite(lambda[i]) && lambda[i] > chosen) {
                chosen = lambda[i];
            }
        }
        return chosen;
    }

    private static int bestIndex(double[] lambda, double[] cvm, boolean maximise) {
        int best = -1;
        for (int i = 0; i < cvm.length; i++) {
            if (!Double.isFinite(cvm[i]) || !Double.isFinite(lambda[i])) {
                continue;
            }
            double sign = maximise ? -1 : 1;
            if (best < 0 || sign * cvm[i] < sign * cvm[best] || cvm[i] == cvm[best] && lambda[i] > lambda[best]) {
                best = i;
            }
        }
        return best;
    }

    /** Dashed vertical lines at log(lambda.min) and log(lambda.1se), named on the left and right of the lines. */
    private static List<Guide> lambdaGuides(double lambdaMin, double lambda1se, Axis y, double[] lambda, double[] nzero,
            boolean withCounts) {
        List<Guide> guides = new ArrayList<>();
        if (lambdaMin > 0) {
            guides.add(new Guide(Math.log(lambdaMin), y.min(), Math.log(lambdaMin), y.max(), "lambda.min "
                    + round(lambdaMin) + count(lambdaMin, lambda, nzero, withCounts), true, Anchor.END));
        }
        if (lambda1se > 0) {
            guides.add(new Guide(Math.log(lambda1se), y.min(), Math.log(lambda1se), y.max(), "lambda.1se "
                    + round(lambda1se) + count(lambda1se, lambda, nzero, withCounts), true, Anchor.START));
        }
        return guides;
    }

    private static String count(double at, double[] lambda, double[] nzero, boolean withCounts) {
        int i = nearest(lambda, at);
        if (!withCounts || i < 0 || nzero == null || !Double.isFinite(nzero[i])) {
            return "";
        }
        long k = Math.round(nzero[i]);
        return " (" + k + (k == 1 ? " term)" : " terms)");
    }

    private static int nearest(double[] lambda, double at) {
        int best = -1;
        for (int i = 0; i < lambda.length; i++) {
            if (lambda[i] > 0 && (best < 0
                    || Math.abs(Math.log(lambda[i]) - Math.log(at)) < Math.abs(Math.log(lambda[best]) - Math.log(at)))) {
                best = i;
            }
        }
        return best;
    }

    /**
     * The number of non-zero coefficients at every lambda, at its log (as {@code plot.cv.glmnet}'s top axis), in
     * increasing x; the layout leaves out labels that would overlap the one before.
     */
    private static List<Tick> topTicks(Axis x, double[] lambda, double[] nzero) {
        List<Tick> ticks = new ArrayList<>();
        if (nzero == null) {
            return ticks;
        }
        for (int i = 0; i < lambda.length; i++) {
            double at = lambda[i] > 0 ? Math.log(lambda[i]) : Double.NaN;
            if (Double.isFinite(at) && Double.isFinite(nzero[i]) && at >= x.min() && at <= x.max()) {
                ticks.add(new Tick(at, Long.toString(Math.round(nzero[i]))));
            }
        }
        ticks.sort(Comparator.comparingDouble(Tick::value));
        return ticks;
    }

    /**
     * One ROC curve: its points (sensitivity and specificity per threshold) and, when known, its AUC with confidence
     * limits (NaN when not known) and the Youden-optimal threshold with its sensitivity and specificity (NaN: found
     * here as the point maximising sensitivity + specificity - 1).
     */
    public record Roc(String name, double[] sensitivity, double[] specificity, double auc, double aucLower,
            double aucUpper, double bestThreshold, double bestSensitivity, double bestSpecificity) {
    }

    /**
     * ROC curves: sensitivity against 1 - specificity on [0, 1] x [0, 1], the diagonal of a useless marker, the AUC
     * (with its confidence interval at the given level) in the legend, the Youden-optimal point marked.
     *
     * @param level the confidence level of the AUC limits (0.95)
     */
    public static CurvePlot roc(String title, List<Roc> rocs, double level) {
        List<Curve> curves = new ArrayList<>();
        List<Mark> marks = new ArrayList<>();
        for (int c = 0; c < rocs.size(); c++) {
            Roc roc = rocs.get(c);
            int n = roc.sensitivity().length;
            Integer[] order = new Integer[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            Arrays.sort(order, Comparator.<Integer>comparingDouble(i -> 1 - roc.specificity()[i])
                    .thenComparingDouble(i -> roc.sensitivity()[i]));
            double[] x = new double[n];
            double[] y = new double[n];
            int bestRow = -1;
            for (int k = 0; k < n; k++) {
                x[k] = 1 - roc.specificity()[order[k]];
                y[k] = roc.sensitivity()[order[k]];
                double j = y[k] - x[k];
                if (Double.isFinite(j) && (bestRow < 0 || j > y[bestRow] - x[bestRow])) {
                    bestRow = k;
                }
            }
            String name = roc.name();
            if (Double.isFinite(roc.auc())) {
                name += ": AUC " + fixed(roc.auc());
                if (Double.isFinite(roc.aucLower()) && Double.isFinite(roc.aucUpper())) {
                    name += " (" + Ticks.label(100 * level) + "% CI " + fixed(roc.aucLower()) + " to "
                            + fixed(roc.aucUpper()) + ")";
                }
            }
            curves.add(new Curve(name, x, y, null, null, Interval.NONE, true, false, false, c));
            double bestSe = roc.bestSensitivity();
            double bestSp = roc.bestSpecificity();
            String at = Double.isFinite(roc.bestThreshold()) ? "threshold " + round(roc.bestThreshold()) + ": " : "";
            if (!(Double.isFinite(bestSe) && Double.isFinite(bestSp)) && bestRow >= 0) {
                bestSe = y[bestRow];
                bestSp = 1 - x[bestRow];
                at = "";
            }
            if (Double.isFinite(bestSe) && Double.isFinite(bestSp)) {
                marks.add(new Mark(1 - bestSp, bestSe, (rocs.size() > 1 ? roc.name() + " " : "") + at + "Se "
                        + fixed(bestSe) + ", Sp " + fixed(bestSp), c));
            }
        }
        Axis x = Ticks.stepped("1 \u2212 specificity (false positive rate)", 0, 1, 0.2);
        Axis y = Ticks.stepped("Sensitivity (true positive rate)", 0, 1, 0.2);
        List<Guide> guides = List.of(new Guide(0, 0, 1, 1, "", true, Anchor.START));
        return new CurvePlot(title, "ROC curve", x, y, curves, guides, marks, List.of(), "", true, true,
                "Dots: the Youden-optimal threshold (largest sensitivity + specificity \u2212 1); dashed: no discrimination.");
    }

    /**
     * STEPP (Bonetti and Gelber): the treatment effect in overlapping marker windows against the median marker value of
     * each window, with its pointwise confidence band, a line at no effect and a dashed line at the overall effect.
     *
     * @param scale     the effect's scale as the method names it (e.g. "log hazard ratio", "risk difference")
     * @param overall   the overall effect (NaN: not drawn)
     * @param steppP    the permutation p-value of the test of no variation over windows (NaN: not stated)
     */
    public static CurvePlot stepp(String marker, double[] median, double[] difference, double[] lower, double[] upper,
            String scale, double overall, double steppP) {
        double reference = isRatio(scale) ? 1 : 0;
        double yLo = reference;
        double yHi = reference;
        double xLo = Double.POSITIVE_INFINITY;
        double xHi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < median.length; i++) {
            for (double v : new double[] {difference[i], lower[i], upper[i], overall}) {
                if (Double.isFinite(v)) {
                    yLo = Math.min(yLo, v);
                    yHi = Math.max(yHi, v);
                }
            }
            if (Double.isFinite(median[i])) {
                xLo = Math.min(xLo, median[i]);
                xHi = Math.max(xHi, median[i]);
            }
        }
        if (!(xHi > xLo)) {
            xLo = Double.isFinite(xLo) ? xLo - 1 : 0;
            xHi = xLo + 2;
        }
        String effect = scale == null || scale.isBlank() ? "Treatment effect" : "Treatment effect (" + scale + ")";
        Axis x = Axis.linear((marker == null || marker.isBlank() ? "Marker" : marker) + " (median of window)", xLo, xHi);
        Axis y = Axis.linear(effect, yLo, yHi);
        List<Guide> guides = new ArrayList<>();
        guides.add(new Guide(x.min(), reference, x.max(), reference, "no effect", false, Anchor.END));
        if (Double.isFinite(overall)) {
            guides.add(new Guide(x.min(), overall, x.max(), overall, "overall " + round(overall), true, Anchor.END));
        }
        Curve curve = new Curve("treatment effect", median.clone(), difference.clone(), lower.clone(), upper.clone(),
                Interval.BAND, true, true, false, 0);
        String note = "Band: pointwise CI per window" + (Double.isFinite(steppP) ? "; permutation test of no variation: p = "
                + pValue(steppP) : " (not simultaneous)") + ".";
        return new CurvePlot("STEPP: treatment effect over marker windows", "STEPP plot", x, y, List.of(curve), guides,
                List.of(), List.of(), "", false, false, note);
    }

    /**
     * Subgroup effects as a forest plot, two rows per subgroup in the table's order: the naive estimate (in the
     * subgroup as found, optimistic because the same data chose it) and the bias-adjusted one. Ratios (a scale whose
     * name contains "ratio" but not "log") on a log axis through 1, other effects on a linear axis through 0.
     */
    public static ForestPlot subgroups(List<String> subgroup, double[] naive, double[] naiveLower, double[] naiveUpper,
            double[] adjusted, double[] adjustedLower, double[] adjustedUpper, String scale) {
        List<String> terms = new ArrayList<>();
        int n = subgroup.size();
        double[] estimate = new double[2 * n];
        double[] lower = new double[2 * n];
        double[] upper = new double[2 * n];
        for (int i = 0; i < n; i++) {
            terms.add(subgroup.get(i) + " \u00b7 naive");
            terms.add(subgroup.get(i) + " \u00b7 adjusted");
            estimate[2 * i] = naive[i];
            lower[2 * i] = naiveLower[i];
            upper[2 * i] = naiveUpper[i];
            estimate[2 * i + 1] = adjusted[i];
            lower[2 * i + 1] = adjustedLower[i];
            upper[2 * i + 1] = adjustedUpper[i];
        }
        List<String> colours = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            colours.add(NAIVE);
            colours.add(Palette.colour(0));
        }
        String title = "Subgroups: naive (grey) and bias-adjusted (blue) treatment effects";
        String axisTitle = (scale == null || scale.isBlank() ? "Treatment effect" : capitalise(scale)) + " (95% CI";
        if (isRatio(scale)) {
            double lo = 1;
            double hi = 1;
            for (double[] limits : new double[][] {lower, upper, estimate}) {
                for (double v : limits) {
                    if (Double.isFinite(v) && v > 0) {
                        lo = Math.min(lo, v);
                        hi = Math.max(hi, v);
                    }
                }
            }
            return new ForestPlot(title, "subgroup forest plot", Axis.log(axisTitle + ", log scale)", lo, hi), terms,
                    estimate, lower, upper, 1, colours);
        }
        ForestPlot plot = ForestPlot.differences(title, axisTitle + ")", terms, estimate, lower, upper);
        return new ForestPlot(title, "subgroup forest plot", plot.axis(), terms, plot.estimate(), plot.lower(),
                plot.upper(), 0, colours);
    }

    /** A ratio scale (hazard, odds, risk ratio) rather than a difference or a log ratio. */
    static boolean isRatio(String scale) {
        if (scale == null) {
            return false;
        }
        String s = scale.toLowerCase(Locale.ROOT);
        return s.contains("ratio") && !s.contains("log");
    }

    private static String capitalise(String text) {
        return text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1);
    }

    /** Three significant digits. */
    static String round(double value) {
        return Ticks.label(Double.parseDouble(String.format(Locale.ROOT, "%.3g", value)));
    }

    /** Three decimals (an AUC, a sensitivity), as pROC prints them. */
    private static String fixed(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }

    private static String pValue(double p) {
        return p < 0.001 ? "< 0.001" : String.format(Locale.ROOT, "%.3f", p);
    }
}
