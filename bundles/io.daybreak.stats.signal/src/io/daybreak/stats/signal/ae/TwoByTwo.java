package io.daybreak.stats.signal.ae;

import org.apache.commons.statistics.distribution.HypergeometricDistribution;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * Statistics of one adverse event in one arm against the control arm, from the patients with the event
 * ({@code a} of {@code n1} in the arm, {@code c} of {@code n0} in the control arm).
 *
 * <ul>
 * <li>Fisher's exact two-sided p-value as R's {@code fisher.test} computes it for a 2×2 table: the sum of the
 * hypergeometric probabilities not larger than the observed one times (1 + 10<sup>-7</sup>).</li>
 * <li>Risk difference with Newcombe's (1998) hybrid score interval (his method 10): the Wilson intervals
 * {@code (l1, u1)} and {@code (l0, u0)} of the two proportions, which R's {@code prop.test(x, n, correct = FALSE)}
 * returns, combined as {@code d − √((p1 − l1)² + (u0 − p0)²)} and {@code d + √((u1 − p1)² + (p0 − l0)²)}.</li>
 * <li>Risk ratio with the Katz log interval {@code exp(log RR ± z √(1/a − 1/n1 + 1/c − 1/n0))}; when one of
 * {@code a}, {@code c} is zero, 0.5 is added to each of the four cells first (so {@code n1 + 1}, {@code n0 + 1});
 * when both are zero the ratio and its interval are NaN.</li>
 * </ul>
 */
public final class TwoByTwo {
    /** R's fisher.test relative tolerance for "as or less probable than the observed table". */
    private static final double REL_ERR = 1 + 1e-7;

    private TwoByTwo() {
    }

    /** Two-sided Fisher exact p for the table [[a, n1 − a], [c, n0 − c]] (R: fisher.test(matrix(...))$p.value). */
    public static double fisherP(long a, long n1, long c, long n0) {
        check(a, n1, "arm");
        check(c, n0, "control");
        long m = a + c;            // first column total (patients with the event)
        long n = n1 - a + n0 - c;  // second column total
        long k = n1;               // first row total
        if (m == 0 || n == 0 || n1 == 0 || n0 == 0) {
            return 1.0;
        }
        HypergeometricDistribution h = HypergeometricDistribution.of(
                Math.toIntExact(m + n), Math.toIntExact(m), Math.toIntExact(k));
        long lo = Math.max(0, k - n);
        long hi = Math.min(k, m);
        double[] logd = new double[(int) (hi - lo + 1)];
        double max = Double.NEGATIVE_INFINITY;
        for (long x = lo; x <= hi; x++) {
            logd[(int) (x - lo)] = h.logProbability((int) x);
            max = Math.max(max, logd[(int) (x - lo)]);
        }
        double sum = 0;
        double[] d = new double[logd.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = Math.exp(logd[i] - max);
            sum += d[i];
        }
        double observed = d[(int) (a - lo)];
        double p = 0;
        for (double v : d) {
            if (v <= observed * REL_ERR) {
                p += v;
            }
        }
        return Math.min(1.0, p / sum);
    }

    /** The Wilson score interval of x/n (R: prop.test(x, n, correct = FALSE, conf.level = level)$conf.int). */
    public static double[] wilson(long x, long n, double level) {
        check(x, n, "proportion");
        if (n == 0) {
            return new double[] {Double.NaN, Double.NaN};
        }
        double z = z(level);
        double p = (double) x / n;
        double z2 = z * z;
        double centre = p + z2 / (2.0 * n);
        double half = z * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
        double denom = 1 + z2 / n;
        return new double[] {Math.max(0, (centre - half) / denom), Math.min(1, (centre + half) / denom)};
    }

    /** Newcombe's hybrid score interval of p1 − p0: {lower, upper}. */
    public static double[] newcombe(long a, long n1, long c, long n0, double level) {
        double p1 = (double) a / n1;
        double p0 = (double) c / n0;
        double[] w1 = wilson(a, n1, level);
        double[] w0 = wilson(c, n0, level);
        double d = p1 - p0;
        double lower = d - Math.sqrt(sq(p1 - w1[0]) + sq(w0[1] - p0));
        double upper = d + Math.sqrt(sq(w1[1] - p1) + sq(p0 - w0[0]));
        return new double[] {lower, upper};
    }

    /** Risk ratio and its Katz log interval: {rr, lower, upper} (see the class comment for zero cells). */
    public static double[] riskRatio(long a, long n1, long c, long n0, double level) {
        check(a, n1, "arm");
        check(c, n0, "control");
        if (n1 == 0 || n0 == 0 || (a == 0 && c == 0)) {
            return new double[] {Double.NaN, Double.NaN, Double.NaN};
        }
        double aa = a;
        double cc = c;
        double m1 = n1;
        double m0 = n0;
        if (a == 0 || c == 0) {
            aa += 0.5;
            cc += 0.5;
            m1 += 1;
            m0 += 1;
        }
        double rr = (a == 0 || c == 0) ? (aa / m1) / (cc / m0) : ((double) a / n1) / ((double) c / n0);
        double se = Math.sqrt(1 / aa - 1 / m1 + 1 / cc - 1 / m0);
        double z = z(level);
        double log = Math.log(rr);
        return new double[] {rr, Math.exp(log - z * se), Math.exp(log + z * se)};
    }

    /** Patients with the event per 100 patient-years; exposure in days (TRTDURD summed), a year = 365.25 days. */
    public static double eair(long patients, double exposureDays) {
        if (!(exposureDays > 0)) {
            return Double.NaN;
        }
        return 100.0 * patients / (exposureDays / 365.25);
    }

    static double z(double level) {
        return NormalDistribution.of(0, 1).inverseCumulativeProbability(1 - (1 - level) / 2);
    }

    private static double sq(double x) {
        return x * x;
    }

    private static void check(long x, long n, String what) {
        if (n < 0 || x < 0 || x > n) {
            throw new IllegalArgumentException("the " + what + " count " + x + " must lie in [0, " + n + "]");
        }
    }
}
