package io.daybreak.methods.design.blrm2;

import io.daybreak.core.method.InvalidParameterException;
import io.daybreak.core.method.Setting;
import io.daybreak.methods.design.blrm.BivariateNormalMixture;
import io.daybreak.methods.design.oc.DoseSettings;

/**
 * Settings group: the dose amounts of the two drugs, the priors of the two-drug BLRM with interaction, the target
 * interval and EWOC. Defaults are those of OncoBayes2's {@code combo2} example (without its hierarchy): per drug
 * (log alpha, log beta) ~ N((logit 0.2, 0), diag(2^2, 1^2)), eta ~ N(0, (sqrt(2)/2)^2). Either drug's prior may instead
 * be a bivariate normal mixture, such as the MAP prior design.blrm-map-prior fits to that drug's single-agent trials.
 */
public record Blrm2Prior(
        @Setting(min = 0, minInclusive = false, doc = "dose amounts of drug A, increasing (the rows of the grid)")
        double[] doseAmountsA,
        @Setting(min = 0, minInclusive = false, doc = "dose amounts of drug B, increasing (the columns of the grid)")
        double[] doseAmountsB,
        @Setting(min = 0, minInclusive = false, optional = true,
                doc = "reference dose d1* of drug A (default: the amount of its middle level, ceil(levels/2))")
        Double referenceDoseA,
        @Setting(min = 0, minInclusive = false, optional = true,
                doc = "reference dose d2* of drug B (default: the amount of its middle level, ceil(levels/2))")
        Double referenceDoseB,
        // logit 0.2 = log(1/4), written out because an annotation cannot call Math.log; ParameterSpecsPinTest pins it.
        @Setting(defaultValue = "-1.3862943611198906",
                doc = "prior mean of log(alpha_A), the logit of drug A's DLT probability at d1* alone (default logit 0.2)")
        double priorMeanLogAlphaA,
        @Setting(min = 0, minInclusive = false, defaultValue = "2", doc = "prior SD of log(alpha_A)")
        double priorSdLogAlphaA,
        @Setting(defaultValue = "0", doc = "prior mean of log(beta_A)") double priorMeanLogBetaA,
        @Setting(min = 0, minInclusive = false, defaultValue = "1", doc = "prior SD of log(beta_A)")
        double priorSdLogBetaA,
        @Setting(min = -1, minInclusive = false, max = 1, maxInclusive = false, defaultValue = "0",
                doc = "prior correlation of log(alpha_A) and log(beta_A)")
        double priorCorrelationA,
        @Setting(optional = true, doc = "a mixture prior of drug A's (log(alpha_A), log(beta_A)) instead of its five "
                + "prior* parameters, which it replaces: components 'w,meanLogAlpha,sdLogAlpha,meanLogBeta,sdLogBeta,"
                + "correlation' separated by ';', weights summing to 1 (e.g. design.blrm-map-prior's priorMixture from "
                + "drug A's own trials, with referenceDose = referenceDoseA)")
        String priorMixtureA,
        @Setting(defaultValue = "-1.3862943611198906",
                doc = "prior mean of log(alpha_B), the logit of drug B's DLT probability at d2* alone (default logit 0.2)")
        double priorMeanLogAlphaB,
        @Setting(min = 0, minInclusive = false, defaultValue = "2", doc = "prior SD of log(alpha_B)")
        double priorSdLogAlphaB,
        @Setting(defaultValue = "0", doc = "prior mean of log(beta_B)") double priorMeanLogBetaB,
        @Setting(min = 0, minInclusive = false, defaultValue = "1", doc = "prior SD of log(beta_B)")
        double priorSdLogBetaB,
        @Setting(min = -1, minInclusive = false, max = 1, maxInclusive = false, defaultValue = "0",
                doc = "prior correlation of log(alpha_B) and log(beta_B)")
        double priorCorrelationB,
        @Setting(optional = true, doc = "a mixture prior of drug B's (log(alpha_B), log(beta_B)) instead of its five "
                + "prior* parameters, which it replaces; as priorMixtureA (with referenceDose = referenceDoseB)")
        String priorMixtureB,
        @Setting(defaultValue = "0", doc = "prior mean of the interaction eta (0: no interaction expected)")
        double priorMeanEta,
        @Setting(min = 0, minInclusive = false, defaultValue = "0.7071067811865476",
                doc = "prior SD of the interaction eta (default sqrt(2)/2)")
        double priorSdEta,
        @Setting(unit = "DLT probability", min = 0, minInclusive = false, max = 1, maxInclusive = false,
                defaultValue = "0.16,0.33", doc = "the two boundaries of underdosing / target / overdosing, e.g. 0.16,0.33")
        double[] intervals,
        @Setting(min = 0, minInclusive = false, max = 1, maxInclusive = false, defaultValue = "0.25",
                doc = "escalation with overdose control: a combination is eligible while P(overdose) <= ewoc")
        double ewoc) {

    /** The model these settings describe, after checking the amounts and the intervals. */
    public Blrm2Model model() {
        double[] a = amounts("doseAmountsA", doseAmountsA);
        double[] b = amounts("doseAmountsB", doseAmountsB);
        checkedIntervals();
        double refA = referenceDoseA != null ? referenceDoseA : a[(a.length - 1) / 2];
        double refB = referenceDoseB != null ? referenceDoseB : b[(b.length - 1) / 2];
        BivariateNormalMixture priorA = priorMixtureA != null
                ? BivariateNormalMixture.parse("priorMixtureA", priorMixtureA)
                : BivariateNormalMixture.of(priorMeanLogAlphaA, priorSdLogAlphaA, priorMeanLogBetaA, priorSdLogBetaA,
                        priorCorrelationA);
        BivariateNormalMixture priorB = priorMixtureB != null
                ? BivariateNormalMixture.parse("priorMixtureB", priorMixtureB)
                : BivariateNormalMixture.of(priorMeanLogAlphaB, priorSdLogAlphaB, priorMeanLogBetaB, priorSdLogBetaB,
                        priorCorrelationB);
        return new Blrm2Model(a, b, refA, refB, priorA, priorB, priorMeanEta, priorSdEta);
    }

    private static double[] amounts(String name, double[] values) {
        if (values.length < 1 || values.length > 20) {
            throw new InvalidParameterException("parameter '" + name + "' has " + values.length
                    + " values; allowed: 1 to 20 dose levels");
        }
        return DoseSettings.strictlyIncreasing(name, values);
    }

    /** The interval boundaries: two, increasing. */
    public double[] checkedIntervals() {
        return DoseSettings.intervalBoundaries(intervals);
    }

    @Override
    public double[] doseAmountsA() {
        return doseAmountsA.clone();
    }

    @Override
    public double[] doseAmountsB() {
        return doseAmountsB.clone();
    }

    @Override
    public double[] intervals() {
        return intervals.clone();
    }
}
