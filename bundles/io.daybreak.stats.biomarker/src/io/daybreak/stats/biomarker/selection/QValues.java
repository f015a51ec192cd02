package io.daybreak.stats.biomarker.selection;

import java.util.Arrays;
import java.util.stream.IntStream;

import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.LUDecomposition;
import org.hipparchus.linear.RealMatrix;

/**
 * Storey q-values as the Bioconductor {@code qvalue} package (2.x) computes them with its defaults: pi0 estimated
 * on the grid {@code lambda = 0.05, 0.10, ..., 0.95} by {@code pi0(lambda) = #{p >= lambda} / (m (1 - lambda))},
 * smoothed by a cubic smoothing spline with 3 degrees of freedom and read at the largest lambda (Storey &amp;
 * Tibshirani 2003), or taken at one fixed lambda (Storey 2002), or by the bootstrap-MSE closed form; then
 * {@code q = pi0 * pmin(1, cummin(p[o] m / i))[ro]}.
 *
 * <p>The smoothing spline here is the exact df = 3 fit (the natural cubic spline of Green &amp; Silverman's Reinsch
 * form with the penalty solved for trace 3); R's {@code smooth.spline(df = 3)} finds its smoothing parameter by a
 * golden-section search with tolerance 1e-4 in {@code spar}, so the two pi0 agree to that search's accuracy, not
 * to the last digit.
 *
 * @param pi0 the estimated proportion of true nulls (at most 1)
 * @param pi0Lambda the raw estimates pi0(lambda) on the grid (empty for a given pi0)
 * @param lambda the grid
 * @param qValues the q-values in input order (NaN where p is NaN)
 */
public record QValues(double pi0, double[] pi0Lambda, double[] lambda, double[] qValues) {

    /** How pi0 is estimated. */
    public enum Pi0Method {
        /** Cubic smoothing spline (df = 3) of pi0(lambda) over the grid, read at its largest lambda (qvalue default). */
        SMOOTHER,
        /** The bootstrap-MSE choice of lambda in closed form (qvalue's {@code pi0.method = "bootstrap"}). */
        BOOTSTRAP
    }

    /** The default grid {@code seq(0.05, 0.95, 0.05)}, computed as R's {@code seq} does (last value clamped to 0.95) */
    public static double[] defaultLambda() {
        return IntStream.rangeClosed(0, 18).mapToDouble(k -> Math.min(0.05 + k * 0.05, 0.95)).toArray();
    }

    /**
     * q-values with pi0 estimated from the p-values.
     *
     * @param p p-values in [0, 1], NaN for missing
     * @param lambda the grid: one value (Storey 2002 at that lambda) or at least 4 values in [0, 1)
     * @param method how pi0 is estimated when the grid has more than one value
     * @throws IllegalArgumentException naming what is wrong
     */
    public static QValues estimate(double[] p, double[] lambda, Pi0Method method) {
        PValueAdjustment.check(p);
        double[] present = Arrays.stream(p).filter(v -> !Double.isNaN(v)).toArray();
        if (present.length == 0) {
            throw new IllegalArgumentException("no p-values (all are missing)");
        }
        double[] grid = lambda.clone();
        Arrays.sort(grid);
        if (grid.length == 0 || grid.length > 1 && grid.length < 4) {
            throw new IllegalArgumentException("lambda has " + grid.length + " values; give one value or at least 4");
        }
        if (grid[0] < 0 || grid[grid.length - 1] >= 1) {
            throw new IllegalArgumentException("lambda values must lie in [0, 1); got " + Arrays.toString(grid));
        }
        double maxP = Arrays.stream(present).max().getAsDouble();
        if (maxP < grid[grid.length - 1]) {
            throw new IllegalArgumentException("the largest p-value " + maxP + " is smaller than the largest lambda "
                    + grid[grid.length - 1] + "; lower lambda");
        }
        int m = present.length;
        double[] raw = new double[grid.length];
        for (int k = 0; k < grid.length; k++) {
            double l = grid[k];
            long count = Arrays.stream(present).filter(v -> v >= l).count();
            raw[k] = count / (m * (1 - l));
        }
        double pi0;
        if (grid.length == 1) {
            pi0 = Math.min(raw[0], 1);
        } else if (method == Pi0Method.SMOOTHER) {
            double[] smooth = smoothingSpline(grid, raw, 3);
            pi0 = Math.min(smooth[smooth.length - 1], 1);
        } else {
            pi0 = bootstrap(present, grid, raw);
        }
        if (pi0 <= 0) {
            throw new IllegalArgumentException("the estimated pi0 is " + pi0 + " <= 0; check the p-values or use a "
                    + "different lambda");
        }
        return new QValues(pi0, raw, grid, qValues(p, pi0));
    }

    /**
     * q-values for a given pi0 ({@code qvalue(p, pi0 = pi0)}).
     *
     * @param p p-values in [0, 1], NaN for missing
     * @param pi0 in (0, 1]
     */
    public static QValues withPi0(double[] p, double pi0) {
        PValueAdjustment.check(p);
        if (!(pi0 > 0 && pi0 <= 1)) {
            throw new IllegalArgumentException("pi0 is " + pi0 + "; it must lie in (0, 1]");
        }
        return new QValues(pi0, new double[0], new double[0], qValues(p, pi0));
    }

    private static double[] qValues(double[] p, double pi0) {
        double[] bh = PValueAdjustment.adjust(p, PValueAdjustment.Method.BH);
        double[] q = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            q[i] = pi0 * bh[i];
        }
        return q;
    }

    /** qvalue's closed-form bootstrap choice: the pi0(lambda) minimising the estimated MSE. */
    private static double bootstrap(double[] p, double[] lambda, double[] pi0) {
        int m = p.length;
        double minPi0 = quantile7(pi0, 0.1);
        double best = Double.POSITIVE_INFINITY;
        double[] mse = new double[lambda.length];
        for (int k = 0; k < lambda.length; k++) {
            double l = lambda[k];
            double w = Arrays.stream(p).filter(v -> v >= l).count();
            mse[k] = (w / ((double) m * m * (1 - l) * (1 - l))) * (1 - w / m) + (pi0[k] - minPi0) * (pi0[k] - minPi0);
            best = Math.min(best, mse[k]);
        }
        double chosen = Double.POSITIVE_INFINITY;
        for (int k = 0; k < lambda.length; k++) {
            if (mse[k] == best) {
                chosen = Math.min(chosen, pi0[k]);
            }
        }
        return Math.min(chosen, 1);
    }

    /** R's default (type 7) quantile. */
    static double quantile7(double[] values, double prob) {
        double[] x = values.clone();
        Arrays.sort(x);
        double h = (x.length - 1) * prob;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, x.length - 1);
        return x[lo] + (h - lo) * (x[hi] - x[lo]);
    }

    /**
     * The cubic smoothing spline with {@code df} equivalent degrees of freedom, fitted at the (distinct, sorted)
     * {@code x}: {@code g = (I + a K)^-1 y} with {@code K = Q R^-1 Q'} (Green &amp; Silverman 1994, section 2.3) and
     * {@code a} solved so that {@code trace((I + a K)^-1) = df}.
     */
    static double[] smoothingSpline(double[] x, double[] y, double df) {
        int n = x.length;
        double[] h = new double[n - 1];
        for (int i = 0; i < n - 1; i++) {
            h[i] = x[i + 1] - x[i];
        }
        RealMatrix q = new Array2DRowRealMatrix(n, n - 2);
        RealMatrix r = new Array2DRowRealMatrix(n - 2, n - 2);
        for (int j = 1; j < n - 1; j++) {
            q.setEntry(j - 1, j - 1, 1 / h[j - 1]);
            q.setEntry(j, j - 1, -1 / h[j - 1] - 1 / h[j]);
            q.setEntry(j + 1, j - 1, 1 / h[j]);
            r.setEntry(j - 1, j - 1, (h[j - 1] + h[j]) / 3);
            if (j < n - 2) {
                r.setEntry(j - 1, j, h[j] / 6);
                r.setEntry(j, j - 1, h[j] / 6);
            }
        }
        RealMatrix k = q.multiply(new LUDecomposition(r).getSolver().solve(q.transpose()));
        double lo = -30;
        double hi = 30;
        for (int it = 0; it < 200; it++) {
            double mid = 0.5 * (lo + hi);
            if (trace(hat(k, Math.exp(mid))) > df) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return hat(k, Math.exp(0.5 * (lo + hi))).operate(y);
    }

    private static RealMatrix hat(RealMatrix k, double a) {
        int n = k.getRowDimension();
        RealMatrix m = k.scalarMultiply(a);
        for (int i = 0; i < n; i++) {
            m.addToEntry(i, i, 1);
        }
        return new LUDecomposition(m).getSolver().getInverse();
    }

    private static double trace(RealMatrix m) {
        double t = 0;
        for (int i = 0; i < m.getRowDimension(); i++) {
            t += m.getEntry(i, i);
        }
        return t;
    }
}
