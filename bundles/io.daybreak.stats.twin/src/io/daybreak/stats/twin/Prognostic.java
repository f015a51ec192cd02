package io.daybreak.stats.twin;

import java.util.List;

import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.CholeskyDecomposition;

import io.daybreak.stats.models.glm.GlmFamily;
import io.daybreak.stats.models.glm.GlmFit;
import io.daybreak.stats.models.glm.GlmSums;
import io.daybreak.stats.models.survival.CoxFit;
import io.daybreak.stats.models.survival.CoxRows;
import io.daybreak.stats.models.survival.CoxSums;

/**
 * Trains prognostic scores on historical controls: unpenalised by the existing GLM (IRLS) and Cox
 * (Newton–Raphson) fits, or ridge-penalised with glmnet's objectives (α = 0, no standardisation, intercept
 * unpenalised):
 * <ul>
 * <li>gaussian: 1/(2n)·RSS + (λ/s_y)/2·‖β‖², s_y the 1/n SD of y. This is what glmnet's coefficients minimise
 * (it scales y by s_y and keeps λ), not its documented 1/(2n)·RSS + λ/2·‖β‖²; we match glmnet so a λ chosen
 * there means the same here (docs/adr/0011);</li>
 * <li>binomial: −1/n·loglik + λ/2·‖β‖², penalised Newton;</li>
 * <li>cox: −1/n·log PL + λ/2·‖β‖², Newton on the partial likelihood of {@link CoxSums} (glmnet: Breslow ties).</li>
 * </ul>
 */
public final class Prognostic {
    private Prognostic() {
    }

    /**
     * A GLM score (gaussian or binomial).
     *
     * @param x rows of covariates without the intercept
     */
    public static PrognosticScore glm(String family, List<String> covariates, double[][] x, double[] y, double lambda) {
        GlmFamily glmFamily = family.equals("binomial") ? GlmFamily.BINOMIAL : GlmFamily.GAUSSIAN;
        double[][] design = withIntercept(x);
        int p = covariates.size() + 1;
        if (lambda > 0) {
            double[] beta = family.equals("binomial") ? ridgeBinomial(design, y, lambda) : ridgeGaussian(design, y, lambda);
            return new PrognosticScore(family, covariates, beta[0], java.util.Arrays.copyOfRange(beta, 1, p), nan(p),
                    lambda);
        }
        GlmFit fit = GlmFit.fit(beta -> GlmSums.of(design, y, glmFamily, beta), glmFamily, p);
        double[] b = fit.coefficients();
        return new PrognosticScore(family, covariates, b[0], java.util.Arrays.copyOfRange(b, 1, p), fit.standardErrors(),
                lambda);
    }

    /** A Cox score (no intercept), Efron or Breslow ties, ridge-penalised when lambda &gt; 0. */
    public static PrognosticScore cox(List<String> covariates, double[][] x, double[] time, boolean[] event,
            boolean efron, double lambda) {
        int p = covariates.size();
        CoxRows rows = CoxRows.of(time, event, x, null);
        int n = time.length;
        if (lambda > 0) {
            double[] beta = new double[p];
            for (int iteration = 0; iteration < 100; iteration++) {
                CoxFit.Evaluation e = rows.evaluate(beta, efron);
                double[] gradient = new double[p];
                double[][] hessian = new double[p][p];
                for (int a = 0; a < p; a++) {
                    gradient[a] = e.score()[a] / n - lambda * beta[a];
                    for (int b = 0; b < p; b++) {
                        hessian[a][b] = e.information()[a][b] / n + (a == b ? lambda : 0);
                    }
                }
                double[] step = solve(hessian, gradient);
                double largest = 0;
                for (int a = 0; a < p; a++) {
                    beta[a] += step[a];
                    largest = Math.max(largest, Math.abs(step[a]) / Math.max(Math.abs(beta[a]), 1e-8));
                }
                if (largest < 1e-14) {
                    break;
                }
            }
            return new PrognosticScore("cox", covariates, 0, beta, nan(p + 1), lambda);
        }
        CoxFit fit = CoxFit.fit(beta -> rows.evaluate(beta, efron), p);
        double[] se = new double[p + 1];
        se[0] = Double.NaN;
        System.arraycopy(fit.standardErrors(), 0, se, 1, p);
        return new PrognosticScore("cox", covariates, 0, fit.coefficients(), se, lambda);
    }

    /** glmnet's gaussian ridge: the closed form with penalty λ/s_y on centred X and y. */
    private static double[] ridgeGaussian(double[][] design, double[] y, double lambda) {
        int n = y.length;
        int p = design[0].length;
        double[] mean = new double[p];
        double yMean = 0;
        for (int i = 0; i < n; i++) {
            yMean += y[i] / n;
            for (int a = 1; a < p; a++) {
                mean[a] += design[i][a] / n;
            }
        }
        double sy = 0;
        for (double v : y) {
            sy += (v - yMean) * (v - yMean) / n;
        }
        double penalty = lambda / Math.sqrt(sy);
        double[][] a = new double[p - 1][p - 1];
        double[] b = new double[p - 1];
        for (int i = 0; i < n; i++) {
            for (int j = 1; j < p; j++) {
                double xj = design[i][j] - mean[j];
                b[j - 1] += xj * (y[i] - yMean) / n;
                for (int k = 1; k < p; k++) {
                    a[j - 1][k - 1] += xj * (design[i][k] - mean[k]) / n;
                }
            }
        }
        for (int j = 0; j < p - 1; j++) {
            a[j][j] += penalty;
        }
        double[] slopes = solve(a, b);
        double[] beta = new double[p];
        beta[0] = yMean;
        for (int j = 1; j < p; j++) {
            beta[j] = slopes[j - 1];
            beta[0] -= mean[j] * slopes[j - 1];
        }
        return beta;
    }

    /** Penalised Newton for −1/n·loglik + λ/2·‖β₁..‖² (intercept unpenalised). */
    private static double[] ridgeBinomial(double[][] design, double[] y, double lambda) {
        int n = y.length;
        int p = design[0].length;
        double[] beta = new double[p];
        for (int iteration = 0; iteration < 100; iteration++) {
            double[] gradient = new double[p];
            double[][] hessian = new double[p][p];
            for (int i = 0; i < n; i++) {
                double eta = 0;
                for (int a = 0; a < p; a++) {
                    eta += design[i][a] * beta[a];
                }
                double mu = 1 / (1 + Math.exp(-eta));
                for (int a = 0; a < p; a++) {
                    gradient[a] += design[i][a] * (y[i] - mu) / n;
                    for (int b = 0; b < p; b++) {
                        hessian[a][b] += design[i][a] * design[i][b] * mu * (1 - mu) / n;
                    }
                }
            }
            for (int a = 1; a < p; a++) {
                gradient[a] -= lambda * beta[a];
                hessian[a][a] += lambda;
            }
            double[] step = solve(hessian, gradient);
            double largest = 0;
            for (int a = 0; a < p; a++) {
                beta[a] += step[a];
                largest = Math.max(largest, Math.abs(step[a]) / Math.max(Math.abs(beta[a]), 1e-8));
            }
            if (largest < 1e-14) {
                break;
            }
        }
        return beta;
    }

    static double[][] withIntercept(double[][] x) {
        double[][] design = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            design[i] = new double[x[i].length + 1];
            design[i][0] = 1;
            System.arraycopy(x[i], 0, design[i], 1, x[i].length);
        }
        return design;
    }

    private static double[] solve(double[][] a, double[] b) {
        return new CholeskyDecomposition(new Array2DRowRealMatrix(a), 1e-14, 1e-300).getSolver()
                .solve(new ArrayRealVector(b)).toArray();
    }

    private static double[] nan(int p) {
        double[] values = new double[p];
        java.util.Arrays.fill(values, Double.NaN);
        return values;
    }
}
