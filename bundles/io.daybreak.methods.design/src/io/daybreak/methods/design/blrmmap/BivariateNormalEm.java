package io.daybreak.methods.design.blrmmap;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Maximum-likelihood fit of a mixture of K bivariate normals to points by EM (Dempster, Laird &amp; Rubin 1977), in
 * closed form per 2 × 2 covariance.
 *
 * <p>Why not Hipparchus's {@code MultivariateNormalMixtureExpectationMaximization}: it fitted 4,000 points with one
 * to four components in 24 s here (a general d-dimensional density with a matrix decomposition per point and
 * iteration) and stopped short of the maximum on overlapping components; design.blrm-map-prior fits 20,000 draws on
 * every run. This one costs a few multiplications and one exponential per point, component and iteration (ADR 0049).
 */
final class BivariateNormalEm {
    /** A fit: per component weight, means (2), covariance (xx, yy, xy); and the log-likelihood. */
    record Result(double[] weight, double[][] mean, double[][] cov, double logLik) {
    }

    private static final double LOG_2PI = Math.log(2 * Math.PI);

    private BivariateNormalEm() {
    }

    /**
     * The better (higher likelihood) of two EM runs, started from the points sorted by their first and by their second
     * coordinate, cut into k equal parts (deterministic starts). Null when every run lost a component (weight or
     * covariance degenerate).
     */
    static Result fit(double[][] x, int k, int maxIterations, double tolerance) {
        Result best = null;
        for (int axis = 0; axis < 2; axis++) {
            Result r = run(x, start(x, k, axis), maxIterations, tolerance);
            if (r != null && (best == null || r.logLik() > best.logLik())) {
                best = r;
            }
        }
        return best;
    }

    /** Responsibilities of a start: point i belongs wholly to the part of the sorted order it falls in. */
    private static double[][] start(double[][] x, int k, int axis) {
        int n = x.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> x[i][axis]));
        double[][] resp = new double[k][n];
        for (int rank = 0; rank < n; rank++) {
            resp[(int) ((long) rank * k / n)][order[rank]] = 1;
        }
        return resp;
    }

    private static Result run(double[][] x, double[][] resp, int maxIterations, double tolerance) {
        int n = x.length;
        int k = resp.length;
        double[] w = new double[k];
        double[][] mean = new double[k][2];
        double[][] cov = new double[k][3];
        double previous = Double.NEGATIVE_INFINITY;
        double logLik = Double.NEGATIVE_INFINITY;
        double[] logTerm = new double[k];
        for (int iteration = 0; iteration < maxIterations; iteration++) {
            if (!maximise(x, resp, w, mean, cov)) {
                return null;
            }
            // E step: responsibilities and the log-likelihood at the parameters just estimated
            double[] logNorm = new double[k];
            double[][] inv = new double[k][3];
            for (int c = 0; c < k; c++) {
                double det = cov[c][0] * cov[c][1] - cov[c][2] * cov[c][2];
                inv[c][0] = cov[c][1] / det;
                inv[c][1] = cov[c][0] / det;
                inv[c][2] = -cov[c][2] / det;
                logNorm[c] = Math.log(w[c]) - LOG_2PI - 0.5 * Math.log(det);
            }
            logLik = 0;
            for (int i = 0; i < n; i++) {
                double max = Double.NEGATIVE_INFINITY;
                for (int c = 0; c < k; c++) {
                    double dx = x[i][0] - mean[c][0];
                    double dy = x[i][1] - mean[c][1];
                    logTerm[c] = logNorm[c] - 0.5 * (inv[c][0] * dx * dx + inv[c][1] * dy * dy + 2 * inv[c][2] * dx * dy);
                    max = Math.max(max, logTerm[c]);
                }
                double sum = 0;
                for (int c = 0; c < k; c++) {
                    logTerm[c] = Math.exp(logTerm[c] - max);
                    sum += logTerm[c];
                }
                for (int c = 0; c < k; c++) {
                    resp[c][i] = logTerm[c] / sum;
                }
                logLik += max + Math.log(sum);
            }
            if (logLik - previous < tolerance * n) {
                break;
            }
            previous = logLik;
        }
        if (!maximise(x, resp, w, mean, cov)) {
            return null;
        }
        return new Result(w, mean, cov, logLik);
    }

    /**
     * M step: weights, means and covariances from the responsibilities, in one pass of weighted sums about a fixed
     * centre (the previous mean, or the first point) so that the centred second moments lose no digits; false when a
     * component degenerates.
     */
    private static boolean maximise(double[][] x, double[][] resp, double[] w, double[][] mean, double[][] cov) {
        int n = x.length;
        for (int c = 0; c < resp.length; c++) {
            double cx = w[c] > 0 ? mean[c][0] : x[0][0];
            double cy = w[c] > 0 ? mean[c][1] : x[0][1];
            double s = 0;
            double sx = 0;
            double sy = 0;
            double sxx = 0;
            double syy = 0;
            double sxy = 0;
            double[] r = resp[c];
            for (int i = 0; i < n; i++) {
                double ri = r[i];
                double dx = x[i][0] - cx;
                double dy = x[i][1] - cy;
                s += ri;
                sx += ri * dx;
                sy += ri * dy;
                sxx += ri * dx * dx;
                syy += ri * dy * dy;
                sxy += ri * dx * dy;
            }
            if (!(s > 1e-6 * n)) {
                return false;
            }
            double mx = sx / s;
            double my = sy / s;
            double vxx = sxx / s - mx * mx;
            double vyy = syy / s - my * my;
            double vxy = sxy / s - mx * my;
            if (!(vxx > 0 && vyy > 0 && vxx * vyy - vxy * vxy > 1e-12 * vxx * vyy)) {
                return false;
            }
            w[c] = s / n;
            mean[c][0] = cx + mx;
            mean[c][1] = cy + my;
            cov[c][0] = vxx;
            cov[c][1] = vyy;
            cov[c][2] = vxy;
        }
        return true;
    }
}
