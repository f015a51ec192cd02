package io.daybreak.methods.design.boin12;

import io.daybreak.core.method.InvalidParameterException;
import io.daybreak.core.method.Setting;

/**
 * Settings group of the phase I/II designs that weigh toxicity against efficacy (design.boin12, design.u-boin): the
 * true probabilities, the acceptability limits, the utility of the four outcomes and the elimination cutoffs, with
 * BOIN12's defaults, so that the designs compare on the same terms.
 */
public record EfficacyToxicity(
        @Setting(unit = "DLT probability", min = 0, minInclusive = false, max = 1, maxInclusive = false,
                doc = "true DLT probability at each dose, lowest first, e.g. 0.05,0.1,0.2,0.3,0.5")
        double[] truth,
        @Setting(unit = "response probability", min = 0, minInclusive = false, max = 1, maxInclusive = false,
                doc = "true efficacy (response) probability at each dose, lowest first")
        double[] efficacy,
        @Setting(unit = "DLT rate", min = 0, minInclusive = false, max = 1, maxInclusive = false, defaultValue = "0.35",
                doc = "highest acceptable toxicity rate phi_T (U-BOIN: also BOIN's target in stage I)")
        double target,
        @Setting(min = 0, minInclusive = false, max = 1, maxInclusive = false, defaultValue = "0.25",
                doc = "lowest acceptable efficacy rate phi_E")
        double minEfficacy,
        @Setting(min = 0, max = 100, defaultValue = "60",
                doc = "utility of efficacy with toxicity (efficacy alone: 100, toxicity alone: 0)")
        double utilityBoth,
        @Setting(min = 0, max = 100, defaultValue = "40", doc = "utility of neither efficacy nor toxicity")
        double utilityNeither,
        @Setting(min = 0.5, minInclusive = false, max = 1, maxInclusive = false, defaultValue = "0.95",
                doc = "eliminate a dose and those above when P(toxicity > phi_T | data) exceeds this")
        double eliminationCutoff,
        @Setting(min = 0.5, minInclusive = false, max = 1, maxInclusive = false, defaultValue = "0.90",
                doc = "eliminate a dose when P(efficacy < phi_E | data) exceeds this")
        double futilityCutoff) {

    public EfficacyToxicity {
        if (efficacy.length != truth.length) {
            throw new InvalidParameterException("parameter 'efficacy' has " + efficacy.length + " values but 'truth' has "
                    + truth.length + "; they must match");
        }
    }

    @Override
    public double[] truth() {
        return truth.clone();
    }

    @Override
    public double[] efficacy() {
        return efficacy.clone();
    }
}
