package io.daybreak.methods.design.oc;

/**
 * One dose-finding trial as a state machine: it names the dose and size of the next cohort, is told how
 * many DLTs that cohort had, and eventually selects a dose (or none). The simulation engine and exact
 * enumerations drive designs only through this interface.
 */
public interface DoseFindingTrial {
    boolean finished();

    /** Dose (0-based) for the next cohort; only while not finished. */
    int nextDose();

    /** Patients in the next cohort; only while not finished. */
    int nextCohortSize();

    /** Records the DLTs of the cohort just treated at {@link #nextDose()} and decides what comes next. */
    void record(int cohortDlts);

    /** The selected dose (0-based) or −1 for none; only once finished. */
    int selectedDose();

    /** Patients treated per dose so far (do not modify). */
    int[] patients();

    /** DLTs per dose so far (do not modify). */
    int[] dlts();

    /**
     * Adds patients treated at {@code dose} outside the escalation cohorts (backfill patients whose outcomes are now
     * known) to the data the design decides and selects on, without taking a decision: the next {@link #record} does.
     * A trial that will pool backfill patients is told so before its first cohort by a call with 0 patients. Designs
     * that cannot pool such patients keep this default, which refuses.
     */
    default void recordBackfill(int dose, int patients, int dlts) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot pool backfill patients");
    }

    /** An independent copy in the same state, for enumerating outcome sequences (dose-transition pathways). */
    DoseFindingTrial copy();
}
