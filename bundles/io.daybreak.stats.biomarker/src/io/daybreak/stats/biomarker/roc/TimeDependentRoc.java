package io.daybreak.stats.biomarker.roc;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Cumulative/dynamic time-dependent ROC curve of a marker for a right-censored survival time at a time t, with
 * inverse-probability-of-censoring weights from the marginal Kaplan–Meier estimate of the censoring distribution,
 * as R {@code timeROC::timeROC(weighting = "marginal")} (Blanche, Dartigues &amp; Jacqmin-Gadda 2013): cases are
 * the patients with an event before t, weighted {@code 1 / G(T_i-)}; controls those still event-free after t,
 * weighted {@code 1 / G(t)}; high marker values indicate a case.
 *
 * @param time the time t
 * @param thresholds the rule at each point is {@code marker > threshold}; from the largest marker value down to
 *        -Infinity
 * @param sensitivity weighted share of cases above the threshold (TP)
 * @param falsePositive weighted share of controls above the threshold (FP = 1 - specificity)
 * @param auc the area under the curve by the trapezoidal rule (NaN without cases or controls)
 * @param cases patients with an event before t
 * @param controls patients event-free after t
 */
public record TimeDependentRoc(double time, double[] thresholds, double[] sensitivity, double[] falsePositive,
        double auc, int cases, int controls) {

    /**
     * The curve at time {@code t}.
     *
     * @param time survival or censoring times (no missing values)
     * @param event true for an event, false for censoring
     * @param marker the marker (high values: higher risk)
     */
    public static TimeDependentRoc at(double[] time, boolean[] event, double[] marker, double t) {
        int n = time.length;
        double[] g = censoringSurvival(time, event);
        double gAtT = censoringSurvivalAt(time, event, t, false);
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> -marker[i]));
        double[] wCase = new double[n];
        double[] wControl = new double[n];
        int cases = 0;
        int controls = 0;
        for (int k = 0; k < n; k++) {
            int i = order[k];
            if (time[i] < t && event[i]) {
                wCase[k] = 1 / (g[i] * n);
                cases++;
            }
            if (time[i] > t) {
                wControl[k] = 1 / (gAtT * n);
                controls++;
            }
        }
        double denCase = Arrays.stream(wCase).sum();
        double denControl = Arrays.stream(wControl).sum();
        List<double[]> points = new ArrayList<>();
        double cumCase = 0;
        double cumControl = 0;
        for (int k = 0; k < n; k++) {
            int i = order[k];
            if (k == 0 || marker[i] != marker[order[k - 1]]) {
                points.add(new double[] {marker[i], cumCase, cumControl});
            }
            cumCase += wCase[k];
            cumControl += wControl[k];
        }
        points.add(new double[] {Double.NEGATIVE_INFINITY, cumCase, cumControl});
        int m = points.size();
        double[] thresholds = new double[m];
        double[] tp = new double[m];
        double[] fp = new double[m];
        for (int k = 0; k < m; k++) {
            thresholds[k] = points.get(k)[0];
            tp[k] = points.get(k)[1] / denCase;
            fp[k] = points.get(k)[2] / denControl;
        }
        double auc = Double.NaN;
        if (denCase * denControl != 0) {
            auc = 0;
            for (int k = 0; k + 1 < m; k++) {
                auc += (fp[k + 1] - fp[k]) * ((tp[k] + tp[k + 1]) / 2);
            }
        }
        return new TimeDependentRoc(t, thresholds, tp, fp, auc, cases, controls);
    }

    /** {@code G(T_i-)}: the censoring Kaplan–Meier just before each patient's own time. */
    static double[] censoringSurvival(double[] time, boolean[] event) {
        CensoringKm km = new CensoringKm(time, event);
        double[] g = new double[time.length];
        for (int i = 0; i < time.length; i++) {
            g[i] = km.at(time[i], true);
        }
        return g;
    }

    /** The censoring survival G at {@code t} (or just before it when {@code before}). */
    static double censoringSurvivalAt(double[] time, boolean[] event, double t, boolean before) {
        return new CensoringKm(time, event).at(t, before);
    }

    /**
     * The Kaplan–Meier estimate of the censoring survival: the product over censoring times c of
     * {@code 1 - (censored at c) / (at risk at c)}, at risk meaning time &gt; c or censored at c: an event at the
     * same time as a censoring is taken to come first and leaves the censoring risk set, as R
     * {@code prodlim(..., reverse = TRUE)} behind {@code pec::ipcw} (survival's {@code survfit(Surv(time, 1 - status))}
     * would keep it at risk).
     */
    private static final class CensoringKm {
        private final double[] times;
        private final double[] survival;

        CensoringKm(double[] time, boolean[] event) {
            double[] sorted = time.clone();
            Arrays.sort(sorted);
            double[] censored = new double[time.length];
            int k = 0;
            for (int i = 0; i < time.length; i++) {
                if (!event[i]) {
                    censored[k++] = time[i];
                }
            }
            double[] c = Arrays.copyOf(censored, k);
            Arrays.sort(c);
            double[] distinct = Arrays.stream(c).distinct().toArray();
            times = distinct;
            survival = new double[distinct.length];
            double s = 1;
            int from = 0;
            for (int j = 0; j < distinct.length; j++) {
                int d = 0;
                while (from < c.length && c[from] == distinct[j]) {
                    d++;
                    from++;
                }
                int atRisk = time.length - upperBound(sorted, distinct[j]) + d;
                s *= 1 - (double) d / atRisk;
                survival[j] = s;
            }
        }

        /** G(t), or G(t-) when {@code before}. */
        double at(double t, boolean before) {
            // number of censoring times <= t (or < t)
            int count = before ? lowerBound(times, t) : upperBound(times, t);
            return count == 0 ? 1 : survival[count - 1];
        }
    }

    /** The number of values below {@code v} in sorted {@code a}. */
    static int lowerBound(double[] a, double v) {
        int lo = 0;
        int hi = a.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] < v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The number of values at or below {@code v} in sorted {@code a}. */
    static int upperBound(double[] a, double v) {
        int lo = 0;
        int hi = a.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] <= v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
