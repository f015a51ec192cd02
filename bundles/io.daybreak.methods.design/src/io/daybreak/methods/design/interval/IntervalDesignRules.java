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
    private final IntervalBoundaries boundaries;
    private final double eliminationCutoff;
    private final double offset;
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
        this.boundaries = boundaries;
        this.eliminationCutoff = eliminationCutoff;
        this.offset = offset;
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

    // With backfill patients a dose can hold more than cohorts × cohortSize patients: beyond the precomputed tables the
    // boundaries are computed (the same values; the tables only save time).
    boolean escalate(int patients, int dlts) {
        return dlts <= (patients < escalateIfAtMost.length ? escalateIfAtMost[patients]
                : boundaries.escalateIfAtMost(patients));
    }

    boolean deescalate(int patients, int dlts) {
        return dlts >= (patients < deescalateIfAtLeast.length ? deescalateIfAtLeast[patients]
                : boundaries.deescalateIfAtLeast(patients));
    }

    boolean eliminate(int patients, int dlts) {
        return dlts >= (patients < eliminateIfAtLeast.length ? eliminateIfAtLeast[patients]
                : never(IntervalBoundaries.eliminateIfAtLeast(target, patients, eliminationCutoff)));
    }

    boolean stopAtLowest(int patients, int dlts) {
        if (!extraSafe) {
            return false;
        }
        return dlts >= (patients < stopAtLowestIfAtLeast.length ? stopAtLowestIfAtLeast[patients]
                : never(IntervalBoundaries.eliminateIfAtLeast(target, patients, eliminationCutoff - offset)));
    }
}
