package io.daybreak.methods.design.oc;

import io.daybreak.core.method.Setting;

/**
 * Settings group: cohort size and number of cohorts. design.compare and design.boin-boundaries take it alone; the
 * simulated designs take it inside {@link Cohorts}, which adds the start dose.
 */
public record CohortPlan(
        @Setting(unit = "patients", min = 1, max = 100, defaultValue = "3")
        int cohortSize,
        @Setting(min = 1, max = 1000, defaultValue = "10", doc = "maximum cohorts per trial")
        int cohorts) {

    /** The maximum sample size: cohorts × cohort size. */
    public int maxPatients() {
        return cohortSize * cohorts;
    }
}
