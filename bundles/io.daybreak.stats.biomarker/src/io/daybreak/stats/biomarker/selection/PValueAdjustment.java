package io.daybreak.stats.biomarker.selection;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Multiple-testing adjustment of p-values exactly as R's {@code stats::p.adjust}: Bonferroni, Holm, Hochberg,
 * Benjamini–Hochberg and Benjamini–Yekutieli. Missing p-values (NaN) stay missing and do not count towards the
 * number of tests {@code n} (as {@code p.adjust}'s default {@code n}); ties get equal adjusted values.
 */
public final class PValueAdjustment {

    /** The adjustment methods, named as in {@code p.adjust}. */
    public enum Method {
        /** Bonferroni: {@code min(1, n p)}; controls the FWER. */
        BONFERRONI,
        /** Holm (1979) step-down; controls the FWER. */
        HOLM,
        /** Hochberg (1988) step-up; controls the FWER under independence or PRDS. */
        HOCHBERG,
        /** Benjamini–Hochberg (1995) step-up; controls the FDR under independence or PRDS. */
        BH,
        /** Benjamini–Yekutieli (2001); controls the FDR under any dependence. */
        BY
    }

    private PValueAdjustment() {
    }

    /**
     * Adjusted p-values, in input order.
     *
     * @param p p-values in [0, 1]; NaN for missing
     * @param method the adjustment
     * @return the adjusted p-values, NaN where {@code p} is NaN
     * @throws IllegalArgumentException if a p-value is outside [0, 1] (naming its index)
     */
    public static double[] adjust(double[] p, Method method) {
        check(p);
        int[] present = IntStream.range(0, p.length).filter(i -> !Double.isNaN(p[i])).toArray();
        int n = present.length;
        double[] out = new double[p.length];
        Arrays.fill(out, Double.NaN);
        if (n == 0) {
            return out;
        }
        double[] q = new double[n];
        for (int k = 0; k < n; k++) {
            q[k] = p[present[k]];
        }
        double[] adjusted = switch (method) {
            case BONFERRONI -> bonferroni(q);
            case HOLM -> holm(q);
            case HOCHBERG -> stepUp(q, (i, pi) -> (n - i + 1) * pi);
            case BH -> stepUp(q, (i, pi) -> (double) n / i * pi);
            case BY -> {
                double harmonic = harmonic(n);
                yield stepUp(q, (i, pi) -> harmonic * n / i * pi);
            }
        };
        for (int k = 0; k < n; k++) {
            out[present[k]] = adjusted[k];
        }
        return out;
    }

    /** Checks p-values are in [0, 1] or NaN. */
    static void check(double[] p) {
        for (int i = 0; i < p.length; i++) {
            if (!Double.isNaN(p[i]) && !(p[i] >= 0 && p[i] <= 1)) {
                throw new IllegalArgumentException("p-value " + (i + 1) + " is " + p[i] + "; p-values must lie in [0, 1]");
            }
        }
    }

    private static double[] bonferroni(double[] p) {
        int n = p.length;
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = Math.min(1, n * p[i]);
        }
        return out;
    }

    /** {@code pmin(1, cummax((n - i + 1) * p[o]))[ro]} with {@code o = order(p)}. */
    private static double[] holm(double[] p) {
        int n = p.length;
        Integer[] o = order(p, false);
        double[] out = new double[n];
        double running = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < n; k++) {
            running = Math.max(running, (n - k) * p[o[k]]);
            out[o[k]] = Math.min(1, running);
        }
        return out;
    }

    /** {@code pmin(1, cummin(f(i, p[o])))[ro]} with {@code i = n:1}, {@code o = order(p, decreasing = TRUE)}. */
    static double[] stepUp(double[] p, Scale f) {
        int n = p.length;
        Integer[] o = order(p, true);
        double[] out = new double[n];
        double running = Double.POSITIVE_INFINITY;
        for (int k = 0; k < n; k++) {
            running = Math.min(running, f.apply(n - k, p[o[k]]));
            out[o[k]] = Math.min(1, running);
        }
        return out;
    }

    /** {@code sum(1 / (1:n))}, summed with compensation (R sums in extended precision). */
    static double harmonic(int n) {
        double sum = 0;
        double c = 0;
        for (int k = 1; k <= n; k++) {
            double y = 1.0 / k;
            double t = sum + y;
            c += Math.abs(sum) >= Math.abs(y) ? (sum - t) + y : (y - t) + sum;
            sum = t;
        }
        return sum + c;
    }

    static Integer[] order(double[] p, boolean decreasing) {
        Integer[] o = new Integer[p.length];
        for (int i = 0; i < o.length; i++) {
            o[i] = i;
        }
        Comparator<Integer> byValue = Comparator.comparingDouble(i -> p[i]);
        Arrays.sort(o, decreasing ? byValue.reversed() : byValue);
        return o;
    }

    /** The step-up scaling {@code f(i, p_(i))} of the i-th smallest p-value. */
    @FunctionalInterface
    interface Scale {
        double apply(int i, double p);
    }
}
