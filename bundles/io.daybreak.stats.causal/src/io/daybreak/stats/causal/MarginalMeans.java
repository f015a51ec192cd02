package io.daybreak.stats.causal;

import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * An estimator's mean outcome under treatment and under control in the target population, with each one's
 * influence function per row (ψ̂ − ψ ≈ (1/n) Σ φᵢ), from which any contrast gets a standard error. With
 * {@code sampleVariance} the SE is sd(φ)/√n, the sample variance with divisor n − 1 (R: {@code sd(IF)/sqrt(n)}, as
 * the {@code tmle} package's {@code var(IC)/n}); without it SE = √(Σ φᵢ²) / n, for sandwich variances whose
 * R counterpart has no n − 1 ({@code sandwich::vcovHC} types HC0 and HC3, whose per-row terms φ carry).
 *
 * @param treated          mean outcome had everyone in the target population been treated
 * @param control          mean outcome had everyone been a control
 * @param influenceTreated φ of {@code treated} per row
 * @param influenceControl φ of {@code control} per row
 * @param sampleVariance   whether the SE uses the divisor n − 1 (else n)
 */
public record MarginalMeans(double treated, double control, double[] influenceTreated, double[] influenceControl,
        boolean sampleVariance) {

    /** Means whose standard errors use the divisor n (sandwich form). */
    public MarginalMeans(double treated, double control, double[] influenceTreated, double[] influenceControl) {
        this(treated, control, influenceTreated, influenceControl, false);
    }

    /**
     * A contrast with its Wald interval (on the log scale for ratios).
     *
     * @param estimate the point estimate (a difference, or a ratio)
     * @param stdError its standard error (of the log ratio for ratios)
     * @param lower    lower limit
     * @param upper    upper limit
     */
    public record Contrast(double estimate, double stdError, double lower, double upper) {
        /** A difference with its Wald interval. */
        public static Contrast difference(double estimate, double stdError, double level) {
            double z = z(level);
            return new Contrast(estimate, stdError, estimate - z * stdError, estimate + z * stdError);
        }

        /** A ratio from its log and the log's standard error, with the interval exp(log ± z·SE). */
        public static Contrast ratio(double log, double stdError, double level) {
            double z = z(level);
            return new Contrast(Math.exp(log), stdError, Math.exp(log - z * stdError), Math.exp(log + z * stdError));
        }
    }

    /** treated − control. */
    public Contrast difference(double level) {
        double[] phi = new double[influenceTreated.length];
        for (int i = 0; i < phi.length; i++) {
            phi[i] = influenceTreated[i] - influenceControl[i];
        }
        return Contrast.difference(treated - control, standardError(phi, sampleVariance), level);
    }

    /** treated / control (risks), interval from log(RR) ± z·SE. */
    public Contrast riskRatio(double level) {
        double[] phi = new double[influenceTreated.length];
        for (int i = 0; i < phi.length; i++) {
            phi[i] = influenceTreated[i] / treated - influenceControl[i] / control;
        }
        return Contrast.ratio(Math.log(treated) - Math.log(control), standardError(phi, sampleVariance), level);
    }

    /** The odds ratio of the risks, interval from log(OR) ± z·SE. */
    public Contrast oddsRatio(double level) {
        double[] phi = new double[influenceTreated.length];
        for (int i = 0; i < phi.length; i++) {
            phi[i] = influenceTreated[i] / (treated * (1 - treated)) - influenceControl[i] / (control * (1 - control));
        }
        double log = Math.log(treated / (1 - treated)) - Math.log(control / (1 - control));
        return Contrast.ratio(log, standardError(phi, sampleVariance), level);
    }

    static double standardError(double[] phi, boolean sampleVariance) {
        int n = phi.length;
        if (!sampleVariance) {
            double squares = 0;
            for (double v : phi) {
                squares += v * v;
            }
            return Math.sqrt(squares) / n;
        }
        double mean = 0;
        for (double v : phi) {
            mean += v / n;
        }
        double squares = 0;
        for (double v : phi) {
            squares += (v - mean) * (v - mean);
        }
        return Math.sqrt(squares / (n - 1) / n);
    }

    private static double z(double level) {
        return NormalDistribution.of(0, 1).inverseCumulativeProbability(0.5 + level / 2);
    }
}
