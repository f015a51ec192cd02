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
        return Arrays.stream(times, 0, count).distinct().sorted().toArray();
    }

    /** The sums of one data set at β over {@code grid} (ascending event times, possibly from other sites). */
    public static CoxSums of(double[] time, boolean[] event, double[][] x, double[] beta, double[] grid) {
        return of(time, event, x, null, beta, grid);
    }

    /** The same with case weights ({@code null}: every weight 1). */
    public static CoxSums of(double[] time, boolean[] event, double[][] x, double[] weights, double[] beta,
            double[] grid) {
        int n = time.length;
        int p = beta.length;
        CoxSums sums = new CoxSums(grid, p);
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(time[b], time[a])); // latest first
        double r0 = 0;
        long size = 0;
        double[] r1 = new double[p];
        double[][] r2 = new double[p][p];
        int next = 0;
        for (int g = grid.length - 1; g >= 0; g--) {
            double t = grid[g];
            while (next < n && time[order[next]] >= t) {
                int i = order[next++];
                double[] xi = x[i];
                double caseWeight = weights == null ? 1 : weights[i];
                double w = caseWeight * Math.exp(dot(xi, beta));
                r0 += w;
                size++;
                for (int a = 0; a < p; a++) {
                    r1[a] += w * xi[a];
                    for (int b = 0; b <= a; b++) {
                        r2[a][b] += w * xi[a] * xi[b];
                    }
                }
                if (event[i] && time[i] == t) {
                    sums.d[g]++;
                    sums.dw[g] += caseWeight;
                    sums.t0[g] += w;
                    for (int a = 0; a < p; a++) {
                        sums.sumX[g][a] += caseWeight * xi[a];
                        sums.t1[g][a] += w * xi[a];
                        for (int b = 0; b <= a; b++) {
                            sums.t2[g][a][b] += w * xi[a] * xi[b];
                        }
                    }
                }
            }
            sums.s0[g] = r0;
            sums.riskSize[g] = size;
            for (int a = 0; a < p; a++) {
                sums.s1[g][a] = r1[a];
                for (int b = 0; b <= a; b++) {
                    sums.s2[g][a][b] = r2[a][b];
                    sums.s2[g][b][a] = r2[a][b];
                    sums.t2[g][b][a] = sums.t2[g][a][b];
                }
            }
        }
        return sums;
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
