package io.daybreak.methods.design.phase2;

import org.apache.commons.numbers.gamma.LogBeta;
import org.apache.commons.statistics.distribution.BetaDistribution;

import io.daybreak.methods.design.map.BetaMixture;

/**
 * Bayesian predictive probability of trial success (Lee &amp; Liu, Clin Trials 5:93-106, 2008). With x
 * responses in n patients, a Beta(a, b) prior and nmax patients at most, the m = nmax − n future responses
 * Y are beta-binomial; the trial succeeds if at the end P(p &gt; p0 | x + Y, nmax) &gt; θ_T. The predictive
 * probability is PP = Σ_i P(Y = i | x, n) · 1[P(p &gt; p0 | x + i, nmax) &gt; θ_T]. With a mixture-of-betas prior the
 * posterior is the mixture with updated weights and Y is a mixture of beta-binomials ({@link BetaMixture}).
 */
public final class PredictiveProbability {
    private PredictiveProbability() {
    }

    public static double of(int responses, int patients, int maxPatients, double priorA, double priorB, double p0,
            double thetaT) {
        if (responses < 0 || responses > patients || patients > maxPatients) {
            throw new IllegalArgumentException("need 0 <= responses <= patients <= maxPatients");
        }
        int remaining = maxPatients - patients;
        double a = priorA + responses;
        double b = priorB + patients - responses;
        double logNormaliser = LogBeta.value(a, b);
        double sum = 0;
        for (int i = 0; i <= remaining; i++) {
            if (success(responses + i, maxPatients, priorA, priorB, p0, thetaT)) {
                sum += Math.exp(logChoose(remaining, i) + LogBeta.value(a + i, b + remaining - i) - logNormaliser);
            }
        }
        return Math.min(1, sum);
    }

    /**
     * The smallest number of responses among all maxPatients that declares success at the end (P(p &gt; p0 | r,
     * maxPatients) &gt; θ_T), or -1 if none does. Success is monotone in r, so at an interim with x responses the
     * trial needs max(0, r − x) more responses among the remaining patients (impossible if that exceeds them).
     */
    public static int minFinalResponses(int maxPatients, double priorA, double priorB, double p0, double thetaT) {
        for (int r = 0; r <= maxPatients; r++) {
            if (success(r, maxPatients, priorA, priorB, p0, thetaT)) {
                return r;
            }
        }
        return -1;
    }

    /**
     * Lee &amp; Liu's table for the current interim: for each number i = 0..maxPatients − patients of future
     * responses, its beta-binomial predictive probability P(Y = i | x, n), the posterior probability at the end
     * B_i = P(p &gt; p0 | x + i, maxPatients) and whether B_i &gt; θ_T. The predictive probability {@link #of} is the
     * sum of the probabilities of the successful rows.
     *
     * @return rows {i, P(Y = i | x, n), B_i, 1 or 0}
     */
    public static double[][] table(int responses, int patients, int maxPatients, double priorA, double priorB,
            double p0, double thetaT) {
        if (responses < 0 || responses > patients || patients > maxPatients) {
            throw new IllegalArgumentException("need 0 <= responses <= patients <= maxPatients");
        }
        int remaining = maxPatients - patients;
        double a = priorA + responses;
        double b = priorB + patients - responses;
        double logNormaliser = LogBeta.value(a, b);
        double[][] rows = new double[remaining + 1][];
        for (int i = 0; i <= remaining; i++) {
            double probability = Math.exp(logChoose(remaining, i) + LogBeta.value(a + i, b + remaining - i)
                    - logNormaliser);
            double posterior = BetaDistribution.of(priorA + responses + i, priorB + maxPatients - responses - i)
                    .survivalProbability(p0);
            rows[i] = new double[] {i, probability, posterior, posterior > thetaT ? 1 : 0};
        }
        return rows;
    }

    /** Whether the final analysis with this many responses in maxPatients declares success. */
    static boolean success(int finalResponses, int maxPatients, double priorA, double priorB, double p0, double thetaT) {
        return BetaDistribution.of(priorA + finalResponses, priorB + maxPatients - finalResponses)
                .survivalProbability(p0) > thetaT;
    }

    /** {@link #of} with a beta-mixture prior. */
    public static double of(int responses, int patients, int maxPatients, BetaMixture prior, double p0, double thetaT) {
        if (responses < 0 || responses > patients || patients > maxPatients) {
            throw new IllegalArgumentException("need 0 <= responses <= patients <= maxPatients");
        }
        int remaining = maxPatients - patients;
        BetaMixture posterior = prior.posterior(responses, patients);
        double sum = 0;
        for (int i = 0; i <= remaining; i++) {
            if (success(responses + i, maxPatients, prior, p0, thetaT)) {
                sum += Math.exp(posterior.logPredictive(i, remaining));
            }
        }
        return Math.min(1, sum);
    }

    /** {@link #minFinalResponses(int, double, double, double, double)} with a beta-mixture prior. */
    public static int minFinalResponses(int maxPatients, BetaMixture prior, double p0, double thetaT) {
        for (int r = 0; r <= maxPatients; r++) {
            if (success(r, maxPatients, prior, p0, thetaT)) {
                return r;
            }
        }
        return -1;
    }

    /** {@link #table(int, int, int, double, double, double, double)} with a beta-mixture prior. */
    public static double[][] table(int responses, int patients, int maxPatients, BetaMixture prior, double p0,
            double thetaT) {
        if (responses < 0 || responses > patients || patients > maxPatients) {
            throw new IllegalArgumentException("need 0 <= responses <= patients <= maxPatients");
        }
        int remaining = maxPatients - patients;
        BetaMixture posterior = prior.posterior(responses, patients);
        double[][] rows = new double[remaining + 1][];
        for (int i = 0; i <= remaining; i++) {
            double probability = Math.exp(posterior.logPredictive(i, remaining));
            double end = prior.posterior(responses + i, maxPatients).survival(p0);
            rows[i] = new double[] {i, probability, end, end > thetaT ? 1 : 0};
        }
        return rows;
    }

    static boolean success(int finalResponses, int maxPatients, BetaMixture prior, double p0, double thetaT) {
        return prior.posterior(finalResponses, maxPatients).survival(p0) > thetaT;
    }

    private static double logChoose(int n, int k) {
        return -Math.log(n + 1.0) - LogBeta.value(n - k + 1.0, k + 1.0);
    }
}
