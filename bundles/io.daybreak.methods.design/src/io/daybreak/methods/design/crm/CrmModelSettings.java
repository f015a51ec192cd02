package io.daybreak.methods.design.crm;

import io.daybreak.core.method.Setting;
import io.daybreak.methods.design.oc.CrmModelFamily;
import io.daybreak.methods.design.oc.CrmSkeletonSource;

/** Settings group: the skeleton (given or by Lee &amp; Cheung), model, intercept and prior of the CRM designs. */
record CrmModelSettings(CrmSkeletonSource skeletonSource, CrmModelFamily family,
        @Setting(min = 0, minInclusive = false, defaultValue = "1.34", doc = "variance of the normal prior on beta")
        double priorVariance) {

    /** The skeleton for the doses: given (checked) or computed from halfwidth and priorMtd. */
    double[] skeleton(int doses, double target) {
        return CrmSkeleton.of(skeletonSource, family, target, doses);
    }

    /** The posterior of the model with this skeleton and prior. */
    CrmPosterior posterior(double[] skeleton) {
        return new CrmPosterior(CrmModel.of(family, skeleton), priorVariance);
    }
}
