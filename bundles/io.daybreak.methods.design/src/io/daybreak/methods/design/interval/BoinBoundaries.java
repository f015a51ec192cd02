package io.daybreak.methods.design.interval;

import java.util.ArrayList;
import java.util.List;

/**
 * BOIN's decision boundaries (Liu &amp; Yuan, JRSS-C 2015), closed form. With target φ and the highest
 * "subtherapeutic" and lowest "overly toxic" rates φ1 and φ2: λe = log((1−φ1)/(1−φ)) /
 * log(φ(1−φ1)/(φ1(1−φ))) and λd = log((1−φ)/(1−φ2)) / log(φ2(1−φ)/(φ(1−φ2))). With y DLTs in n patients
 * at the current dose: escalate if y ≤ ⌊nλe⌋, de-escalate if y ≥ ⌈nλd⌉; eliminate the dose and above if
 * P(p &gt; φ | y, n) &gt; cutoff under a Beta(1, 1) prior, for n ≥ 3 (as R {@code BOIN::get.boundary}).
 */
public record BoinBoundaries(double target, double pSafe, double pTox, double lambdaE, double lambdaD)
        implements IntervalBoundaries {

    /** One row of the boundary table; a null bound means the action never applies at this n. */
    public record Row(int patients, Integer escalateIfAtMost, Integer deescalateIfAtLeast, Integer eliminateIfAtLeast) {
    }

    public static BoinBoundaries of(double target, double pSafe, double pTox) {
        if (!(0 < pSafe && pSafe < target && target < pTox && pTox < 1)) {
            throw new IllegalArgumentException("need 0 < pSafe < target < pTox < 1, got pSafe=" + pSafe + ", target="
                    + target + ", pTox=" + pTox);
        }
        double lambdaE = Math.log((1 - pSafe) / (1 - target)) / Math.log(target * (1 - pSafe) / (pSafe * (1 - target)));
        double lambdaD = Math.log((1 - target) / (1 - pTox)) / Math.log(pTox * (1 - target) / (target * (1 - pTox)));
        return new BoinBoundaries(target, pSafe, pTox, lambdaE, lambdaD);
    }

    /** Escalate when the DLT count at the current dose is at most this (may be −1: never). */
    @Override
    public int escalateIfAtMost(int patients) {
        return (int) Math.floor(patients * lambdaE);
    }

    /** De-escalate when the DLT count is at least this (may exceed {@code patients}: never). */
    @Override
    public int deescalateIfAtLeast(int patients) {
        return (int) Math.ceil(patients * lambdaD);
    }

    /**
     * The smallest DLT count y with P(p &gt; target | y of n) &gt; cutoff under Beta(1, 1), or −1 if none or if
     * fewer than 3 patients were treated.
     */
    public int eliminateIfAtLeast(int patients, double cutoff) {
        return IntervalBoundaries.eliminateIfAtLeast(target, patients, cutoff);
    }

    /** The table for n = cohortSize, 2·cohortSize, …, cohorts·cohortSize, as BOIN publishes it. */
    public List<Row> table(int cohortSize, int cohorts, double eliminationCutoff) {
        List<Row> rows = new ArrayList<>();
        for (int c = 1; c <= cohorts; c++) {
            int n = c * cohortSize;
            int escalate = escalateIfAtMost(n);
            int deescalate = deescalateIfAtLeast(n);
            int eliminate = eliminateIfAtLeast(n, eliminationCutoff);
            rows.add(new Row(n, escalate < 0 ? null : escalate, deescalate > n ? null : deescalate,
                    eliminate < 0 ? null : eliminate));
        }
        return rows;
    }
}
