package io.daybreak.methods.causal;

import io.daybreak.core.method.Choice;
import io.daybreak.core.method.InvalidParameterException;
import io.daybreak.core.method.Setting;
import io.daybreak.stats.causal.Estimand;

/**
 * Settings group: the estimand whose balancing weights a method uses and whether ATE weights are stabilised, shared
 * by {@code causal.weighting}, {@code causal.effect} and {@code causal.iptw}, so the local and federated analyses
 * refuse the same combinations.
 */
public record WeightScheme(
        // the words are upper case (as people write estimands), so a String choice rather than the Estimand enum
        @Setting(defaultValue = "ATE",
                doc = "ATE: everyone; ATT: the treated (external control arms); ATC: the controls; ATO: the overlap "
                        + "population")
        @Choice({"ATE", "ATT", "ATC", "ATO"})
        String estimand,
        @Setting(defaultValue = "false", doc = "stabilised ATE weights (multiplied by the arm's share); ATE only")
        boolean stabilize) {

    public WeightScheme {
        if (stabilize && !estimand.equals("ATE")) {
            throw new InvalidParameterException("parameter 'stabilize' = true applies to estimand ATE only; "
                    + estimand + " weights are used as they are");
        }
    }

    /** The estimand as the library names it. */
    public Estimand target() {
        return Estimand.valueOf(estimand);
    }
}
