package io.daybreak.stats.models.glm;

import java.util.function.BiFunction;
import java.util.function.Function;

import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.CholeskyDecomposition;
import org.hipparchus.linear.RealMatrix;

/**
 * Firth-penalised logistic regression: maximises ℓ(β) + ½ log det I(β) by the steps β += I⁻¹U* with step
 * halving on the penalised log-likelihood, from β = 0, until the largest step is below 1e-12. Standard errors
 * are √diag I(β̂)⁻¹ (as R's {@code logistf}). Estimates stay finite under separation, which is routine with
 * 20–60 patients per site.
 *
 * @param coefficients        β̂
 * @param standardErrors      Wald standard errors
 * @param penalizedLogLikelihood at β̂
 * @param iterations          steps taken
 */
public record FirthFit(double[] coefficients, double[] standardErrors, double penalizedLogLikelihood, int iterations) {
    public static final int MAX_ITERATIONS = 200;

    /**
     * @param information   at β: the summed X'WX, with the summed log-likelihood in element [p][0]
     * @param modifiedScore at β, given the inverse of the summed information: the summed modified score
     */
    public static FirthFit fit(Function<double[], double[][]> information,
            BiFunction<double[], double[][], double[]> modifiedScore, int p) {
        double[] beta = new double[p];
        double[][] info = information.apply(beta);
        int iterations = 0;
        while (iterations < MAX_ITERATIONS) {
            iterations++;
            double[][] inverse = inverse(info, p);
            double[] score = modifiedScore.apply(beta, inverse);
            double[] step = new double[p];
            for (int a = 0; a < p; a++) {
                for (int b = 0; b < p; b++) {
                    step[a] += inverse[a][b] * score[b];
                }
            }
            double current = penalized(info, p);
            double[] next = new double[p];
            double[][] nextInfo = null;
            for (int halving = 0; halving <= 30; halving++) {
                for (int a = 0; a < p; a++) {
                    next[a] = beta[a] + step[a];
                }
                nextInfo = information.apply(next);
                if (penalized(nextInfo, p) >= current - 1e-12 * Math.abs(current)) {
                    break;
                }
                for (int a = 0; a < p; a++) {
                    step[a] /= 2;
                }
            }
            double largest = 0;
            for (double s : step) {
                largest = Math.max(largest, Math.abs(s));
            }
            beta = next.clone();
            info = nextInfo;
            if (largest < 1e-12) {
                break;
            }
        }
        double[][] inverse = inverse(info, p);
        double[] se = new double[p];
        for (int a = 0; a < p; a++) {
            se[a] = Math.sqrt(inverse[a][a]);
        }
        return new FirthFit(beta, se, penalized(info, p), iterations);
    }

    private static RealMatrix matrix(double[][] info, int p) {
        RealMatrix matrix = new Array2DRowRealMatrix(p, p);
        for (int a = 0; a < p; a++) {
            for (int b = 0; b < p; b++) {
                matrix.setEntry(a, b, info[a][b]);
            }
        }
        return matrix;
    }

    private static double[][] inverse(double[][] info, int p) {
        return new CholeskyDecomposition(matrix(info, p), 1e-12, 1e-14).getSolver().getInverse().getData();
    }

    /** ℓ + ½ log det I. */
    private static double penalized(double[][] info, int p) {
        return info[p][0] + 0.5 * Math.log(new CholeskyDecomposition(matrix(info, p), 1e-12, 1e-14).getDeterminant());
    }
}
