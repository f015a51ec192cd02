package io.daybreak.methods.design.interval;

import org.apache.commons.statistics.distribution.BetaDistribution;

/**
 * Keyboard (Yan, Mandrekar &amp; Yuan, Clin Cancer Res 23:3994, 2017) and mTPI-2 (Guo et al., Contemp Clin
 * Trials 58:23, 2017) decisions as boundaries. The target key is (φ − δ1, φ + δ2); equal-width keys fill
 * [0, 1] on both sides. Keyboard picks the key with the largest posterior probability under Beta(1 + y,
 * 1 + n − y) and ignores partial keys at 0 and 1; mTPI-2 keeps the partial end intervals and picks the
 * largest unit probability mass (probability / width). Strongest below the target key: escalate; the
 * target key: stay; above: de-escalate. The two are equivalent (the same decision for every n and y) —
 * with equal widths probability and unit mass order the full keys alike, and a partial end piece can
 * only win when the posterior's mode is there, where the nearest full key wins for Keyboard on the same
 * side. {@code KeyboardEquivalenceTest} checks this for n ≤ 60 and several targets.
 */
public final class KeyboardBoundaries implements IntervalBoundaries {
    /** The decision at one (n, y). */
    enum Decision {
        ESCALATE, STAY, DEESCALATE
    }

    private final double target;
    private final double lower;
    private final double upper;
    private final boolean unitProbabilityMass;

    /**
     * @param unitProbabilityMass false for Keyboard, true for mTPI-2
     */
    public KeyboardBoundaries(double target, double marginBelow, double marginAbove, boolean unitProbabilityMass) {
        if (!(marginBelow > 0 && marginAbove > 0 && target - marginBelow > 0 && target + marginAbove < 1)) {
            throw new IllegalArgumentException("need 0 < target - marginBelow and target + marginAbove < 1");
        }
        this.target = target;
        this.lower = target - marginBelow;
        this.upper = target + marginAbove;
        this.unitProbabilityMass = unitProbabilityMass;
    }

    @Override
    public double target() {
        return target;
    }

    Decision decide(int n, int y) {
        BetaDistribution posterior = BetaDistribution.of(1 + y, 1 + n - y);
        double width = upper - lower;
        double best = mass(posterior, lower, upper);
        Decision decision = Decision.STAY;
        // keys below: [lower - k w, lower - (k - 1) w]; the last, partial one only for mTPI-2
        for (int k = 1; lower - (k - 1) * width > 1e-12; k++) {
            double from = Math.max(0, lower - k * width);
            if (lower - k * width < -1e-12 && !unitProbabilityMass) {
                break;
            }
            double score = mass(posterior, from, lower - (k - 1) * width);
            if (score > best) {
                best = score;
                decision = Decision.ESCALATE;
            }
        }
        for (int k = 1; upper + (k - 1) * width < 1 - 1e-12; k++) {
            double to = Math.min(1, upper + k * width);
            if (upper + k * width > 1 + 1e-12 && !unitProbabilityMass) {
                break;
            }
            double score = mass(posterior, upper + (k - 1) * width, to);
            if (score > best) {
                best = score;
                decision = Decision.DEESCALATE;
            }
        }
        return decision;
    }

    /** Probability of (from, to), or for mTPI-2 its unit probability mass. */
    private double mass(BetaDistribution posterior, double from, double to) {
        double probability = posterior.cumulativeProbability(to) - posterior.cumulativeProbability(from);
        return unitProbabilityMass ? probability / (to - from) : probability;
    }

    @Override
    public int escalateIfAtMost(int patients) {
        int bound = -1;
        for (int y = 0; y <= patients && decide(patients, y) == Decision.ESCALATE; y++) {
            bound = y;
        }
        return bound;
    }

    @Override
    public int deescalateIfAtLeast(int patients) {
        for (int y = 0; y <= patients; y++) {
            if (decide(patients, y) == Decision.DEESCALATE) {
                return y;
            }
        }
        return patients + 1;
    }
}
