package io.daybreak.stats.beta;

import org.apache.commons.statistics.distribution.BetaDistribution;

/**
 * The posterior of a binomial rate under a conjugate Beta prior: with prior Beta(a, b) and x events in n
 * patients the posterior is Beta(a + x, b + n - x). Quantiles and tail probabilities come from Commons
 * Statistics' regularised incomplete beta function (accurate to about 1e-15 relative).
 */
public final class BetaPosterior {
    private final double alpha;
    private final double beta;
    private final BetaDistribution distribution;

    private BetaPosterior(double alpha, double beta) {
        this.alpha = alpha;
        this.beta = beta;
        this.distribution = BetaDistribution.of(alpha, beta);
    }

    /**
     * @param priorA shape a of the Beta prior, &gt; 0
     * @param priorB shape b of the Beta prior, &gt; 0
     * @param events x, 0 &le; x &le; n
     * @param patients n &ge; 0
     */
    public static BetaPosterior update(double priorA, double priorB, long events, long patients) {
        if (!(priorA > 0) || !(priorB > 0) || Double.isInfinite(priorA) || Double.isInfinite(priorB)) {
            throw new IllegalArgumentException("prior shapes must be finite and > 0, got a=" + priorA + ", b=" + priorB);
        }
        if (patients < 0 || events < 0 || events > patients) {
            throw new IllegalArgumentException("need 0 <= events <= patients, got events=" + events
                    + ", patients=" + patients);
        }
        return new BetaPosterior(priorA + events, priorB + (patients - events));
    }

    public double alpha() {
        return alpha;
    }

    public double beta() {
        return beta;
    }

    public double mean() {
        return alpha / (alpha + beta);
    }

    public double standardDeviation() {
        return Math.sqrt(distribution.getVariance());
    }

    /** The posterior mode, or NaN where the density has no interior maximum (a or b &le; 1). */
    public double mode() {
        return alpha > 1 && beta > 1 ? (alpha - 1) / (alpha + beta - 2) : Double.NaN;
    }

    public double quantile(double p) {
        return distribution.inverseCumulativeProbability(p);
    }

    /** The equal-tailed credible interval with the given coverage, e.g. 0.95. */
    public double[] equalTailedInterval(double level) {
        checkLevel(level);
        double tail = (1 - level) / 2;
        return new double[] {quantile(tail), distribution.inverseSurvivalProbability(tail)};
    }

    /** P(rate &gt; threshold | data), computed as a survival probability (no 1 - cdf cancellation). */
    public double probabilityAbove(double threshold) {
        return distribution.survivalProbability(threshold);
    }

    /** P(rate &le; threshold | data). */
    public double probabilityAtMost(double threshold) {
        return distribution.cumulativeProbability(threshold);
    }

    private static void checkLevel(double level) {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("credible level must be in (0, 1), got " + level);
        }
    }
}
