package io.daybreak.methods.design.oc;

import io.daybreak.core.method.Setting;

/**
 * Settings group: where a CRM skeleton comes from, given or computed by Lee &amp; Cheung from halfwidth and priorMtd,
 * shared by the CRM designs and the CRM that design.pathways drives. Which of them must be given is checked where
 * the skeleton is made (the crm package), because pathways needs them only when it drives the CRM.
 */
public record CrmSkeletonSource(
        @Setting(min = 0, minInclusive = false, max = 1, maxInclusive = false, optional = true,
                doc = "prior DLT probabilities per dose (increasing); or give halfwidth and priorMtd")
        double[] skeleton,
        @Setting(min = 0, minInclusive = false, max = 0.5, maxInclusive = false, optional = true,
                doc = "compute the skeleton by Lee & Cheung with this indifference half-width")
        Double halfwidth,
        @Setting(min = 1, optional = true, doc = "prior guess of the MTD (1-based), for the computed skeleton")
        Long priorMtd) {

    @Override
    public double[] skeleton() {
        return skeleton == null ? null : skeleton.clone();
    }
}
