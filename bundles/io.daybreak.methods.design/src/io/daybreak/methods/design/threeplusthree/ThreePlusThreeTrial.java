package io.daybreak.methods.design.threeplusthree;

import java.util.Arrays;

import io.daybreak.methods.design.oc.AbstractDoseFindingTrial;

/**
 * The 3+3 rules as a state machine: it says at which dose to treat the next cohort of three, is told how
 * many DLTs that cohort had, and eventually declares the MTD. Exact enumeration and simulation drive the
 * same machine, so they cannot disagree about the rules.
 *
 * <p>Standard rules (Storer 1989): start at the lowest dose; 0/3 DLTs: escalate; 1/3: treat three more
 * at the same dose, then escalate if 1/6, stop if ≥ 2/6; ≥ 2/3: stop. On stopping at dose d the MTD is
 * d − 1 (none below the first dose); clearing the highest dose makes it the MTD.
 *
 * <p>De-escalation variant (Le Tourneau et al., JNCI 2009): the MTD must have six patients with at most
 * one DLT. On stopping, move down one dose: if it has three patients, treat three more there; it is the
 * MTD if it then has ≤ 1/6, else keep moving down. Clearing the highest dose with 0/3 treats three more
 * there first.
 */
final class ThreePlusThreeTrial extends AbstractDoseFindingTrial {
    static final int COHORT = 3;

    private final int doses;
    private final boolean deescalation;
    private boolean descending;

    ThreePlusThreeTrial(int doses, boolean deescalation) {
        super(doses, 0);
        this.doses = doses;
        this.deescalation = deescalation;
    }

    private ThreePlusThreeTrial(ThreePlusThreeTrial other) {
        super(other);
        this.doses = other.doses;
        this.deescalation = other.deescalation;
        this.descending = other.descending;
    }

    @Override
    public ThreePlusThreeTrial copy() {
        return new ThreePlusThreeTrial(this);
    }

    @Override
    public int nextCohortSize() {
        return COHORT;
    }

    @Override
    protected void decide(int n, int y) {
        if (descending) {
            if (y <= 1) {
                finish(dose);
            } else {
                stepDown(dose - 1);
            }
            return;
        }
        if (n == COHORT && y == 1) {
            return; // 1/3: three more at the same dose
        }
        boolean cleared = n == COHORT && y == 0 || n == 2 * COHORT && y <= 1;
        if (!cleared) {
            if (deescalation) {
                descending = true;
                stepDown(dose - 1);
            } else {
                finish(dose - 1);
            }
            return;
        }
        if (dose < doses - 1) {
            dose++;
        } else if (!(deescalation && n == COHORT)) {
            finish(dose); // (with de-escalation, 0/3 at the top dose first gets three more: the MTD needs six)
        }
    }

    private void stepDown(int lower) {
        if (lower < 0) {
            finish(-1);
        } else if (patients[lower] >= 2 * COHORT) {
            finish(lower);
        } else {
            dose = lower;
        }
    }

    @Override
    public String toString() {
        return "3+3[patients " + Arrays.toString(patients) + ", dlts " + Arrays.toString(dlts) + ", mtd " + selectedDose()
                + "]";
    }
}
