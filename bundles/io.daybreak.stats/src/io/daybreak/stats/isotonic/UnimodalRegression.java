package io.daybreak.stats.isotonic;

/**
 * Weighted unimodal regression with a given mode: the sequence f closest to {@code values} in weighted least
 * squares with f_1 ≤ … ≤ f_m ≥ f_{m+1} ≥ … ≥ f_n. The part left of the mode is the non-decreasing
 * (pool-adjacent-violators) fit of those values alone, the part right of it the non-increasing fit; then the
 * higher neighbouring block is pooled into the mode's block while it is above it. Pooling in decreasing
 * order of value leaves every pooled block above the final value, as the least-squares conditions require;
 * the result is checked against exhaustive search over all block partitions in the tests.
 */
public final class UnimodalRegression {
    private UnimodalRegression() {
    }

    /** The fit with its maximum at {@code mode} (0-based); weights must be positive. */
    public static double[] fit(double[] values, double[] weights, int mode) {
        int n = values.length;
        if (weights.length != n || mode < 0 || mode >= n) {
            throw new IllegalArgumentException("need values and weights of equal length and 0 <= mode < " + n);
        }
        double[] left = IsotonicRegression.fit(java.util.Arrays.copyOfRange(values, 0, mode),
                java.util.Arrays.copyOfRange(weights, 0, mode));
        double[] right = reversed(IsotonicRegression.fit(reversed(java.util.Arrays.copyOfRange(values, mode + 1, n)),
                reversed(java.util.Arrays.copyOfRange(weights, mode + 1, n))));
        int from = mode; // the mode's block is [from, to]
        int to = mode;
        double peakSum = values[mode] * weights[mode];
        double peakWeight = weights[mode];
        // Pool the higher of the two neighbouring blocks while it is above the mode's block. Taking the higher
        // first matters: pooling raises the mode's value, which may leave the lower neighbour no longer above it.
        while (true) {
            double peak = peakSum / peakWeight;
            double leftBlock = from > 0 ? left[from - 1] : Double.NEGATIVE_INFINITY;
            double rightBlock = to < n - 1 ? right[to - mode] : Double.NEGATIVE_INFINITY;
            if (Math.max(leftBlock, rightBlock) <= peak) {
                break;
            }
            if (leftBlock >= rightBlock) {
                while (from > 0 && left[from - 1] == leftBlock) {
                    from--;
                    peakSum += values[from] * weights[from];
                    peakWeight += weights[from];
                }
            } else {
                while (to < n - 1 && right[to - mode] == rightBlock) {
                    to++;
                    peakSum += values[to] * weights[to];
                    peakWeight += weights[to];
                }
            }
        }
        double[] fitted = new double[n];
        for (int i = 0; i < n; i++) {
            fitted[i] = i < from ? left[i] : i > to ? right[i - mode - 1] : peakSum / peakWeight;
        }
        return fitted;
    }

    private static double[] reversed(double[] values) {
        double[] reversed = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            reversed[i] = values[values.length - 1 - i];
        }
        return reversed;
    }
}
