package io.daybreak.methods.causal;

import io.daybreak.core.method.InvalidParameterException;
import io.daybreak.core.method.Setting;
import io.daybreak.stats.causal.CausalData;
import io.daybreak.stats.causal.Propensity;
import io.daybreak.stats.causal.Weights;

/** Settings group: the weights of {@code causal.weighting} and {@code causal.effect}, and trimming by score. */
record Weighting(
        WeightScheme scheme,
        @Setting(min = 0, max = 0.5, maxInclusive = false, defaultValue = "0",
                doc = "leave out patients with a propensity score outside [trim, 1 - trim] (Crump et al. 2009 suggest "
                        + "0.1); 0 keeps everyone")
        double trim) {

    /**
     * The patients, trimmed if asked, with their propensity model refitted on the kept rows and the weights.
     *
     * @throws InvalidParameterException when trimming leaves an arm empty or the arms do not overlap
     */
    Weighted weigh(CausalData data) {
        Propensity propensity = Propensity.fit(data);
        CausalData kept = data;
        if (trim > 0) {
            kept = data.keep(Weights.withinScores(propensity.scores(), trim));
            if (kept.treatedCount() == 0 || kept.treatedCount() == kept.n()) {
                throw new InvalidParameterException("parameter 'trim' = " + trim + " leaves no "
                        + (kept.treatedCount() == 0 ? "treated patient" : "control") + "; allowed: a smaller trim");
            }
            propensity = Propensity.fit(kept);
        }
        Propensity.Overlap overlap = propensity.overlap(kept.treated());
        if (overlap.none()) {
            throw new InvalidParameterException("no overlap: the propensity scores of the treated range over ["
                    + overlap.minTreated() + ", " + overlap.maxTreated() + "] and of the controls over ["
                    + overlap.minControl() + ", " + overlap.maxControl() + "]; no patient has a comparable patient in "
                    + "the other arm");
        }
        Weights weights = Weights.of(kept.treated(), propensity.scores(), scheme.target(), scheme.stabilize());
        return new Weighted(kept, propensity, weights, data.n() - kept.n());
    }

    /** Patients with their propensity scores and weights, and how many were trimmed. */
    record Weighted(CausalData data, Propensity propensity, Weights weights, int trimmed) {
    }
}
