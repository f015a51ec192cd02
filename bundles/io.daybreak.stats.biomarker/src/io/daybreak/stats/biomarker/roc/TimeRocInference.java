package io.daybreak.stats.biomarker.roc;

import java.util.Arrays;
import java.util.Comparator;

import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * Inference for the cumulative/dynamic AUC of {@link TimeDependentRoc} with marginal Kaplan–Meier censoring weights:
 * the influence-function (iid) representation of Blanche, Dartigues &amp; Jacqmin-Gadda (2013), as R
 * {@code timeROC(..., weighting = "marginal", iid = TRUE)} — its standard error {@code inference$vect_sd_1}, the
 * Wald intervals of {@code confint()} and the test of {@code compare()} between two markers on the same patients.
 *
 * <p>The influence function of the censoring Kaplan–Meier is timeROC's {@code Compute.iid.KM}: it steps through the
 * patients one at a time in order of time (ties kept in row order, as R's stable {@code order()}), so within a
 * tied time the influence function — and the standard error, in its last digits — depends on the row order; this
 * class reproduces that exactly. The point estimate does not depend on the row order. timeROC computes the same
 * sums with n × n matrices; here they are reduced to prefix sums (O(n log n)), identical up to rounding.
 *
 * @param time the time t
 * @param auc the AUC at t (NaN without cases or controls)
 * @param standardError {@code sd(influence) / sqrt(n)} (NaN when the AUC is)
 * @param influence the influence function of each patient, in the input row order (timeROC's
 *        {@code inference$mat_iid_rep_1} column, whose rows are in {@code order(T)})
 */
public record TimeRocInference(double time, double auc, double standardError, double[] influence) {

    /**
     * The AUC at {@code t} and its influence function.
     *
     * @param time survival or censoring times (no missing values)
     * @param event true for an event, false for censoring
     * @param marker the marker (high values: higher risk)
     */
    public static TimeRocInference at(double[] time, boolean[] event, double[] marker, double t) {
        int n = time.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> time[i]));
        double[] sortedTime = new double[n];
        for (int p = 0; p < n; p++) {
            sortedTime[p] = time[order[p]];
        }
        double[] g = TimeDependentRoc.censoringSurvival(time, event);
        double gAtT = TimeDependentRoc.censoringSurvivalAt(time, event, t, false);
        // cases and controls, and the F (weighted share of cases) and S (of controls) of timeROC
        int cases = 0;
        int controls = 0;
        double f = 0;
        for (int i = 0; i < n; i++) {
            if (time[i] < t && event[i]) {
                cases++;
                f += 1 / (g[i] * n);
            } else if (time[i] > t) {
                controls++;
            }
        }
        double st = controls / (gAtT * n);
        double[] influence = new double[n];
        if (cases == 0 || controls == 0) {
            Arrays.fill(influence, Double.NaN);
            return new TimeRocInference(t, Double.NaN, Double.NaN, influence);
        }
        double[] caseMarker = new double[cases];
        double[] controlMarker = new double[controls];
        Integer[] caseIndex = new Integer[cases];
        int a = 0;
        int b = 0;
        for (int i = 0; i < n; i++) {
            if (time[i] < t && event[i]) {
                caseIndex[a++] = i;
            } else if (time[i] > t) {
                controlMarker[b++] = marker[i];
            }
        }
        Arrays.sort(controlMarker);
        Arrays.sort(caseIndex, Comparator.comparingDouble(i -> marker[i]));
        // prefix sums of the case weights 1/G(T_i-) in increasing marker order
        double[] casePrefix = new double[cases + 1];
        for (int k = 0; k < cases; k++) {
            caseMarker[k] = marker[caseIndex[k]];
            casePrefix[k + 1] = casePrefix[k] + 1 / g[caseIndex[k]];
        }
        // h_i = sum over controls j of conc(i, j) / (G_i G_t) and, per control, the sum over cases
        double[] h = new double[n];
        double[] hControl = new double[n];
        double total = 0;
        for (int i = 0; i < n; i++) {
            if (time[i] < t && event[i]) {
                int below = TimeDependentRoc.lowerBound(controlMarker, marker[i]);
                int equal = TimeDependentRoc.upperBound(controlMarker, marker[i]) - below;
                h[i] = (below + 0.5 * equal) / (g[i] * gAtT);
                total += h[i];
            } else if (time[i] > t) {
                int below = TimeDependentRoc.lowerBound(caseMarker, marker[i]);
                int atOrBelow = TimeDependentRoc.upperBound(caseMarker, marker[i]);
                double above = casePrefix[cases] - casePrefix[atOrBelow];
                double equal = casePrefix[atOrBelow] - casePrefix[below];
                hControl[i] = (above + 0.5 * equal) / gAtT;
            }
        }
        double ht = total / ((double) n * n);
        double fs = f * st;
        double auc = ht / fs;
        // dit: n times the case weight; tis: 1(T > t) / (share of controls)
        double[] dit = new double[n];
        double[] tis = new double[n];
        double sumTis = 0;
        double sumDit = 0;
        for (int i = 0; i < n; i++) {
            if (time[i] < t && event[i]) {
                dit[i] = 1 / g[i];
            }
            if (time[i] > t) {
                tis[i] = 1 / (controls / (double) n);
            }
            sumTis += tis[i];
            sumDit += dit[i];
        }
        // Compute.iid.KM: M[r, k] = sum over s <= r of dM_k(s) / Y(s), with Y(s) = (n - s) / n (0-based positions),
        // dM_k(s) = c_k 1(s = first position of T_k's tie block) - lambda_s 1(s <= k), lambda_s = c_s / (n - s).
        // For a weight vector w (by position): sum_i w_i M[i, k] = c_k Q[r0(k)] - sum_{s <= k} lambda_s Q[s],
        // Q[s] = (sum over positions i >= s of w_i) / Y(s).
        double[] qh = suffixOverRisk(h, order, n);
        double[] qd = suffixOverRisk(dit, order, n);
        double cumH = 0;
        double cumD = 0;
        double[] aTerm = new double[n];
        for (int p = 0; p < n; p++) {
            int k = order[p];
            boolean censored = !event[k];
            double lambda = censored ? 1.0 / (n - p) : 0;
            cumH += lambda * qh[p];
            cumD += lambda * qd[p];
            int r0 = TimeDependentRoc.lowerBound(sortedTime, time[k]);
            double sumHM = (censored ? qh[r0] : 0) - cumH;
            double sumDM = (censored ? qd[r0] : 0) - cumD;
            double first = (total + sumHM) / n;
            double second = ht * (sumTis + (sumDit + sumDM) / f - n);
            aTerm[k] = (first - second) / fs;
        }
        for (int i = 0; i < n; i++) {
            double bTerm = time[i] > t ? (hControl[i] - n * ht) / fs : -n * ht / fs;
            double cTerm = (h[i] - n * ht * (tis[i] + (dit[i] - f) / f)) / fs;
            influence[i] = (aTerm[i] + bTerm + cTerm) / n;
        }
        return new TimeRocInference(t, auc, standardDeviation(influence) / Math.sqrt(n), influence);
    }

    /** {@code Q[s] = (sum over positions i >= s of w) / ((n - s) / n)}. */
    private static double[] suffixOverRisk(double[] w, Integer[] order, int n) {
        double[] q = new double[n];
        double suffix = 0;
        for (int p = n - 1; p >= 0; p--) {
            suffix += w[order[p]];
            q[p] = suffix / ((n - p) / (double) n);
        }
        return q;
    }

    /** The sample standard deviation (denominator n - 1), as R {@code sd}. */
    static double standardDeviation(double[] x) {
        double mean = 0;
        for (double v : x) {
            mean += v;
        }
        mean /= x.length;
        double ss = 0;
        for (double v : x) {
            ss += (v - mean) * (v - mean);
        }
        return Math.sqrt(ss / (x.length - 1));
    }

    /**
     * The pointwise Wald interval {@code auc ± z se}, as timeROC's {@code confint()$CI_AUC} before it rounds to
     * two decimals of a percent.
     *
     * @param level the confidence level, in (0, 1)
     * @return {lower, upper}
     */
    public double[] confidenceInterval(double level) {
        double z = NormalDistribution.of(0, 1).inverseCumulativeProbability(1 - (1 - level) / 2);
        return new double[] {auc - z * standardError, auc + z * standardError};
    }

    /**
     * The comparison of two markers' AUC at the same time on the same patients, as timeROC's {@code compare()}
     * without the multiplicity adjustment.
     *
     * @param difference AUC of the first minus AUC of the second
     * @param standardError {@code sd(influence1 - influence2) / sqrt(n)}
     * @param z difference / standardError
     * @param pValue two-sided normal p-value ({@code p_values_AUC})
     */
    public record Comparison(double difference, double standardError, double z, double pValue) {
    }

    /**
     * Compares this AUC with another marker's at the same time on the same rows.
     *
     * @param other the other marker's inference, computed from the same time, event and rows
     */
    public Comparison compare(TimeRocInference other) {
        if (other.influence.length != influence.length || other.time != time) {
            throw new IllegalArgumentException("the two AUCs were not computed on the same rows at the same time");
        }
        double[] d = new double[influence.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = influence[i] - other.influence[i];
        }
        double diff = auc - other.auc;
        double se = standardDeviation(d) / Math.sqrt(d.length);
        double z = diff / se;
        double p = 2 * NormalDistribution.of(0, 1).survivalProbability(Math.abs(z));
        return new Comparison(diff, se, z, p);
    }
}
