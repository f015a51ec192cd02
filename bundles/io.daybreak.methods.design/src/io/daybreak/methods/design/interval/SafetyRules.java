package io.daybreak.methods.design.interval;

import io.daybreak.core.method.Setting;

/** Settings group: the stopping and elimination rules BOIN and Keyboard share (BOIN's get.oc names them). */
record SafetyRules(
        @Setting(unit = "patients", min = 1, defaultValue = "100",
                doc = "stop once this many patients were treated at the current dose (BOIN's n.earlystop)")
        int earlyStop,
        EliminationRule elimination,
        @Setting(defaultValue = "false", doc = "also stop when P(p1 > target) > cutoff - offset at the lowest dose")
        boolean extraSafe,
        @Setting(min = 0, minInclusive = false, max = 0.5, maxInclusive = false, defaultValue = "0.05",
                doc = "offset of the extra-safe rule")
        double offset) {

    double eliminationCutoff() {
        return elimination.eliminationCutoff();
    }
}
