package io.daybreak.methods.design.phase2;

import org.apache.commons.numbers.gamma.LogBeta;
import org.apache.commons.statistics.distribution.BetaDistribution;

/**
 * Bayesian predictive probability of trial success (Lee &amp; Liu, Clin Trials 5:93-106, 2008). With x
 * responses in n patients, a Beta(a, b) prior and nmax patients at most, the m = nmax − n future responses
 * Y are beta-binomial; the trial succeeds if at the end P(p &gt; p0 | x + Y, nmax) &gt; θ_T. The predictive
 * probability is PP = Σ_i P(Y = i | x, n) · 1[P(p &gt; p0 | x + i, nmax) &gt; θ_T].
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

    /** Whether the final analysis with this many responses in maxPatients declares success. */
    static boolean success(int finalResponses, int maxPatients, double priorA, double priorB, double p0, double thetaT) {
        return BetaDistribution.of(priorA + finalResponses, priorB + maxPatients - finalResponses)
                .survivalProbability(p0) > thetaT;
    }

    private static double logChoose(int n, int k) {
        return -Math.log(n + 1.0) - LogBeta.value(n - k + 1.0, k + 1.0);
    }
}
