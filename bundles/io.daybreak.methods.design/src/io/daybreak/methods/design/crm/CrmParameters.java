package io.daybreak.methods.design.crm;

import java.util.Locale;

import io.daybreak.core.method.InvalidParameterException;
import io.daybreak.core.method.Parameters;

/** Parameters the CRM methods share, declared and read in one place. */
final class CrmParameters {
    static final double DEFAULT_PRIOR_VARIANCE = 1.34;
    static final double DEFAULT_INTERCEPT = 3;

    private CrmParameters() {
    }

    static CrmModel.Family family(Parameters parameters) {
        return CrmModel.Family.valueOf(parameters.string("model").toUpperCase(Locale.ROOT));
    }

    /** The skeleton: given, or computed by Lee &amp; Cheung from halfwidth and priorMtd. */
    static double[] skeleton(Parameters parameters, int doses) {
        return skeleton(parameters.has("skeleton") ? parameters.reals("skeleton") : null,
                parameters.has("halfwidth") ? parameters.real("halfwidth") : null,
                parameters.has("priorMtd") ? parameters.integer("priorMtd") : null, family(parameters),
                parameters.real("intercept"), parameters.real("target"), doses);
    }

    /** The skeleton from typed settings; absent ones are {@code null}. */
    static double[] skeleton(double[] skeleton, Double halfwidth, Long priorMtd, CrmModel.Family family, double intercept,
            double target, int doses) {
        if (skeleton != null) {
            if (halfwidth != null || priorMtd != null) {
                throw new InvalidParameterException("give either 'skeleton' or 'halfwidth' and 'priorMtd', not both");
            }
            if (skeleton.length != doses) {
                throw new InvalidParameterException("parameter 'skeleton' has " + skeleton.length + " values but there "
                        + "are " + doses + " doses; they must match");
            }
            for (int d = 1; d < skeleton.length; d++) {
                if (!(skeleton[d] > skeleton[d - 1])) {
                    throw new InvalidParameterException("parameter 'skeleton' must increase strictly; value " + (d + 1)
                            + " (" + skeleton[d] + ") is not above value " + d + " (" + skeleton[d - 1] + ")");
                }
            }
            return skeleton;
        }
        if (halfwidth == null || priorMtd == null) {
            throw new InvalidParameterException("give 'skeleton' (increasing probabilities, one per dose) or both "
                    + "'halfwidth' and 'priorMtd' to compute it");
        }
        return checkedSkeleton(family, halfwidth, target, priorMtd, doses, intercept);
    }

    static double[] computedSkeleton(Parameters parameters, int doses) {
        return checkedSkeleton(family(parameters), parameters.real("halfwidth"), parameters.real("target"),
                parameters.integer("priorMtd"), doses, parameters.real("intercept"));
    }

    /** A Lee &amp; Cheung skeleton, with its settings checked as bad input naming the parameter. */
    static double[] checkedSkeleton(CrmModel.Family family, double halfwidth, double target, long priorMtd, int doses,
            double intercept) {
        if (!(halfwidth < target && target + halfwidth < 1)) {
            throw new InvalidParameterException("parameter 'halfwidth' = " + halfwidth + " must be below the target ("
                    + target + ") and below 1 - target");
        }
        if (priorMtd > doses) {
            throw new InvalidParameterException("parameter 'priorMtd' = " + priorMtd + " exceeds the number of doses ("
                    + doses + ")");
        }
        return CrmSkeleton.of(family, halfwidth, target, (int) priorMtd, doses, intercept);
    }
}
