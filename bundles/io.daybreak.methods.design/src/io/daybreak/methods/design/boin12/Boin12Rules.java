package io.daybreak.methods.design.boin12;

import org.apache.commons.statistics.distribution.BetaDistribution;

import io.daybreak.methods.design.interval.BoinBoundaries;

/**
 * BOIN12's settings with its count boundaries tabulated for n = 0 … maximum sample size (as the authors'
 * {@code get.oc.obd} does): escalation allowed while y_T ≤ ⌊nλe⌋, de-escalation when y_T ≥ ⌊nλd⌋ + 1,
 * toxicity elimination when y_T ≥ the smallest t ≥ 3 with P(p_T &gt; φ_T | t of n) &gt; c_T, futility elimination
 * when y_E ≤ the largest e with P(p_E &lt; φ_E | e of n) &gt; c_E (n ≥ 3; Beta(1, 1) priors). The utilities of
 * (efficacy, no toxicity) and (toxicity, no efficacy) are fixed at 100 and 0.
 */
record Boin12Rules(int doses, int cohortSize, int cohorts, int startDose, double toxicityTarget,
        double efficacyMinimum, double utilityBoth, double utilityNeither, int nStar, int exploreAt, int earlyStop,
        BoinBoundaries boundaries, int[] escalateIfAtMost, int[] deescalateIfAtLeast, int[] eliminateIfAtLeast,
        int[] futileIfAtMost, double benchmark) {

    static final int NEVER = Integer.MAX_VALUE;

    static Boin12Rules of(int doses, int cohortSize, int cohorts, int startDose, double toxicityTarget,
            double efficacyMinimum, double utilityBoth, double utilityNeither, double toxicityCutoff,
            double futilityCutoff, int nStar, int exploreAt, int earlyStop) {
        return of(doses, cohortSize, cohorts, startDose, toxicityTarget, efficacyMinimum, utilityBoth, utilityNeither,
                toxicityCutoff, futilityCutoff, nStar, exploreAt, earlyStop, cohortSize * cohorts);
    }

    /** As {@link #of}, with the count boundaries tabulated up to {@code max} patients at a dose (backfill adds some). */
    static Boin12Rules of(int doses, int cohortSize, int cohorts, int startDose, double toxicityTarget,
            double efficacyMinimum, double utilityBoth, double utilityNeither, double toxicityCutoff,
            double futilityCutoff, int nStar, int exploreAt, int earlyStop, int max) {
        BoinBoundaries boundaries = BoinBoundaries.of(toxicityTarget, 0.6 * toxicityTarget, 1.4 * toxicityTarget);
        int[] escalate = new int[max + 1];
        int[] deescalate = new int[max + 1];
        int[] eliminate = new int[max + 1];
        int[] futile = new int[max + 1];
        for (int n = 0; n <= max; n++) {
            escalate[n] = (int) Math.floor(boundaries.lambdaE() * n);
            deescalate[n] = (int) Math.floor(boundaries.lambdaD() * n) + 1;
            eliminate[n] = NEVER;
            futile[n] = -1;
            if (n >= 3) {
                for (int t = 3; t <= n; t++) {
                    if (1 - BetaDistribution.of(t + 1, n - t + 1).cumulativeProbability(toxicityTarget) > toxicityCutoff) {
                        eliminate[n] = t;
                        break;
                    }
                }
                for (int e = n; e >= 0; e--) {
                    if (BetaDistribution.of(e + 1, n - e + 1).cumulativeProbability(efficacyMinimum) > futilityCutoff) {
                        futile[n] = e;
                        break;
                    }
                }
            }
        }
        // The "highest unacceptable" utility: a dose exactly at phi_T and phi_E (toxicity and efficacy
        // independent); the benchmark is halfway from it to 100.
        double unacceptable = utility(efficacyMinimum, toxicityTarget, utilityBoth, utilityNeither);
        return new Boin12Rules(doses, cohortSize, cohorts, startDose, toxicityTarget, efficacyMinimum, utilityBoth,
                utilityNeither, nStar, exploreAt, earlyStop, boundaries, escalate, deescalate, eliminate, futile,
                unacceptable + (100 - unacceptable) / 2);
    }

    /** Mean utility of a dose with efficacy and toxicity probabilities pE and pT, independent. */
    static double utility(double pE, double pT, double utilityBoth, double utilityNeither) {
        return 100 * pE * (1 - pT) + utilityBoth * pE * pT + utilityNeither * (1 - pE) * (1 - pT);
    }

    double utility(double pE, double pT) {
        return utility(pE, pT, utilityBoth, utilityNeither);
    }

    /** The quasi-binomial count of "successes", Σ utility / 100, computed from whole joint counts. */
    double quasiSuccesses(int efficacyOnly, int both, int neither) {
        return (100.0 * efficacyOnly + utilityBoth * both + utilityNeither * neither) / 100;
    }

    /** The desirability P(utility &gt; benchmark | data) under Beta(1 + x, 1 + n − x); 1 − benchmark/100 untried. */
    double desirability(int n, double x) {
        return 1 - BetaDistribution.of(1 + x, 1 + n - x).cumulativeProbability(benchmark / 100);
    }
}
