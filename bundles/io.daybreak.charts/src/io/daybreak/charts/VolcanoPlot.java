package io.daybreak.charts;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A volcano plot of drug-event pairs: a disproportionality ratio (PRR, ROR, EBGM) on a log axis with ticks at powers
 * of two (so that 0.5 and 2 are equally far from 1), against the strength of evidence (-log10 p, or EB05) on a linear
 * axis. Dashed lines mark the signal thresholds, a dotted line ratio 1; pairs meeting the method's criteria are
 * highlighted and the strongest few are labelled "drug – event".
 *
 * @param names         "drug – event" per pair drawn
 * @param ratio         the ratio per pair (positive, finite)
 * @param score         the y value per pair (finite)
 * @param highlighted   per pair: meets the criteria (as the method flagged it)
 * @param xThreshold    the ratio threshold (a vertical dashed line), NaN for none
 * @param xLabel        what the vertical line is, e.g. "PRR = 2"
 * @param yThreshold    the score threshold (a horizontal dashed line), NaN for none
 * @param yLabel        what the horizontal line is, e.g. "p = 0.05"
 * @param labelled      how many of the highlighted pairs with the largest scores get their names written
 * @param note          a line under the plot (e.g. how many pairs could not be drawn), may be empty
 */
public record VolcanoPlot(String title, String label, Axis ratioAxis, Axis scoreAxis, List<String> names, double[] ratio,
        double[] score, boolean[] highlighted, double xThreshold, String xLabel, double yThreshold, String yLabel,
        int labelled, String note) implements Chart {

    /** The number of signals named in the plot by default. */
    public static final int LABELLED = 8;

    public VolcanoPlot {
        names = List.copyOf(names);
        if (ratio.length != names.size() || score.length != names.size() || highlighted.length != names.size()) {
            throw new IllegalArgumentException("a volcano plot needs a ratio, a score and a flag for every pair");
        }
    }

    /**
     * The plot of the pairs whose ratio is positive and finite and whose score is finite; the others are counted in
     * the note (a ratio of 0 or infinity comes from an empty cell of the 2x2 table).
     */
    public static VolcanoPlot of(String title, String ratioTitle, String scoreTitle, List<String> names, double[] ratio,
            double[] score, boolean[] highlighted, double xThreshold, String xLabel, double yThreshold, String yLabel) {
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            if (Double.isFinite(ratio[i]) && ratio[i] > 0 && Double.isFinite(score[i])) {
                kept.add(i);
            }
        }
        // at least a halving and a doubling, so that the line at 1 stands inside the plot
        double xLo = 0.5;
        double xHi = 2;
        double yLo = 0;
        double yHi = 0;
        for (int i : kept) {
            xLo = Math.min(xLo, ratio[i]);
            xHi = Math.max(xHi, ratio[i]);
            yLo = Math.min(yLo, score[i]);
            yHi = Math.max(yHi, score[i]);
        }
        if (Double.isFinite(xThreshold) && xThreshold > 0) {
            xLo = Math.min(xLo, xThreshold);
            xHi = Math.max(xHi, xThreshold);
        }
        if (Double.isFinite(yThreshold)) {
            yHi = Math.max(yHi, yThreshold);
        }
        int dropped = names.size() - kept.size();
        String note = dropped == 0 ? "" : String.format(Locale.ROOT, "%d pair%s not drawn (ratio 0 or infinite, or no "
                + "score: an empty cell of the 2x2 table)", dropped, dropped == 1 ? "" : "s");
        return new VolcanoPlot(title, "volcano plot", Axis.log2(ratioTitle, xLo, xHi), Axis.linear(scoreTitle, yLo, yHi),
                kept.stream().map(names::get).toList(), pick(ratio, kept), pick(score, kept), flags(highlighted, kept),
                xThreshold, xLabel, yThreshold, yLabel, LABELLED, note);
    }

    /**
     * Frequentist disproportionality ({@code signal.disproportionality}): the ratio (PRR or ROR) against -log10 of
     * Fisher's exact p, a dashed line at the ratio threshold and one at p = alpha.
     *
     * @param statistic      "PRR" or "ROR", the axis title and the threshold's label
     * @param ratioThreshold the ratio's line (PRR 2 by Evans' criterion), NaN for none (the ROR's criterion is on
     *                       its lower limit, which a point does not show)
     */
    public static VolcanoPlot disproportionality(String statistic, List<String> names, double[] ratio, double[] p,
            boolean[] signal, double ratioThreshold, double alpha) {
        double[] score = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            score[i] = p[i] > 0 && p[i] <= 1 ? -Math.log10(p[i]) : Double.NaN;
        }
        return of("Disproportionality: " + statistic + " against Fisher's exact p", statistic + " (log scale)",
                "-log10(Fisher's exact p)", names, ratio, score, signal, ratioThreshold,
                statistic + " = " + Ticks.label(ratioThreshold), -Math.log10(alpha), "p = " + Ticks.label(alpha));
    }

    /**
     * The empirical-Bayes gamma-Poisson shrinker ({@code signal.ebgm}): EBGM against EB05 (the lower 5% posterior
     * quantile), a dashed line at the EB05 threshold.
     */
    public static VolcanoPlot ebgm(List<String> names, double[] ebgm, double[] eb05, boolean[] signal,
            double eb05Threshold) {
        return of("Empirical Bayes geometric mean (EBGM) against EB05", "EBGM (log scale)", "EB05 (lower 5% posterior "
                + "quantile)", names, ebgm, eb05, signal, Double.NaN, "", eb05Threshold,
                "EB05 = " + Ticks.label(eb05Threshold));
    }

    private static double[] pick(double[] values, List<Integer> kept) {
        return kept.stream().mapToDouble(i -> values[i]).toArray();
    }

    private static boolean[] flags(boolean[] values, List<Integer> kept) {
        boolean[] out = new boolean[kept.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = values[kept.get(i)];
        }
        return out;
    }
}
