package io.daybreak.methods.stats.survival;

import io.daybreak.core.method.Setting;
import io.daybreak.core.method.Settings;

/**
 * Settings group (see {@link Settings}): the groups, report times and confidence level of Kaplan-Meier curves,
 * local and federated.
 */
record CurveSettings(
        @Setting(optional = true, doc = "numeric column whose values define groups")
        String groupBy,
        @Setting(min = 0, optional = true, doc = "times at which to report S(t)")
        double[] times,
        @Setting(min = 0, minInclusive = false, max = 1, maxInclusive = false, defaultValue = "0.95",
                doc = "confidence level of the limits")
        double level) {

    /** The times at which to report S(t); none when not asked. */
    @Override
    public double[] times() {
        return times == null ? new double[0] : times.clone();
    }

    /** Whether S(t) was asked at given times. */
    boolean reportsTimes() {
        return times != null;
    }
}
