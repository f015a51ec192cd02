package io.daybreak.methods.stats.survival;

import io.daybreak.core.method.Choice;
import io.daybreak.core.method.Setting;
import io.daybreak.core.method.Settings;

/**
 * Settings group (see {@link Settings}): the groups, report times, confidence level and time unit of Kaplan-Meier
 * curves, local and federated.
 */
record CurveSettings(
        @Setting(optional = true, doc = "column whose values define groups; text is coded 1, 2, ... in sorted order "
                + "(the labels are reported as groupLabels)")
        String groupBy,
        @Setting(min = 0, optional = true, doc = "times at which to report S(t)")
        double[] times,
        @Setting(min = 0, minInclusive = false, max = 1, maxInclusive = false, defaultValue = "0.95",
                doc = "confidence level of the limits")
        double level,
        @Setting(optional = true, doc = "unit of the time column, for charts: the axis is titled with it, and days "
                + "beyond six months or weeks beyond 26 are drawn in months")
        @Choice({"days", "weeks", "months", "years"})
        String timeUnit) {

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
