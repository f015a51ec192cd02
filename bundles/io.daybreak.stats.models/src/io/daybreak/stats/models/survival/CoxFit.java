package io.daybreak.stats.models.survival;

import java.util.function.Function;

import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.CholeskyDecomposition;
import org.hipparchus.linear.DecompositionSolver;
import org.hipparchus.linear.RealMatrix;

/**
 * A Cox model fitted by Newton–Raphson from β = 0 with step halving when the log partial likelihood falls
 * (as R's {@code coxph}), to a tighter tolerance than R's default: relative change of the log likelihood
 * below 1e-13 or a step below 1e-12. The evaluation is given as a function of β, so the same fit runs on
 * pooled data, on sums released by sites (pooled risk sets) or on per-site likelihoods (stratified by site).
 *
 * @param coefficients     β̂
 * @param covariance       the inverse information at β̂
 * @param logLikelihoodNull log partial likelihood at β = 0
 * @param logLikelihood    at β̂
 * @param iterations       Newton steps taken
 * @param scoreTest        the score (log-rank) test of β = 0: U(0)' I(0)⁻¹ U(0), from the first evaluation
 */
public record CoxFit(double[] coefficients, double[][] covariance, double logLikelihoodNull, double logLikelihood,
        int iterations, double scoreTest) {
    private static final int MAX_ITERATIONS = 50;

    /** Log partial likelihood, score and observed information at one β. */
    public record Evaluation(double logLikelihood, double[] score, double[][] information) {
        /** The sum of two evaluations (independent strata). */
        public Evaluation plus(Evaluation other) {
            int p = score.length;
            double[] s = new double[p];
            double[][] info = new double[p][p];
            for (int a = 0; a < p; a++) {
                s[a] = score[a] + other.score[a];
                for (int b = 0; b < p; b++) {
                    info[a][b] = information[a][b] + other.information[a][b];
                }
            }
            return new Evaluation(logLikelihood + other.logLikelihood, s, info);
        }
    }

    public static CoxFit fit(Function<double[], Evaluation> evaluate, int p) {
        double[] beta = new double[p];
        Evaluation current = evaluate.apply(beta);
        double nullLogLikelihood = current.logLikelihood();
        double[] atZero = p == 0 ? new double[0]
                : solver(current.information()).solve(new ArrayRealVector(current.score())).toArray();
        double scoreTest = 0;
        for (int a = 0; a < p; a++) {
            scoreTest += current.score()[a] * atZero[a];
        }
        int iterations = 0;
        while (iterations < MAX_ITERATIONS) {
            iterations++;
            double[] step = solver(current.information()).solve(new ArrayRealVector(current.score())).toArray();
            double[] next = new double[p];
            Evaluation candidate = null;
            for (int halving = 0; halving < 30; halving++) {
                for (int a = 0; a < p; a++) {
                    next[a] = beta[a] + step[a];
                }
                candidate = evaluate.apply(next);
                if (Double.isFinite(candidate.logLikelihood())
                        && candidate.logLikelihood() >= current.logLikelihood() - 1e-12 * Math.abs(current.logLikelihood())) {
                    break;
                }
                for (int a = 0; a < p; a++) {
                    step[a] /= 2;
                }
            }
            double change = Math.abs(candidate.logLikelihood() - current.logLikelihood());
            double largestStep = 0;
            for (double s : step) {
                largestStep = Math.max(largestStep, Math.abs(s));
            }
            beta = next.clone();
            current = candidate;
            if (change <= 1e-13 * Math.abs(current.logLikelihood()) || largestStep < 1e-12) {
                break;
            }
        }
        double[][] covariance = solver(current.information()).getInverse().getData();
        return new CoxFit(beta, covariance, nullLogLikelihood, current.logLikelihood(), iterations, scoreTest);
    }

    private static DecompositionSolver solver(double[][] information) {
        RealMatrix matrix = new Array2DRowRealMatrix(information);
        return new CholeskyDecomposition(matrix, 1e-12, 1e-14).getSolver();
    }

    /** The likelihood-ratio test of β = 0: 2 (log L(β̂) − log L(0)), df = the number of coefficients. */
    public double likelihoodRatioTest() {
        return 2 * (logLikelihood - logLikelihoodNull);
    }

    /** The Wald test of β = 0: β̂' V⁻¹ β̂ with V the covariance (df = the number of coefficients). */
    public double waldTest() {
        return waldTest(covariance);
    }

    /** The Wald test with another covariance (a robust one). */
    public double waldTest(double[][] variance) {
        if (coefficients.length == 0) {
            return 0;
        }
        double[] solved = new org.hipparchus.linear.LUDecomposition(new Array2DRowRealMatrix(variance)).getSolver()
                .solve(new ArrayRealVector(coefficients)).toArray();
        double w = 0;
        for (int a = 0; a < coefficients.length; a++) {
            w += coefficients[a] * solved[a];
        }
        return w;
    }

    public double[] standardErrors() {
        double[] se = new double[coefficients.length];
        for (int a = 0; a < se.length; a++) {
            se[a] = Math.sqrt(covariance[a][a]);
        }
        return se;
    }
}
