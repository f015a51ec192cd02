package io.daybreak.methods.design.threeplusthree;

import java.util.Arrays;

import io.daybreak.methods.design.oc.DoseFindingTrial;

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
final class ThreePlusThreeTrial implements DoseFindingTrial {
    static final int COHORT = 3;

    private final int doses;
    private final boolean deescalation;
    private final int[] patients;
    private final int[] dlts;
    private int dose;
    private boolean descending;
    private int next;
    private int mtd = -1;
    private boolean finished;

    ThreePlusThreeTrial(int doses, boolean deescalation) {
        this.doses = doses;
        this.deescalation = deescalation;
        this.patients = new int[doses];
        this.dlts = new int[doses];
        this.next = 0;
    }

    private ThreePlusThreeTrial(ThreePlusThreeTrial other) {
        this.doses = other.doses;
        this.deescalation = other.deescalation;
        this.patients = other.patients.clone();
        this.dlts = other.dlts.clone();
        this.dose = other.dose;
        this.descending = other.descending;
        this.next = other.next;
        this.mtd = other.mtd;
        this.finished = other.finished;
    }

    ThreePlusThreeTrial copy() {
        return new ThreePlusThreeTrial(this);
    }

    @Override
    public boolean finished() {
        return finished;
    }

    @Override
    public int nextDose() {
        return next;
    }

    @Override
    public int nextCohortSize() {
        return COHORT;
    }

    /** The declared MTD (0-based), or −1 for none; only once finished. */
    @Override
    public int selectedDose() {
        return mtd;
    }

    @Override
    public int[] patients() {
        return patients;
    }

    @Override
    public int[] dlts() {
        return dlts;
    }

    @Override
    public void record(int cohortDlts) {
        patients[next] += COHORT;
        dlts[next] += cohortDlts;
        dose = next;
        decide();
    }

    private void decide() {
        int n = patients[dose];
        int y = dlts[dose];
        if (descending) {
            if (y <= 1) {
                finish(dose);
            } else {
                stepDown(dose - 1);
            }
            return;
        }
        if (n == COHORT && y == 1) {
            next = dose; // 1/3: three more at the same dose
            return;
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
            next = dose + 1;
        } else if (deescalation && n == COHORT) {
            next = dose; // the MTD needs six patients
        } else {
            finish(dose);
        }
    }

    private void stepDown(int lower) {
        if (lower < 0) {
            finish(-1);
        } else if (patients[lower] >= 2 * COHORT) {
            finish(lower);
        } else {
            dose = lower;
            next = lower;
        }
    }

    private void finish(int declared) {
        mtd = declared;
        finished = true;
    }

    @Override
    public String toString() {
        return "3+3[patients " + Arrays.toString(patients) + ", dlts " + Arrays.toString(dlts) + ", mtd " + mtd + "]";
    }
}
