package io.daybreak.stats.biomarker.selection;

import java.util.Arrays;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.statistics.distribution.ContinuousDistribution;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.hipparchus.linear.LUDecomposition;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;

/**
 * Model-X knockoffs (Candès, Fan, Janson &amp; Lv, JRSS-B 80:551-577, 2018): Gaussian second-order knockoffs with
 * equicorrelated {@code s} (as the R package {@code knockoff}'s {@code create.second_order(X, method = "equi")}),
 * the marginal-correlation difference statistic and the knockoff / knockoff+ threshold
 * ({@code knockoff::knockoff.threshold}).
 */
public final class Knockoffs {
    private static final double POSDEF_TOL = 1e-8;

    private Knockoffs() {
    }

    /**
     * The Gaussian knockoff construction for a covariance {@code sigma}: {@code X~ | X ~ N(mu + (X - mu) A, V)}
     * with {@code D = diag(s)}, {@code A = I - Sigma^-1 D} and {@code V = 2D - D Sigma^-1 D}, so that
     * {@code Cov(X~) = Sigma} and {@code Cov(X, X~) = Sigma - D}.
     *
     * @param s the diagonal of D (on the covariance scale)
     * @param a the p x p matrix A (rows of X times A)
     * @param v the p x p conditional covariance V
     * @param root a symmetric square root of V (eigenvalues below 0 set to 0)
     */
    public record Construction(double[] s, double[][] a, double[][] v, double[][] root) {
    }

    /** A knockoff copy of X with its construction. */
    public record Sample(double[][] knockoffs, double[] mean, double[][] covariance, Construction construction) {
    }

    /**
     * Equicorrelated {@code s} as {@code knockoff::create.solve_equi}: {@code s = min(2 lambda_min(G), 1)} for the
     * correlation matrix {@code G} of {@code sigma}, shrunk by the smallest {@code eps} in 1e-8, 1e-7, ... that
     * leaves {@code 2G - diag(s (1 - eps))} with smallest eigenvalue above 1e-8, then scaled by {@code diag(sigma)}.
     *
     * @throws IllegalArgumentException if {@code sigma} is not positive definite
     */
    public static double[] solveEqui(double[][] sigma) {
        int p = sigma.length;
        double[][] g = new double[p][p];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                g[i][j] = sigma[i][j] / Math.sqrt(sigma[i][i] * sigma[j][j]);
            }
        }
        double lambdaMin = minEigenvalue(g);
        if (!(lambdaMin > POSDEF_TOL)) {
            throw new IllegalArgumentException("the covariance matrix of the markers is not positive definite "
                    + "(smallest eigenvalue of the correlation matrix " + lambdaMin + "); use fewer or less collinear "
                    + "markers, or more rows than markers");
        }
        double s0 = Math.min(2 * lambdaMin, 1);
        double eps = 1e-8;
        while (true) {
            double[][] m = new double[p][p];
            for (int i = 0; i < p; i++) {
                for (int j = 0; j < p; j++) {
                    m[i][j] = 2 * g[i][j] - (i == j ? s0 * (1 - eps) : 0);
                }
            }
            if (minEigenvalue(m) > POSDEF_TOL) {
                break;
            }
            eps *= 10;
        }
        double[] s = new double[p];
        for (int i = 0; i < p; i++) {
            s[i] = s0 * (1 - eps) * sigma[i][i];
        }
        return s;
    }

    /** The construction for covariance {@code sigma} and diagonal {@code s}. */
    public static Construction construction(double[][] sigma, double[] s) {
        int p = s.length;
        RealMatrix sig = MatrixUtils.createRealMatrix(sigma);
        RealMatrix d = MatrixUtils.createRealDiagonalMatrix(s);
        RealMatrix sigmaInvD = new LUDecomposition(sig).getSolver().solve(d);
        RealMatrix a = MatrixUtils.createRealIdentityMatrix(p).subtract(sigmaInvD);
        RealMatrix v = d.scalarMultiply(2).subtract(d.multiply(sigmaInvD));
        v = v.add(v.transpose()).scalarMultiply(0.5);
        EigenDecompositionSymmetric eig = new EigenDecompositionSymmetric(v);
        double[] values = eig.getEigenvalues();
        RealMatrix vectors = eig.getV();
        RealMatrix scaled = new Array2DRowRealMatrix(p, p);
        for (int i = 0; i < p; i++) {
            for (int k = 0; k < p; k++) {
                scaled.setEntry(i, k, vectors.getEntry(i, k) * Math.sqrt(Math.max(values[k], 0)));
            }
        }
        RealMatrix root = scaled.multiplyTransposed(vectors);
        return new Construction(s.clone(), a.getData(), v.getData(), root.getData());
    }

    /**
     * Second-order Gaussian knockoffs as {@code create.second_order(X, method = "equi")}: mean and covariance
     * ({@code cov}, divisor n - 1) estimated from X, equicorrelated s, then {@code X~ = mu + (X - mu) A + Z root}
     * with standard normal Z drawn from {@code rng}.
     *
     * @param x n rows by p columns, no missing values
     */
    public static Sample secondOrderEqui(double[][] x, UniformRandomProvider rng) {
        int n = x.length;
        int p = x[0].length;
        double[] mu = new double[p];
        for (double[] row : x) {
            for (int j = 0; j < p; j++) {
                mu[j] += row[j];
            }
        }
        for (int j = 0; j < p; j++) {
            mu[j] /= n;
        }
        double[][] sigma = new double[p][p];
        for (double[] row : x) {
            for (int i = 0; i < p; i++) {
                for (int j = i; j < p; j++) {
                    sigma[i][j] += (row[i] - mu[i]) * (row[j] - mu[j]);
                }
            }
        }
        for (int i = 0; i < p; i++) {
            for (int j = i; j < p; j++) {
                sigma[i][j] /= n - 1;
                sigma[j][i] = sigma[i][j];
            }
        }
        Construction c = construction(sigma, solveEqui(sigma));
        ContinuousDistribution.Sampler normal = NormalDistribution.of(0, 1).createSampler(rng);
        double[][] out = new double[n][p];
        double[] z = new double[p];
        for (int r = 0; r < n; r++) {
            for (int k = 0; k < p; k++) {
                z[k] = normal.sample();
            }
            for (int j = 0; j < p; j++) {
                double v = mu[j];
                for (int k = 0; k < p; k++) {
                    v += (x[r][k] - mu[k]) * c.a()[k][j] + z[k] * c.root()[k][j];
                }
                out[r][j] = v;
            }
        }
        return new Sample(out, mu, sigma, c);
    }

    /**
     * The marginal-correlation difference statistic {@code W_j = |cor(X_j, y)| - |cor(X~_j, y)|}: a valid knockoff
     * statistic (swapping X_j and X~_j flips the sign of W_j), less powerful than lasso-based ones under strong
     * correlation between markers.
     */
    public static double[] correlationDifference(double[][] x, double[][] knockoffs, double[] y) {
        int p = x[0].length;
        double[] w = new double[p];
        for (int j = 0; j < p; j++) {
            w[j] = Math.abs(correlation(x, j, y)) - Math.abs(correlation(knockoffs, j, y));
        }
        return w;
    }

    /** Pearson correlation of column j of x with y. */
    public static double correlation(double[][] x, int j, double[] y) {
        int n = y.length;
        double mx = 0;
        double my = 0;
        for (int i = 0; i < n; i++) {
            mx += x[i][j];
            my += y[i];
        }
        mx /= n;
        my /= n;
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < n; i++) {
            double dx = x[i][j] - mx;
            double dy = y[i] - my;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }
        return sxx == 0 || syy == 0 ? 0 : sxy / Math.sqrt(sxx * syy);
    }

    /**
     * The knockoff threshold as {@code knockoff.threshold(W, fdr, offset)}: the smallest {@code t} in
     * {@code {0} ∪ |W|} with {@code (offset + #{W_j <= -t}) / max(1, #{W_j >= t}) <= fdr}, or infinity.
     *
     * @param offset 1 for knockoff+ (controls the FDR), 0 for knockoff (controls a modified FDR)
     */
    public static double threshold(double[] w, double fdr, int offset) {
        if (offset != 0 && offset != 1) {
            throw new IllegalArgumentException("offset must be 0 or 1; got " + offset);
        }
        double[] ts = new double[w.length + 1];
        for (int j = 0; j < w.length; j++) {
            ts[j + 1] = Math.abs(w[j]);
        }
        Arrays.sort(ts);
        for (double t : ts) {
            int negative = 0;
            int positive = 0;
            for (double v : w) {
                negative += v <= -t ? 1 : 0;
                positive += v >= t ? 1 : 0;
            }
            if ((offset + negative) / (double) Math.max(1, positive) <= fdr) {
                return t;
            }
        }
        return Double.POSITIVE_INFINITY;
    }

    private static double minEigenvalue(double[][] m) {
        double[] values = new EigenDecompositionSymmetric(MatrixUtils.createRealMatrix(m)).getEigenvalues();
        return Arrays.stream(values).min().getAsDouble();
    }
}
