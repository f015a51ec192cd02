package io.daybreak.stats.models.survival;

import java.util.Map;
import java.util.TreeMap;

import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * The Kaplan–Meier estimate with Greenwood's variance and a confidence interval on the log scale, as R's
 * {@code survfit} (conf.type = "log"): S(t) = Π (1 − d/n) over event times ≤ t, var(log S) = Σ d/(n(n − d)),
 * limits S·exp(∓z·se(log S)), std. error of S = S·se(log S). The median is the first time where S (for its
 * limits: the lower or upper band) falls to 0.5 or below; where it equals 0.5 exactly on an interval, the
 * midpoint of that interval's ends, as {@code survfit} does.
 */
public final class KaplanMeier {
    private final double[] time;
    private final long[] atRisk;
    private final long[] events;
    private final long[] censored;
    private final double[] survival;
    private final double[] logVariance;
    private final double[] lower;
    private final double[] upper;
    private final double level;

    private KaplanMeier(int k, double level) {
        time = new double[k];
        atRisk = new long[k];
        events = new long[k];
        censored = new long[k];
        survival = new double[k];
        logVariance = new double[k];
        lower = new double[k];
        upper = new double[k];
        this.level = level;
    }

    /** The curve of one group of the counts, with confidence level {@code level} (e.g. 0.95). */
    public static KaplanMeier estimate(EventCounts counts, int group, double level) {
        TreeMap<Double, long[]> cells = counts.group(group);
        KaplanMeier km = new KaplanMeier(cells.size(), level);
        long n = counts.size(group);
        double s = 1;
        double v = 0;
        double z = NormalDistribution.of(0, 1).inverseCumulativeProbability(0.5 + level / 2);
        int i = 0;
        for (Map.Entry<Double, long[]> cell : cells.entrySet()) {
            long d = cell.getValue()[0];
            km.time[i] = cell.getKey();
            km.atRisk[i] = n;
            km.events[i] = d;
            km.censored[i] = cell.getValue()[1];
            if (d > 0) {
                s *= 1 - (double) d / n;
                v += d < n ? (double) d / ((double) n * (n - d)) : Double.POSITIVE_INFINITY;
            }
            km.survival[i] = s;
            km.logVariance[i] = v;
            double se = Math.sqrt(v);
            km.lower[i] = s == 0 ? 0 : Math.exp(Math.log(s) - z * se);
            km.upper[i] = s == 0 ? 0 : Math.min(1, Math.exp(Math.log(s) + z * se));
            n -= d + km.censored[i];
            i++;
        }
        return km;
    }

    public double[] times() {
        return time.clone();
    }

    public long[] atRisk() {
        return atRisk.clone();
    }

    public long[] events() {
        return events.clone();
    }

    public long[] censored() {
        return censored.clone();
    }

    public double[] survival() {
        return survival.clone();
    }

    public double[] lower() {
        return lower.clone();
    }

    public double[] upper() {
        return upper.clone();
    }

    /** Standard error of S at each time (Greenwood). */
    public double[] standardError() {
        double[] se = new double[time.length];
        for (int i = 0; i < se.length; i++) {
            se[i] = survival[i] * Math.sqrt(logVariance[i]);
        }
        return se;
    }

    public double level() {
        return level;
    }

    /** Index of the last time ≤ t, or −1 before the first. */
    private int indexAt(double t) {
        int index = -1;
        for (int i = 0; i < time.length && time[i] <= t; i++) {
            index = i;
        }
        return index;
    }

    /** S(t), its standard error and limits, and the number at risk at t: {S, se, lower, upper, atRisk}. */
    public double[] at(double t) {
        int i = indexAt(t);
        if (i < 0) {
            return new double[] {1, 0, 1, 1, time.length == 0 ? 0 : atRisk[0]};
        }
        long risk = time[i] == t ? atRisk[i] : i + 1 < time.length ? atRisk[i + 1] : 0;
        return new double[] {survival[i], survival[i] * Math.sqrt(logVariance[i]), lower[i], upper[i], risk};
    }

    /** The median and its confidence limits (NaN where the curve or band never reaches 0.5). */
    public double[] median() {
        return new double[] {quantileTime(survival), quantileTime(lower), quantileTime(upper)};
    }

    private double quantileTime(double[] curve) {
        for (int i = 0; i < curve.length; i++) {
            if (Math.abs(curve[i] - 0.5) < 1e-12 * 0.5) {
                // flat at exactly 0.5 until the next time the curve changes: survfit takes the midpoint
                for (int j = i + 1; j < curve.length; j++) {
                    if (curve[j] < curve[i]) {
                        return (time[i] + time[j]) / 2;
                    }
                }
                return Double.NaN;
            }
            if (curve[i] < 0.5) {
                return time[i];
            }
        }
        return Double.NaN;
    }
}
