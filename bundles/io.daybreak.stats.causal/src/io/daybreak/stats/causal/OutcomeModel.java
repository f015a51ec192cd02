package io.daybreak.stats.causal;

import java.util.List;

import org.hipparchus.exception.MathIllegalArgumentException;

import io.daybreak.core.method.InvalidParameterException;
import io.daybreak.stats.models.glm.GlmFamily;
import io.daybreak.stats.models.glm.GlmFit;
import io.daybreak.stats.models.glm.GlmSums;

/**
 * The outcome regression E[Y | A, X] (gaussian with identity link for a continuous outcome, binomial with logit link
 * for a binary one), and its predictions for every patient as if treated and as if a control. Two forms:
 * <ul>
 * <li>separate (the usual convention of g-computation, AIPW and TMLE): one GLM per arm, R:
 * {@code glm(Y ~ X, family, subset = A == 1)} and {@code subset = A == 0}; the parameter vector θ is the treated
 * arm's coefficients followed by the controls';</li>
 * <li>common: one GLM with a common treatment term, R: {@code glm(Y ~ A + X, family)}; θ is (intercept, A, X).</li>
 * </ul>
 *
 * @param fits      the fits: treated then control (separate), or the one fit (common)
 * @param family    gaussian or binomial
 * @param separate  whether each arm has its own model
 * @param ifTreated predictions m₁(x) = E[Y | A = 1, x] per row
 * @param ifControl predictions m₀(x) per row
 * @param influence the influence function of θ per row, n (X'WX)⁻¹ xᵢ (yᵢ − μᵢ) (canonical links; with separate
 *                  models each row moves only its own arm's coefficients), for the delta method
 */
public record OutcomeModel(List<GlmFit> fits, GlmFamily family, boolean separate, double[] ifTreated,
        double[] ifControl, double[][] influence) {

    /**
     * @param separate one model per arm (else one model with a common treatment term)
     * @throws InvalidParameterException when a model cannot be fitted or a binary outcome is separated
     */
    public static OutcomeModel fit(CausalData data, boolean binary, boolean separate) {
        GlmFamily family = binary ? GlmFamily.BINOMIAL : GlmFamily.GAUSSIAN;
        int n = data.n();
        int q = data.x()[0].length;
        int width = separate ? 2 * q : q + 1;
        double[][] design = new double[n][];
        for (int i = 0; i < n; i++) {
            design[i] = separate ? data.x()[i] : row(data.x()[i], data.treated()[i]);
        }
        List<GlmFit> fits;
        // each row's place in θ: offset of its model's coefficients
        int[] offset = new int[n];
        if (separate) {
            GlmFit treated = fitArm(data, design, family, 1);
            GlmFit control = fitArm(data, design, family, 0);
            fits = List.of(treated, control);
            for (int i = 0; i < n; i++) {
                offset[i] = data.treated()[i] == 1 ? 0 : q;
            }
        } else {
            fits = List.of(fit(design, data.outcome(), family, "the treatment and covariates"));
        }
        for (GlmFit fit : fits) {
            if (binary && fit.separated()) {
                throw new InvalidParameterException("the outcome model" + (separate ? " of an arm" : "") + " predicts "
                        + "the binary outcome exactly for some patients (fitted probabilities of 0 or 1: separation); "
                        + "drop or coarsen the covariate that separates them"
                        + (separate ? ", or use outcomeModel=common" : ""));
            }
        }
        double[] theta = new double[width];
        if (separate) {
            System.arraycopy(fits.get(0).coefficients(), 0, theta, 0, q);
            System.arraycopy(fits.get(1).coefficients(), 0, theta, q, q);
        } else {
            theta = fits.get(0).coefficients();
        }
        double[] m1 = new double[n];
        double[] m0 = new double[n];
        double[][] influence = new double[n][width];
        for (int i = 0; i < n; i++) {
            GlmFit own = separate && data.treated()[i] == 0 ? fits.get(1) : fits.get(0);
            int p = design[i].length;
            double[] beta = java.util.Arrays.copyOfRange(theta, offset[i], offset[i] + p);
            m1[i] = mean(family, eta(treatedRow(data.x()[i], separate), theta));
            m0[i] = mean(family, eta(controlRow(data.x()[i], separate), theta));
            double residual = data.outcome()[i] - mean(family, eta(design[i], beta));
            double[][] covariance = own.covariance();
            for (int a = 0; a < p; a++) {
                double sum = 0;
                for (int b = 0; b < p; b++) {
                    sum += covariance[a][b] / own.dispersion() * design[i][b];
                }
                influence[i][offset[i] + a] = n * sum * residual;
            }
        }
        return new OutcomeModel(fits, family, separate, m1, m0, influence);
    }

    private static GlmFit fitArm(CausalData data, double[][] design, GlmFamily family, int arm) {
        int count = 0;
        for (int a : data.treated()) {
            count += a == arm ? 1 : 0;
        }
        double[][] rows = new double[count][];
        double[] y = new double[count];
        int k = 0;
        for (int i = 0; i < data.n(); i++) {
            if (data.treated()[i] == arm) {
                rows[k] = design[i];
                y[k++] = data.outcome()[i];
            }
        }
        if (count <= design[0].length) {
            throw new InvalidParameterException("the " + (arm == 1 ? "treated" : "control") + " arm has " + count
                    + " patients, too few for its own outcome model with " + design[0].length + " coefficients; use "
                    + "outcomeModel=common or fewer covariates");
        }
        return fit(rows, y, family, "the covariates in the " + (arm == 1 ? "treated" : "control") + " arm");
    }

    private static GlmFit fit(double[][] design, double[] y, GlmFamily family, String what) {
        try {
            return GlmFit.fit(beta -> GlmSums.of(design, y, family, beta), family, design[0].length);
        } catch (MathIllegalArgumentException e) {
            throw new InvalidParameterException("the outcome model cannot be fitted: " + what + " are collinear "
                    + "(X'WX is singular): " + e.getMessage());
        }
    }

    /** The length of θ. */
    public int parameters() {
        return influence.length == 0 ? 0 : influence[0].length;
    }

    /** ∂η/∂θ of the prediction as if treated, for a covariate row (1, x). */
    double[] treatedRow(double[] x) {
        return treatedRow(x, separate);
    }

    /** ∂η/∂θ of the prediction as if a control. */
    double[] controlRow(double[] x) {
        return controlRow(x, separate);
    }

    private static double[] treatedRow(double[] x, boolean separate) {
        if (!separate) {
            return row(x, 1);
        }
        double[] row = new double[2 * x.length];
        System.arraycopy(x, 0, row, 0, x.length);
        return row;
    }

    private static double[] controlRow(double[] x, boolean separate) {
        if (!separate) {
            return row(x, 0);
        }
        double[] row = new double[2 * x.length];
        System.arraycopy(x, 0, row, x.length, x.length);
        return row;
    }

    /** The common model's design row: intercept, treatment, covariates. */
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
