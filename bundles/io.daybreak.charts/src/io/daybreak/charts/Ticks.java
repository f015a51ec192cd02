package io.daybreak.charts;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;

/** Tick computation for linear and log axes, and the text of a tick label. */
public final class Ticks {
    /** Mantissas tried on a log axis, coarse to fine: the first set giving at least four ticks wins. */
    private static final double[][] LOG_MANTISSAS = {{1}, {1, 2, 5}, {1, 1.5, 2, 3, 5, 7},
        {1, 1.25, 1.5, 2, 2.5, 3, 4, 5, 6, 8}};

    private Ticks() {
    }

    /** A step of 1, 2 or 5 times a power of ten close to span / target. */
    public static double niceStep(double span, int target) {
        double raw = span / Math.max(1, target);
        double power = Math.pow(10, Math.floor(Math.log10(raw)));
        double mantissa = raw / power;
        double nice = mantissa < 1.5 ? 1 : mantissa < 3.5 ? 2 : mantissa < 7.5 ? 5 : 10;
        return nice * power;
    }

    static Axis linear(String title, double from, double to, int target) {
        if (!Double.isFinite(from) || !Double.isFinite(to)) {
            throw new IllegalArgumentException("an axis needs finite limits, got " + from + " to " + to);
        }
        double lo = Math.min(from, to);
        double hi = Math.max(from, to);
        if (hi - lo < 1e-12 * Math.max(1, Math.abs(hi))) {
            // a single value: centre it in a unit-wide range rather than divide by zero
            lo -= 0.5;
            hi += 0.5;
        }
        return stepped(title, lo, hi, niceStep(hi - lo, target));
    }

    /** A linear axis from the last multiple of {@code step} at or below the data to the first at or above. */
    static Axis stepped(String title, double from, double to, double step) {
        double lo = Math.min(from, to);
        double hi = Math.max(from, to);
        long first = (long) Math.floor(lo / step + 1e-9);
        long last = (long) Math.ceil(hi / step - 1e-9);
        List<Tick> ticks = new ArrayList<>();
        for (long i = first; i <= last; i++) {
            double value = i * step;
            ticks.add(new Tick(value, label(value)));
        }
        return new Axis(title, Axis.Scale.LINEAR, first * step, last * step, ticks);
    }

    static Axis log(String title, double from, double to) {
        double lo = Math.min(from, to);
        double hi = Math.max(from, to);
        if (!(lo > 0) || !Double.isFinite(hi)) {
            throw new IllegalArgumentException("a log axis needs positive finite limits, got " + from + " to " + to);
        }
        List<Double> chosen = null;
        for (double[] mantissas : LOG_MANTISSAS) {
            chosen = logTicks(lo, hi, mantissas);
            if (chosen.size() >= 4) {
                break;
            }
        }
        List<Tick> ticks = chosen.stream().map(v -> new Tick(v, label(v))).toList();
        return new Axis(title, Axis.Scale.LOG, chosen.get(0), chosen.get(chosen.size() - 1), ticks);
    }

    /**
     * A log axis with ticks at powers of two (0.25, 0.5, 1, 2, 4, ...), as disproportionality ratios are read; 1 is
     * always a tick, and powers below 0.1 read as fractions (1/16). With a wide range every second (third, ...) power
     * is kept so that at most {@code maxTicks} remain.
     */
    static Axis powersOfTwo(String title, double from, double to, int maxTicks) {
        double lo = Math.min(from, to);
        double hi = Math.max(from, to);
        if (!(lo > 0) || !Double.isFinite(hi)) {
            throw new IllegalArgumentException("a log axis needs positive finite limits, got " + from + " to " + to);
        }
        int first = (int) Math.floor(Math.log(lo) / Math.log(2) + 1e-9);
        int last = (int) Math.ceil(Math.log(hi) / Math.log(2) - 1e-9);
        if (last == first) {
            last++;
        }
        int step = 1;
        while ((Math.ceil(last / (double) step) - Math.floor(first / (double) step)) > Math.max(1, maxTicks - 1)) {
            step++;
        }
        int start = (int) Math.floor(first / (double) step) * step;
        int end = (int) Math.ceil(last / (double) step) * step;
        List<Tick> ticks = new ArrayList<>();
        for (int k = start; k <= end; k += step) {
            double value = Math.scalb(1.0, k);
            // 1/64 rather than 0.015625
            ticks.add(new Tick(value, value >= 0.1 ? label(value) : "1/" + label(1 / value)));
        }
        return new Axis(title, Axis.Scale.LOG, ticks.get(0).value(), ticks.get(ticks.size() - 1).value(), ticks);
    }

    /** Round values from the largest candidate at or below lo to the smallest at or above hi. */
    private static List<Double> logTicks(double lo, double hi, double[] mantissas) {
        List<Double> candidates = new ArrayList<>();
        for (int k = (int) Math.floor(Math.log10(lo)) - 1; k <= (int) Math.ceil(Math.log10(hi)) + 1; k++) {
            for (double m : mantissas) {
                // m * 10^k through BigDecimal so that 0.1 * 3 is 0.3 exactly as a label, not 0.30000000000000004
                candidates.add(new BigDecimal(Double.toString(m)).scaleByPowerOfTen(k).doubleValue());
            }
        }
        double lower = candidates.get(0);
        double upper = candidates.get(candidates.size() - 1);
        for (double c : candidates) {
            if (c <= lo * (1 + 1e-12)) {
                lower = c;
            }
            if (c >= hi * (1 - 1e-12) && upper >= c) {
                upper = c;
            }
        }
        List<Double> ticks = new ArrayList<>();
        for (double c : candidates) {
            if (c >= lower && c <= upper) {
                ticks.add(c);
            }
        }
        return ticks;
    }

    /** A tick value as people write it: 0.25, 100, 1.5 (12 significant digits, no trailing zeros, no "-0"). */
    public static String label(double value) {
        if (!Double.isFinite(value)) {
            return String.valueOf(value);
        }
        if (Math.abs(value) < 1e-12) {
            return "0";
        }
        return new BigDecimal(value).round(new MathContext(12)).stripTrailingZeros().toPlainString();
    }
}
