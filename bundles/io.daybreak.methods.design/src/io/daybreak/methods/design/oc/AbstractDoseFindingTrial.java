package io.daybreak.methods.design.oc;

/**
 * The bookkeeping every dose-finding trial shares: patients and DLTs per dose, the current dose, and the
 * end of the trial. A design implements {@link #decide(int, int)}: what to do after the current dose's
 * counts changed.
 */
public abstract class AbstractDoseFindingTrial implements DoseFindingTrial {
    protected final int[] patients;
    protected final int[] dlts;
    /** The dose of the next cohort (and of the cohort just recorded, when {@link #decide} is called). */
    protected int dose;
    private boolean finished;
    private int selected = -1;
    private int lastCohortDlts;

    protected AbstractDoseFindingTrial(int doses, int startDose) {
        this.patients = new int[doses];
        this.dlts = new int[doses];
        this.dose = startDose;
    }

    /** A copy with the same state (for exact enumeration of outcome sequences). */
    protected AbstractDoseFindingTrial(AbstractDoseFindingTrial other) {
        this.patients = other.patients.clone();
        this.dlts = other.dlts.clone();
        this.dose = other.dose;
        this.finished = other.finished;
        this.selected = other.selected;
        this.lastCohortDlts = other.lastCohortDlts;
    }

    @Override
    public final boolean finished() {
        return finished;
    }

    @Override
    public final int nextDose() {
        return dose;
    }

    @Override
    public final int selectedDose() {
        return selected;
    }

    @Override
    public final int[] patients() {
        return patients;
    }

    @Override
    public final int[] dlts() {
        return dlts;
    }

    @Override
    public final void record(int cohortDlts) {
        patients[dose] += nextCohortSize();
        dlts[dose] += cohortDlts;
        lastCohortDlts = cohortDlts;
        decide(patients[dose], dlts[dose]);
    }

    /** Adds the patients to the counts at {@code dose}, then tells the design ({@link #backfillRecorded}); no decision. */
    @Override
    public final void recordBackfill(int dose, int patientsAdded, int dltsAdded) {
        patients[dose] += patientsAdded;
        dlts[dose] += dltsAdded;
        backfillRecorded(dose, patientsAdded, dltsAdded);
    }

    /**
     * Called after backfill patients were added to the counts at {@code dose}; a design that keeps state of its own
     * beyond the counts (a posterior updated cohort by cohort) updates it here. Nothing by default.
     */
    protected void backfillRecorded(int backfillDose, int patientsAdded, int dltsAdded) {
    }

    /** DLTs in the cohort just recorded (at {@link #dose}, when {@link #decide} is called). */
    protected final int lastCohortDlts() {
        return lastCohortDlts;
    }

    /** Decides after a cohort at {@link #dose}: set {@link #dose} for the next cohort, or {@link #finish}. */
    protected abstract void decide(int patientsAtDose, int dltsAtDose);

    /** Ends the trial selecting {@code mtd} (−1 for none). */
    protected final void finish(int mtd) {
        selected = mtd;
        finished = true;
    }
}
