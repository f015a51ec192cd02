package io.daybreak.stats.twin;

import java.util.ArrayList;
import java.util.List;

/**
 * One patient's Stein/Wilkerson analysis: all four models fitted to f = size / first size against days since
 * the first measurement, and the tumgr selection rule: among eligible models ({@link TgiFit#eligible()}) the
 * lowest AIC. Patients with fewer than 3 measurements are not fitted.
 *
 * @param id           the patient
 * @param measurements rows of the patient
 * @param fits         one per model (empty for fewer than 3 measurements)
 * @param selected     the selected fit, or null
 * @param outcome      the selected model's label, "not fitted" or "not fitted: fewer than 3 measurements"
 */
public record TgiPatient(String id, int measurements, List<TgiFit> fits, TgiFit selected, String outcome) {
    /** The minimum number of measurements a patient needs. */
    public static final int MIN_MEASUREMENTS = 3;

    /**
     * Fits and selects.
     *
     * @param time  measurement times (days), ascending, distinct
     * @param size  tumour sizes, positive
     * @param alpha the p-value threshold of the eligibility rule
     */
    public static TgiPatient analyse(String id, double[] time, double[] size, double alpha) {
        int n = time.length;
        if (n < MIN_MEASUREMENTS) {
            return new TgiPatient(id, n, List.of(), null, "not fitted: fewer than 3 measurements");
        }
        double[] t = new double[n];
        double[] f = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = time[i] - time[0];
            f[i] = size[i] / size[0];
        }
        List<TgiFit> fits = new ArrayList<>();
        TgiFit selected = null;
        for (TgiModel model : TgiModel.values()) {
            TgiFit fit = TgiFit.fit(model, t, f, alpha);
            fits.add(fit);
            if (fit.eligible() && (selected == null || fit.aic() < selected.aic())) {
                selected = fit;
            }
        }
        return new TgiPatient(id, n, List.copyOf(fits), selected, selected == null ? "not fitted"
                : selected.model().label());
    }
}
