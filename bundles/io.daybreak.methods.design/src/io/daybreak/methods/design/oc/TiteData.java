package io.daybreak.methods.design.oc;

/**
 * What a time-to-event design knows at a moment t: per dose, the patients treated, the DLTs observed by t,
 * the patients whose outcome is still pending (no DLT yet, assessment window not over) and the sum of their
 * follow-up as a fraction of the window (the standardised total follow-up time, STFT); and per pending
 * patient the dose and that fraction, for weighted likelihoods. Reused between decisions (not thread-safe).
 */
public final class TiteData {
    private final int[] patients;
    private final int[] dlts;
    private final int[] pending;
    private final double[] followUp;
    private final int[] pendingDose;
    private final double[] pendingFraction;
    private int pendingCount;

    public TiteData(int doses, int maxPatients) {
        patients = new int[doses];
        dlts = new int[doses];
        pending = new int[doses];
        followUp = new double[doses];
        pendingDose = new int[maxPatients];
        pendingFraction = new double[maxPatients];
    }

    /** Recomputes from the enrolled patients at time {@code t}. */
    public void update(double t, double window, int count, double[] entry, int[] dose, double[] dltTime) {
        java.util.Arrays.fill(patients, 0);
        java.util.Arrays.fill(dlts, 0);
        java.util.Arrays.fill(pending, 0);
        java.util.Arrays.fill(followUp, 0);
        pendingCount = 0;
        for (int i = 0; i < count; i++) {
            int d = dose[i];
            double elapsed = t - entry[i];
            patients[d]++;
            if (dltTime[i] <= elapsed) {
                dlts[d]++;
            } else if (elapsed < window) {
                pending[d]++;
                followUp[d] += elapsed / window;
                pendingDose[pendingCount] = d;
                pendingFraction[pendingCount++] = elapsed / window;
            }
        }
    }

    /** Patients treated at a dose, pending ones included. */
    public int patients(int dose) {
        return patients[dose];
    }

    /** DLTs observed at a dose. */
    public int dlts(int dose) {
        return dlts[dose];
    }

    /** Patients at a dose whose outcome is pending. */
    public int pending(int dose) {
        return pending[dose];
    }

    /** The pending patients' follow-up at a dose, as a sum of fractions of the window (STFT). */
    public double followUp(int dose) {
        return followUp[dose];
    }

    /** Patients per dose with a known outcome (a DLT, or a window completed without one). */
    public int[] completePatients() {
        int[] complete = new int[patients.length];
        for (int d = 0; d < complete.length; d++) {
            complete[d] = patients[d] - pending[d];
        }
        return complete;
    }

    /** DLTs per dose (all DLTs are known outcomes). */
    public int[] dlts() {
        return dlts.clone();
    }

    public int pendingCount() {
        return pendingCount;
    }

    /** The dose of the i-th pending patient. */
    public int pendingDose(int i) {
        return pendingDose[i];
    }

    /** The i-th pending patient's follow-up as a fraction of the window, in [0, 1). */
    public double pendingFraction(int i) {
        return pendingFraction[i];
    }

    public int doses() {
        return patients.length;
    }
}
