package io.daybreak.methods.stats.rmst;

import io.daybreak.core.method.Setting;
import io.daybreak.core.method.Settings;

/**
 * Settings group (see {@link Settings}): the arms, truncation time and confidence level of the restricted mean
 * survival time, local and federated.
 */
record RmstSettings(
        @Setting(doc = "numeric column of the two arms; the lower value is arm 0 (control), the higher arm 1")
        String arm,
        @Setting(min = 0, minInclusive = false, optional = true, unit = "time",
                doc = "truncation time; default and largest allowed value as survRM2::rmst2")
        Double tau,
        @Setting(min = 0, minInclusive = false, max = 1, maxInclusive = false, defaultValue = "0.95",
                doc = "confidence level of the intervals (survRM2's 1 - alpha)")
        double level) {
}
