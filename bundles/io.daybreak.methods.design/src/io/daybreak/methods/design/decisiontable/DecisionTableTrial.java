package io.daybreak.methods.design.decisiontable;

import io.daybreak.methods.design.interval.BoinSelection;
import io.daybreak.methods.design.oc.AbstractDoseFindingTrial;

/**
 * One trial run by a decision table, in the decision order of R's {@code BOIN::get.oc} (so that BOIN's own table
 * reproduces design.boin exactly): after each cohort at the current dose with n patients and y DLTs there,
 * stop if n has reached the early-stopping sample size; on DU eliminate the dose and all higher ones (at the
 * lowest dose: stop, no MTD) and de-escalate; on E escalate unless at the highest dose or the next dose is
 * eliminated; on D de-escalate unless at the lowest dose; on S stay. The trial ends after its last cohort, or
 * when the next cohort would take the current dose beyond the table's maxN (the table says nothing there). The
 * MTD is selected as design.boin does: isotonic regression of the tried, non-eliminated doses' posterior means
 * (BOIN's {@code select.mtd}).
 */
final class DecisionTableTrial extends AbstractDoseFindingTrial {
    /** What a trial needs; shared by all trials of a simulation (immutable). */
    record Settings(DecisionTable table, int doses, int cohorts, int startDose, int earlyStopPatients, double target) {
    }

    private final Settings settings;
    private int cohortsTreated;
    private int lowestEliminated;

    DecisionTableTrial(Settings settings) {
        super(settings.doses(), settings.startDose());
        this.settings = settings;
        this.lowestEliminated = settings.doses();
    }

    private DecisionTableTrial(DecisionTableTrial other) {
        super(other);
        this.settings = other.settings;
        this.cohortsTreated = other.cohortsTreated;
        this.lowestEliminated = other.lowestEliminated;
    }

    @Override
    public DecisionTableTrial copy() {
        return new DecisionTableTrial(this);
    }

    @Override
    public int nextCohortSize() {
        return settings.table().cohortSize();
    }

    @Override
    protected void decide(int n, int y) {
        cohortsTreated++;
        if (n >= settings.earlyStopPatients()) {
            finishWithSelection();
            return;
        }
        Decision decision = settings.table().at(n, y);
        int top = settings.doses() - 1;
        switch (decision) {
        case DU -> {
            lowestEliminated = Math.min(lowestEliminated, dose);
            if (dose == 0) {
                finish(-1);
                return;
            }
            dose--;
        }
        case E -> {
            if (dose != top && dose + 1 < lowestEliminated) {
                dose++;
            }
        }
        case D -> {
            if (dose != 0) {
                dose--;
            }
        }
        default -> {
            // S: stay
        }
        }
        if (cohortsTreated == settings.cohorts() || patients[dose] + nextCohortSize() > settings.table().maxN()) {
            finishWithSelection();
        }
    }

    private void finishWithSelection() {
        finish(BoinSelection.mtd(patients, dlts, lowestEliminated, settings.target()));
    }
}
