package io.daybreak.stats.causal;

import org.hipparchus.exception.MathIllegalArgumentException;

import io.daybreak.core.method.InvalidParameterException;
import io.daybreak.stats.models.glm.GlmFamily;
import io.daybreak.stats.models.glm.GlmFit;
import io.daybreak.stats.models.glm.GlmSums;

/**
 * The outcome regression E[Y | A, X]: a GLM of the outcome on the treatment and the covariates (gaussian with
 * identity link for a continuous outcome, binomial with logit link for a binary one; R:
 * {@code glm(Y ~ A + X, family)}), and its predictions for every patient as if treated and as if a control.
 *
 * @param fit       the fit (terms: intercept, treatment, covariates)
 * @param family    gaussian or binomial
 * @param ifTreated predictions m₁(x) = E[Y | A = 1, x] per row
 * @param ifControl predictions m₀(x) per row
 * @param influence the influence function of the coefficients per row, n (X'WX)⁻¹ xᵢ (yᵢ − μᵢ) (canonical
 *                  links), for the delta method
 */
public record OutcomeModel(GlmFit fit, GlmFamily family, double[] ifTreated, double[] ifControl,
        double[][] influence) {

    /**
     * @throws InvalidParameterException when the model cannot be fitted or a binary outcome is separated
     */
    public static OutcomeModel fit(CausalData data, boolean binary) {
        GlmFamily family = binary ? GlmFamily.BINOMIAL : GlmFamily.GAUSSIAN;
        int n = data.n();
        int p = data.x()[0].length + 1;
        double[][] design = new double[n][];
        for (int i = 0; i < n; i++) {
            design[i] = row(data.x()[i], data.treated()[i]);
        }
        GlmFit fit;
        try {
            fit = GlmFit.fit(beta -> GlmSums.of(design, data.outcome(), family, beta), family, p);
        } catch (MathIllegalArgumentException e) {
            throw new InvalidParameterException("the outcome model cannot be fitted: the treatment and covariates are "
                    + "collinear (X'WX is singular): " + e.getMessage());
        }
        if (binary && fit.separated()) {
            throw new InvalidParameterException("the outcome model predicts the binary outcome exactly for some "
                    + "patients (fitted probabilities of 0 or 1: separation); drop or coarsen the covariate that "
                    + "separates them");
        }
        double[] beta = fit.coefficients();
        double[] m1 = new double[n];
        double[] m0 = new double[n];
        double[][] bread = new double[p][p];
        for (int a = 0; a < p; a++) {
            for (int b = 0; b < p; b++) {
                bread[a][b] = fit.covariance()[a][b] / fit.dispersion();
            }
        }
        double[][] influence = new double[n][p];
        for (int i = 0; i < n; i++) {
            m1[i] = mean(family, eta(row(data.x()[i], 1), beta));
            m0[i] = mean(family, eta(row(data.x()[i], 0), beta));
            double residual = data.outcome()[i] - mean(family, eta(design[i], beta));
            for (int a = 0; a < p; a++) {
                double sum = 0;
                for (int b = 0; b < p; b++) {
                    sum += bread[a][b] * design[i][b];
                }
                influence[i][a] = n * sum * residual;
            }
        }
        return new OutcomeModel(fit, family, m1, m0, influence);
    }

    /** The model's design row: intercept, treatment, covariates. */
    static double[] row(double[] x, int treated) {
        double[] row = new double[x.length + 1];
        row[0] = 1;
        row[1] = treated;
        System.arraycopy(x, 1, row, 2, x.length - 1);
        return row;
    }

    static double eta(double[] row, double[] beta) {
        double eta = 0;
        for (int k = 0; k < row.length; k++) {
            eta += row[k] * beta[k];
        }
        return eta;
    }

    /** The inverse link: identity, or the logistic function. */
    static double mean(GlmFamily family, double eta) {
        return family == GlmFamily.BINOMIAL ? 1 / (1 + Math.exp(-eta)) : eta;
    }

    /** dμ/dη at a mean (identity: 1; logit: μ(1 − μ)). */
    double slope(double mu) {
        return family == GlmFamily.BINOMIAL ? mu * (1 - mu) : 1;
    }
}
