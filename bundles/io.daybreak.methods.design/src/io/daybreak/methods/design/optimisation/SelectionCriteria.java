package io.daybreak.methods.design.optimisation;

import io.daybreak.core.method.InvalidParameterException;
import io.daybreak.core.method.Setting;

/**
 * Settings group: when an arm of a randomised dose-optimisation stage is admissible, and how a dose is chosen among
 * the admissible ones. Shared by design.randomised-selection and design.programme.
 */
record SelectionCriteria(
        @Setting(defaultValue = "non-inferiority", doc = "selection among admissible arms: non-inferiority of a lower "
                + "dose's response rate to the reference (highest admissible) arm's, or the highest posterior mean utility")
        SelectionRule rule,
        @Setting(unit = "DLT rate", min = 0, minInclusive = false, max = 1, maxInclusive = false, defaultValue = "0.3",
                doc = "highest acceptable toxicity rate phi_T of an arm")
        double toxicityLimit,
        @Setting(min = 0.5, minInclusive = false, max = 1, maxInclusive = false, defaultValue = "0.9",
                doc = "an arm is inadmissible when P(toxicity > toxicityLimit | data) exceeds this (Beta(1, 1) prior)")
        double toxicityCutoff,
        @Setting(unit = "response rate", min = 0, minInclusive = false, max = 1, maxInclusive = false,
                defaultValue = "0.2", doc = "lowest acceptable response rate phi_E of an arm")
        double minEfficacy,
        @Setting(min = 0.5, minInclusive = false, max = 1, maxInclusive = false, defaultValue = "0.9",
                doc = "an arm is inadmissible when P(response < minEfficacy | data) exceeds this (Beta(1, 1) prior)")
        double efficacyCutoff,
        @Setting(unit = "response rate", min = 0, minInclusive = false, max = 1, maxInclusive = false,
                defaultValue = "0.1", doc = "non-inferiority margin delta: a lower dose is the right choice when its "
                        + "true response rate is less than delta below the reference arm's")
        double margin,
        @Setting(unit = "response rate", min = 0, minInclusive = false, max = 1, maxInclusive = false, optional = true,
                doc = "decision boundary lambda: select a lower dose when its observed response rate is less than "
                        + "lambda below the reference arm's (default: margin / 2)")
        Double boundary,
        @Setting(min = 0, max = 100, defaultValue = "60",
                doc = "utility of response with toxicity (response alone: 100, toxicity alone: 0)")
        double utilityBoth,
        @Setting(min = 0, max = 100, defaultValue = "40", doc = "utility of neither response nor toxicity")
        double utilityNeither) {

    SelectionCriteria {
        if (boundary != null && boundary > margin) {
            throw new InvalidParameterException("parameter 'boundary' = " + boundary + " exceeds 'margin' = " + margin
                    + "; allowed: 0 < boundary <= margin");
        }
    }

    /** The decision boundary lambda: as given, or margin / 2. */
    double lambda() {
        return boundary != null ? boundary : margin / 2;
    }

    /** A criteria object with the rule changed (for comparing rules on the same settings). */
    SelectionCriteria withRule(SelectionRule other) {
        return new SelectionCriteria(other, toxicityLimit, toxicityCutoff, minEfficacy, efficacyCutoff, margin, boundary,
                utilityBoth, utilityNeither);
    }

    /** Mean utility of a dose with response and toxicity probabilities q and p, independent. */
    double utility(double q, double p) {
        return 100 * q * (1 - p) + utilityBoth * q * p + utilityNeither * (1 - q) * (1 - p);
    }

    /**
     * The right choice for true toxicity p and response q per arm (or dose), lowest first: −1 when no arm is
     * admissible (p ≤ toxicityLimit and q ≥ minEfficacy); otherwise by the rule, on the true rates.
     */
    int correctArm(double[] p, double[] q) {
        boolean[] admissible = new boolean[p.length];
        int highest = -1;
        for (int j = 0; j < p.length; j++) {
            admissible[j] = p[j] <= toxicityLimit && q[j] >= minEfficacy;
            if (admissible[j]) {
                highest = j;
            }
        }
        if (highest < 0) {
            return -1;
        }
        if (rule == SelectionRule.NON_INFERIORITY) {
            for (int j = 0; j < highest; j++) {
                if (admissible[j] && q[highest] - q[j] < margin - 1e-9) {
                    return j;
                }
            }
            return highest;
        }
        int best = -1;
        for (int j = 0; j < p.length; j++) {
            if (admissible[j] && (best < 0 || utility(q[j], p[j]) > utility(q[best], p[best]) + 1e-9)) {
                best = j;
            }
        }
        return best;
    }
}
