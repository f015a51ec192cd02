package io.daybreak.stats.causal;

import io.daybreak.core.method.InvalidParameterException;

/**
 * Balancing weights for an estimand, from the propensity scores: IPTW for ATE (optionally stabilised by the
 * arm's share, Robins, Hernán &amp; Brumback 2000), ATT weights, overlap weights (ATO), and their diagnostics.
 *
 * @param values   the weight per row
 * @param estimand what they balance for
 */
public record Weights(double[] values, Estimand estimand) {

    /**
     * @param stabilized multiply the ATE weights by P(treated) for the treated and P(control) for the controls
     * @throws InvalidParameterException for stabilised weights of another estimand than ATE
     */
    public static Weights of(int[] treated, double[] scores, Estimand estimand, boolean stabilized) {
        if (stabilized && estimand != Estimand.ATE) {
            throw new InvalidParameterException("parameter 'stabilize' = true applies to estimand ATE only; "
                    + estimand + " weights are used as they are");
        }
        double share = 0;
        for (int a : treated) {
            share += a;
        }
        share /= treated.length;
        double[] w = new double[treated.length];
        for (int i = 0; i < w.length; i++) {
            w[i] = estimand.weight(treated[i], scores[i]);
            if (stabilized) {
                w[i] *= treated[i] == 1 ? share : 1 - share;
            }
        }
        return new Weights(w, estimand);
    }

    /** Kish's effective sample size of one arm: (Σw)² / Σw². */
    public double effectiveSize(int[] treated, int arm) {
        double sum = 0;
        double squares = 0;
        for (int i = 0; i < values.length; i++) {
            if (treated[i] == arm) {
                sum += values[i];
                squares += values[i] * values[i];
            }
        }
        return sum * sum / squares;
    }

    /** The smallest and largest weight of one arm. */
    public double[] range(int[] treated, int arm) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < values.length; i++) {
            if (treated[i] == arm) {
                min = Math.min(min, values[i]);
                max = Math.max(max, values[i]);
            }
        }
        return new double[] {min, max};
    }

    /**
     * The rows to keep when trimming: scores within [threshold, 1 − threshold] (Crump et al. 2009 suggest 0.1).
     * A threshold of 0 keeps every row.
     */
    public static boolean[] withinScores(double[] scores, double threshold) {
        boolean[] kept = new boolean[scores.length];
        for (int i = 0; i < scores.length; i++) {
            kept[i] = scores[i] >= threshold && scores[i] <= 1 - threshold;
        }
        return kept;
    }
}
