package io.daybreak.methods.design.crm;

import io.daybreak.core.method.Setting;

/** Settings group: the skeleton (given or by Lee &amp; Cheung), model, intercept and prior of the CRM designs. */
record CrmModelSettings(
        @Setting(min = 0, minInclusive = false, max = 1, maxInclusive = false, optional = true,
                doc = "prior DLT probabilities per dose (increasing); or give halfwidth and priorMtd")
        double[] skeleton,
        @Setting(min = 0, minInclusive = false, max = 0.5, maxInclusive = false, optional = true,
                doc = "compute the skeleton by Lee & Cheung with this indifference half-width")
        Double halfwidth,
        @Setting(min = 1, optional = true, doc = "prior guess of the MTD (1-based), for the computed skeleton")
        Long priorMtd,
        @Setting(defaultValue = "empiric",
                doc = "empiric (power) p = s^exp(b), or one-parameter logistic p = expit(a0 + exp(b) x)")
        CrmModel.Family model,
        @Setting(defaultValue = "3", doc = "a0 of the logistic model")
        double intercept,
        @Setting(min = 0, minInclusive = false, defaultValue = "1.34", doc = "variance of the normal prior on beta")
        double priorVariance) {

    /** The skeleton for the doses: given (checked) or computed from halfwidth and priorMtd. */
    double[] skeleton(int doses, double target) {
        return CrmParameters.skeleton(skeleton, halfwidth, priorMtd, model, intercept, target, doses);
    }

    /** The posterior of the model with this skeleton and prior. */
    CrmPosterior posterior(double[] skeleton) {
        return new CrmPosterior(new CrmModel(model, skeleton, intercept), priorVariance);
    }

    @Override
    public double[] skeleton() {
        return skeleton == null ? null : skeleton.clone();
    }
}
