package io.daybreak.methods.design.interval;

import io.daybreak.core.method.Setting;

/** Settings group: BOIN's sub-therapeutic and overly toxic rates, by default 0.6 and 1.4 times the target. */
record BoinRates(
        @Setting(min = 0, minInclusive = false, max = 1, maxInclusive = false, optional = true,
                doc = "highest sub-therapeutic rate phi1; default 0.6 target")
        Double pSafe,
        @Setting(min = 0, minInclusive = false, max = 1, maxInclusive = false, optional = true,
                doc = "lowest overly toxic rate phi2; default 1.4 target")
        Double pTox) {

    /** The boundaries around a target, with the rates checked against it. */
    BoinBoundaries boundaries(double target) {
        return BoinMethod.boundaries(target, pSafe, pTox);
    }
}
