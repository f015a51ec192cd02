package io.daybreak.methods.stats.glm;

import java.util.function.Function;

import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.CholeskyDecomposition;
import org.hipparchus.linear.DecompositionSolver;

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
 * @param maxAbsEta    the largest |linear predictor| at β̂ (huge: fitted probabilities of 0 or 1, separation)
 */
public record GlmFit(double[] coefficients, double[][] covariance, double deviance, double dispersion, long n,
        int iterations, boolean converged, double maxAbsEta) {
    private static final int MAX_ITERATIONS = 100;

    public static GlmFit fit(Function<double[], GlmSums> sums, GlmFamily family, int p) {
        GlmSums current = sums.apply(null);
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
        return new GlmFit(beta, inverse, at.deviance, dispersion, n, iterations, converged, at.maxAbsEta);
    }

    private static DecompositionSolver solve(GlmSums sums) {
        return new CholeskyDecomposition(new Array2DRowRealMatrix(sums.xtwx), 1e-12, 1e-14).getSolver();
    }

    public double[] standardErrors() {
        double[] se = new double[coefficients.length];
        for (int a = 0; a < se.length; a++) {
            se[a] = Math.sqrt(covariance[a][a]);
        }
        return se;
    }
}
