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
 */
final class IntervalDesignTrial extends AbstractDoseFindingTrial {
    private final IntervalDesignRules rules;
    private int cohortsTreated;
    private int lowestEliminated;

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
    }

    @Override
    public IntervalDesignTrial copy() {
        return new IntervalDesignTrial(this);
    }

    @Override
    public int nextCohortSize() {
        return rules.cohortSize;
    }

    @Override
    protected void decide(int n, int y) {
        cohortsTreated++;
        if (n >= rules.earlyStopPatients) {
            finishWithSelection();
            return;
        }
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
        if (cohortsTreated == rules.cohorts) {
            finishWithSelection();
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
