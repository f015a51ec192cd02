package io.daybreak.stats.twin;

import java.util.ArrayList;
import java.util.List;

/**
 * One patient's Stein/Wilkerson analysis: all four models fitted to f = size / first size against the days of the
 * assessments, and the tumgr selection rule: among eligible models ({@link TgiFit#eligible()}) the lowest AIC.
 * Time is counted as tumgr's {@code gdrate} counts it, days since the first assessment plus 1 (so the first
 * point is a residual like the others; gdphi's eligibility then tests tumgr's p = 1 − φ, see
 * {@link TgiFit#fit(TgiModel, double[], double[], double, boolean)}), or from 0 (the first point fitted exactly,
 * φ tested, as twin.R section A). Patients with fewer than 3
 * measurements are not fitted; with tumgr's time, as {@code gdrate}, a patient with 2 measurements is fitted when
 * the second differs from the first by at least 20% (f ≤ 0.8 or f ≥ 1.2).
 *
 * @param id           the patient
 * @param measurements rows of the patient
 * @param fits         one per model (empty when not fitted)
 * @param selected     the selected fit, or null
 * @param outcome      the selected model's label, "not fitted", "not fitted: fewer than 3 measurements" or
 *                     "not fitted: 2 measurements within 20%"
 */
public record TgiPatient(String id, int measurements, List<TgiFit> fits, TgiFit selected, String outcome) {
    /** The minimum number of measurements a patient needs (2 with tumgr's time when they differ by 20%). */
    public static final int MIN_MEASUREMENTS = 3;

    /** Where a patient's time starts. */
    public enum TimeOrigin {
        /** tumgr's gdrate: t = date − first date + 1, and its test of gdphi's regressing fraction. */
        TUMGR(1),
        /** t = date − first date: the first point is fitted exactly (f(0) = 1). */
        ZERO(0);

        private final double first;

        TimeOrigin(double first) {
            this.first = first;
        }

        /** The time of the first assessment. */
        public double first() {
            return first;
        }
    }

    /** Fits and selects with time counted from 0 ({@link TimeOrigin#ZERO}). */
    public static TgiPatient analyse(String id, double[] time, double[] size, double alpha) {
        return analyse(id, time, size, alpha, TimeOrigin.ZERO);
    }

    /**
     * Fits and selects.
     *
     * @param time   measurement times (days), ascending, distinct
     * @param size   tumour sizes, positive
     * @param alpha  the p-value threshold of the eligibility rule
     * @param origin where time starts
     */
    public static TgiPatient analyse(String id, double[] time, double[] size, double alpha, TimeOrigin origin) {
        int n = time.length;
        boolean twoFitted = origin == TimeOrigin.TUMGR && n == 2;
        if (twoFitted) {
            double ratio = size[1] / size[0];
            if (ratio > 0.8 && ratio < 1.2) {
                return new TgiPatient(id, n, List.of(), null, "not fitted: 2 measurements within 20%");
            }
        } else if (n < MIN_MEASUREMENTS) {
            return new TgiPatient(id, n, List.of(), null, "not fitted: fewer than 3 measurements");
        }
        double[] t = new double[n];
        double[] f = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = time[i] - time[0] + origin.first();
            f[i] = size[i] / size[0];
        }
        List<TgiFit> fits = new ArrayList<>();
        TgiFit selected = null;
        for (TgiModel model : TgiModel.values()) {
            TgiFit fit = TgiFit.fit(model, t, f, alpha, origin == TimeOrigin.TUMGR);
            fits.add(fit);
            if (fit.eligible() && (selected == null || fit.aic() < selected.aic())) {
                selected = fit;
            }
        }
        return new TgiPatient(id, n, List.copyOf(fits), selected, selected == null ? "not fitted"
                : selected.model().label());
    }
}
