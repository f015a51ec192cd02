package io.daybreak.methods.design.blrm;

import io.daybreak.methods.design.oc.BlrmPrior;

/**
 * Neuenschwander's two-parameter Bayesian logistic regression model (Stat Med 27:2420, 2008):
 * logit p_d = log α + β·log(x_d / x*) with dose amounts x_d and reference dose x*, and a prior on θ = (log α, log β):
 * a bivariate normal, or a mixture of them (a MAP prior, robust or not). With β = exp(log β) &gt; 0 the DLT
 * probability increases with the dose.
 *
 * @param logDose log(x_d / x*) per dose, increasing
 * @param prior   the prior of θ
 */
public record BlrmModel(double[] logDose, BivariateNormalMixture prior) {

    public BlrmModel {
        logDose = logDose.clone();
        for (int d = 1; d < logDose.length; d++) {
            if (!(logDose[d] > logDose[d - 1])) {
                throw new IllegalArgumentException("dose amounts must increase strictly");
            }
        }
    }

    /** The model for dose amounts, a reference dose and a bivariate normal prior. */
    public static BlrmModel of(double[] amounts, double referenceDose, double meanLogAlpha, double sdLogAlpha,
            double meanLogBeta, double sdLogBeta, double correlation) {
        if (!(sdLogAlpha > 0 && sdLogBeta > 0 && Math.abs(correlation) < 1)) {
            throw new IllegalArgumentException("prior standard deviations must be positive and |correlation| < 1");
        }
        return of(amounts, referenceDose, BivariateNormalMixture.of(meanLogAlpha, sdLogAlpha, meanLogBeta, sdLogBeta,
                correlation));
    }

    /** The model for dose amounts, a reference dose and a prior. */
    public static BlrmModel of(double[] amounts, double referenceDose, BivariateNormalMixture prior) {
        double[] logDose = new double[amounts.length];
        for (int d = 0; d < amounts.length; d++) {
            logDose[d] = Math.log(amounts[d] / referenceDose);
        }
        return new BlrmModel(logDose, prior);
    }

    /**
     * The model a {@link BlrmPrior} setting gives for {@code doses} dose levels, its amounts checked as bad input:
     * {@code priorMixture} when given, else the bivariate normal of the five prior parameters.
     */
    static BlrmModel of(BlrmPrior prior, int doses) {
        double[] amounts = prior.amounts(doses);
        if (prior.priorMixture() != null) {
            return of(amounts, prior.reference(amounts), BivariateNormalMixture.parse("priorMixture",
                    prior.priorMixture()));
        }
        return of(amounts, prior.reference(amounts), prior.priorMeanLogAlpha(), prior.priorSdLogAlpha(),
                prior.priorMeanLogBeta(), prior.priorSdLogBeta(), prior.priorCorrelation());
    }

    public int doses() {
        return logDose.length;
    }

    /** The linear predictor logit p_d at θ = (log α, log β). */
    public double logit(int dose, double logAlpha, double logBeta) {
        return logAlpha + Math.exp(logBeta) * logDose[dose];
    }

    /** The log of the prior density at θ, up to a constant. */
    public double logPrior(double logAlpha, double logBeta) {
        return prior.logDensity(logAlpha, logBeta);
    }

    @Override
    public double[] logDose() {
        return logDose.clone();
    }

    double logDose(int dose) {
        return logDose[dose];
    }
}
