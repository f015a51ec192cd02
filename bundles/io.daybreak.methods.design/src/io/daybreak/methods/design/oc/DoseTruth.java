package io.daybreak.methods.design.oc;

import io.daybreak.core.method.Setting;

/** Settings group: the true DLT probabilities a dose-finding simulation runs on, and the target rate. */
public record DoseTruth(
        @Setting(unit = "DLT probability", min = 0, minInclusive = false, max = 1, maxInclusive = false,
                doc = "true DLT probability at each dose, lowest first, e.g. 0.05,0.1,0.2,0.3,0.5")
        double[] truth,
        @Setting(unit = "DLT rate", min = 0, minInclusive = false, max = 1, maxInclusive = false, doc = "target DLT rate")
        double target) {

    /** The number of dose levels. */
    public int doses() {
        return truth.length;
    }

    @Override
    public double[] truth() {
        return truth.clone();
    }
}
