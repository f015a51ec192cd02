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

import io.daybreak.stats.biomarker.penalized.CrossValidatedPath;
import io.daybreak.stats.biomarker.penalized.CrossValidation;
import io.daybreak.stats.biomarker.penalized.ElasticNet;
import io.daybreak.stats.biomarker.penalized.Family;
import io.daybreak.stats.biomarker.penalized.Measure;
import io.daybreak.stats.biomarker.penalized.PenalizedData;
import io.daybreak.stats.biomarker.penalized.PenalizedPath;
import io.daybreak.stats.biomarker.penalized.PenalizedSettings;

/**
 * Model-X knockoffs (Candès, Fan, Janson &amp; Lv, JRSS-B 80:551-577, 2018): Gaussian second-order knockoffs with
 * equicorrelated {@code s} (as the R package {@code knockoff}'s {@code create.second_order(X, method = "equi")}),
 * the marginal-correlation difference statistic, the package's lasso statistics {@code stat.lasso_lambdasmax} and
 * {@code stat.lasso_coefdiff} (on the glmnet-exact {@link ElasticNet}), and the knockoff / knockoff+ threshold
 * ({@code knockoff::knockoff.threshold}).
 */
public final class Knockoffs {
    private static final double POSDEF_TOL = 1e-8;
    /** knockoff's {@code lasso_max_lambda_glmnet} and {@code cv_coeffs_glmnet}: 500 λ down to λ_max / 2000. */
    static final int LASSO_NLAMBDA = 500;
    static final double LASSO_MIN_RATIO = 1 / 2e3;

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

    /**
     * The columns the knockoff package's lasso statistics fit: {@code scale(cbind(X.swap, Xk.swap))} (centred,
     * divided by the n - 1 standard deviation), where a marker whose {@code swap} is true trades places with its
     * knockoff; the returned array is column-major (2p columns of n).
     */
    static double[][] scaledAugmented(double[][] x, double[][] knockoffs, boolean[] swap) {
        int n = x.length;
        int p = x[0].length;
        double[][] z = new double[2 * p][n];
        for (int j = 0; j < p; j++) {
            boolean sw = swap != null && swap[j];
            for (int i = 0; i < n; i++) {
                z[j][i] = sw ? knockoffs[i][j] : x[i][j];
                z[p + j][i] = sw ? x[i][j] : knockoffs[i][j];
            }
        }
        for (int j = 0; j < 2 * p; j++) {
            double mean = 0;
            for (double v : z[j]) {
                mean += v;
            }
            mean /= n;
            double ss = 0;
            for (double v : z[j]) {
                ss += (v - mean) * (v - mean);
            }
            double sd = Math.sqrt(ss / (n - 1));
            if (!(sd > 0)) {
                throw new IllegalArgumentException((j < p ? "marker " : "the knockoff of marker ") + (j % p + 1)
                        + " is constant; the lasso statistics need varying columns");
            }
            for (int i = 0; i < n; i++) {
                z[j][i] = (z[j][i] - mean) / sd;
            }
        }
        return z;
    }

    /** knockoff's λ grid: {@code lambda_max * (lambda_max / 2000 / lambda_max)^(k / 500)}, k = 0..499. */
    static double[] lassoLambdas(double[][] z, double[] y) {
        int n = y.length;
        double max = 0;
        for (double[] c : z) {
            double dot = 0;
            for (int i = 0; i < n; i++) {
                dot += c[i] * y[i];
            }
            max = Math.max(max, Math.abs(dot) / n);
        }
        double[] lambda = new double[LASSO_NLAMBDA];
        for (int k = 0; k < LASSO_NLAMBDA; k++) {
            lambda[k] = max * Math.pow(max * LASSO_MIN_RATIO / max, k / (double) LASSO_NLAMBDA);
        }
        return lambda;
    }

    private static PenalizedSettings lassoSettings(double[] lambda, double thresh) {
        return PenalizedSettings.defaults().withLambda(lambda).withStandardize(false).withThresh(thresh);
    }

    /**
     * The λ at which each of the 2p columns of {@code [X, X~]} first enters the gaussian lasso path, times n, as
     * knockoff's {@code lasso_max_lambda(cbind(X.swap, Xk.swap), y, method = "glmnet")}: glmnet on the scaled
     * columns with an intercept, {@code standardize = FALSE}, on knockoff's 500-point λ grid; 0 for a column that
     * never enters. Entries are un-swapped: [0, p) are the markers, [p, 2p) their knockoffs.
     *
     * @param swap per marker, whether it trades places with its knockoff before the fit (the package draws this at
     *        random so that the solver's column order cannot favour either); null for none
     * @param thresh glmnet's convergence threshold ({@code thresh}, 1e-7 by default)
     */
    public static double[] lassoEntryLambdas(double[][] x, double[][] knockoffs, double[] y, boolean[] swap,
            double thresh) {
        int n = y.length;
        int p = x[0].length;
        double[][] z = scaledAugmented(x, knockoffs, swap);
        double[] lambda = lassoLambdas(z, y);
        PenalizedPath path = ElasticNet.fit(new PenalizedData(Family.GAUSSIAN, z, y, null, null),
                lassoSettings(lambda, thresh));
        double[] entry = new double[2 * p];
        for (int j = 0; j < 2 * p; j++) {
            for (int m = 0; m < path.size(); m++) {
                if (path.beta()[m][j] != 0) {
                    entry[j] = path.lambda()[m] * n;
                    break;
                }
            }
        }
        return unswap(entry, swap, p);
    }

    /**
     * The lasso signed-max statistic {@code W_j = max(Z_j, Z~_j) sign(Z_j - Z~_j)} with Z the entry λ of
     * {@link #lassoEntryLambdas}, as knockoff's {@code stat.lasso_lambdasmax} (Barber &amp; Candès 2015).
     */
    public static double[] lassoSignedMax(double[][] x, double[][] knockoffs, double[] y, boolean[] swap,
            double thresh) {
        int p = x[0].length;
        double[] z = lassoEntryLambdas(x, knockoffs, y, swap, thresh);
        double[] w = new double[p];
        for (int j = 0; j < p; j++) {
            w[j] = Math.max(z[j], z[p + j]) * Math.signum(z[j] - z[p + j]);
        }
        return w;
    }

    /**
     * A cross-validated lasso on {@code [X, X~]}.
     *
     * @param w the coefficient-difference statistic {@code |b_j| - |b~_j|}
     * @param coefficients the 2p coefficients at λ_min (un-swapped; on the scaled columns)
     * @param lambdaMin cv.glmnet's λ_min
     */
    public record LassoCoefficients(double[] w, double[] coefficients, double lambdaMin) {
    }

    /**
     * The lasso coefficient-difference statistic {@code W_j = |b_j| - |b~_j|} at cv.glmnet's λ_min, as knockoff's
     * {@code stat.lasso_coefdiff}: cv.glmnet (mean squared error) on the scaled {@code [X.swap, Xk.swap]} with an
     * intercept, {@code standardize = FALSE}, on knockoff's 500-point λ grid, with the given folds.
     *
     * @param foldid the fold 1..K of each row (R draws them with {@code sample}; pass the same ones to reproduce)
     * @param thresh glmnet's convergence threshold: λ_min sits where the cross-validated error is flat, so at the
     *        default 1e-7 solver noise of that order can move it one grid step (in R too, e.g. with another swap)
     */
    public static LassoCoefficients lassoCoefficientDifference(double[][] x, double[][] knockoffs, double[] y,
            boolean[] swap, int[] foldid, double thresh) {
        int p = x[0].length;
        double[][] z = scaledAugmented(x, knockoffs, swap);
        double[] lambda = lassoLambdas(z, y);
        CrossValidatedPath cv = CrossValidation.run(new PenalizedData(Family.GAUSSIAN, z, y, null, null),
                lassoSettings(lambda, thresh), foldid, Measure.MSE, false);
        PenalizedPath fit = cv.fit();
        double[] b = unswap(fit.beta()[cv.indexMin()].clone(), swap, p);
        double[] w = new double[p];
        for (int j = 0; j < p; j++) {
            w[j] = Math.abs(b[j]) - Math.abs(b[p + j]);
        }
        return new LassoCoefficients(w, b, cv.lambdaMin());
    }

    private static double[] unswap(double[] v, boolean[] swap, int p) {
        if (swap != null) {
            for (int j = 0; j < p; j++) {
                if (swap[j]) {
                    double t = v[j];
                    v[j] = v[p + j];
                    v[p + j] = t;
                }
            }
        }
        return v;
    }
}
