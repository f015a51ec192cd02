package io.daybreak.methods.design.phase2;

import org.apache.commons.statistics.distribution.BetaDistribution;

/**
 * Continuous Bayesian toxicity monitoring with a beta-binomial model (Thall, Simon &amp; Estey 1995 style):
 * after each monitored patient n, stop if P(p &gt; pTox | y toxicities in n) &gt; cutoff under a Beta(a, b)
 * prior. Boundaries are the smallest such y per n; operating characteristics are exact, by propagating
 * the distribution of the toxicity count patient by patient and absorbing the mass that crosses a boundary.
 */
public final class ToxicityMonitor {
    private final int maxPatients;
    private final int[] stopIfAtLeast;

    /**
     * @param firstLook the first patient after whom the rule is applied (earlier boundaries are "never")
     */
    public ToxicityMonitor(int maxPatients, double pTox, double cutoff, double priorA, double priorB, int firstLook) {
        this.maxPatients = maxPatients;
        this.stopIfAtLeast = new int[maxPatients + 1];
        for (int n = 1; n <= maxPatients; n++) {
            stopIfAtLeast[n] = Integer.MAX_VALUE;
            if (n < firstLook) {
                continue;
            }
            for (int y = 0; y <= n; y++) {
                if (BetaDistribution.of(priorA + y, priorB + n - y).survivalProbability(pTox) > cutoff) {
                    stopIfAtLeast[n] = y;
                    break;
                }
            }
        }
    }

    /** The smallest toxicity count that stops the trial after patient n, or −1 if none can. */
    public int boundary(int n) {
        return stopIfAtLeast[n] == Integer.MAX_VALUE ? -1 : stopIfAtLeast[n];
    }

    /** Exact probability of stopping early and expected number of patients, for a true toxicity rate. */
    public double[] operatingCharacteristics(double rate) {
        double[] distribution = {1.0}; // P(y toxicities so far, not stopped), y = 0..n
        double stopped = 0;
        double expectedPatients = 0;
        for (int n = 1; n <= maxPatients; n++) {
            double alive = 0;
            for (double mass : distribution) {
                alive += mass;
            }
            expectedPatients += alive; // patient n is treated unless the trial stopped before
            double[] next = new double[n + 1];
            for (int y = 0; y < distribution.length; y++) {
                next[y] += distribution[y] * (1 - rate);
                next[y + 1] += distribution[y] * rate;
            }
            for (int y = Math.max(0, Math.min(stopIfAtLeast[n], n + 1)); y <= n; y++) {
                stopped += next[y];
                next[y] = 0;
            }
            distribution = next;
        }
        return new double[] {stopped, expectedPatients};
    }
}
