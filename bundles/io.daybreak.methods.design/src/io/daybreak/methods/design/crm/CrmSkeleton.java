package io.daybreak.methods.design.crm;

import io.daybreak.core.method.InvalidParameterException;
import io.daybreak.methods.design.oc.CrmModelFamily;
import io.daybreak.methods.design.oc.CrmSkeletonSource;
import io.daybreak.methods.design.oc.DoseSettings;

/**
 * Skeletons by the method of Lee &amp; Cheung (Clin Trials 6:227-238, 2009), as R {@code dfcrm::getprior}:
 * the prior guess at dose ν is the target θ, and neighbouring doses are spaced so that the model's
 * indifference intervals θ ± δ meet. Empiric model: s_ν = θ; going down, b_k = log(log(θ + δ) / log s_k),
 * s_{k−1} = exp(log(θ − δ) / exp(b_k)); going up, b_{k+1} = log(log(θ − δ) / log s_k),
 * s_{k+1} = exp(log(θ + δ) / exp(b_{k+1})). Logistic model: the same on the logit scale with intercept a0.
 * Also the skeleton a design's settings give, with those settings checked as bad input naming the parameter.
 */
public final class CrmSkeleton {
    private CrmSkeleton() {
    }

    /**
     * @param halfwidth δ, with 0 &lt; δ &lt; min(θ, 1 − θ)
     * @param target    θ
     * @param priorMtd  ν, 1-based dose believed to be the MTD
     * @param doses     number of doses
     */
    public static double[] of(CrmModel.Family family, double halfwidth, double target, int priorMtd, int doses,
            double intercept) {
        if (!(halfwidth > 0 && halfwidth < target && target + halfwidth < 1)) {
            throw new IllegalArgumentException("need 0 < halfwidth < target and target + halfwidth < 1");
        }
        if (priorMtd < 1 || priorMtd > doses) {
            throw new IllegalArgumentException("priorMtd must be between 1 and " + doses);
        }
        int nu = priorMtd - 1;
        double[] scaled = new double[doses];
        if (family == CrmModel.Family.EMPIRIC) {
            scaled[nu] = target;
            for (int k = nu; k > 0; k--) {
                double b = Math.log(Math.log(target + halfwidth) / Math.log(scaled[k]));
                scaled[k - 1] = Math.exp(Math.log(target - halfwidth) / Math.exp(b));
            }
            for (int k = nu; k < doses - 1; k++) {
                double b = Math.log(Math.log(target - halfwidth) / Math.log(scaled[k]));
                scaled[k + 1] = Math.exp(Math.log(target + halfwidth) / Math.exp(b));
            }
            return scaled;
        }
        // logistic: work with dose labels x_k, p = expit(a0 + exp(b) x)
        double[] x = new double[doses];
        x[nu] = logit(target) - intercept;
        for (int k = nu; k > 0; k--) {
            double b = Math.log((logit(target + halfwidth) - intercept) / x[k]);
            x[k - 1] = (logit(target - halfwidth) - intercept) / Math.exp(b);
        }
        for (int k = nu; k < doses - 1; k++) {
            double b = Math.log((logit(target - halfwidth) - intercept) / x[k]);
            x[k + 1] = (logit(target + halfwidth) - intercept) / Math.exp(b);
        }
        for (int k = 0; k < doses; k++) {
            scaled[k] = 1 / (1 + Math.exp(-(intercept + x[k])));
        }
        return scaled;
    }

    private static double logit(double p) {
        return Math.log(p / (1 - p));
    }

    /** The skeleton of a CRM design: given (checked against the doses) or by Lee &amp; Cheung from halfwidth and priorMtd. */
    static double[] of(CrmSkeletonSource source, CrmModelFamily family, double target, int doses) {
        double[] skeleton = source.skeleton();
        if (skeleton != null) {
            if (source.halfwidth() != null || source.priorMtd() != null) {
                throw new InvalidParameterException("give either 'skeleton' or 'halfwidth' and 'priorMtd', not both");
            }
            if (skeleton.length != doses) {
                throw new InvalidParameterException("parameter 'skeleton' has " + skeleton.length + " values but there "
                        + "are " + doses + " doses; they must match");
            }
            return DoseSettings.strictlyIncreasing("skeleton", skeleton);
        }
        if (source.halfwidth() == null || source.priorMtd() == null) {
            throw new InvalidParameterException("give 'skeleton' (increasing probabilities, one per dose) or both "
                    + "'halfwidth' and 'priorMtd' to compute it");
        }
        checkLeeCheung(source.halfwidth(), target, source.priorMtd(), doses);
        return of(CrmModel.Family.of(family), source.halfwidth(), target, source.priorMtd().intValue(), doses,
                family.intercept());
    }

    /** Lee &amp; Cheung's settings against each other, as bad input naming the parameter. */
    static void checkLeeCheung(double halfwidth, double target, long priorMtd, int doses) {
        if (!(halfwidth < target && target + halfwidth < 1)) {
            throw new InvalidParameterException("parameter 'halfwidth' = " + halfwidth + " must be below the target ("
                    + target + ") and below 1 - target");
        }
        if (priorMtd > doses) {
            throw new InvalidParameterException("parameter 'priorMtd' = " + priorMtd + " exceeds the number of doses ("
                    + doses + ")");
        }
    }
}
