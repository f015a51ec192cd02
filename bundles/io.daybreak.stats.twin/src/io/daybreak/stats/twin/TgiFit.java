package io.daybreak.stats.twin;

import org.apache.commons.statistics.distribution.TDistribution;
import org.hipparchus.exception.MathIllegalArgumentException;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.LUDecomposition;
import org.hipparchus.linear.QRDecomposition;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.SingularValueDecomposition;

/**
 * One Stein/Wilkerson model fitted to one patient by bounded nonlinear least squares on the size ratio f
 * (not log f), as twin.R section A defines it: a projected Levenberg–Marquardt search from every point of the
 * starting grid, the converged optimum with the lowest RSS kept, then polished by projected Gauss–Newton with
 * the analytic Jacobian (a parameter within 1e-8 of a bound whose RSS gradient points outwards is held at the
 * bound). The reference is therefore the constrained least-squares optimum, not a particular optimiser's
 * stopping point. Standard errors use summary.nls's formula sqrt(diag((J'J)⁻¹)·RSS/(n − p)) with the analytic
 * J, p-values Student's t with n − p degrees of freedom, and AIC is R's {@code AIC(nls)} (σ counted).
 *
 * @param model     the model
 * @param status    what happened
 * @param estimate  the parameters in the model's order (null unless fitted or degenerate)
 * @param se        standard errors (null unless fitted)
 * @param p         two-sided p-values (null unless fitted)
 * @param rss       residual sum of squares (NaN if not attempted or not converged)
 * @param aic       AIC(nls) (NaN unless fitted)
 * @param eligible  converged, every p &lt; the significance level, d &gt; 0, g &gt; 0, 0 &lt; φ &lt; 1
 */
public record TgiFit(TgiModel model, Status status, double[] estimate, double[] se, double[] p, double rss, double aic,
        boolean eligible) {
    private static final int MAX_ITERATIONS = 3000;
    private static final double BOUND = 1e-8;
    private static final double MAX_CONDITION = 1e10;

    /** How a fit ended. */
    public enum Status {
        /** Converged, with standard errors. */
        FITTED("fitted"),
        /** Informative points ≤ p (n − 1 from time 0, else n): the fit would interpolate them. */
        NOT_ATTEMPTED("not attempted: too few informative measurements for the parameters"),
        /** No start converged (typically φ → 0 with g unidentified or running away). */
        NOT_CONVERGED("not converged"),
        /** Converged but the Jacobian's condition number exceeds 1e10: a rate runs away, no minimiser. */
        DEGENERATE("degenerate: Jacobian condition number > 1e10");

        private final String text;

        Status(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }

    /**
     * Fits a model.
     *
     * @param t     days since the first measurement, ascending: t[0] = 0, or t[0] = 1 as tumgr counts
     * @param f     size ratios, f[0] = 1 (with t[0] = 0 the models fit it exactly, so a model is attempted only
     *              when n − 1 &gt; p; with t[0] &gt; 0 the first point is a residual like the others and n &gt; p
     *              suffices, tumgr's rule)
     * @param alpha significance level of the eligibility rule (tumgr's pval, 0.05)
     */
    public static TgiFit fit(TgiModel model, double[] t, double[] f, double alpha) {
        return fit(model, t, f, alpha, false);
    }

    /**
     * Fits a model; with {@code tumgrTest} the eligibility of gdphi tests tumgr's parameter p = 1 − φ (the
     * regressing fraction of its {@code f ~ (1-p)*exp(gt*time) + p*exp(-dt*time)}) against 0, as tumgr's gdrate
     * does, instead of φ (the reported p-value of φ is still that of φ).
     */
    public static TgiFit fit(TgiModel model, double[] t, double[] f, double alpha, boolean tumgrTest) {
        int n = t.length;
        int p = model.parameters().size();
        int informative = t[0] == 0 ? n - 1 : n;
        if (informative <= p) {
            return new TgiFit(model, Status.NOT_ATTEMPTED, null, null, null, Double.NaN, Double.NaN, false);
        }
        double[] best = null;
        double bestRss = Double.POSITIVE_INFINITY;
        for (double[] start : model.starts()) {
            double[] theta = start.clone();
            if (search(model, t, f, theta)) {
                double rss = rss(model, t, f, theta);
                if (rss < bestRss) {
                    bestRss = rss;
                    best = theta;
                }
            }
        }
        if (best == null) {
            return new TgiFit(model, Status.NOT_CONVERGED, null, null, null, Double.NaN, Double.NaN, false);
        }
        polish(model, t, f, best);
        double rss = rss(model, t, f, best);
        double[][] jacobian = jacobian(model, t, best);
        RealMatrix j = new Array2DRowRealMatrix(jacobian, false);
        double condition = new SingularValueDecomposition(j).getConditionNumber();
        if (!(condition <= MAX_CONDITION)) {
            return new TgiFit(model, Status.DEGENERATE, best, null, null, rss, Double.NaN, false);
        }
        RealMatrix inverse;
        try {
            inverse = new LUDecomposition(j.transpose().multiply(j)).getSolver().getInverse();
        } catch (MathIllegalArgumentException singular) {
            return new TgiFit(model, Status.DEGENERATE, best, null, null, rss, Double.NaN, false);
        }
        double[] se = new double[p];
        double[] pValue = new double[p];
        TDistribution student = TDistribution.of(n - p);
        boolean eligible = true;
        for (int k = 0; k < p; k++) {
            se[k] = Math.sqrt(inverse.getEntry(k, k) * rss / (n - p));
            pValue[k] = 2 * student.cumulativeProbability(-Math.abs(best[k] / se[k]));
            double tested = pValue[k];
            if (tumgrTest && model.parameters().get(k).equals("phi")) {
                tested = 2 * student.cumulativeProbability(-Math.abs((1 - best[k]) / se[k]));
            }
            eligible &= tested < alpha && best[k] > 0 && best[k] < model.upper(k);
        }
        double aic = n * (Math.log(2 * Math.PI) + 1 - Math.log(n) + Math.log(rss)) + 2 * (p + 1);
        return new TgiFit(model, Status.FITTED, best, se, pValue, rss, aic, eligible);
    }

    /** The estimate of parameter d, g or phi, or NaN. */
    public double estimate(String parameter) {
        int k = model.index(parameter);
        return k < 0 || estimate == null ? Double.NaN : estimate[k];
    }

    /** The standard error of d, g or phi, or NaN. */
    public double se(String parameter) {
        int k = model.index(parameter);
        return k < 0 || se == null ? Double.NaN : se[k];
    }

    /** The p-value of d, g or phi, or NaN. */
    public double pValue(String parameter) {
        int k = model.index(parameter);
        return k < 0 || p == null ? Double.NaN : p[k];
    }

    /**
     * Projected Levenberg–Marquardt (Marquardt's diagonal scaling) inside the box; {@code theta} is updated in
     * place. Converged when no step lowers the RSS any more or the relative change of RSS and parameters
     * falls below 1e-14 / 1e-12; not converged when the iteration limit is reached (a runaway rate).
     */
    private static boolean search(TgiModel model, double[] t, double[] f, double[] theta) {
        int p = theta.length;
        double mu = 1e-3;
        double rss = rss(model, t, f, theta);
        if (!Double.isFinite(rss)) {
            return false;
        }
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            double[] r = residuals(model, t, f, theta);
            double[][] jac = jacobian(model, t, theta);
            boolean[] free = free(model, jac, r, theta, 0);
            double[][] a = new double[p][p];
            double[] b = new double[p];
            normalEquations(jac, r, free, a, b);
            boolean anyFree = false;
            for (boolean x : free) {
                anyFree |= x;
            }
            if (!anyFree) {
                return true;
            }
            boolean improved = false;
            double largestDiagonal = 0;
            for (int i = 0; i < p; i++) {
                largestDiagonal = Math.max(largestDiagonal, a[i][i]);
            }
            while (mu < 1e20) {
                double[][] damped = new double[p][p];
                for (int i = 0; i < p; i++) {
                    damped[i] = a[i].clone();
                    // Marquardt's scaling, floored so that a vanishing column (g when phi = 0) stays solvable
                    damped[i][i] += mu * Math.max(a[i][i], 1e-12 * largestDiagonal + 1e-300);
                }
                double[] step;
                try {
                    step = new LUDecomposition(new Array2DRowRealMatrix(damped, false)).getSolver()
                            .solve(new ArrayRealVector(b, false)).toArray();
                } catch (MathIllegalArgumentException singular) {
                    mu *= 10;
                    continue;
                }
                double[] next = theta.clone();
                double largest = 0;
                for (int k = 0; k < p; k++) {
                    if (free[k]) {
                        next[k] = Math.min(model.upper(k), Math.max(0, theta[k] + step[k]));
                        largest = Math.max(largest, Math.abs(next[k] - theta[k]) / Math.max(Math.abs(theta[k]), 1e-12));
                    }
                }
                double candidate = rss(model, t, f, next);
                if (candidate < rss) {
                    double change = (rss - candidate) / rss;
                    System.arraycopy(next, 0, theta, 0, p);
                    rss = candidate;
                    mu = Math.max(mu / 10, 1e-12);
                    improved = true;
                    if (change < 1e-14 && largest < 1e-12) {
                        return true;
                    }
                    break;
                }
                mu *= 10;
            }
            if (!improved) {
                return true;
            }
        }
        return false;
    }

    /** twin.R's polish: projected Gauss–Newton, steps by QR least squares on the free columns. */
    private static void polish(TgiModel model, double[] t, double[] f, double[] theta) {
        int p = theta.length;
        for (int iteration = 0; iteration < 500; iteration++) {
            double[] r = residuals(model, t, f, theta);
            double[][] jac = jacobian(model, t, theta);
            boolean[] free = free(model, jac, r, theta, BOUND);
            int count = 0;
            for (int k = 0; k < p; k++) {
                if (!free[k]) {
                    theta[k] = theta[k] < BOUND ? 0 : model.upper(k);
                } else {
                    count++;
                }
            }
            if (count == 0) {
                return;
            }
            double[][] columns = new double[t.length][count];
            for (int i = 0; i < t.length; i++) {
                int c = 0;
                for (int k = 0; k < p; k++) {
                    if (free[k]) {
                        columns[i][c++] = jac[i][k];
                    }
                }
            }
            double[] step;
            try {
                step = new QRDecomposition(new Array2DRowRealMatrix(columns, false)).getSolver()
                        .solve(new ArrayRealVector(r, false)).toArray();
            } catch (MathIllegalArgumentException singular) {
                return;
            }
            double[] next = theta.clone();
            boolean small = true;
            int c = 0;
            for (int k = 0; k < p; k++) {
                if (free[k]) {
                    next[k] += step[c];
                    small &= Math.abs(step[c]) <= 1e-15 * Math.max(Math.abs(next[k]), 1e-300);
                    if (next[k] < 0 || next[k] > model.upper(k)) {
                        return;
                    }
                    c++;
                }
            }
            if (rss(model, t, f, next) > rss(model, t, f, theta) * (1 + 1e-13)) {
                return;
            }
            System.arraycopy(next, 0, theta, 0, p);
            if (small) {
                return;
            }
        }
    }

    /** Free parameters: not within {@code tolerance} of a bound with the RSS gradient pointing outwards. */
    private static boolean[] free(TgiModel model, double[][] jac, double[] r, double[] theta, double tolerance) {
        int p = theta.length;
        boolean[] free = new boolean[p];
        for (int k = 0; k < p; k++) {
            double gradient = 0;
            for (int i = 0; i < r.length; i++) {
                gradient -= 2 * jac[i][k] * r[i];
            }
            boolean atLower = theta[k] - 0 <= tolerance && gradient >= 0;
            boolean atUpper = model.upper(k) - theta[k] <= tolerance && gradient <= 0;
            free[k] = !(atLower || atUpper);
        }
        return free;
    }

    private static void normalEquations(double[][] jac, double[] r, boolean[] free, double[][] a, double[] b) {
        int p = b.length;
        for (int k = 0; k < p; k++) {
            if (!free[k]) {
                a[k][k] = 1;
                continue;
            }
            for (int i = 0; i < r.length; i++) {
                b[k] += jac[i][k] * r[i];
            }
            for (int l = 0; l < p; l++) {
                if (free[l]) {
                    for (int i = 0; i < r.length; i++) {
                        a[k][l] += jac[i][k] * jac[i][l];
                    }
                }
            }
        }
    }

    private static double[] residuals(TgiModel model, double[] t, double[] f, double[] theta) {
        double[] r = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            r[i] = f[i] - model.value(theta, t[i]);
        }
        return r;
    }

    static double rss(TgiModel model, double[] t, double[] f, double[] theta) {
        double sum = 0;
        for (int i = 0; i < t.length; i++) {
            double r = f[i] - model.value(theta, t[i]);
            sum += r * r;
        }
        return Double.isNaN(sum) ? Double.POSITIVE_INFINITY : sum;
    }

    private static double[][] jacobian(TgiModel model, double[] t, double[] theta) {
        double[][] jac = new double[t.length][theta.length];
        for (int i = 0; i < t.length; i++) {
            model.gradient(theta, t[i], jac[i]);
        }
        return jac;
    }
}
