package io.daybreak.charts;

import java.util.List;

/**
 * A numeric axis: its title (with units), scale, range and ticks. The range always runs from the first to the
 * last tick, so both ends of a drawn axis are labelled.
 */
public record Axis(String title, Scale scale, double min, double max, List<Tick> ticks) {
    /** How data values map onto the axis. */
    public enum Scale {
        LINEAR, LOG
    }

    public Axis {
        ticks = List.copyOf(ticks);
        if (!(max > min)) {
            throw new IllegalArgumentException("an axis needs max > min, got " + min + " to " + max);
        }
        if (scale == Scale.LOG && !(min > 0)) {
            throw new IllegalArgumentException("a log axis needs positive values, got " + min);
        }
    }

    /** A linear axis through [from, to] with "nice" ticks (steps of 1, 2 or 5 times a power of ten). */
    public static Axis linear(String title, double from, double to) {
        return Ticks.linear(title, from, to, 5);
    }

    /**
     * A linear axis through [from, to] whose tick step is the smallest of {@code steps} (increasing) giving at most
     * {@code maxTicks} intervals: months in steps of 3, 6 or 12, as trial reports mark follow-up.
     */
    public static Axis linear(String title, double from, double to, double[] steps, int maxTicks) {
        for (double step : steps) {
            if ((Math.max(from, to) - Math.min(from, to)) / step <= maxTicks) {
                return Ticks.stepped(title, from, to, step);
            }
        }
        return linear(title, from, to);
    }

    /** A log axis through [from, to] (positive) with ticks at round values such as 0.5, 1, 2. */
    public static Axis log(String title, double from, double to) {
        return Ticks.log(title, from, to);
    }

    /**
     * A log axis through [from, to] (positive) with ticks at powers of two: 0.25, 0.5, 1, 2, 4 (every second power
     * when more than nine would be needed).
     */
    public static Axis log2(String title, double from, double to) {
        return Ticks.powersOfTwo(title, from, to, 9);
    }

    /** Where a value lies between min (0) and max (1); values outside give fractions outside [0, 1]. */
    public double fraction(double value) {
        if (scale == Scale.LOG) {
            return (Math.log(value) - Math.log(min)) / (Math.log(max) - Math.log(min));
        }
        return (value - min) / (max - min);
    }
}
