package io.daybreak.methods.design.phase2;

import java.util.Arrays;

import org.apache.commons.statistics.distribution.BetaDistribution;
import org.apache.commons.statistics.distribution.BinomialDistribution;

import io.daybreak.methods.design.map.BetaMixture;

/**
 * BOP2 for a binary endpoint (Zhou, Lee &amp; Yuan, Stat Med 36:3302-3314, 2017). At each interim look with
 * n of N patients, stop for futility if P(p &gt; p0 | data) &lt; λ(n/N)^γ; at the end declare the treatment
 * promising if P(p &gt; p0 | data) &gt; λ. (λ, γ) are calibrated over a grid (λ = 0.50, 0.51, …, 0.99;
 * γ = 0, 0.05, …, 3) to maximise the power at p1 with the type I error at p0 at most α; ties go to the
 * smaller expected size under p0, then to the first in grid order (λ outer, γ inner). Operating
 * characteristics are exact: the distribution of the response count is propagated look by look and the
 * mass below each futility boundary is absorbed. The prior is a Beta(a, b) or a mixture of betas (a MAP prior from
 * design.map-prior), whose posterior after x of n responses is the mixture with updated weights.
 */
public final class Bop2 {
    private static final double TIE = 1e-12;

    /** A calibrated design with its exact operating characteristics. */
    public record Design(double lambda, double gamma, int[] looks, int[] stopIfAtMost, int goIfAtLeast,
            double typeIError, double power, double pet0, double pet1, double en0, double en1) {
    }

    private final double p0;
    private final int maxPatients;
    private final int[] looks;
    private final double[][] posterior;

    /** Interim looks every {@code every} patients, the last at {@code maxPatients}. */
    public Bop2(double p0, int maxPatients, int every, double priorA, double priorB) {
        this(p0, maxPatients, every, (x, n) -> BetaDistribution.of(priorA + x, priorB + n - x).survivalProbability(p0));
    }

    /** Interim looks every {@code every} patients, the last at {@code maxPatients}, with a beta-mixture prior. */
    public Bop2(double p0, int maxPatients, int every, BetaMixture prior) {
        this(p0, maxPatients, every, (x, n) -> prior.posterior(x, n).survival(p0));
    }

    /** P(p &gt; p0 | x responses in n patients) under the prior. */
    private interface PosteriorTail {
        double above(int x, int n);
    }

    private Bop2(double p0, int maxPatients, int every, PosteriorTail tail) {
        this.p0 = p0;
        this.maxPatients = maxPatients;
        int count = (maxPatients + every - 1) / every;
        looks = new int[count];
        for (int k = 0; k < count; k++) {
            looks[k] = Math.min(maxPatients, (k + 1) * every);
        }
        posterior = new double[count][];
        for (int k = 0; k < count; k++) {
            int n = looks[k];
            posterior[k] = new double[n + 1];
            for (int x = 0; x <= n; x++) {
                posterior[k][x] = tail.above(x, n);
            }
        }
    }

    public Design calibrate(double p1, double alpha) {
        Design best = null;
        for (int l = 0; l <= 49; l++) {
            double lambda = 0.5 + l * 0.01;
            for (int g = 0; g <= 60; g++) {
                double gamma = g * 0.05;
                Design design = evaluate(lambda, gamma, p1);
                if (design.typeIError() > alpha + TIE) {
                    continue;
                }
                if (best == null || design.power() > best.power() + TIE
                        || Math.abs(design.power() - best.power()) <= TIE && design.en0() < best.en0() - TIE) {
                    best = design;
                }
            }
        }
        return best;
    }

    /** The boundaries and exact operating characteristics of (λ, γ). */
    public Design evaluate(double lambda, double gamma, double p1) {
        int[] stop = new int[looks.length - 1];
        for (int k = 0; k < stop.length; k++) {
            double threshold = lambda * Math.pow((double) looks[k] / maxPatients, gamma);
            stop[k] = -1;
            for (int x = 0; x <= looks[k]; x++) {
                if (posterior[k][x] < threshold) {
                    stop[k] = x;
                }
            }
        }
        int go = maxPatients + 1;
        double[] last = posterior[looks.length - 1];
        for (int x = maxPatients; x >= 0; x--) {
            if (last[x] > lambda) {
                go = x;
            }
        }
        double[] null0 = operatingCharacteristics(stop, go, p0);
        double[] alt = operatingCharacteristics(stop, go, p1);
        return new Design(lambda, gamma, looks.clone(), stop, go, null0[0], alt[0], null0[1], alt[1], null0[2], alt[2]);
    }

    /** {P(go), P(early stop), E[patients]} at response rate p. */
    double[] operatingCharacteristics(int[] stop, int go, double p) {
        double[] distribution = {1.0};
        int previous = 0;
        double stopped = 0;
        double expected = 0;
        for (int k = 0; k < looks.length; k++) {
            int added = looks[k] - previous;
            BinomialDistribution binomial = BinomialDistribution.of(added, p);
            double[] next = new double[looks[k] + 1];
            for (int x = 0; x < distribution.length; x++) {
                if (distribution[x] == 0) {
                    continue;
                }
                for (int j = 0; j <= added; j++) {
                    next[x + j] += distribution[x] * binomial.probability(j);
                }
            }
            distribution = next;
            previous = looks[k];
            if (k < stop.length && stop[k] >= 0) {
                double mass = 0;
                for (int x = 0; x <= stop[k]; x++) {
                    mass += distribution[x];
                    distribution[x] = 0;
                }
                stopped += mass;
                expected += looks[k] * mass;
            }
        }
        double remaining = Arrays.stream(distribution).sum();
        expected += maxPatients * remaining;
        double success = 0;
        for (int x = go; x <= maxPatients; x++) {
            success += distribution[x];
        }
        return new double[] {success, stopped, expected};
    }
}
