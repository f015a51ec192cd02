package io.daybreak.methods.design.interval;

import io.daybreak.methods.design.oc.AbstractDoseFindingTrial;

/**
 * One trial of an interval design (BOIN, Liu &amp; Yuan 2015; Keyboard and mTPI-2 differ only in the
 * boundaries), with the decision order of R's {@code BOIN::get.oc}: after each cohort,
 * stop if the current dose has reached the early-stopping sample size; eliminate the current dose and all
 * higher ones if P(p &gt; target | data) &gt; cutoff (stop the trial if that is the lowest dose; with the
 * extra-safe rule also at a lower cutoff); then escalate (unless the next dose is eliminated), de-escalate or
 * stay by the λe/λd boundaries. The MTD is selected by isotonic regression of the posterior means under
 * Beta(0.05, 0.05), weighted by their inverse variances, over the tried, non-eliminated doses: the dose
 * whose estimate is closest to the target (ties to the lower dose, as BOIN's {@code select.mtd}).
 *
 * <p>Once backfill patients have been pooled into the counts ({@link #recordBackfill}), the decision after a cohort
 * follows BF-BOIN (Zhao, Yuan, Korn &amp; Freidlin, Clin Cancer Res 30:673, 2024), as the openpharma {@code bfboin}
 * package implements it: BOIN's decision is taken at every dose up to the current one on its pooled data; when a lower
 * (backfilled) dose b* disagrees with the current dose, the data from b* to the current dose are pooled: escalate if
 * the pooled rate is at most λe, stay if it lies between λe and λd, else go to the highest dose k in b*..d whose data
 * pooled from b* to k lie below λd (to b* − 1 if none). Without backfill patients every lower dose's decision is
 * "escalate" (the trial left it upwards and its data did not change since), so the rule is BOIN's.
 */
final class IntervalDesignTrial extends AbstractDoseFindingTrial {
    private final IntervalDesignRules rules;
    private int cohortsTreated;
    private int lowestEliminated;
    private boolean backfilled;

    IntervalDesignTrial(IntervalDesignRules rules) {
        super(rules.doses, rules.startDose);
        this.rules = rules;
        this.lowestEliminated = rules.doses;
    }

    private IntervalDesignTrial(IntervalDesignTrial other) {
        super(other);
        this.rules = other.rules;
        this.cohortsTreated = other.cohortsTreated;
        this.lowestEliminated = other.lowestEliminated;
        this.backfilled = other.backfilled;
    }

    @Override
    public IntervalDesignTrial copy() {
        return new IntervalDesignTrial(this);
    }

    @Override
    public int nextCohortSize() {
        return rules.cohortSize;
    }

    /**
     * From the first call on (the backfill engine makes one, possibly with no patients, before the first decision of a
     * trial that pools), decisions follow BF-BOIN: the pooled rule above the lowest dose, and the early stop for the
     * sample size at a dose only when the dose is kept, as BF-BOIN and BOIN 2.7's get.oc do.
     */
    @Override
    protected void backfillRecorded(int backfillDose, int patientsAdded, int dltsAdded) {
        backfilled = true;
    }

    @Override
    protected void decide(int n, int y) {
        cohortsTreated++;
        if (backfilled) {
            int before = dose;
            if (dose > 0) {
                decidePooled();
            } else {
                decideAtCurrent(n, y);
            }
            // BF-BOIN (and BOIN 2.7's get.oc) stop for the sample size at a dose only when the rule keeps that dose
            if (!finished() && (dose == before && patients[dose] >= rules.earlyStopPatients
                    || cohortsTreated == rules.cohorts)) {
                finishWithSelection();
            }
            return;
        }
        if (n >= rules.earlyStopPatients) {
            finishWithSelection();
            return;
        }
        decideAtCurrent(n, y);
        if (!finished() && cohortsTreated == rules.cohorts) {
            finishWithSelection();
        }
    }

    /** BOIN's decision on the current dose's data alone. */
    private void decideAtCurrent(int n, int y) {
        if (rules.eliminate(n, y)) {
            lowestEliminated = Math.min(lowestEliminated, dose);
            if (dose == 0) {
                finish(-1);
                return;
            }
        }
        if (rules.extraSafe && dose == 0 && n >= 3 && rules.stopAtLowest(n, y)) {
            finish(-1);
            return;
        }
        if (rules.escalate(n, y) && dose != rules.doses - 1) {
            if (dose + 1 < lowestEliminated) {
                dose++;
            }
        } else if (rules.deescalate(n, y) && dose != 0) {
            dose--;
        }
    }

    private static final int ESCALATE = 0;
    private static final int STAY = 1;
    private static final int DEESCALATE = 2;
    private static final int ELIMINATE = 3;

    /** BOIN's decision on the pooled data at dose k (an untried dose's 0 of 0 counts as "escalate", as bfboin). */
    private int status(int k) {
        int n = patients[k];
        int y = dlts[k];
        if (rules.escalate(Math.max(1, n), y)) {
            return ESCALATE;
        }
        if (rules.eliminate(n, y)) {
            return ELIMINATE;
        }
        return rules.deescalate(n, y) ? DEESCALATE : STAY;
    }

    /** BF-BOIN's decision at a dose above the lowest, with backfill patients in the counts (see the class comment). */
    private void decidePooled() {
        int d = dose;
        int current = status(d);
        int highestConflict = -1;
        int highestNotEscalate = -1;
        for (int k = 0; k < d; k++) {
            int s = status(k);
            if (s != ESCALATE) {
                highestNotEscalate = k;
            }
            if (s == DEESCALATE || s == ELIMINATE) {
                highestConflict = k;
            }
        }
        if (current == ELIMINATE) {
            lowestEliminated = Math.min(lowestEliminated, d);
        }
        if (current == ESCALATE && highestNotEscalate < 0) {
            escalateIfAllowed();
        } else if (current != ESCALATE && highestConflict < 0) {
            if (current != STAY) {
                dose = d - 1;
            }
        } else {
            resolveConflict(current == ESCALATE ? highestNotEscalate : highestConflict);
        }
    }

    private void escalateIfAllowed() {
        if (dose != rules.doses - 1 && dose + 1 < lowestEliminated) {
            dose++;
        }
    }

    /** Pools the data from {@code from} (the highest lower dose that disagrees) to the current dose and decides. */
    private void resolveConflict(int from) {
        int d = dose;
        int pooledN = 0;
        int pooledY = 0;
        for (int k = from; k <= d; k++) {
            pooledN += patients[k];
            pooledY += dlts[k];
        }
        if (rules.escalate(pooledN, pooledY)) {
            escalateIfAllowed();
        } else if (rules.deescalate(pooledN, pooledY)) {
            int safe = -1;
            int n = 0;
            int y = 0;
            for (int k = from; k <= d; k++) {
                n += patients[k];
                y += dlts[k];
                if (!rules.deescalate(n, y)) {
                    safe = k;
                }
            }
            if (safe < 0) {
                if (from == 0) {
                    if (rules.eliminate(patients[0], dlts[0]) || rules.stopAtLowest(patients[0], dlts[0])) {
                        finish(-1);
                        return;
                    }
                    dose = 0;
                } else {
                    dose = from - 1;
                }
            } else {
                dose = safe;
            }
        }
        // a dose eliminated by the pooled data is never given again
        dose = Math.min(dose, lowestEliminated - 1);
        if (dose < 0) {
            finish(-1);
        }
    }

    private void finishWithSelection() {
        finish(selectMtd());
    }

    /** BOIN's select.mtd over the tried doses below the lowest eliminated one. */
    int selectMtd() {
        return BoinSelection.mtd(patients, dlts, lowestEliminated, rules.target);
    }
}
