package io.daybreak.examples.betabinomial;

import io.daybreak.core.method.Setting;
import io.daybreak.stats.beta.BetaPosterior;

/**
 * Settings group: the Beta(a, b) prior both example methods take. A record component whose type is a group adds
 * these parameters to a method's settings under their own names, so they are declared (and documented) once.
 */
record BetaPrior(
        @Setting(min = 0, minInclusive = false, defaultValue = "1",
                doc = "a of the Beta(a, b) prior; a = b = 1 is uniform, a = b = 0.5 is Jeffreys'")
        double priorA,
        @Setting(min = 0, minInclusive = false, defaultValue = "1", doc = "b of the Beta(a, b) prior")
        double priorB) {

    /** The posterior after {@code events} among {@code patients}. */
    BetaPosterior update(long events, long patients) {
        return BetaPosterior.update(priorA, priorB, events, patients);
    }
}
