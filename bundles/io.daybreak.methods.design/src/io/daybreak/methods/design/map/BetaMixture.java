package io.daybreak.methods.design.map;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.apache.commons.numbers.gamma.LogBeta;
import org.apache.commons.statistics.distribution.BetaDistribution;

import io.daybreak.core.method.InvalidParameterException;
import io.daybreak.methods.design.oc.MixtureText;

/**
 * A mixture of Beta(a_k, b_k) densities with weights w_k (summing to 1): the form of a MAP prior (RBesT's
 * {@code mixbeta}). Immutable. After x responses in n patients the posterior is again a beta mixture, with components
 * Beta(a_k + x, b_k + n − x) and weights proportional to w_k B(a_k + x, b_k + n − x) / B(a_k, b_k) (the prior
 * predictive probability of the data under component k).
 *
 * @param weights the w_k, positive, summing to 1 (normalised on construction)
 * @param a       the a_k &gt; 0
 * @param b       the b_k &gt; 0
 */
public record BetaMixture(double[] weights, double[] a, double[] b) {
    public BetaMixture {
        if (weights.length == 0 || weights.length != a.length || weights.length != b.length) {
            throw new IllegalArgumentException("a beta mixture needs as many weights as a and b, at least one");
        }
        double sum = 0;
        for (int k = 0; k < weights.length; k++) {
            if (!(weights[k] >= 0) || !(a[k] > 0) || !(b[k] > 0) || !Double.isFinite(a[k]) || !Double.isFinite(b[k])) {
                throw new IllegalArgumentException("component " + (k + 1) + ": need w >= 0, a > 0, b > 0");
            }
            sum += weights[k];
        }
        if (!(sum > 0) || !Double.isFinite(sum)) {
            throw new IllegalArgumentException("the weights of a beta mixture must have a positive sum");
        }
        double[] w = new double[weights.length];
        for (int k = 0; k < w.length; k++) {
            w[k] = weights[k] / sum;
        }
        weights = w;
        a = a.clone();
        b = b.clone();
    }

    /** One Beta(a, b). */
    public static BetaMixture of(double a, double b) {
        return new BetaMixture(new double[] {1}, new double[] {a}, new double[] {b});
    }

    /**
     * Parses {@code "w1,a1,b1;w2,a2,b2;..."} (weights normalised to sum 1). Errors name {@code parameter}, the
     * component and what is allowed.
     */
    public static BetaMixture parse(String parameter, String text) {
        List<double[]> rows = MixtureText.components(parameter, text, "w,a,b");
        for (int k = 0; k < rows.size(); k++) {
            double[] row = rows.get(k);
            if (!(row[0] > 0 && row[0] <= 1) || !(row[1] > 0) || !(row[2] > 0) || !Double.isFinite(row[1])
                    || !Double.isFinite(row[2])) {
                throw new InvalidParameterException("parameter '" + parameter + "': component " + (k + 1)
                        + " has w = " + row[0] + ", a = " + row[1] + ", b = " + row[2] + "; need 0 < w <= 1, a > 0, b > 0");
            }
        }
        double[] w = rows.stream().mapToDouble(r -> r[0]).toArray();
        double[] a = rows.stream().mapToDouble(r -> r[1]).toArray();
        double[] b = rows.stream().mapToDouble(r -> r[2]).toArray();
        return new BetaMixture(w, a, b);
    }

    public int size() {
        return weights.length;
    }

    /** The text {@link #parse} reads, with 17 significant digits. */
    public String format() {
        StringBuilder s = new StringBuilder();
        for (int k = 0; k < size(); k++) {
            if (k > 0) {
                s.append(';');
            }
            s.append(String.format(Locale.ROOT, "%.17g,%.17g,%.17g", weights[k], a[k], b[k]));
        }
        return s.toString();
    }

    public double density(double p) {
        if (p < 0 || p > 1) {
            return 0;
        }
        double d = 0;
        for (int k = 0; k < size(); k++) {
            d += weights[k] * BetaDistribution.of(a[k], b[k]).density(p);
        }
        return d;
    }

    public double cdf(double p) {
        double c = 0;
        for (int k = 0; k < size(); k++) {
            c += weights[k] * BetaDistribution.of(a[k], b[k]).cumulativeProbability(p);
        }
        return Math.min(1, c);
    }

    /** P(p &gt; q), summed from the components' upper tails (accurate where it is small). */
    public double survival(double q) {
        double s = 0;
        for (int k = 0; k < size(); k++) {
            s += weights[k] * BetaDistribution.of(a[k], b[k]).survivalProbability(q);
        }
        return Math.min(1, s);
    }

    public double mean() {
        double m = 0;
        for (int k = 0; k < size(); k++) {
            m += weights[k] * a[k] / (a[k] + b[k]);
        }
        return m;
    }

    public double variance() {
        double second = 0;
        for (int k = 0; k < size(); k++) {
            double n = a[k] + b[k];
            second += weights[k] * a[k] * (a[k] + 1) / (n * (n + 1));
        }
        double m = mean();
        return Math.max(0, second - m * m);
    }

    /** The q-quantile, by bisection on the CDF to 1e-14. */
    public double quantile(double q) {
        double lo = 0;
        double hi = 1;
        for (int i = 0; i < 200 && hi - lo > 1e-15; i++) {
            double mid = 0.5 * (lo + hi);
            if (cdf(mid) < q) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return 0.5 * (lo + hi);
    }

    /** The posterior after {@code responses} of {@code patients}: updated components and weights. */
    public BetaMixture posterior(long responses, long patients) {
        if (responses < 0 || responses > patients) {
            throw new IllegalArgumentException("need 0 <= responses <= patients");
        }
        int size = size();
        double[] logW = new double[size];
        double[] a2 = new double[size];
        double[] b2 = new double[size];
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < size; k++) {
            a2[k] = a[k] + responses;
            b2[k] = b[k] + patients - responses;
            logW[k] = weights[k] > 0 ? Math.log(weights[k]) + LogBeta.value(a2[k], b2[k]) - LogBeta.value(a[k], b[k])
                    : Double.NEGATIVE_INFINITY;
            max = Math.max(max, logW[k]);
        }
        double[] w = new double[size];
        for (int k = 0; k < size; k++) {
            w[k] = Math.exp(logW[k] - max);
        }
        return new BetaMixture(w, a2, b2);
    }

    /**
     * The log of the prior predictive probability of {@code responses} of {@code patients} (beta-binomial mixture),
     * including the binomial coefficient.
     */
    public double logPredictive(long responses, long patients) {
        double max = Double.NEGATIVE_INFINITY;
        double[] terms = new double[size()];
        double logChoose = -Math.log(patients + 1.0) - LogBeta.value(patients - responses + 1.0, responses + 1.0);
        for (int k = 0; k < size(); k++) {
            terms[k] = weights[k] > 0 ? Math.log(weights[k]) + logChoose
                    + LogBeta.value(a[k] + responses, b[k] + patients - responses) - LogBeta.value(a[k], b[k])
                    : Double.NEGATIVE_INFINITY;
            max = Math.max(max, terms[k]);
        }
        double sum = 0;
        for (double t : terms) {
            sum += Math.exp(t - max);
        }
        return max + Math.log(sum);
    }

    /**
     * RBesT's {@code robustify(mix, weight, mean, n)}: the mixture with weight 1 − weight and a robust component
     * Beta(mean (n + 1), (1 − mean)(n + 1)) with weight {@code weight} (mean 0.5, n 1: Beta(1, 1)), appended last.
     */
    public BetaMixture robustify(double weight, double mean, double n) {
        if (!(weight >= 0 && weight <= 1) || !(mean > 0 && mean < 1) || !(n >= 0)) {
            throw new IllegalArgumentException("need 0 <= weight <= 1, 0 < mean < 1, n >= 0");
        }
        int size = size();
        double[] w = Arrays.copyOf(weights, size + 1);
        double[] a2 = Arrays.copyOf(a, size + 1);
        double[] b2 = Arrays.copyOf(b, size + 1);
        for (int k = 0; k < size; k++) {
            w[k] *= 1 - weight;
        }
        w[size] = weight;
        a2[size] = mean * (n + 1);
        b2[size] = (1 - mean) * (n + 1);
        return new BetaMixture(w, a2, b2);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof BetaMixture m && Arrays.equals(weights, m.weights) && Arrays.equals(a, m.a)
                && Arrays.equals(b, m.b);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(weights) + Arrays.hashCode(a)) + Arrays.hashCode(b);
    }

    @Override
    public String toString() {
        return "BetaMixture[" + format() + "]";
    }
}
