package io.daybreak.methods.design.interval;

import io.daybreak.core.method.Setting;

/** Settings group: BOIN's elimination rule, shared by BOIN, Keyboard, TITE-BOIN and the BOIN boundary table. */
record EliminationRule(
        @Setting(min = 0.5, minInclusive = false, max = 1, maxInclusive = false, defaultValue = "0.95",
                doc = "eliminate a dose when P(DLT rate > target | data) exceeds this")
        double eliminationCutoff) {
}
