package io.daybreak.stats.models.survival;

import java.util.Arrays;

/**
 * The robust (sandwich) variance of a Cox model with case weights, as R's {@code coxph(..., weights = w,
 * robust = TRUE)} reports it (Lin &amp; Wei 1989; Binder 1992): V = I⁻¹ B I⁻¹ with B = Σ w_i² U_i U_i', where U_i is
 * subject i's score residual at β̂. The residuals need only the pooled risk-set sums at β̂ (each event time's
 * weighted mean covariate and hazard increment, split into Efron's terms), so a site computes its own part of B
 * from the pooled sums it is sent and the parts add to the pooled B exactly.
 */
public final class CoxRobust {
    private final double[] grid;
    private final int p;
    /** Cumulative hazard and hazard-weighted mean covariate up to and including each grid time. */
    private final double[] cumulativeHazard;
    private final double[][] cumulativeMean;
    /** At each grid time, the same increments as seen by that time's events (Efron: weight 1 − k/d). */
    private final double[] eventHazard;
    private final double[][] eventMean;
    /** The covariate mean an event at each grid time is compared with (the average over Efron's terms). */
    private final double[][] eventCentre;

    private CoxRobust(CoxSums pooled, boolean efron) {
        grid = pooled.grid;
        p = pooled.p;
        int g = grid.length;
        cumulativeHazard = new double[g];
        cumulativeMean = new double[g][p];
        eventHazard = new double[g];
        eventMean = new double[g][p];
        eventCentre = new double[g][p];
        double hazard = 0;
        double[] mean = new double[p];
        for (int t = 0; t < g; t++) {
            long events = pooled.d[t];
            double meanWeight = events == 0 ? 0 : pooled.dw[t] / events;
            for (long k = 0; k < events; k++) {
                double f = efron ? (double) k / events : 0;
                double denominator = pooled.s0[t] - f * pooled.t0[t];
                double increment = meanWeight / denominator;
                hazard += increment;
                eventHazard[t] += (1 - f) * increment;
                for (int a = 0; a < p; a++) {
                    double xbar = (pooled.s1[t][a] - f * pooled.t1[t][a]) / denominator;
                    mean[a] += increment * xbar;
                    eventMean[t][a] += (1 - f) * increment * xbar;
                    eventCentre[t][a] += xbar / events;
                }
            }
            cumulativeHazard[t] = hazard;
            cumulativeMean[t] = mean.clone();
        }
    }

    /** The residual calculator for the pooled sums at β̂. */
    public static CoxRobust at(CoxSums pooled, boolean efron) {
        return new CoxRobust(pooled, efron);
    }

    /**
     * This data set's part of B: Σ w_i² U_i U_i' over its subjects.
     *
     * @param weights case weights, or {@code null} for 1
     */
    public double[][] meat(double[] time, boolean[] event, double[][] x, double[] weights, double[] beta) {
        double[][] meat = new double[p][p];
        double[] u = new double[p];
        for (int i = 0; i < time.length; i++) {
            residual(time[i], event[i], x[i], beta, u);
            double w = weights == null ? 1 : weights[i];
            for (int a = 0; a < p; a++) {
                for (int b = 0; b < p; b++) {
                    meat[a][b] += w * w * u[a] * u[b];
                }
            }
        }
        return meat;
    }

    /** Each subject's score residual U_i at β̂ (one row per subject), e.g. to sum them by cluster. */
    public double[][] residuals(double[] time, boolean[] event, double[][] x, double[] beta) {
        double[][] residuals = new double[time.length][p];
        for (int i = 0; i < time.length; i++) {
            residual(time[i], event[i], x[i], beta, residuals[i]);
        }
        return residuals;
    }

    /** Subject's score residual U = δ(x − x̄ᵉ) − e^η Σ_{t ≤ T} (x − x̄(t)) dΛ(t), into {@code u}. */
    private void residual(double time, boolean event, double[] x, double[] beta, double[] u) {
        int last = lastAtOrBefore(time);
        double risk = Math.exp(CoxSums.dot(x, beta));
        boolean eventOnGrid = event && last >= 0 && grid[last] == time;
        int before = eventOnGrid ? last - 1 : last;
        for (int a = 0; a < p; a++) {
            double atRisk = before < 0 ? 0 : x[a] * cumulativeHazard[before] - cumulativeMean[before][a];
            u[a] = -risk * atRisk;
            if (eventOnGrid) {
                u[a] += x[a] - eventCentre[last][a] - risk * (x[a] * eventHazard[last] - eventMean[last][a]);
            }
        }
    }

    private int lastAtOrBefore(double time) {
        int index = Arrays.binarySearch(grid, time);
        return index >= 0 ? index : -index - 2;
    }

    /** V = I⁻¹ B I⁻¹ from the model's covariance I⁻¹ and the pooled B. */
    public static double[][] sandwich(double[][] covariance, double[][] meat) {
        int p = meat.length;
        double[][] left = new double[p][p];
        for (int a = 0; a < p; a++) {
            for (int b = 0; b < p; b++) {
                for (int c = 0; c < p; c++) {
                    left[a][b] += covariance[a][c] * meat[c][b];
                }
            }
        }
        double[][] v = new double[p][p];
        for (int a = 0; a < p; a++) {
            for (int b = 0; b < p; b++) {
                for (int c = 0; c < p; c++) {
                    v[a][b] += left[a][c] * covariance[c][b];
                }
            }
        }
        return v;
    }
}
