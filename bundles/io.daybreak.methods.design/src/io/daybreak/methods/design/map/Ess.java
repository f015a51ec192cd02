package io.daybreak.methods.design.map;

import org.apache.commons.numbers.gamma.LogBeta;

/**
 * Effective sample size of a beta-mixture prior, as RBesT's {@code ess(mix, method)} defines it.
 * <ul>
 * <li>{@code elir} (Neuenschwander, Weber, Schmidli &amp; O'Hagan, Biometrics 76:1093-1102, 2020): the expected local
 * information ratio ∫ π(p) i_π(p) / i_F(p) dp, with i_π = −(log π)'' and i_F(p) = 1 / (p(1 − p)) the Bernoulli
 * Fisher information; needs all a, b ≥ 1 (the integral diverges otherwise).</li>
 * <li>{@code moment}: a + b of the beta with the mixture's mean and variance, m(1 − m)/v − 1.</li>
 * <li>{@code morita} (Morita, Thall &amp; Müller, Biometrics 64:595-602, 2008) as RBesT computes it: at the mode x of
 * the prior, (i_π(x) − i_0(x)) / E[i_F(x)], with i_0 the information of the flattened Beta(x/100, (1 − x)/100) and
 * E[i_F(x)] = P(y = 0)/(1 − x)² + P(y = 1)/x² under the prior predictive of one patient.</li>
 * </ul>
 */
final class Ess {
    private Ess() {
    }

    static double moment(BetaMixture mix) {
        double m = mix.mean();
        return m * (1 - m) / mix.variance() - 1;
    }

    static double elir(BetaMixture mix) {
        for (int k = 0; k < mix.size(); k++) {
            if (mix.a()[k] < 1 || mix.b()[k] < 1) {
                throw new IllegalArgumentException("the elir ESS needs every a and b >= 1 (the integral diverges); "
                        + "component " + (k + 1) + " has a = " + mix.a()[k] + ", b = " + mix.b()[k]);
            }
        }
        // in θ = logit p the integrand is π(p) i_π(p) (p(1 − p))²: the body between the 1e-13 and 1 − 1e-13 quantiles
        // on fine panels, each tail on coarser panels out to where it has decayed like e^{(a − 1)θ} by e^{-40}, and
        // the rest (beyond θ = ±700) from the leading term w_k ε^{a_k − 1} / B(a_k, b_k) of each component
        double lo = logit(mix.quantile(1e-13));
        double hi = logit(mix.quantile(1 - 1e-13));
        if (!(hi > lo) || Double.isInfinite(lo) || Double.isInfinite(hi)) {
            throw new IllegalArgumentException("the mixture is too concentrated for the elir integral");
        }
        double aMin = Double.POSITIVE_INFINITY;
        double bMin = Double.POSITIVE_INFINITY;
        for (int k = 0; k < mix.size(); k++) {
            aMin = Math.min(aMin, mix.a()[k]);
            bMin = Math.min(bMin, mix.b()[k]);
        }
        double left = Math.max(-700, lo - (aMin > 1 ? Math.min(700, 40 / (aMin - 1)) : 40));
        double right = Math.min(700, hi + (bMin > 1 ? Math.min(700, 40 / (bMin - 1)) : 40));
        double sum = elirPart(mix, lo, hi, 200) + elirPart(mix, left, lo, 100) + elirPart(mix, hi, right, 100);
        for (int k = 0; k < mix.size(); k++) {
            double logB = LogBeta.value(mix.a()[k], mix.b()[k]);
            if (left == -700 && mix.a()[k] > 1) {
                sum += mix.weights()[k] * Math.exp((mix.a()[k] - 1) * left - logB);
            }
            if (right == 700 && mix.b()[k] > 1) {
                sum += mix.weights()[k] * Math.exp(-(mix.b()[k] - 1) * right - logB);
            }
        }
        return sum;
    }

    private static double elirPart(BetaMixture mix, double lo, double hi, int panels) {
        if (!(hi > lo)) {
            return 0;
        }
        double[][] nodes = Quadrature.legendre(lo, hi, panels);
        double sum = 0;
        for (int i = 0; i < nodes[0].length; i++) {
            double theta = nodes[0][i];
            double p = Quadrature.expit(theta);
            double q = Quadrature.expit(-theta);
            if (p <= 0 || q <= 0) {
                continue;
            }
            sum += nodes[1][i] * density(mix, p, q) * scaledInformation(mix, p, q);
        }
        return sum;
    }

    static double morita(BetaMixture mix) {
        double mode = mode(mix);
        double s = 100;
        double a0 = mode / s;
        double b0 = (1 - mode) / s;
        double info0 = (b0 - 1) / ((1 - mode) * (1 - mode)) + (a0 - 1) / (mode * mode);
        double pd0 = 0;
        for (int k = 0; k < mix.size(); k++) {
            pd0 += mix.weights()[k] * mix.b()[k] / (mix.a()[k] + mix.b()[k]);
        }
        double expected = pd0 / ((1 - mode) * (1 - mode)) + (1 - pd0) / (mode * mode);
        return (information(mix, mode) - info0) / expected;
    }

    /**
     * i_π(p) (p q)² without overflow near 0 and 1: with G_k = g_k p q = (a_k − 1) q − (b_k − 1) p and
     * H_k = h_k (p q)² = −(a_k − 1) q² − (b_k − 1) p², it is (Σ r_k G_k)² − Σ r_k (H_k + G_k²), r_k the
     * responsibilities at p.
     */
    static double scaledInformation(BetaMixture mix, double p, double q) {
        double[] responsibility = responsibilities(mix, p, q);
        double g = 0;
        double h = 0;
        for (int k = 0; k < mix.size(); k++) {
            double r = responsibility[k];
            double a1 = mix.a()[k] - 1;
            double b1 = mix.b()[k] - 1;
            double gk = a1 * q - b1 * p;
            double hk = -a1 * q * q - b1 * p * p;
            g += r * gk;
            h += r * (hk + gk * gk);
        }
        return g * g - h;
    }

    /** The posterior probabilities of the components at p (q = 1 − p), computed on the log scale. */
    private static double[] responsibilities(BetaMixture mix, double p, double q) {
        int size = mix.size();
        double[] terms = new double[size]; // log terms, then responsibilities
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < size; k++) {
            terms[k] = mix.weights()[k] > 0
                    ? Math.log(mix.weights()[k]) + (mix.a()[k] - 1) * Math.log(p) + (mix.b()[k] - 1) * Math.log(q)
                            - LogBeta.value(mix.a()[k], mix.b()[k])
                    : Double.NEGATIVE_INFINITY;
            max = Math.max(max, terms[k]);
        }
        double total = 0;
        for (int k = 0; k < size; k++) {
            terms[k] = Math.exp(terms[k] - max);
            total += terms[k];
        }
        for (int k = 0; k < size; k++) {
            terms[k] /= total;
        }
        return terms;
    }

    /** The mixture density at p, with q = 1 − p given accurately. */
    private static double density(BetaMixture mix, double p, double q) {
        double d = 0;
        for (int k = 0; k < mix.size(); k++) {
            d += mix.weights()[k] * Math.exp((mix.a()[k] - 1) * Math.log(p) + (mix.b()[k] - 1) * Math.log(q)
                    - LogBeta.value(mix.a()[k], mix.b()[k]));
        }
        return d;
    }

    /** −(log π)''(p) for the mixture π. */
    static double information(BetaMixture mix, double p) {
        return information(mix, p, 1 - p);
    }

    /** −(log π)''(p) with q = 1 − p given accurately. */
    static double information(BetaMixture mix, double p, double q) {
        double[] responsibility = responsibilities(mix, p, q);
        double g = 0;
        double h = 0;
        for (int k = 0; k < mix.size(); k++) {
            double r = responsibility[k];
            double a1 = mix.a()[k] - 1;
            double b1 = mix.b()[k] - 1;
            double gk = a1 / p - b1 / q;
            double hk = -a1 / (p * p) - b1 / (q * q);
            g += r * gk;
            h += r * (hk + gk * gk);
        }
        return g * g - h;
    }

    /** The global mode of the mixture density on (0, 1): a scan, then golden-section refinement. */
    static double mode(BetaMixture mix) {
        int grid = 4000;
        int best = 1;
        double bestDensity = -1;
        for (int i = 1; i < grid; i++) {
            double d = mix.density((double) i / grid);
            if (d > bestDensity) {
                bestDensity = d;
                best = i;
            }
        }
        double lo = Math.max(1e-12, (best - 1.0) / grid);
        double hi = Math.min(1 - 1e-12, (best + 1.0) / grid);
        double ratio = (Math.sqrt(5) - 1) / 2;
        double x1 = hi - ratio * (hi - lo);
        double x2 = lo + ratio * (hi - lo);
        double f1 = mix.density(x1);
        double f2 = mix.density(x2);
        for (int it = 0; it < 200 && hi - lo > 1e-14; it++) {
            if (f1 < f2) {
                lo = x1;
                x1 = x2;
                f1 = f2;
                x2 = lo + ratio * (hi - lo);
                f2 = mix.density(x2);
            } else {
                hi = x2;
                x2 = x1;
                f2 = f1;
                x1 = hi - ratio * (hi - lo);
                f1 = mix.density(x1);
            }
        }
        return 0.5 * (lo + hi);
    }

    private static double logit(double p) {
        return Math.log(p) - Math.log1p(-p);
    }
}
