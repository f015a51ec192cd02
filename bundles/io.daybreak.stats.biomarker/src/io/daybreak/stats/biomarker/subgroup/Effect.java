package io.daybreak.stats.biomarker.subgroup;

import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.distribution.TDistribution;

import io.daybreak.stats.models.survival.CoxFit;
import io.daybreak.stats.models.survival.CoxRows;
import io.daybreak.stats.models.survival.EventCounts;
import io.daybreak.stats.models.survival.Rmst;

/**
 * The treatment effect within a set of patients: difference of means treatment minus control. For a continuous
 * outcome with Welch's standard error, t interval and two-sided p (as R {@code t.test(var.equal = FALSE)}); for a
 * 0/1 outcome the risk difference with the Wald standard error, normal interval and two-sided z test; for a
 * survival outcome the difference in restricted mean survival time up to τ ({@link #rmstDifference}).
 */
public record Effect(double estimate, double stdError, double lower, double upper, double pValue, int nTreatment,
        int nControl) {

    /**
     * The effect among {@code rows} (indices into y and t; duplicates count again, as in a bootstrap sample).
     * Returns an effect with NaN numbers when an arm has fewer than 2 patients; with {@code level} NaN the interval is
     * NaN (not computed: the searches need only the estimate, standard error and p).
     */
    public static Effect of(double[] y, boolean[] t, int[] rows, boolean binary, double level) {
        double s1 = 0;
        double s0 = 0;
        double q1 = 0;
        double q0 = 0;
        int n1 = 0;
        int n0 = 0;
        for (int r : rows) {
            if (t[r]) {
                n1++;
                s1 += y[r];
                q1 += y[r] * y[r];
            } else {
                n0++;
                s0 += y[r];
                q0 += y[r] * y[r];
            }
        }
        if (n1 < 2 || n0 < 2) {
            return new Effect(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, n1, n0);
        }
        double m1 = s1 / n1;
        double m0 = s0 / n0;
        double estimate = m1 - m0;
        double v1;
        double v0;
        if (binary) {
            v1 = m1 * (1 - m1) / n1;
            v0 = m0 * (1 - m0) / n0;
        } else {
            v1 = Math.max(0, q1 - n1 * m1 * m1) / (n1 - 1) / n1;
            v0 = Math.max(0, q0 - n0 * m0 * m0) / (n0 - 1) / n0;
        }
        double se = Math.sqrt(v1 + v0);
        if (!(se > 0)) {
            return new Effect(estimate, se, Double.NaN, Double.NaN, Double.NaN, n1, n0);
        }
        double stat = estimate / se;
        double q;
        double p;
        if (binary) {
            NormalDistribution normal = NormalDistribution.of(0, 1);
            q = Double.isNaN(level) ? Double.NaN : normal.inverseCumulativeProbability(0.5 + level / 2);
            p = 2 * normal.survivalProbability(Math.abs(stat));
        } else {
            double df = (v1 + v0) * (v1 + v0) / (v1 * v1 / (n1 - 1) + v0 * v0 / (n0 - 1));
            TDistribution student = TDistribution.of(df);
            q = Double.isNaN(level) ? Double.NaN : student.inverseCumulativeProbability(0.5 + level / 2);
            p = 2 * student.survivalProbability(Math.abs(stat));
        }
        return new Effect(estimate, se, estimate - q * se, estimate + q * se, p, n1, n0);
    }

    /**
     * The difference in restricted mean survival time up to {@code tau}, treatment minus control, among {@code rows}
     * (duplicates count again), as R {@code survRM2::rmst2(time, status, arm, tau)}: Kaplan–Meier areas with the
     * Greenwood plug-in variance, normal interval and two-sided z test. Where an arm's follow-up ends before τ its
     * curve is carried flat to τ (rmst2 would refuse such a τ; this happens in bootstrap samples and small
     * subgroups). NaN numbers when an arm has fewer than 2 patients.
     */
    public static Effect rmstDifference(double[] time, boolean[] event, boolean[] t, int[] rows, double tau,
            double level) {
        EventCounts counts = new EventCounts(2);
        int n1 = 0;
        int n0 = 0;
        for (int r : rows) {
            counts.add(t[r] ? 1 : 0, time[r], event[r] ? 1 : 0, event[r] ? 0 : 1);
            n1 += t[r] ? 1 : 0;
            n0 += t[r] ? 0 : 1;
        }
        if (n1 < 2 || n0 < 2) {
            return new Effect(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, n1, n0);
        }
        double[] d = Rmst.Comparison.of(counts, tau, Double.isNaN(level) ? 0.95 : level).difference();
        if (!(d[1] > 0)) {
            return new Effect(d[0], d[1], Double.NaN, Double.NaN, Double.NaN, n1, n0);
        }
        boolean noInterval = Double.isNaN(level);
        return new Effect(d[0], d[1], noInterval ? Double.NaN : d[2], noInterval ? Double.NaN : d[3], d[4], n1, n0);
    }

    /**
     * The log hazard ratio treatment versus control among {@code rows} (duplicates count again) from a Cox model
     * with the treatment as the only covariate, Efron ties, as R {@code coxph(Surv(time, event) ~ trt)}: Wald
     * standard error, normal interval and two-sided p. NaN numbers when an arm has fewer than 2 patients, there is
     * no event, or the estimate diverges (all events in one arm: |log HR| &gt; 20).
     */
    public static Effect coxLogHazardRatio(double[] time, boolean[] event, boolean[] t, int[] rows, double level) {
        int m = rows.length;
        double[] tt = new double[m];
        boolean[] ee = new boolean[m];
        double[][] x = new double[m][1];
        int n1 = 0;
        int n0 = 0;
        int events = 0;
        for (int k = 0; k < m; k++) {
            int r = rows[k];
            tt[k] = time[r];
            ee[k] = event[r];
            x[k][0] = t[r] ? 1 : 0;
            n1 += t[r] ? 1 : 0;
            n0 += t[r] ? 0 : 1;
            events += event[r] ? 1 : 0;
        }
        Effect none = new Effect(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, n1, n0);
        if (n1 < 2 || n0 < 2 || events == 0) {
            return none;
        }
        CoxRows cox = CoxRows.of(tt, ee, x, null);
        CoxFit fit;
        try {
            fit = CoxFit.fit(beta -> cox.evaluate(beta, true), 1);
        } catch (RuntimeException e) {
            return none;
        }
        double b = fit.coefficients()[0];
        double se = Math.sqrt(fit.covariance()[0][0]);
        if (!(Math.abs(b) <= 20) || !(se > 0) || !Double.isFinite(se)) {
            return none;
        }
        NormalDistribution normal = NormalDistribution.of(0, 1);
        double q = Double.isNaN(level) ? Double.NaN : normal.inverseCumulativeProbability(0.5 + level / 2);
        double p = 2 * normal.survivalProbability(Math.abs(b / se));
        return new Effect(b, se, b - q * se, b + q * se, p, n1, n0);
    }

    /** The interval moved by {@code shift} (a bias-corrected estimate keeps the naive width). */
    public Effect shifted(double shift) {
        return new Effect(estimate + shift, stdError, lower + shift, upper + shift, pValue, nTreatment, nControl);
    }
}
