package io.daybreak.stats.causal;

import java.util.Map;
import java.util.TreeMap;

/**
 * The Kaplan–Meier estimate with case weights, as R's {@code survfit(Surv(time, status) ~ 1, weights = w)}:
 * S(t) = Π (1 − d_w/n_w) over event times ≤ t with the weighted numbers of events d_w and at risk n_w, and the
 * infinitesimal-jackknife standard error survfit reports by default for non-integer weights,
 * √Σ_i (w_i ∂S(t)/∂w_i)², where ∂S(t)/∂w_i = S(t)·[C(min(t, T_i)) − δ_i 1(T_i ≤ t)/(n_w − d_w)(T_i)] and
 * C(s) = Σ_{t_j ≤ s} d_j/(n_j(n_j − d_j)) (Greenwood's terms). It takes the weights as known. Everything is
 * built from per-time sums of the weights and of their squares, which add across sites.
 */
public final class WeightedKaplanMeier {
    private final double[] time;
    private final double[] atRisk;
    private final double[] events;
    private final double[] survival;
    private final double[] variance;

    private WeightedKaplanMeier(int k) {
        time = new double[k];
        atRisk = new double[k];
        events = new double[k];
        survival = new double[k];
        variance = new double[k];
    }

    /**
     * Weighted counts per distinct time: the events' total weight, the total weight leaving the risk set (events
     * and censored) at that time, and the same two sums of squared weights.
     */
    public static final class Counts {
        private final TreeMap<Double, double[]> cells = new TreeMap<>();

        /** The counts of the rows of one arm ({@code arm[i] == which}). */
        public static Counts of(double[] time, boolean[] event, double[] weights, int[] arm, int which) {
            Counts counts = new Counts();
            for (int i = 0; i < time.length; i++) {
                if (arm[i] == which) {
                    double w = weights[i];
                    counts.add(time[i], event[i] ? w : 0, w, event[i] ? w * w : 0, w * w);
                }
            }
            return counts;
        }

        public void add(double time, double eventWeight, double leavingWeight, double eventSquares,
                double leavingSquares) {
            double[] cell = cells.computeIfAbsent(time, t -> new double[4]);
            cell[0] += eventWeight;
            cell[1] += leavingWeight;
            cell[2] += eventSquares;
            cell[3] += leavingSquares;
        }

        /** Adds another site's counts. */
        public void merge(Counts other) {
            other.cells.forEach((t, cell) -> add(t, cell[0], cell[1], cell[2], cell[3]));
        }

        /** {times, event weights, leaving weights, event squares, leaving squares}, for release. */
        public double[][] arrays() {
            double[][] arrays = new double[5][cells.size()];
            int i = 0;
            for (Map.Entry<Double, double[]> cell : cells.entrySet()) {
                arrays[0][i] = cell.getKey();
                for (int c = 0; c < 4; c++) {
                    arrays[c + 1][i] = cell.getValue()[c];
                }
                i++;
            }
            return arrays;
        }

        /** Counts from {@link #arrays()}. */
        public static Counts fromArrays(double[][] arrays) {
            if (arrays.length != 5) {
                throw new IllegalArgumentException("weighted counts need 5 arrays, not " + arrays.length);
            }
            Counts counts = new Counts();
            for (int i = 0; i < arrays[0].length; i++) {
                if (arrays[1].length <= i || arrays[2].length <= i || arrays[3].length <= i || arrays[4].length <= i) {
                    throw new IllegalArgumentException("weighted counts of different lengths");
                }
                counts.add(arrays[0][i], arrays[1][i], arrays[2][i], arrays[3][i], arrays[4][i]);
            }
            return counts;
        }
    }

    /** The curve over the event times of the counts. */
    public static WeightedKaplanMeier estimate(Counts counts) {
        double remaining = 0;
        double remainingSquares = 0;
        int eventTimes = 0;
        for (double[] cell : counts.cells.values()) {
            remaining += cell[1];
            remainingSquares += cell[3];
            eventTimes += cell[0] > 0 ? 1 : 0;
        }
        WeightedKaplanMeier km = new WeightedKaplanMeier(eventTimes);
        double s = 1;
        double greenwood = 0; // C(t)
        double left = 0; // Σ over subjects who left by t of (w ∂S/∂w / S)²
        int k = 0;
        for (Map.Entry<Double, double[]> entry : counts.cells.entrySet()) {
            double[] cell = entry.getValue();
            double d = cell[0];
            double survivors = remaining - d;
            // a last event that empties the risk set makes S = 0, whose derivative is 0: no jump term then
            boolean emptied = survivors <= 1e-12 * remaining;
            double eventJump = 0;
            if (d > 0) {
                s = emptied ? 0 : s * (survivors / remaining);
                if (!emptied) {
                    greenwood += d / (remaining * survivors);
                    eventJump = 1 / survivors;
                }
            }
            double censoredSquares = cell[3] - cell[2];
            double eventTerm = greenwood - eventJump;
            left += censoredSquares * greenwood * greenwood + cell[2] * eventTerm * eventTerm;
            remainingSquares -= cell[3];
            if (d > 0) {
                km.time[k] = entry.getKey();
                km.atRisk[k] = remaining;
                km.events[k] = d;
                km.survival[k] = s;
                km.variance[k] = s * s * (left + greenwood * greenwood * Math.max(remainingSquares, 0));
                k++;
            }
            remaining -= cell[1];
        }
        return km;
    }

    public double[] times() {
        return time.clone();
    }

    public double[] atRisk() {
        return atRisk.clone();
    }

    public double[] events() {
        return events.clone();
    }

    public double[] survival() {
        return survival.clone();
    }

    /** The infinitesimal-jackknife standard error of S at each event time. */
    public double[] standardError() {
        double[] se = new double[time.length];
        for (int i = 0; i < se.length; i++) {
            se[i] = Math.sqrt(variance[i]);
        }
        return se;
    }

    /** {S(t), its standard error} at any time t ≥ 0 (S = 1, se = 0 before the first event). */
    public double[] at(double t) {
        int last = -1;
        for (int i = 0; i < time.length && time[i] <= t; i++) {
            last = i;
        }
        return last < 0 ? new double[] {1, 0} : new double[] {survival[last], Math.sqrt(variance[last])};
    }
}
