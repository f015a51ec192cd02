package io.daybreak.methods.design.phase2;

import io.daybreak.core.method.InvalidParameterException;
import io.daybreak.core.method.Setting;

/** Settings group: the null and alternative response rates that single-arm Phase II designs take. */
public record ResponseRates(
        @Setting(unit = "response rate", min = 0, minInclusive = false, max = 1, maxInclusive = false,
                doc = "uninteresting response rate (null hypothesis)")
        double p0,
        @Setting(unit = "response rate", min = 0, minInclusive = false, max = 1, maxInclusive = false,
                doc = "desirable response rate (alternative), > p0")
        double p1) {

    /** {p0, p1}, after checking p1 &gt; p0 (checked here, not in the constructor, so the method decides when). */
    public double[] ordered() {
        if (p1 <= p0) {
            throw new InvalidParameterException("parameter 'p1' = " + p1 + " must exceed 'p0' = " + p0);
        }
        return new double[] {p0, p1};
    }
}
