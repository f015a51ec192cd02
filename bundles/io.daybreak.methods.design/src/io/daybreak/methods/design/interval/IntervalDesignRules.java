package io.daybreak.methods.design.interval;

/**
 * An interval design's settings (BOIN, Keyboard, mTPI-2) with its boundaries precomputed for every
 * possible count of patients at a dose, so a simulated trial's decisions are table look-ups.
 */
final class IntervalDesignRules {
    final int doses;
    final int cohortSize;
    final int cohorts;
    final int startDose;
    final int earlyStopPatients;
    final double target;
    final boolean extraSafe;
    private final int[] escalateIfAtMost;
    private final int[] deescalateIfAtLeast;
    private final int[] eliminateIfAtLeast;
    private final int[] stopAtLowestIfAtLeast;

    /**
     * @param earlyStopPatients stop the trial once this many patients were treated at the current dose
     * @param offset            extra-safe rule: stop when P(p1 &gt; target) &gt; cutoff − offset at the lowest dose
     */
    IntervalDesignRules(IntervalBoundaries boundaries, int doses, int cohortSize, int cohorts, int startDose,
            int earlyStopPatients, double eliminationCutoff, boolean extraSafe, double offset) {
        this.doses = doses;
        this.cohortSize = cohortSize;
        this.cohorts = cohorts;
        this.startDose = startDose;
        this.earlyStopPatients = earlyStopPatients;
        this.target = boundaries.target();
        this.extraSafe = extraSafe;
        int maxPatients = cohortSize * cohorts;
        escalateIfAtMost = new int[maxPatients + 1];
        deescalateIfAtLeast = new int[maxPatients + 1];
        eliminateIfAtLeast = new int[maxPatients + 1];
        stopAtLowestIfAtLeast = new int[maxPatients + 1];
        for (int n = 1; n <= maxPatients; n++) {
            escalateIfAtMost[n] = boundaries.escalateIfAtMost(n);
            deescalateIfAtLeast[n] = boundaries.deescalateIfAtLeast(n);
            eliminateIfAtLeast[n] = never(IntervalBoundaries.eliminateIfAtLeast(target, n, eliminationCutoff));
            stopAtLowestIfAtLeast[n] = extraSafe
                    ? never(IntervalBoundaries.eliminateIfAtLeast(target, n, eliminationCutoff - offset))
                    : Integer.MAX_VALUE;
        }
    }

    private static int never(int bound) {
        return bound < 0 ? Integer.MAX_VALUE : bound;
    }

    boolean escalate(int patients, int dlts) {
        return dlts <= escalateIfAtMost[patients];
    }

    boolean deescalate(int patients, int dlts) {
        return dlts >= deescalateIfAtLeast[patients];
    }

    boolean eliminate(int patients, int dlts) {
        return dlts >= eliminateIfAtLeast[patients];
    }

    boolean stopAtLowest(int patients, int dlts) {
        return dlts >= stopAtLowestIfAtLeast[patients];
    }
}
