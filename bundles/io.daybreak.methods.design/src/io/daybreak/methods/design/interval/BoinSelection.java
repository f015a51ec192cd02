package io.daybreak.methods.design.interval;

import io.daybreak.stats.isotonic.IsotonicRegression;

/** BOIN's MTD selection (R {@code BOIN::select.mtd}), shared by BOIN, Keyboard and TITE-BOIN. */
public final class BoinSelection {
    private BoinSelection() {
    }

    /**
     * Isotonic regression (PAVA) of the Beta(0.05, 0.05) posterior means of the tried doses below
     * {@code lowestEliminated}, weighted by their inverse posterior variances; the dose whose estimate is
     * closest to the target, ties to the lower dose (BOIN's 1e-10 nudge). −1 when no dose qualifies.
     */
    public static int mtd(int[] patients, int[] dlts, int lowestEliminated, double target) {
        int count = 0;
        int[] admissible = new int[patients.length];
        for (int d = 0; d < Math.min(lowestEliminated, patients.length); d++) {
            if (patients[d] > 0) {
                admissible[count++] = d;
            }
        }
        if (count == 0) {
            return -1;
        }
        double[] estimate = new double[count];
        double[] weight = new double[count];
        for (int i = 0; i < count; i++) {
            double y = dlts[admissible[i]];
            double n = patients[admissible[i]];
            estimate[i] = (y + 0.05) / (n + 0.1);
            weight[i] = 1 / ((y + 0.05) * (n - y + 0.05) / ((n + 0.1) * (n + 0.1) * (n + 0.1 + 1)));
        }
        double[] fitted = IsotonicRegression.fit(estimate, weight);
        int best = 0;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int i = 0; i < count; i++) {
            double distance = Math.abs(fitted[i] + (i + 1) * 1e-10 - target); // BOIN's tie-breaking nudge
            if (distance < bestDistance) {
                bestDistance = distance;
                best = i;
            }
        }
        return admissible[best];
    }
}
