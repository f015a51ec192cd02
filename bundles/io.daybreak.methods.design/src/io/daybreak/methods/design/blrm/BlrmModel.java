package io.daybreak.methods.design.blrm;

import io.daybreak.methods.design.oc.BlrmPrior;

/**
 * Neuenschwander's two-parameter Bayesian logistic regression model (Stat Med 27:2420, 2008):
 * logit p_d = log α + β·log(x_d / x*) with dose amounts x_d and reference dose x*, and a bivariate normal
 * prior on θ = (log α, log β). With β = exp(log β) &gt; 0 the DLT probability increases with the dose.
 *
 * @param logDose          log(x_d / x*) per dose, increasing
 * @param meanLogAlpha     prior mean of log α (the logit of the DLT probability at the reference dose)
 * @param sdLogAlpha       prior standard deviation of log α
 * @param meanLogBeta      prior mean of log β
 * @param sdLogBeta        prior standard deviation of log β
 * @param correlation      prior correlation of log α and log β
 */
public record BlrmModel(double[] logDose, double meanLogAlpha, double sdLogAlpha, double meanLogBeta, double sdLogBeta,
        double correlation) {

    public BlrmModel {
        logDose = logDose.clone();
        for (int d = 1; d < logDose.length; d++) {
            if (!(logDose[d] > logDose[d - 1])) {
                throw new IllegalArgumentException("dose amounts must increase strictly");
            }
        }
        if (!(sdLogAlpha > 0 && sdLogBeta > 0 && Math.abs(correlation) < 1)) {
            throw new IllegalArgumentException("prior standard deviations must be positive and |correlation| < 1");
        }
    }

    /** The model for dose amounts and a reference dose. */
    public static BlrmModel of(double[] amounts, double referenceDose, double meanLogAlpha, double sdLogAlpha,
            double meanLogBeta, double sdLogBeta, double correlation) {
        double[] logDose = new double[amounts.length];
        for (int d = 0; d < amounts.length; d++) {
            logDose[d] = Math.log(amounts[d] / referenceDose);
        }
        return new BlrmModel(logDose, meanLogAlpha, sdLogAlpha, meanLogBeta, sdLogBeta, correlation);
    }

    /** The model a {@link BlrmPrior} setting gives for {@code doses} dose levels, its amounts checked as bad input. */
    static BlrmModel of(BlrmPrior prior, int doses) {
        double[] amounts = prior.amounts(doses);
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
        double z1 = (logAlpha - meanLogAlpha) / sdLogAlpha;
        double z2 = (logBeta - meanLogBeta) / sdLogBeta;
        return -(z1 * z1 - 2 * correlation * z1 * z2 + z2 * z2) / (2 * (1 - correlation * correlation));
    }

    @Override
    public double[] logDose() {
        return logDose.clone();
    }

    double logDose(int dose) {
        return logDose[dose];
    }
}
