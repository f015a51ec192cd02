package io.daybreak.stats.signal.ebgm;

import java.util.ArrayList;
import java.util.List;

/**
 * Maximum-likelihood fit of the two-gamma mixture prior from several starting points, with openEBGM
 * {@code autoHyper}'s acceptance rule: among the starts that converged with every estimate inside the parameter space
 * ({@code 0 < alpha, beta < paramLimit}, {@code 0 < P < 1}), the one with the smallest negative log-likelihood is the
 * candidate, and it is accepted when at least {@code minConv} other starts ended within {@code tol} of it.
 *
 * <p>The optimiser is a quasi-Newton (BFGS) search with the analytic gradient and a backtracking Armijo line
 * search, run on log(alpha), log(beta) and logit(P), so every iterate is inside (0, inf) and (0, 1); the upper bound
 * {@code paramLimit} is checked afterwards, as openEBGM checks it after its unconstrained {@code nlminb}.
 *
 * <p>The mixture is the same with its components exchanged ((alpha1, beta1) with (alpha2, beta2) and P with 1 - P),
 * so the likelihood has every optimum twice and a start may end in either labelling. Each start's estimate is
 * therefore reported with component 1 the one of larger prior mean (alpha1 / beta1 &ge; alpha2 / beta2), as openEBGM's
 * vignettes and our references have it; otherwise the tolerance check would call two starts at the same optimum
 * disagreeing. The
 * platform's Hipparchus (core) has no optimiser package, hence this small, tested implementation.
 */
public final class HyperparameterFit {

    /** The five starting points of openEBGM's vignettes (rows: alpha1, beta1, alpha2, beta2, P). */
    public static final double[][] DEFAULT_STARTS = {
        {0.2, 0.1, 2, 4, 1.0 / 3},
        {0.1, 0.1, 10, 10, 0.2},
        {0.3, 0.5, 6, 6, 0.5},
        {0.5, 0.3, 12, 12, 0.8},
        {0.2, 0.2, 5, 5, 0.4},
    };

    /** openEBGM autoHyper's default closeness tolerances for alpha1, beta1, alpha2, beta2, P. */
    public static final double[] DEFAULT_TOL = {0.05, 0.05, 0.2, 0.2, 0.025};

    /** Default upper limit for the shapes and rates (openEBGM's {@code param_limit}). */
    public static final double DEFAULT_PARAM_LIMIT = 100;

    private static final int MAX_ITER = 1000;
    private static final double GRAD_TOL = 1e-9;
    private static final double GRAD_TOL_STALLED = 1e-6;
    private static final double F_TOL = 1e-14;

    /** One start's outcome. {@code estimate} is null when the search broke down (non-finite likelihood). */
    public record Start(int index, double[] start, double[] estimate, double negLogLik, boolean converged,
            boolean inBounds, int iterations, String message) {
    }

    /**
     * The fit.
     *
     * @param prior      the accepted (or, when {@code converged} is false, the best in-bounds) estimate; null when no
     *                   start ended finite and in bounds
     * @param negLogLik  its negative log-likelihood (of the possibly squashed, truncated data)
     * @param converged  whether autoHyper's rule accepted it
     * @param start      1-based index of the start it came from (0 if none)
     * @param numClose   number of other starts within the tolerance of it
     * @param starts     every start's outcome, in order
     */
    public record Result(MgpsPrior prior, double negLogLik, boolean converged, int start, int numClose,
            List<Start> starts) {
    }

    private HyperparameterFit() {
    }

    /** Fits with openEBGM's defaults (vignette starts, autoHyper tolerances, min_conv 1, param_limit 100). */
    public static Result fit(MixtureLikelihood likelihood) {
        return fit(likelihood, DEFAULT_STARTS, DEFAULT_TOL, 1, DEFAULT_PARAM_LIMIT);
    }

    /**
     * Fits from every start and applies autoHyper's acceptance rule.
     *
     * @param starts     rows of (alpha1, beta1, alpha2, beta2, P), each inside the parameter space
     * @param tol        closeness tolerances for the five values
     * @param minConv    how many other starts must agree with the candidate (openEBGM's {@code min_conv})
     * @param paramLimit upper limit for shapes and rates
     */
    public static Result fit(MixtureLikelihood likelihood, double[][] starts, double[] tol, int minConv,
            double paramLimit) {
        if (starts.length < 1) {
            throw new IllegalArgumentException("at least one starting point is needed");
        }
        if (tol.length != 5) {
            throw new IllegalArgumentException("tol needs 5 values (alpha1, beta1, alpha2, beta2, P)");
        }
        List<Start> results = new ArrayList<>();
        for (int s = 0; s < starts.length; s++) {
            MgpsPrior.of(starts[s]); // validates
            results.add(minimise(likelihood, s + 1, starts[s], paramLimit));
        }
        Start candidate = null;
        int usable = 0;
        for (Start r : results) {
            if (r.converged() && r.inBounds()) {
                usable++;
                if (candidate == null || r.negLogLik() < candidate.negLogLik()) {
                    candidate = r;
                }
            }
        }
        int numClose = 0;
        if (candidate != null) {
            for (Start r : results) {
                if (r != candidate && r.estimate() != null && close(r.estimate(), candidate.estimate(), tol)) {
                    numClose++;
                }
            }
        }
        boolean accepted = candidate != null && usable >= minConv + 1 && numClose >= minConv;
        if (candidate == null) {
            return new Result(null, Double.NaN, false, 0, 0, List.copyOf(results));
        }
        return new Result(MgpsPrior.of(candidate.estimate()), candidate.negLogLik(), accepted, candidate.index(),
                numClose, List.copyOf(results));
    }

    private static boolean close(double[] x, double[] y, double[] tol) {
        for (int j = 0; j < 5; j++) {
            if (!(Math.abs(x[j] - y[j]) < tol[j])) {
                return false;
            }
        }
        return true;
    }

    private static double[] toTheta(double[] x) {
        double[] t = new double[5];
        for (int j = 0; j < 4; j++) {
            t[j] = Math.exp(x[j]);
        }
        t[4] = 1 / (1 + Math.exp(-x[4]));
        return t;
    }

    /** Negative log-likelihood and its gradient in the transformed coordinates. */
    private static double eval(MixtureLikelihood lik, double[] x, double[] g) {
        double[] t = toTheta(x);
        double[] gt = new double[5];
        double f = lik.evaluate(t, gt);
        for (int j = 0; j < 4; j++) {
            g[j] = gt[j] * t[j];
        }
        g[4] = gt[4] * t[4] * (1 - t[4]);
        return f;
    }

    /** BFGS from one start. */
    static Start minimise(MixtureLikelihood lik, int index, double[] start, double paramLimit) {
        double[] x = new double[5];
        for (int j = 0; j < 4; j++) {
            x[j] = Math.log(start[j]);
        }
        x[4] = Math.log(start[4] / (1 - start[4]));
        double[] g = new double[5];
        double f = eval(lik, x, g);
        if (!Double.isFinite(f)) {
            return new Start(index, start.clone(), null, Double.NaN, false, false, 0,
                    "non-finite likelihood at the start");
        }
        double[][] h = identity();
        boolean converged = false;
        String message = "iteration limit reached";
        int iter = 0;
        double[] gNew = new double[5];
        int flat = 0;
        while (iter < MAX_ITER) {
            double scale = Math.max(1, Math.abs(f));
            if (maxAbs(g) <= GRAD_TOL * scale) {
                converged = true;
                message = "gradient below tolerance";
                break;
            }
            iter++;
            double[] d = multiply(h, g);
            for (int j = 0; j < 5; j++) {
                d[j] = -d[j];
            }
            double slope = dot(g, d);
            if (!(slope < 0)) {
                h = identity();
                for (int j = 0; j < 5; j++) {
                    d[j] = -g[j];
                }
                slope = dot(g, d);
            }
            double step = Math.min(1, 5 / maxAbs(d));
            double[] xNew = new double[5];
            double fNew = Double.NaN;
            boolean accepted = false;
            for (int ls = 0; ls < 60; ls++) {
                for (int j = 0; j < 5; j++) {
                    xNew[j] = x[j] + step * d[j];
                }
                fNew = eval(lik, xNew, gNew);
                if (Double.isFinite(fNew) && fNew <= f + 1e-4 * step * slope) {
                    accepted = true;
                    break;
                }
                step *= 0.5;
            }
            if (!accepted) {
                converged = maxAbs(g) <= GRAD_TOL_STALLED * scale;
                message = converged ? "line search stalled at a stationary point"
                        : "line search failed";
                break;
            }
            double[] s = new double[5];
            double[] y = new double[5];
            for (int j = 0; j < 5; j++) {
                s[j] = xNew[j] - x[j];
                y[j] = gNew[j] - g[j];
            }
            double sy = dot(s, y);
            if (sy > 1e-12 * Math.sqrt(dot(s, s) * dot(y, y))) {
                h = bfgsUpdate(h, s, y, sy);
            }
            flat = f - fNew <= F_TOL * scale ? flat + 1 : 0;
            x = xNew;
            f = fNew;
            System.arraycopy(gNew, 0, g, 0, 5);
            if (flat >= 3 && maxAbs(g) <= GRAD_TOL_STALLED * scale) {
                converged = true;
                message = "objective changed by less than 1e-14 relative in 3 iterations at a stationary point";
                break;
            }
        }
        double[] theta = canonical(toTheta(x));
        boolean inBounds = theta[4] > 0 && theta[4] < 1;
        for (int j = 0; j < 4; j++) {
            inBounds &= theta[j] > 0 && theta[j] < paramLimit;
        }
        return new Start(index, start.clone(), theta, f, converged, inBounds, iter, message);
    }

    /** The same mixture with component 1 the one of larger mean (alpha / beta); exchanged when it is not. */
    static double[] canonical(double[] theta) {
        if (theta[0] / theta[1] >= theta[2] / theta[3]) {
            return theta;
        }
        return new double[] {theta[2], theta[3], theta[0], theta[1], 1 - theta[4]};
    }

    private static double[][] bfgsUpdate(double[][] h, double[] s, double[] y, double sy) {
        double rho = 1 / sy;
        double[] hy = multiply(h, y);
        double yhy = dot(y, hy);
        double[][] out = new double[5][5];
        for (int i = 0; i < 5; i++) {
            for (int j = 0; j < 5; j++) {
                out[i][j] = h[i][j] - rho * (hy[i] * s[j] + s[i] * hy[j]) + (rho * rho * yhy + rho) * s[i] * s[j];
            }
        }
        return out;
    }

    private static double[][] identity() {
        double[][] h = new double[5][5];
        for (int j = 0; j < 5; j++) {
            h[j][j] = 1;
        }
        return h;
    }

    private static double[] multiply(double[][] h, double[] v) {
        double[] r = new double[5];
        for (int i = 0; i < 5; i++) {
            double s = 0;
            for (int j = 0; j < 5; j++) {
                s += h[i][j] * v[j];
            }
            r[i] = s;
        }
        return r;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int j = 0; j < a.length; j++) {
            s += a[j] * b[j];
        }
        return s;
    }

    private static double maxAbs(double[] a) {
        double m = 0;
        for (double v : a) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }
}
