package io.daybreak.stats.biomarker.predictive;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * STEPP, the subpopulation treatment effect pattern plot (Bonetti &amp; Gelber 2004): overlapping sliding windows of
 * patients ordered by a marker, the treatment effect in each, and a permutation test of whether the effects vary
 * more than chance allows. The windows are those of R {@code stepp::stepp.win(type = "sliding", r1, r2)}: the first
 * holds the smallest marker values up to r2 patients (ties kept together); each next window drops values from the
 * bottom until at most r1 patients are shared with the previous one, then adds values on top until it holds at least
 * r2; the last window ends at the largest marker value (it may hold fewer than r2). The test is stepp's
 * {@code ppv2}: marker values are permuted within each arm; for each window the deviation of its effect difference
 * from the overall difference is divided by its standard deviation over the permutations; the p-value is the share
 * of permutations whose largest absolute standardised deviation exceeds the observed one.
 */
public final class Stepp {
    private Stepp() {
    }

    /**
     * A window: marker values from {@code lower} to {@code upper} (inclusive), the indices of these among the sorted
     * distinct values, and the number of patients in it.
     */
    public record Window(int lowerIndex, int upperIndex, double lower, double upper, int n) {
        /** Whether a marker value falls in the window. */
        public boolean contains(double value) {
            return value >= lower && value <= upper;
        }
    }

    /** An arm's effect in a set of rows: estimate and its variance. */
    @FunctionalInterface
    public interface Estimator {
        /** The estimate and its variance from the rows flagged in {@code rows} (a subset of one arm). */
        double[] estimate(boolean[] rows);
    }

    /**
     * The treatment effects per window.
     *
     * @param windows          the windows
     * @param treated          per window: the treated arm's estimate
     * @param control          per window: the control arm's estimate
     * @param difference       per window: treated − control
     * @param standardError    per window: √(var treated + var control)
     * @param median           per window: the median marker value
     * @param overallTreated   all rows of the treated arm
     * @param overallControl   all rows of the control arm
     * @param overallDifference overallTreated − overallControl
     * @param overallStandardError its standard error
     * @param supremum         the observed largest absolute standardised deviation (NaN without permutations)
     * @param pValue           its permutation p-value (NaN without permutations)
     * @param permutations     permutations used
     */
    public record Result(List<Window> windows, double[] treated, double[] control, double[] difference,
            double[] standardError, double[] median, double overallTreated, double overallControl,
            double overallDifference, double overallStandardError, double supremum, double pValue, int permutations) {
    }

    /**
     * The sliding windows of stepp (see the class comment) over the marker values.
     *
     * @throws IllegalArgumentException unless 0 &lt;= r1 &lt; r2 &lt; the number of values
     */
    public static List<Window> slidingWindows(double[] marker, int r1, int r2) {
        if (r1 < 0 || r2 <= r1) {
            throw new IllegalArgumentException("need 0 <= r1 < r2, got r1 = " + r1 + ", r2 = " + r2);
        }
        if (r2 >= marker.length) {
            throw new IllegalArgumentException("r2 = " + r2 + " must be smaller than the number of patients ("
                    + marker.length + ")");
        }
        double[] sorted = marker.clone();
        Arrays.sort(sorted);
        double[] z = Arrays.stream(sorted).distinct().toArray();
        int m = z.length;
        long[] freq = new long[m];
        int k = 0;
        for (double v : sorted) {
            while (z[k] != v) {
                k++;
            }
            freq[k]++;
        }
        long[] cum = new long[m + 1]; // cum[i] = patients with the i smallest values (1-based as in stepp)
        for (int i = 0; i < m; i++) {
            cum[i + 1] = cum[i] + freq[i];
        }
        List<int[]> bounds = new ArrayList<>(); // 1-based I0, I1 as in stepp
        int first = 0;
        for (int i = 1; i <= m; i++) {
            if (cum[i] < r2) {
                first++;
            }
        }
        bounds.add(new int[] {1, first + 1});
        boolean stop = first + 1 >= m;
        while (!stop) {
            int[] previous = bounds.get(bounds.size() - 1);
            int lower = previous[0] + 1;
            while (cum[previous[1]] - cum[lower - 1] > r1) {
                lower++;
            }
            int upper = previous[1];
            while (cum[upper] - cum[lower] + freq[lower - 1] < r2 && !stop) {
                upper++;
                stop = upper == m;
            }
            bounds.add(new int[] {lower, upper});
        }
        List<Window> windows = new ArrayList<>();
        for (int[] b : bounds) {
            windows.add(new Window(b[0] - 1, b[1] - 1, z[b[0] - 1], z[b[1] - 1], (int) (cum[b[1]] - cum[b[0] - 1])));
        }
        return windows;
    }

    /**
     * The effects per window and, with {@code permutations} &gt; 0, the permutation test.
     *
     * @param marker       each row's marker value
     * @param treated      each row's arm (true: treated)
     * @param estimator    an arm's effect in a set of rows
     * @param windows      the windows ({@link #slidingWindows})
     * @param permutations number of permutations (0: none)
     * @param random       the generator for the permutations
     * @throws IllegalArgumentException if a window has no patient of an arm
     */
    public static Result analyse(double[] marker, boolean[] treated, Estimator estimator, List<Window> windows,
            int permutations, UniformRandomProvider random) {
        int n = marker.length;
        int w = windows.size();
        double[][] observed = effects(marker, treated, estimator, windows);
        boolean[] all1 = new boolean[n];
        boolean[] all0 = new boolean[n];
        for (int i = 0; i < n; i++) {
            all1[i] = treated[i];
            all0[i] = !treated[i];
        }
        double[] o1 = estimator.estimate(all1);
        double[] o0 = estimator.estimate(all0);
        double overall = o1[0] - o0[0];
        double[] median = new double[w];
        for (int s = 0; s < w; s++) {
            Window window = windows.get(s);
            median[s] = median(Arrays.stream(marker).filter(window::contains).toArray());
        }
        double supremum = Double.NaN;
        double p = Double.NaN;
        if (permutations > 0) {
            double[][] deviations = new double[permutations][w];
            int[] rows1 = indices(treated, true);
            int[] rows0 = indices(treated, false);
            double[] permuted = marker.clone();
            for (int b = 0; b < permutations; b++) {
                shuffle(marker, permuted, rows1, random);
                shuffle(marker, permuted, rows0, random);
                double[][] e = effects(permuted, treated, estimator, windows);
                for (int s = 0; s < w; s++) {
                    deviations[b][s] = e[2][s] - overall;
                }
            }
            double[] sigma = new double[w];
            for (int s = 0; s < w; s++) {
                double mean = 0;
                for (double[] d : deviations) {
                    mean += d[s] / permutations;
                }
                double ss = 0;
                for (double[] d : deviations) {
                    ss += (d[s] - mean) * (d[s] - mean);
                }
                sigma[s] = Math.sqrt(ss / (permutations - 1));
            }
            supremum = 0;
            for (int s = 0; s < w; s++) {
                supremum = Math.max(supremum, Math.abs((observed[2][s] - overall) / sigma[s]));
            }
            long exceed = 0;
            for (double[] d : deviations) {
                double t = 0;
                for (int s = 0; s < w; s++) {
                    t = Math.max(t, Math.abs(d[s] / sigma[s]));
                }
                exceed += t > supremum ? 1 : 0;
            }
            p = (double) exceed / permutations;
        }
        return new Result(windows, observed[0], observed[1], observed[2], observed[3], median, o1[0], o0[0], overall,
                Math.sqrt(o1[1] + o0[1]), supremum, p, permutations);
    }

    /** Rows {treated, control, difference, standard error} by window. */
    private static double[][] effects(double[] marker, boolean[] treated, Estimator estimator, List<Window> windows) {
        int w = windows.size();
        double[][] out = new double[4][w];
        boolean[] in1 = new boolean[marker.length];
        boolean[] in0 = new boolean[marker.length];
        for (int s = 0; s < w; s++) {
            Window window = windows.get(s);
            int count1 = 0;
            int count0 = 0;
            for (int i = 0; i < marker.length; i++) {
                boolean in = window.contains(marker[i]);
                in1[i] = in && treated[i];
                in0[i] = in && !treated[i];
                count1 += in1[i] ? 1 : 0;
                count0 += in0[i] ? 1 : 0;
            }
            if (count1 == 0 || count0 == 0) {
                throw new IllegalArgumentException("window " + (s + 1) + " (marker " + window.lower() + " to "
                        + window.upper() + ") has no patient in the " + (count1 == 0 ? "treated" : "control") + " arm");
            }
            double[] e1 = estimator.estimate(in1);
            double[] e0 = estimator.estimate(in0);
            out[0][s] = e1[0];
            out[1][s] = e0[0];
            out[2][s] = e1[0] - e0[0];
            out[3][s] = Math.sqrt(e1[1] + e0[1]);
        }
        return out;
    }

    private static int[] indices(boolean[] flags, boolean value) {
        int[] out = new int[flags.length];
        int k = 0;
        for (int i = 0; i < flags.length; i++) {
            if (flags[i] == value) {
                out[k++] = i;
            }
        }
        return Arrays.copyOf(out, k);
    }

    /** Puts a random permutation of {@code source}'s values at {@code rows} into {@code target}'s same rows. */
    private static void shuffle(double[] source, double[] target, int[] rows, UniformRandomProvider random) {
        double[] values = new double[rows.length];
        for (int k = 0; k < rows.length; k++) {
            values[k] = source[rows[k]];
        }
        for (int k = values.length - 1; k > 0; k--) {
            int j = random.nextInt(k + 1);
            double t = values[k];
            values[k] = values[j];
            values[j] = t;
        }
        for (int k = 0; k < rows.length; k++) {
            target[rows[k]] = values[k];
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** The mean of the flagged rows' outcomes and its variance: p(1 − p)/n for 0/1 outcomes, s²/n otherwise. */
    public static Estimator mean(double[] outcome, boolean binary) {
        return rows -> {
            double sum = 0;
            int n = 0;
            for (int i = 0; i < rows.length; i++) {
                if (rows[i]) {
                    sum += outcome[i];
                    n++;
                }
            }
            double mean = sum / n;
            if (binary) {
                return new double[] {mean, mean * (1 - mean) / n};
            }
            double ss = 0;
            for (int i = 0; i < rows.length; i++) {
                if (rows[i]) {
                    ss += (outcome[i] - mean) * (outcome[i] - mean);
                }
            }
            return new double[] {mean, n > 1 ? ss / (n - 1) / n : Double.NaN};
        };
    }

    /**
     * The Kaplan–Meier survival at {@code timePoint} of the flagged rows (events at the time point included) and its
     * Greenwood variance, as stepp's {@code tpest(kmest(...))}.
     */
    public static Estimator kaplanMeier(double[] time, boolean[] event, double timePoint) {
        Integer[] order = new Integer[time.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(time[a], time[b]));
        return rows -> {
            int atRisk = 0;
            for (boolean r : rows) {
                atRisk += r ? 1 : 0;
            }
            double s = 1;
            double greenwood = 0;
            int k = 0;
            while (k < order.length) {
                double t = time[order[k]];
                if (t > timePoint) {
                    break;
                }
                int deaths = 0;
                int leaving = 0;
                while (k < order.length && time[order[k]] == t) {
                    if (rows[order[k]]) {
                        leaving++;
                        deaths += event[order[k]] ? 1 : 0;
                    }
                    k++;
                }
                if (deaths > 0) {
                    s *= 1 - (double) deaths / atRisk;
                    greenwood += atRisk > deaths ? (double) deaths / ((double) atRisk * (atRisk - deaths)) : 0;
                }
                atRisk -= leaving;
            }
            return new double[] {s, s * s * greenwood};
        };
    }
}
