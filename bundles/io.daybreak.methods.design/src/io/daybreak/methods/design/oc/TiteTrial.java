package io.daybreak.methods.design.oc;

/**
 * One time-to-event dose-finding trial (TITE-CRM, TITE-BOIN) as a state machine driven by
 * {@link TiteSimulation}: patients arrive one at a time, and at the arrival that opens a cohort the design
 * decides, from the outcomes known at that moment ({@link TiteData}), which dose the cohort gets, or that the
 * arrival is turned away while too many outcomes are pending, or that the trial stops.
 */
public interface TiteTrial {
    /** The decision to turn away the arriving patient (accrual suspended) and decide again at the next arrival. */
    int SUSPEND = -1;
    /** The decision to stop the trial without selecting a dose. */
    int STOP = -2;

    /** How patients are enrolled: the first cohort's dose (0-based), the cohort size and the sample size. */
    record Enrolment(int startDose, int cohortSize, int maxPatients) {
    }

    Enrolment enrolment();

    /**
     * At the arrival that opens a cohort: the 0-based dose for the cohort, {@link #SUSPEND} or {@link #STOP}.
     *
     * @param data   the outcomes known at this moment
     * @param latest the dose of the most recently enrolled patient
     */
    int decide(TiteData data, int latest);

    /** The dose selected once every patient's assessment window is over (−1 for none). */
    int select(int[] patients, int[] dlts);
}
