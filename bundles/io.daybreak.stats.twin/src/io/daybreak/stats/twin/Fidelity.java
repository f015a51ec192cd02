package io.daybreak.stats.twin;

import java.util.Arrays;

/**
 * Fidelity and privacy metrics of generated ("synthetic") rows against real ones, as twin.R section E defines
 * them: the two-sample Kolmogorov–Smirnov statistic with R 4.2's asymptotic p-value ({@code ks.test(exact = FALSE)}),
 * the standardised mean difference with the pooled n − 1 variances, the AUC by Mann–Whitney (ties count ½), and
 * the distance to the closest real record after standardising by the real rows' mean and SD (n − 1).
 */
public final class Fidelity {
    private Fidelity() {
    }

    /** The KS statistic D = sup |F_a − F_b|. */
    public static double ksStatistic(double[] a, double[] b) {
        double[] x = a.clone();
        double[] y = b.clone();
        Arrays.sort(x);
        Arrays.sort(y);
        int i = 0;
        int j = 0;
        double d = 0;
        while (i < x.length && j < y.length) {
            double t = Math.min(x[i], y[j]);
            while (i < x.length && x[i] == t) {
                i++;
            }
            while (j < y.length && y[j] == t) {
                j++;
            }
            d = Math.max(d, Math.abs((double) i / x.length - (double) j / y.length));
        }
        return d;
    }

    /**
     * R's asymptotic two-sided p-value 1 − K(√(mn/(m+n))·D), computed as R 4.2's {@code ks.test(exact = FALSE)}
     * does (C function pkstwo with tol = 1e-6: for z &lt; 1 the theta-function form truncated at k_max =
     * ⌊√(2 − ln tol)⌋, else the alternating series until a term changes the sum by ≤ tol), so the p-value
     * equals R's to rounding, truncation included (about 1e-9 off the exact limit distribution).
     */
    public static double ksPValue(double d, int m, int n) {
        double z = Math.sqrt((double) m * n / (m + n)) * d;
        double tol = 1e-6;
        int kMax = (int) Math.sqrt(2 - Math.log(tol));
        double k;
        if (z <= 0) {
            return 1;
        }
        if (z < 1) {
            double a = -(Math.PI / 2 * Math.PI / 4) / (z * z);
            double w = Math.log(z);
            double sum = 0;
            for (int j = 1; j < kMax; j += 2) {
                sum += Math.exp(j * j * a - w);
            }
            k = sum * Math.sqrt(2 * Math.PI);
        } else {
            double a = -2 * z * z;
            double sign = -1;
            double old = 0;
            double current = 1;
            for (int j = 1; Math.abs(old - current) > tol; j++) {
                old = current;
                current += 2 * sign * Math.exp(a * j * j);
                sign = -sign;
            }
            k = current;
        }
        return Math.min(1, Math.max(0, 1 - k));
    }

    /** (mean_a − mean_b) / √((var_a + var_b)/2), variances with n − 1. */
    public static double smd(double[] a, double[] b) {
        return (mean(a) - mean(b)) / Math.sqrt((variance(a) + variance(b)) / 2);
    }

    /** The AUC of scores for outcomes 0/1: P(score_pos &gt; score_neg) + ½ P(tie). */
    public static double auc(double[] score, double[] outcome) {
        double sum = 0;
        long pairs = 0;
        for (int i = 0; i < score.length; i++) {
            if (outcome[i] != 1) {
                continue;
            }
            for (int j = 0; j < score.length; j++) {
                if (outcome[j] == 0) {
                    sum += score[i] > score[j] ? 1 : score[i] == score[j] ? 0.5 : 0;
                    pairs++;
                }
            }
        }
        return sum / pairs;
    }

    /**
     * For each synthetic row, the Euclidean distance to the nearest real row, both standardised by the real rows'
     * column means and SDs (n − 1).
     *
     * @param synthetic rows × columns
     * @param real      rows × columns
     */
    public static double[] distanceToClosestRecord(double[][] synthetic, double[][] real) {
        int p = real[0].length;
        double[] center = new double[p];
        double[] scale = new double[p];
        for (int c = 0; c < p; c++) {
            double[] column = new double[real.length];
            for (int i = 0; i < real.length; i++) {
                column[i] = real[i][c];
            }
            center[c] = mean(column);
            scale[c] = Math.sqrt(variance(column));
        }
        double[] distance = new double[synthetic.length];
        for (int s = 0; s < synthetic.length; s++) {
            double best = Double.POSITIVE_INFINITY;
            for (double[] r : real) {
                double sum = 0;
                for (int c = 0; c < p; c++) {
                    double diff = (synthetic[s][c] - r[c]) / scale[c];
                    sum += diff * diff;
                }
                best = Math.min(best, sum);
            }
            distance[s] = Math.sqrt(best);
        }
        return distance;
    }

    /** R's quantile(type = 7). */
    public static double quantile(double[] values, double probability) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double h = (sorted.length - 1) * probability;
        int low = (int) Math.floor(h);
        int high = Math.min(low + 1, sorted.length - 1);
        return sorted[low] + (h - low) * (sorted[high] - sorted[low]);
    }

    public static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    /** The variance with divisor n − 1. */
    public static double variance(double[] values) {
        double m = mean(values);
        double sum = 0;
        for (double v : values) {
            sum += (v - m) * (v - m);
        }
        return sum / (values.length - 1);
    }
}
