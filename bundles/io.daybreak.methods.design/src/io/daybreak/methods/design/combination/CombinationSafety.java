package io.daybreak.methods.design.combination;

import io.daybreak.core.method.Setting;

/** Settings group: BOIN's elimination and stopping rules as {@code get.oc.comb} takes them. */
public record CombinationSafety(
        @Setting(min = 0.5, minInclusive = false, max = 1, maxInclusive = false, defaultValue = "0.95",
                doc = "eliminate a combination and those above it when P(DLT rate > target | data) exceeds this")
        double eliminationCutoff,
        @Setting(defaultValue = "false", doc = "also stop when P(p > target) > cutoff - offset at the lowest combination")
        boolean extraSafe,
        @Setting(min = 0, minInclusive = false, max = 0.5, maxInclusive = false, defaultValue = "0.05",
                doc = "offset of the extra-safe rule")
        double offset,
        @Setting(defaultValue = "false", doc = "select only combinations whose isotonic estimate is below lambda_d "
                + "(BOIN's boundMTD)")
        boolean boundMtd,
        @Setting(defaultValue = "false", doc = "accelerated titration: single patients, escalating until the first DLT, "
                + "before cohorts of cohortSize")
        boolean titration) {
}
