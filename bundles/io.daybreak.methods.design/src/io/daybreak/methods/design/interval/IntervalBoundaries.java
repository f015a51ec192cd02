package io.daybreak.methods.design.interval;

import org.apache.commons.statistics.distribution.BetaDistribution;

/**
 * The escalation and de-escalation boundaries of an interval design: with y DLTs in n patients at the
 * current dose, escalate if y ≤ {@link #escalateIfAtMost}, de-escalate if y ≥ {@link #deescalateIfAtLeast},
 * else stay. BOIN, Keyboard and mTPI-2 all decide this way; they differ only in where the boundaries lie.
 */
public interface IntervalBoundaries {
    double target();

    /** May be −1: never escalate at this n. */
    int escalateIfAtMost(int patients);

    /** May exceed {@code patients}: never de-escalate at this n. */
    int deescalateIfAtLeast(int patients);

    /**
     * The common safety rule: the smallest DLT count y with P(p &gt; target | y of n) &gt; cutoff under a
     * Beta(1, 1) prior, or −1 if none or if fewer than 3 patients were treated.
     */
    static int eliminateIfAtLeast(double target, int patients, double cutoff) {
        if (patients < 3) {
            return -1;
        }
        for (int y = 0; y <= patients; y++) {
            if (BetaDistribution.of(1 + y, 1 + patients - y).survivalProbability(target) > cutoff) {
                return y;
            }
        }
        return -1;
    }
}
