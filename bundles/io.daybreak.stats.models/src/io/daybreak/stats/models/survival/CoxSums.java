package io.daybreak.stats.models.survival;

import java.util.Arrays;

/**
 * The Cox partial likelihood's sufficient statistics at one β over a grid of event times: for each time t,
 * the risk-set sums S0 = Σ e^η, S1 = Σ x e^η, S2 = Σ x x' e^η over subjects still at risk (time ≥ t) and the
 * same sums T0, T1, T2 over the subjects with an event at t, their number d and Σ x. All of them add across
 * sites, so sums computed by each site on the union of event times give the pooled likelihood exactly
 * (WebDISCO, Lu et al. 2015).
 *
 * <p>With case weights w (e.g. inverse probability of treatment weights) every sum carries w: S0 = Σ w e^η,
 * Σ w x over the events, and the events' total weight dw; ties are handled as R's {@code coxph} does with
 * weights, each of Efron's d terms counting with the events' mean weight dw/d. Unit weights give the
 * unweighted sums exactly.
 */
public final class CoxSums {
    public final double[] grid;
    public final int p;
    public final double[] s0;
    public final double[][] s1;
    public final double[][][] s2;
    public final long[] d;
    /** Total case weight of the events at each grid time (d without weights). */
    public final double[] dw;
    public final double[][] sumX;
    public final double[] t0;
    public final double[][] t1;
    public final double[][][] t2;
    /** Subjects in the risk set at each grid time (checked by the site's disclosure policy, not released). */
    public final long[] riskSize;

    public CoxSums(double[] grid, int p) {
        this.grid = grid.clone();
        this.p = p;
        int g = grid.length;
        s0 = new double[g];
        s1 = new double[g][p];
        s2 = new double[g][p][p];
        d = new long[g];
        dw = new double[g];
        sumX = new double[g][p];
        t0 = new double[g];
        t1 = new double[g][p];
        t2 = new double[g][p][p];
        riskSize = new long[g];
    }

    /** The distinct event times of a data set, ascending (a site's first release). */
    public static double[] eventTimes(double[] time, boolean[] event) {
        double[] times = new double[time.length];
        int count = 0;
        for (int i = 0; i < time.length; i++) {
            if (event[i]) {
                times[count++] = time[i];
            }
        }
        return distinctAscending(Arrays.copyOf(times, count));
    }

    /** The distinct values, ascending, by {@link Double#compare} (sorts {@code values} in place). */
    static double[] distinctAscending(double[] values) {
        Arrays.sort(values);
        int distinct = 0;
        for (double value : values) {
            if (distinct == 0 || Double.compare(value, values[distinct - 1]) != 0) {
                values[distinct++] = value;
            }
        }
        return Arrays.copyOf(values, distinct);
    }

    /** The sums of one data set at β over {@code grid} (ascending event times, possibly from other sites). */
    public static CoxSums of(double[] time, boolean[] event, double[][] x, double[] beta, double[] grid) {
        return of(time, event, x, null, beta, grid);
    }

    /**
     * The same with case weights ({@code null}: every weight 1). A fit that evaluates the same rows at many β should
     * keep one {@link CoxRows}, which sorts them once.
     */
    public static CoxSums of(double[] time, boolean[] event, double[][] x, double[] weights, double[] beta,
            double[] grid) {
        return CoxRows.of(time, event, x, weights).sums(beta, grid);
    }

    public static double dot(double[] x, double[] beta) {
        double eta = 0;
        for (int a = 0; a < beta.length; a++) {
            eta += x[a] * beta[a];
        }
        return eta;
    }

    /** Subjects at risk at each grid time (for a site's disclosure checks). */
    public long[] riskSizes() {
        return riskSize.clone();
    }

    /** Adds another site's sums over the same grid. */
    public void add(CoxSums other) {
        if (!Arrays.equals(grid, other.grid) || p != other.p) {
            throw new IllegalArgumentException("sums over different event-time grids or covariates");
        }
        for (int g = 0; g < grid.length; g++) {
            s0[g] += other.s0[g];
            riskSize[g] += other.riskSize[g];
            t0[g] += other.t0[g];
            d[g] += other.d[g];
            dw[g] += other.dw[g];
            for (int a = 0; a < p; a++) {
                s1[g][a] += other.s1[g][a];
                t1[g][a] += other.t1[g][a];
                sumX[g][a] += other.sumX[g][a];
                for (int b = 0; b < p; b++) {
                    s2[g][a][b] += other.s2[g][a][b];
                    t2[g][a][b] += other.t2[g][a][b];
                }
            }
        }
    }

    /** Log partial likelihood, score and information at β, with Efron's or Breslow's handling of ties. */
    public CoxFit.Evaluation evaluate(double[] beta, boolean efron) {
        double logLikelihood = 0;
        double[] score = new double[p];
        double[][] information = new double[p][p];
        double[] b = new double[p];
        for (int g = 0; g < grid.length; g++) {
            long events = d[g];
            if (events == 0) {
                continue;
            }
            logLikelihood += dot(sumX[g], beta);
            for (int a = 0; a < p; a++) {
                score[a] += sumX[g][a];
            }
            double meanWeight = dw[g] / events;
            for (long k = 0; k < events; k++) {
                double f = efron ? (double) k / events : 0;
                double a0 = s0[g] - f * t0[g];
                logLikelihood -= meanWeight * Math.log(a0);
                for (int a = 0; a < p; a++) {
                    b[a] = s1[g][a] - f * t1[g][a];
                    score[a] -= meanWeight * b[a] / a0;
                }
                for (int a = 0; a < p; a++) {
                    for (int c = 0; c < p; c++) {
                        information[a][c] += meanWeight
                                * ((s2[g][a][c] - f * t2[g][a][c]) / a0 - b[a] * b[c] / (a0 * a0));
                    }
                }
            }
        }
        return new CoxFit.Evaluation(logLikelihood, score, information);
    }
}
