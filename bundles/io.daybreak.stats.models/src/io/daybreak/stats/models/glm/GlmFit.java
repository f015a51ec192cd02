package io.daybreak.stats.models.glm;

import java.util.function.Function;

import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.CholeskyDecomposition;
import org.hipparchus.linear.DecompositionSolver;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.hipparchus.linear.LUDecomposition;
import org.hipparchus.linear.RealMatrix;

/**
 * A GLM fitted by iteratively reweighted least squares from R's starting means (as {@code glm.fit}), with
 * the statistics of each step given as a function of the coefficients (null: the starting means), so the
 * same fit runs on pooled data or on statistics released by sites. Converges when the deviance changes by
 * less than 1e-13 relative (R: 1e-8); a step that raises the deviance is halved.
 *
 * @param coefficients β̂
 * @param covariance   dispersion × (X'WX)⁻¹ at β̂
 * @param deviance     residual deviance
 * @param dispersion   estimated (gaussian: deviance / (n − p)) or 1
 * @param n            observations
 * @param iterations   IRLS steps
 * @param converged    whether the deviance settled within the iteration limit
 * @param saturatedLogLikelihood Σ of the rows' log-likelihoods at μ = y ({@link GlmSums#saturatedLogLikelihood})
 * @param separated    whether the fit ran into separation (binomial) or a zero mean (poisson): in some direction of
 *                     the coefficients the information at β̂ is below {@value #SEPARATION} of the information at the
 *                     starting means, i.e. the weights of every row that direction depends on have vanished and the
 *                     estimate runs off to infinity ({@link #separated(double[][], double[][])}); decided from the
 *                     summed X'WX alone, never from a row
 */
public record GlmFit(double[] coefficients, double[][] covariance, double deviance, double dispersion, long n,
        int iterations, boolean converged, double saturatedLogLikelihood, boolean separated) {
    private static final int MAX_ITERATIONS = 100;
    /**
     * Information ratio below which a direction counts as separated: every row it depends on has a weight below
     * about 2e-9 (|η| above about 20, fitted probabilities within 2e-9 of 0 or 1).
     */
    public static final double SEPARATION = 1e-8;

    public static GlmFit fit(Function<double[], GlmSums> sums, GlmFamily family, int p) {
        GlmSums current = sums.apply(null);
        double[][] start = current.xtwx;
        double[] beta = solve(current).solve(new ArrayRealVector(current.xtwz)).toArray();
        GlmSums at = sums.apply(beta);
        int iterations = 1;
        boolean converged = false;
        while (iterations < MAX_ITERATIONS) {
            iterations++;
            double[] next = solve(at).solve(new ArrayRealVector(at.xtwz)).toArray();
            GlmSums candidate = sums.apply(next);
            for (int halving = 0; halving < 30 && !(candidate.deviance <= at.deviance * (1 + 1e-12) + 1e-300); halving++) {
                for (int a = 0; a < p; a++) {
                    next[a] = (next[a] + beta[a]) / 2;
                }
                candidate = sums.apply(next);
            }
            double change = Math.abs(candidate.deviance - at.deviance);
            beta = next;
            at = candidate;
            if (change <= 1e-13 * (Math.abs(at.deviance) + 0.1)) {
                converged = true;
                break;
            }
        }
        long n = at.n;
        double dispersion = family.estimatesDispersion() ? at.deviance / (n - p) : 1;
        double[][] inverse = solve(at).getInverse().scalarMultiply(dispersion).getData();
        return new GlmFit(beta, inverse, at.deviance, dispersion, n, iterations, converged, at.saturatedLogLikelihood,
                separated(start, at.xtwx));
    }

    /**
     * Whether the information {@code end} (X'WX at β̂) has a direction in which it is below {@link #SEPARATION} times
     * the information {@code start} (X'WX at the starting means; for the binomial family 0.1875 X'X): the smallest
     * generalised eigenvalue of the pair. With separation the weights of the separated rows go to 0 as the
     * coefficients diverge, so that direction's information vanishes relative to its starting value, however the
     * covariates are scaled. Gaussian fits have W = I, so never.
     */
    public static boolean separated(double[][] start, double[][] end) {
        int p = start.length;
        if (p == 0) {
            return false;
        }
        try {
            RealMatrix lower = new CholeskyDecomposition(new Array2DRowRealMatrix(start), 1e-12, 1e-14).getL();
            RealMatrix inverse = new LUDecomposition(lower).getSolver().getInverse();
            RealMatrix relative = inverse.multiply(new Array2DRowRealMatrix(end)).multiplyTransposed(inverse);
            double[][] symmetric = relative.getData();
            for (int a = 0; a < p; a++) {
                for (int b = 0; b < a; b++) {
                    double mean = (symmetric[a][b] + symmetric[b][a]) / 2;
                    symmetric[a][b] = mean;
                    symmetric[b][a] = mean;
                }
            }
            double smallest = Double.POSITIVE_INFINITY;
            for (double value : new EigenDecompositionSymmetric(new Array2DRowRealMatrix(symmetric)).getEigenvalues()) {
                smallest = Math.min(smallest, value);
            }
            return smallest < SEPARATION;
        } catch (org.hipparchus.exception.MathRuntimeException e) {
            return false; // a singular start: collinear covariates, which the fit itself reports
        }
    }

    private static DecompositionSolver solve(GlmSums sums) {
        return new CholeskyDecomposition(new Array2DRowRealMatrix(sums.xtwx), 1e-12, 1e-14).getSolver();
    }

    /** R's AIC of the fit ({@link GlmFamily#aic}). */
    public double aic(GlmFamily family) {
        return family.aic(deviance, saturatedLogLikelihood, n, coefficients.length);
    }

    public double[] standardErrors() {
        double[] se = new double[coefficients.length];
        for (int a = 0; a < se.length; a++) {
            se[a] = Math.sqrt(covariance[a][a]);
        }
        return se;
    }
}
