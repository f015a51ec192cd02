package io.daybreak.methods.design.oc;

import io.daybreak.core.method.InvalidParameterException;
import io.daybreak.core.method.Setting;

/**
 * Settings group: cohort size, number of cohorts ({@link CohortPlan}, shared with the methods that take no start dose)
 * and start dose of a dose-finding design.
 */
public record Cohorts(
        CohortPlan plan,
        @Setting(min = 1, defaultValue = "1", doc = "starting dose level (1 = lowest)")
        long startDose) {

    /** Patients per cohort. */
    public int cohortSize() {
        return plan.cohortSize();
    }

    /** The most cohorts a trial enrols. */
    public int cohorts() {
        return plan.cohorts();
    }

    /** The maximum sample size: cohorts × cohort size. */
    public int maxPatients() {
        return plan.maxPatients();
    }

    /** The 0-based start dose, checked against the number of doses (the one check that needs the truth). */
    public int startIndex(int doses) {
        return startIndex(startDose, doses);
    }

    /** The 0-based start dose, for methods whose number of doses is a parameter of its own (design.pathways). */
    public static int startIndex(long startDose, int doses) {
        if (startDose > doses) {
            throw new InvalidParameterException("parameter 'startDose' = " + startDose + " exceeds the " + doses
                    + " doses of 'truth'; allowed: 1 to " + doses);
        }
        return (int) startDose - 1;
    }

    /** Start dose, cohort size and sample size (cohortSize × cohorts) of a time-to-event design. */
    public TiteTrial.Enrolment enrolment(int doses) {
        return new TiteTrial.Enrolment(startIndex(doses), cohortSize(), cohortSize() * cohorts());
    }
}
