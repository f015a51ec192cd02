package io.daybreak.methods.design.backfill;

/**
 * One simulated trial with backfilling, per dose (0-based). Escalation and backfill patients are counted apart;
 * {@code analysedBackfill} are the backfill patients whose outcome was known when the trial ended (a DLT, or the
 * window over) and so entered the final analysis — the others were treated but are still in follow-up.
 *
 * @param selectedDose       the escalation design's selection (MTD), −1 for none
 * @param optimalDose        the optimal dose selected ({@link OptimalDose}), −1 for none or without efficacy
 * @param escalationPatients patients of the escalation cohorts per dose
 * @param escalationDlts     their DLTs per dose
 * @param backfillPatients   backfill patients treated per dose
 * @param backfillDlts       their DLTs per dose (whenever they occur)
 * @param analysedBackfill   backfill patients per dose whose outcome was known at the end
 * @param analysedBackfillDlts the DLTs among them
 * @param responses          responses per dose among escalation and analysed backfill patients (0 without efficacy)
 * @param endTime            when the trial ended: the end of the last escalation cohort's assessment (or of the cohort
 *                           after which it stopped), from the first arrival at time 0
 * @param turnedAway         arrivals for whom neither the escalation cohort nor a backfill dose had room
 */
public record BackfillOutcome(int selectedDose, int optimalDose, int[] escalationPatients, int[] escalationDlts,
        int[] backfillPatients, int[] backfillDlts, int[] analysedBackfill, int[] analysedBackfillDlts, int[] responses,
        double endTime, int turnedAway) {

    /** Patients per dose, escalation and backfill (all treated). */
    public int[] patients() {
        int[] all = escalationPatients.clone();
        for (int d = 0; d < all.length; d++) {
            all[d] += backfillPatients[d];
        }
        return all;
    }

    /** DLTs per dose, escalation and backfill. */
    public int[] dlts() {
        int[] all = escalationDlts.clone();
        for (int d = 0; d < all.length; d++) {
            all[d] += backfillDlts[d];
        }
        return all;
    }

    /** Patients per dose in the final analysis: escalation plus analysed backfill. */
    public int[] analysedPatients() {
        int[] all = escalationPatients.clone();
        for (int d = 0; d < all.length; d++) {
            all[d] += analysedBackfill[d];
        }
        return all;
    }

    /** DLTs per dose in the final analysis. */
    public int[] analysedDlts() {
        int[] all = escalationDlts.clone();
        for (int d = 0; d < all.length; d++) {
            all[d] += analysedBackfillDlts[d];
        }
        return all;
    }

    /** Backfill patients treated in the trial. */
    public int totalBackfill() {
        int n = 0;
        for (int b : backfillPatients) {
            n += b;
        }
        return n;
    }
}
