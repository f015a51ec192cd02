package io.daybreak.methods.signal.ae;

import io.daybreak.core.method.InvalidParameterException;
import io.daybreak.core.method.Setting;
import io.daybreak.stats.signal.ae.AeCompare;
import io.daybreak.stats.signal.ae.BerryBerryPrior;

/**
 * What {@code signal.ae-compare} takes besides the columns: the control arm, the confidence level of the risk
 * difference and ratio intervals, and the Berry &amp; Berry sampler (c212.BB's defaults: 3 chains, 20,000 burn-in
 * sweeps of 60,000).
 */
public record AeSettings(
        @Setting(doc = "the control arm (a value of the arm column); every other arm (dose level) is compared with it")
        String controlArm,
        AeColumns columns,
        @Setting(min = 0, minInclusive = false, max = 1, maxInclusive = false, defaultValue = "0.95",
                doc = "confidence level of the risk difference (Newcombe) and risk ratio (Katz) intervals")
        double level,
        @Setting(defaultValue = "true", doc = "fit the Berry & Berry hierarchical model (bb_prob_raised and the "
                + "diagnostics table); false leaves them empty") boolean berryBerry,
        @Setting(min = 1, max = 16, defaultValue = "3", doc = "Berry & Berry: number of chains") int chains,
        @Setting(min = 0, max = 10_000_000, defaultValue = "20000", doc = "Berry & Berry: burn-in sweeps per chain")
        int burnin,
        @Setting(min = 2, max = 10_000_000, defaultValue = "60000",
                doc = "Berry & Berry: sweeps per chain including the burn-in (c212's iter)") int iterations) {

    public AeSettings {
        if (controlArm == null || controlArm.isBlank()) {
            throw new InvalidParameterException("parameter 'controlArm' must name the control arm");
        }
        if (iterations <= burnin) {
            throw new InvalidParameterException("parameter 'iterations' = " + iterations + " must exceed 'burnin' = "
                    + burnin + " (iterations count the burn-in, as c212's iter does)");
        }
        if ((long) chains * (iterations - burnin) > 50_000_000L) {
            throw new InvalidParameterException("parameters 'chains' x ('iterations' - 'burnin') = "
                    + (long) chains * (iterations - burnin) + " kept samples per parameter; at most 50,000,000");
        }
    }

    /** The sampler, or null when the model is not fitted. */
    AeCompare.Sampler sampler() {
        return berryBerry ? new AeCompare.Sampler(BerryBerryPrior.c212Defaults(), chains, burnin, iterations) : null;
    }
}
