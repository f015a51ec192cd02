package io.daybreak.methods.design.crm;

import java.util.Locale;

import io.daybreak.core.method.InvalidParameterException;
import io.daybreak.core.method.MethodDescriptor;
import io.daybreak.core.method.ParameterSpec;
import io.daybreak.core.method.Parameters;

/** Parameters the CRM methods share, declared and read in one place. */
final class CrmParameters {
    static final double DEFAULT_PRIOR_VARIANCE = 1.34;
    static final double DEFAULT_INTERCEPT = 3;

    private CrmParameters() {
    }

    /** Adds the skeleton (given or by Lee &amp; Cheung), model, intercept and prior variance parameters. */
    static MethodDescriptor.Builder declareModel(MethodDescriptor.Builder descriptor) {
        return descriptor
                .parameter(ParameterSpec.reals("skeleton").greaterThan(0).lessThan(1).optional()
                        .doc("prior DLT probabilities per dose (increasing); or give halfwidth and priorMtd"))
                .parameter(ParameterSpec.real("halfwidth").greaterThan(0).lessThan(0.5).optional()
                        .doc("compute the skeleton by Lee & Cheung with this indifference half-width"))
                .parameter(ParameterSpec.integer("priorMtd").min(1).optional()
                        .doc("prior guess of the MTD (1-based), for the computed skeleton"))
                .parameter(model())
                .parameter(intercept())
                .parameter(ParameterSpec.real("priorVariance").greaterThan(0).defaultValue(DEFAULT_PRIOR_VARIANCE)
                        .doc("variance of the normal prior on beta"));
    }

    static ParameterSpec.Builder model() {
        return ParameterSpec.choice("model", "empiric", "logistic").defaultValue("empiric")
                .doc("empiric (power) p = s^exp(b), or one-parameter logistic p = expit(a0 + exp(b) x)");
    }

    static ParameterSpec.Builder intercept() {
        return ParameterSpec.real("intercept").defaultValue(DEFAULT_INTERCEPT).doc("a0 of the logistic model");
    }

    static CrmModel.Family family(Parameters parameters) {
        return CrmModel.Family.valueOf(parameters.string("model").toUpperCase(Locale.ROOT));
    }

    /** The skeleton: given, or computed by Lee &amp; Cheung from halfwidth and priorMtd. */
    static double[] skeleton(Parameters parameters, int doses) {
        if (parameters.has("skeleton")) {
            if (parameters.has("halfwidth") || parameters.has("priorMtd")) {
                throw new InvalidParameterException("give either 'skeleton' or 'halfwidth' and 'priorMtd', not both");
            }
            double[] skeleton = parameters.reals("skeleton");
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
        if (!parameters.has("halfwidth") || !parameters.has("priorMtd")) {
            throw new InvalidParameterException("give 'skeleton' (increasing probabilities, one per dose) or both "
                    + "'halfwidth' and 'priorMtd' to compute it");
        }
        return computedSkeleton(parameters, doses);
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
