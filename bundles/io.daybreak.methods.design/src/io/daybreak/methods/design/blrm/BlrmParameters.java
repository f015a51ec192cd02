package io.daybreak.methods.design.blrm;

import java.util.List;

import io.daybreak.core.method.InvalidParameterException;
import io.daybreak.core.method.MethodDescriptor;
import io.daybreak.core.method.ParameterSpec;
import io.daybreak.core.method.Parameters;

/** Parameters the BLRM methods share, declared and read in one place. */
final class BlrmParameters {
    static final double DEFAULT_MEAN_LOG_ALPHA = Math.log(0.25 / 0.75);
    static final double[] DEFAULT_INTERVALS = {0.16, 0.33};
    static final double DEFAULT_EWOC = 0.25;

    private BlrmParameters() {
    }

    /** Adds the model, prior and EWOC parameters to a descriptor. */
    static MethodDescriptor.Builder declare(MethodDescriptor.Builder descriptor) {
        specs().forEach(descriptor::parameter);
        return descriptor;
    }

    private static List<ParameterSpec.Builder> specs() {
        return List.of(
                ParameterSpec.reals("doseAmounts").greaterThan(0).optional()
                        .doc("dose amounts x_d, increasing (default 1, 2, ..., number of doses)"),
                ParameterSpec.real("referenceDose").greaterThan(0).optional()
                        .doc("reference dose x* of logit p = log(alpha) + beta log(x/x*) (default: the amount of the "
                                + "middle dose level, ceil(doses/2))"),
                ParameterSpec.real("priorMeanLogAlpha").defaultValue(DEFAULT_MEAN_LOG_ALPHA)
                        .doc("prior mean of log(alpha), the logit of p at the reference dose (default logit 0.25)"),
                ParameterSpec.real("priorSdLogAlpha").greaterThan(0).defaultValue(2.0).doc("prior SD of log(alpha)"),
                ParameterSpec.real("priorMeanLogBeta").defaultValue(0.0).doc("prior mean of log(beta)"),
                ParameterSpec.real("priorSdLogBeta").greaterThan(0).defaultValue(1.0).doc("prior SD of log(beta)"),
                ParameterSpec.real("priorCorrelation").greaterThan(-1).lessThan(1).defaultValue(0.0)
                        .doc("prior correlation of log(alpha) and log(beta)"),
                ParameterSpec.reals("intervals").greaterThan(0).lessThan(1).defaultValue(DEFAULT_INTERVALS)
                        .unit("DLT probability")
                        .doc("the two boundaries of underdosing / target / overdosing, e.g. 0.16,0.33"),
                ParameterSpec.real("ewoc").greaterThan(0).lessThan(1).defaultValue(DEFAULT_EWOC)
                        .doc("escalation with overdose control: a dose is admissible while P(overdose) <= ewoc"));
    }

    /** The model for {@code doses} dose levels, with the amounts and prior checked as bad input. */
    static BlrmModel model(Parameters parameters, int doses) {
        double[] amounts = amounts(parameters, doses);
        double reference = parameters.has("referenceDose") ? parameters.real("referenceDose") : middle(amounts);
        return BlrmModel.of(amounts, reference, parameters.real("priorMeanLogAlpha"), parameters.real("priorSdLogAlpha"),
                parameters.real("priorMeanLogBeta"), parameters.real("priorSdLogBeta"),
                parameters.real("priorCorrelation"));
    }

    /** The model with every default: dose levels 1..K, reference the middle one, the default prior. */
    static BlrmModel defaultModel(int doses) {
        double[] amounts = levels(doses);
        return BlrmModel.of(amounts, middle(amounts), DEFAULT_MEAN_LOG_ALPHA, 2, 0, 1, 0);
    }

    /** The dose amounts: given (checked: as many as doses, strictly increasing) or the levels 1..K. */
    static double[] amounts(Parameters parameters, int doses) {
        if (!parameters.has("doseAmounts")) {
            return levels(doses);
        }
        double[] amounts = parameters.reals("doseAmounts");
        if (amounts.length != doses) {
            throw new InvalidParameterException("parameter 'doseAmounts' has " + amounts.length + " values but there "
                    + "are " + doses + " doses; they must match");
        }
        for (int d = 1; d < doses; d++) {
            if (!(amounts[d] > amounts[d - 1])) {
                throw new InvalidParameterException("parameter 'doseAmounts' must increase strictly; value " + (d + 1)
                        + " (" + amounts[d] + ") is not above value " + d + " (" + amounts[d - 1] + ")");
            }
        }
        return amounts;
    }

    private static double[] levels(int doses) {
        double[] levels = new double[doses];
        for (int d = 0; d < doses; d++) {
            levels[d] = d + 1;
        }
        return levels;
    }

    /** The default reference dose: the amount of the middle level, ceil(K/2). */
    private static double middle(double[] amounts) {
        return amounts[(amounts.length - 1) / 2];
    }

    /** The interval boundaries: two, increasing. */
    static double[] intervals(Parameters parameters) {
        double[] intervals = parameters.reals("intervals");
        if (intervals.length != 2 || !(intervals[0] < intervals[1])) {
            throw new InvalidParameterException("parameter 'intervals' must be two increasing DLT probabilities in "
                    + "(0, 1), the lower and upper boundary of the target interval, e.g. 0.16,0.33");
        }
        return intervals;
    }

    /** The posterior's prior for the parameters given. */
    static BlrmPosterior prior(Parameters parameters, int doses) {
        return BlrmPosterior.prior(model(parameters, doses), intervals(parameters));
    }
}
