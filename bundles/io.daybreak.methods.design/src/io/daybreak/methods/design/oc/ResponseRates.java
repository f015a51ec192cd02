package io.daybreak.methods.design.oc;

import io.daybreak.core.method.InvalidParameterException;
import io.daybreak.core.method.Setting;

/** Settings group: the null and alternative response rates that single-arm Phase II designs take (BOP2, Simon). */
public record ResponseRates(
        @Setting(unit = "response rate", min = 0, minInclusive = false, max = 1, maxInclusive = false,
                doc = "uninteresting response rate (null hypothesis)")
        double p0,
        @Setting(unit = "response rate", min = 0, minInclusive = false, max = 1, maxInclusive = false,
                doc = "desirable response rate (alternative), > p0")
        double p1) {

    public ResponseRates {
        if (p1 <= p0) {
            throw new InvalidParameterException("parameter 'p1' = " + p1 + " must exceed 'p0' = " + p0);
        }
    }
}
