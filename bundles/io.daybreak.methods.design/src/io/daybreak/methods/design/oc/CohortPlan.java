package io.daybreak.methods.design.oc;

import io.daybreak.core.method.Setting;

/**
 * Settings group: cohort size and number of cohorts, for the methods that take them without a start dose
 * (design.compare, design.boin-boundaries); the simulated designs take {@link Cohorts}, which adds one.
 */
public record CohortPlan(
        @Setting(unit = "patients", min = 1, max = 100, defaultValue = "3")
        int cohortSize,
        @Setting(min = 1, max = 1000, defaultValue = "10", doc = "maximum cohorts per trial")
        int cohorts) {
}
