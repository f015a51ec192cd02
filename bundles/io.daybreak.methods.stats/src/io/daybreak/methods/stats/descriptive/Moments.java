package io.daybreak.methods.stats.descriptive;

/**
 * Count, mean and sum of squared deviations of one variable, mergeable exactly in the algebraic sense:
 * merging two sites' moments gives the pooled ones (Chan, Golub &amp; LeVeque 1979), without the
 * cancellation of sums of squares. A site releases n, mean and M2 only.
 */
public final class Moments {
    private long n;
    private long missing;
    private double mean;
    private double m2;
    private double min = Double.POSITIVE_INFINITY;
    private double max = Double.NEGATIVE_INFINITY;

    /** Moments of the values, NaN counted as missing. */
    public static Moments of(double[] values) {
        Moments moments = new Moments();
        for (double value : values) {
            if (Double.isNaN(value)) {
                moments.missing++;
                continue;
            }
            moments.n++;
            double delta = value - moments.mean;
            moments.mean += delta / moments.n;
            moments.m2 += delta * (value - moments.mean);
            moments.min = Math.min(moments.min, value);
            moments.max = Math.max(moments.max, value);
        }
        return moments;
    }

    /** Builds moments from released aggregates. */
    public static Moments of(long n, long missing, double mean, double m2, double min, double max) {
        Moments moments = new Moments();
        moments.n = n;
        moments.missing = missing;
        moments.mean = mean;
        moments.m2 = m2;
        moments.min = min;
        moments.max = max;
        return moments;
    }

    /** Adds another site's moments to these. */
    public void merge(Moments other) {
        if (other.n > 0) {
            long total = n + other.n;
            double delta = other.mean - mean;
            mean += delta * other.n / total;
            m2 += other.m2 + delta * delta * n * other.n / total;
            n = total;
            min = Math.min(min, other.min);
            max = Math.max(max, other.max);
        }
        missing += other.missing;
    }

    public long n() {
        return n;
    }

    public long missing() {
        return missing;
    }

    public double mean() {
        return n == 0 ? Double.NaN : mean;
    }

    public double m2() {
        return m2;
    }

    /** The sample variance (denominator n − 1). */
    public double variance() {
        return n < 2 ? Double.NaN : m2 / (n - 1);
    }

    public double min() {
        return min;
    }

    public double max() {
        return max;
    }
}
