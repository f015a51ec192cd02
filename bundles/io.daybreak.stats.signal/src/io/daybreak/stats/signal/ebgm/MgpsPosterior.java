package io.daybreak.stats.signal.ebgm;

import org.apache.commons.numbers.gamma.Digamma;
import org.apache.commons.numbers.gamma.InverseErfc;
import org.apache.commons.numbers.gamma.LogGamma;
import org.apache.commons.numbers.gamma.RegularizedGamma;
import org.apache.commons.numbers.rootfinder.BrentSolver;
import org.apache.commons.statistics.distribution.GammaDistribution;

/**
 * The posterior of lambda for one pair given its count {@code n} and expected count {@code e} under a fitted prior:
 * a two-gamma mixture Gamma(alpha1 + n, beta1 + e) with weight {@code Qn} and Gamma(alpha2 + n, beta2 + e)
 * (DuMouchel 1999, eqs. 5-11; openEBGM's {@code Qn}, {@code ebgm}, {@code quantBisect}).
 *
 * <p>Quantiles are exact roots of the mixture CDF (safeguarded Newton to 1e-14 relative, falling back to Brent's method
 * between the two components' quantiles, which bracket the mixture's), not openEBGM's fixed-width bisection
 * rounded to {@code digits}; with openEBGM's {@code digits} set high the two agree to its bisection tolerance.
 */
public final class MgpsPosterior {

    private static final BrentSolver SOLVER = new BrentSolver(1e-15, 1e-300, 0);

    private final MgpsPrior prior;

    /** A posterior calculator for one prior. */
    public MgpsPosterior(MgpsPrior prior) {
        this.prior = prior;
    }

    /** The prior. */
    public MgpsPrior prior() {
        return prior;
    }

    /** Posterior probability that lambda came from the first component (openEBGM {@code Qn}). */
    public double qn(int n, double e) {
        double l1 = Math.log(prior.p()) + logNb(n, e, prior.alpha1(), prior.beta1());
        double l2 = Math.log1p(-prior.p()) + logNb(n, e, prior.alpha2(), prior.beta2());
        return 1 / (1 + Math.exp(l2 - l1));
    }

    private static double logNb(int n, double e, double a, double b) {
        double lp = -Math.log1p(e / b);
        double lq = -Math.log1p(b / e);
        return LogGamma.value(n + a) - LogGamma.value(a) - LogGamma.value(n + 1.0) + a * lp + (n == 0 ? 0 : n * lq);
    }

    /** The empirical Bayes geometric mean exp(E[log lambda | n]) (openEBGM {@code ebgm}, unrounded). */
    public double ebgm(int n, double e, double qn) {
        double m1 = Digamma.value(prior.alpha1() + n) - Math.log(prior.beta1() + e);
        double m2 = Digamma.value(prior.alpha2() + n) - Math.log(prior.beta2() + e);
        return Math.exp(qn * m1 + (1 - qn) * m2);
    }

    /** Posterior CDF of lambda at {@code x}. */
    public double cdf(int n, double e, double qn, double x) {
        if (x <= 0) {
            return 0;
        }
        return qn * RegularizedGamma.P.value(prior.alpha1() + n, (prior.beta1() + e) * x)
                + (1 - qn) * RegularizedGamma.P.value(prior.alpha2() + n, (prior.beta2() + e) * x);
    }

    /** Posterior probability that lambda exceeds {@code threshold} (upper tails computed directly). */
    public double exceedance(int n, double e, double qn, double threshold) {
        if (threshold <= 0) {
            return 1;
        }
        return qn * RegularizedGamma.Q.value(prior.alpha1() + n, (prior.beta1() + e) * threshold)
                + (1 - qn) * RegularizedGamma.Q.value(prior.alpha2() + n, (prior.beta2() + e) * threshold);
    }

    /** The posterior {@code prob}-quantile of lambda (0 &lt; prob &lt; 1), an exact root of the mixture CDF. */
    public double quantile(int n, double e, double qn, double prob) {
        if (!(prob > 0 && prob < 1)) {
            throw new IllegalArgumentException("quantile level must lie in (0, 1), got " + prob);
        }
        double newton = newtonQuantile(n, e, qn, prob);
        return Double.isNaN(newton) ? brentQuantile(n, e, qn, prob) : newton;
    }

    /**
     * Safeguarded Newton iteration on the mixture CDF from the Wilson-Hilferty quantile of the heavier component,
     * keeping a bracket [lo, hi] of the root (bisecting when a step leaves it); NaN when it has not converged to
     * 1e-14 relative in 100 steps (the caller then brackets with the components' exact quantiles and uses Brent).
     */
    private double newtonQuantile(int n, double e, double qn, double prob) {
        double a1 = prior.alpha1() + n;
        double r1 = prior.beta1() + e;
        double a2 = prior.alpha2() + n;
        double r2 = prior.beta2() + e;
        double z = -Math.sqrt(2) * InverseErfc.value(2 * prob); // standard normal quantile
        double x = qn >= 0.5 ? wilsonHilferty(a1, r1, z) : wilsonHilferty(a2, r2, z);
        double lo = 0;
        double hi = Double.POSITIVE_INFINITY;
        for (int it = 0; it < 100; it++) {
            if (!(x > lo && x < hi)) {
                x = Double.isInfinite(hi) ? Math.max(2 * lo, 1e-300) : 0.5 * (lo + hi);
            }
            double f = qn * RegularizedGamma.P.value(a1, r1 * x) + (1 - qn) * RegularizedGamma.P.value(a2, r2 * x)
                    - prob;
            if (f == 0) {
                return x;
            }
            if (f < 0) {
                lo = x;
            } else {
                hi = x;
            }
            double d = qn * r1 * RegularizedGamma.P.derivative(a1, r1 * x)
                    + (1 - qn) * r2 * RegularizedGamma.P.derivative(a2, r2 * x);
            double next = d > 0 ? x - f / d : Double.NaN;
            if (Math.abs(next - x) <= 1e-14 * x || Double.isFinite(hi) && hi - lo <= 1e-14 * hi) {
                return next > lo && next < hi ? next : x;
            }
            x = next;
        }
        return Double.NaN;
    }

    private static double wilsonHilferty(double shape, double rate, double z) {
        double c = 1 / (9 * shape);
        double t = 1 - c + z * Math.sqrt(c);
        return t > 0 ? shape / rate * t * t * t : shape / rate * 0.1;
    }

    private double brentQuantile(int n, double e, double qn, double prob) {
        double q1 = GammaDistribution.of(prior.alpha1() + n, 1 / (prior.beta1() + e)).inverseCumulativeProbability(prob);
        double q2 = GammaDistribution.of(prior.alpha2() + n, 1 / (prior.beta2() + e)).inverseCumulativeProbability(prob);
        if (qn >= 1) {
            return q1;
        }
        if (qn <= 0) {
            return q2;
        }
        double lo = Math.min(q1, q2);
        double hi = Math.max(q1, q2);
        if (hi - lo <= 1e-15 * hi) {
            return lo;
        }
        // the component quantiles bracket the root; rounding can put it on a bracket end
        if (cdf(n, e, qn, lo) - prob >= 0) {
            return lo;
        }
        if (cdf(n, e, qn, hi) - prob <= 0) {
            return hi;
        }
        return SOLVER.findRoot(x -> cdf(n, e, qn, x) - prob, lo, hi);
    }
}
