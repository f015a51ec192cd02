package io.daybreak.methods.design.oc;

import io.daybreak.core.method.InvalidParameterException;
import io.daybreak.core.method.Setting;

/**
 * Settings group: the BLRM's dose amounts, prior, target interval and EWOC, shared by the BLRM methods and the
 * BLRM that design.pathways drives. The model itself is built in the blrm package from these values.
 */
public record BlrmPrior(
        @Setting(min = 0, minInclusive = false, optional = true,
                doc = "dose amounts x_d, increasing (default 1, 2, ..., number of doses)")
        double[] doseAmounts,
        @Setting(min = 0, minInclusive = false, optional = true,
                doc = "reference dose x* of logit p = log(alpha) + beta log(x/x*) (default: the amount of the "
                        + "middle dose level, ceil(doses/2))")
        Double referenceDose,
        // logit 0.25 = log(1/3), written out because an annotation cannot call Math.log; ParameterSpecsPinTest checks it.
        @Setting(defaultValue = "-1.0986122886681098",
                doc = "prior mean of log(alpha), the logit of p at the reference dose (default logit 0.25)")
        double priorMeanLogAlpha,
        @Setting(min = 0, minInclusive = false, defaultValue = "2", doc = "prior SD of log(alpha)")
        double priorSdLogAlpha,
        @Setting(defaultValue = "0", doc = "prior mean of log(beta)")
        double priorMeanLogBeta,
        @Setting(min = 0, minInclusive = false, defaultValue = "1", doc = "prior SD of log(beta)")
        double priorSdLogBeta,
        @Setting(min = -1, minInclusive = false, max = 1, maxInclusive = false, defaultValue = "0",
                doc = "prior correlation of log(alpha) and log(beta)")
        double priorCorrelation,
        @Setting(optional = true, doc = "a mixture prior of (log(alpha), log(beta)) instead of the five prior* "
                + "parameters, which it replaces: components 'w,meanLogAlpha,sdLogAlpha,meanLogBeta,sdLogBeta,correlation' "
                + "separated by ';', weights summing to 1 (e.g. design.blrm-map-prior's priorMixture, robust or not)")
        String priorMixture,
        @Setting(unit = "DLT probability", min = 0, minInclusive = false, max = 1, maxInclusive = false,
                defaultValue = "0.16,0.33", doc = "the two boundaries of underdosing / target / overdosing, e.g. 0.16,0.33")
        double[] intervals,
        @Setting(min = 0, minInclusive = false, max = 1, maxInclusive = false, defaultValue = "0.25",
                doc = "escalation with overdose control: a dose is admissible while P(overdose) <= ewoc")
        double ewoc) {

    /** The reference dose x* for these dose amounts: given, or the amount of the middle level, ceil(K/2). */
    public double reference(double[] amounts) {
        return referenceDose != null ? referenceDose : amounts[(amounts.length - 1) / 2];
    }

    /** The dose amounts: given (checked: as many as doses, strictly increasing) or the levels 1..K. */
    public double[] amounts(int doses) {
        if (doseAmounts == null) {
            double[] levels = new double[doses];
            for (int d = 0; d < doses; d++) {
                levels[d] = d + 1;
            }
            return levels;
        }
        if (doseAmounts.length != doses) {
            throw new InvalidParameterException("parameter 'doseAmounts' has " + doseAmounts.length + " values but there "
                    + "are " + doses + " doses; they must match");
        }
        return DoseSettings.strictlyIncreasing("doseAmounts", doseAmounts);
    }

    /** The interval boundaries: two, increasing. */
    public double[] checkedIntervals() {
        return DoseSettings.intervalBoundaries(intervals);
    }

    @Override
    public double[] doseAmounts() {
        return doseAmounts == null ? null : doseAmounts.clone();
    }

    @Override
    public double[] intervals() {
        return intervals.clone();
    }
}
