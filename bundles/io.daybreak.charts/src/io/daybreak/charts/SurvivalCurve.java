package io.daybreak.charts;

import java.util.ArrayList;
import java.util.List;

/**
 * One group's Kaplan-Meier estimate at its (increasing) event and censoring times: S(t) with pointwise lower and
 * upper limits and, when known, the numbers at risk, events and censorings at each time (a federated result
 * releases no counts, so those may be null). The step geometry lives here, in data units, so every renderer
 * draws the same right-continuous step function.
 */
public record SurvivalCurve(String name, double[] time, double[] survival, double[] lower, double[] upper, long[] atRisk,
        long[] events, long[] censored) {

    public SurvivalCurve {
        int n = time.length;
        if (survival.length != n || lower.length != n || upper.length != n) {
            throw new IllegalArgumentException("curve " + name + ": time, survival, lower and upper differ in length");
        }
        if ((atRisk == null) != (events == null) || (atRisk == null) != (censored == null)
                || atRisk != null && (atRisk.length != n || events.length != n || censored.length != n)) {
            throw new IllegalArgumentException("curve " + name + ": give atRisk, events and censored for every time, "
                    + "or none of them");
        }
    }

    /** A curve without counts (no censor marks, no numbers at risk). */
    public static SurvivalCurve of(String name, double[] time, double[] survival, double[] lower, double[] upper) {
        return new SurvivalCurve(name, time, survival, lower, upper, null, null, null);
    }

    /** The same curve on a time axis multiplied by {@code factor} (days to months, say). */
    public SurvivalCurve scaled(double factor) {
        if (factor == 1) {
            return this;
        }
        double[] scaled = new double[time.length];
        for (int i = 0; i < scaled.length; i++) {
            scaled[i] = time[i] * factor;
        }
        return new SurvivalCurve(name, scaled, survival, lower, upper, atRisk, events, censored);
    }

    /**
     * The median survival time as R's {@code survfit} prints it: the first time S(t) falls below 0.5, or, where S(t)
     * is exactly 0.5 over an interval, the midpoint of that interval; NaN when S(t) stays above 0.5.
     */
    public double median() {
        for (int i = 0; i < time.length; i++) {
            double s = survival[i];
            if (!(s <= 0.5)) {
                continue;
            }
            if (s < 0.5) {
                return time[i];
            }
            for (int j = i + 1; j < time.length; j++) {
                if (survival[j] < 0.5) {
                    return (time[i] + time[j]) / 2;
                }
            }
            return time[i];
        }
        return Double.NaN;
    }

    public boolean hasCounts() {
        return atRisk != null;
    }

    /** The last time of the curve, 0 when it has none. */
    public double end() {
        double end = 0;
        for (double t : time) {
            end = Math.max(end, t);
        }
        return end;
    }

    /**
     * The vertices (t, S) of S(t) as a right-continuous step function from (0, 1) to its last time: a horizontal
     * run to each time, then a drop where S changes. Undefined values (NaN) keep the previous level.
     *
     * @return t0, s0, t1, s1, ...
     */
    public double[] steps() {
        List<Double> points = new ArrayList<>(List.of(0.0, 1.0));
        double level = 1;
        for (int i = 0; i < time.length; i++) {
            points.add(time[i]);
            points.add(level);
            if (Double.isFinite(survival[i]) && survival[i] != level) {
                level = survival[i];
                points.add(time[i]);
                points.add(level);
            }
        }
        return points.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /**
     * The confidence band as rectangles {from, to, lower, upper}: the limits at time i hold until the next time
     * (the last until {@code end}); times with an undefined limit are left out.
     */
    public List<double[]> band(double end) {
        List<double[]> band = new ArrayList<>();
        for (int i = 0; i < time.length; i++) {
            if (Double.isFinite(lower[i]) && Double.isFinite(upper[i])) {
                band.add(new double[] {time[i], i + 1 < time.length ? time[i + 1] : Math.max(end, time[i]), lower[i],
                    upper[i]});
            }
        }
        return band;
    }

    /** Censor marks (t, S(t)) where patients were censored: t0, s0, t1, s1, ... (none without counts). */
    public double[] censorMarks() {
        if (!hasCounts()) {
            return new double[0];
        }
        List<Double> marks = new ArrayList<>();
        double level = 1;
        for (int i = 0; i < time.length; i++) {
            level = Double.isFinite(survival[i]) ? survival[i] : level;
            if (censored[i] > 0) {
                marks.add(time[i]);
                marks.add(level);
            }
        }
        return marks.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /**
     * The number at risk at time t as R's {@code summary(survfit, times = t)} gives it: at risk just before the
     * first time at or after t; after the last time, those still under observation (0 when all had an event or
     * were censored). -1 without counts.
     */
    public long atRiskAt(double t) {
        if (!hasCounts()) {
            return -1;
        }
        for (int i = 0; i < time.length; i++) {
            if (time[i] >= t) {
                return atRisk[i];
            }
        }
        int last = time.length - 1;
        return last < 0 ? 0 : Math.max(0, atRisk[last] - events[last] - censored[last]);
    }
}
