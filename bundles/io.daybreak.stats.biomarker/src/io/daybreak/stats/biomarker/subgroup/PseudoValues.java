package io.daybreak.stats.biomarker.subgroup;

import java.util.Arrays;

/**
 * Jackknife pseudo-observations of the restricted mean survival time (Andersen, Hansen &amp; Klein, Lifetime Data
 * Analysis 10:335-350, 2004; Andersen &amp; Perme, Stat Methods Med Res 19:71-99, 2010), as R
 * {@code pseudo::pseudomean(time, event, tmax = tau)}: with θ the area under the Kaplan–Meier curve on [0, τ] of all
 * n patients and θ₋ᵢ that without patient i, the pseudo-value of patient i is {@code n θ - (n - 1) θ₋ᵢ}. Their mean
 * is θ, and, when censoring does not depend on the covariates, their conditional mean given covariates is
 * (asymptotically) the patient's RMST, so they can be regressed on covariates like uncensored outcomes. Tied times:
 * the Kaplan–Meier convention, events before censorings at the same time (as survival's {@code survfit}).
 */
public final class PseudoValues {
    private PseudoValues() {
    }

    /** The RMST pseudo-value of each patient at {@code tau} (O(n·m) for m distinct times). */
    public static double[] rmst(double[] time, boolean[] event, double tau) {
        int n = time.length;
        double[] distinct = Arrays.stream(time).sorted().distinct().toArray();
        int m = distinct.length;
        long[] d = new long[m];
        long[] c = new long[m];
        int[] index = new int[n];
        for (int i = 0; i < n; i++) {
            index[i] = Arrays.binarySearch(distinct, time[i]);
            if (event[i]) {
                d[index[i]]++;
            } else {
                c[index[i]]++;
            }
        }
        double full = area(distinct, d, c, n, tau);
        double[] pseudo = new double[n];
        for (int i = 0; i < n; i++) {
            long[] dd = d;
            long[] cc = c;
            int k = index[i];
            if (event[i]) {
                dd[k]--;
            } else {
                cc[k]--;
            }
            double without = area(distinct, dd, cc, n - 1, tau);
            if (event[i]) {
                dd[k]++;
            } else {
                cc[k]++;
            }
            pseudo[i] = n * full - (n - 1) * without;
        }
        return pseudo;
    }

    /** The area under the Kaplan–Meier curve of the counts on [0, tau]. */
    static double area(double[] times, long[] d, long[] c, long n, double tau) {
        double s = 1;
        double area = 0;
        double previous = 0;
        long atRisk = n;
        for (int j = 0; j < times.length && times[j] <= tau; j++) {
            area += (times[j] - previous) * s;
            previous = times[j];
            if (atRisk > 0) {
                s *= 1 - (double) d[j] / atRisk;
            }
            atRisk -= d[j] + c[j];
        }
        return area + (tau - previous) * s;
    }
}
