package io.daybreak.methods.design.blrm;

import io.daybreak.methods.design.oc.AbstractDoseFindingTrial;

/**
 * One BLRM trial with escalation with overdose control (Neuenschwander et al. 2008; Babb et al. 1998): after
 * each cohort the posterior interval probabilities of every dose are updated. A dose is admissible when
 * P(overdose) = P(p_d ≥ upper boundary | data) is at most the EWOC cutoff and it is at most one level above
 * the highest dose tried. The trial stops without a dose when no dose is admissible. The next cohort gets
 * the admissible dose with the highest probability of the target interval; the trial may stop early when
 * that dose already has {@code stopPatients} patients. After the last cohort the MTD is that dose among the
 * admissible doses already tried. Ties go to the lower dose.
 */
final class BlrmTrial extends AbstractDoseFindingTrial {
    /** What a trial needs; shared by all trials of a simulation (immutable; the prior's grid is shared). */
    record Settings(BlrmPosterior prior, double ewoc, int cohortSize, int cohorts, int startDose, int stopPatients) {
    }

    private final Settings settings;
    private final BlrmPosterior posterior;
    private final int[] recordedDlts;
    private int highestTried = -1;
    private int cohortsTreated;

    BlrmTrial(Settings settings) {
        super(settings.prior().model().doses(), settings.startDose());
        this.settings = settings;
        this.posterior = settings.prior().fresh();
        this.recordedDlts = new int[settings.prior().model().doses()];
    }

    private BlrmTrial(BlrmTrial other) {
        super(other);
        this.settings = other.settings;
        this.posterior = other.posterior.copy();
        this.recordedDlts = other.recordedDlts.clone();
        this.highestTried = other.highestTried;
        this.cohortsTreated = other.cohortsTreated;
    }

    @Override
    public BlrmTrial copy() {
        return new BlrmTrial(this);
    }

    @Override
    public int nextCohortSize() {
        return settings.cohortSize();
    }

    /** Backfill patients update the posterior as a cohort of their own would (no decision). */
    @Override
    protected void backfillRecorded(int backfillDose, int patientsAdded, int dltsAdded) {
        posterior.addCohort(backfillDose, patientsAdded, dltsAdded);
        recordedDlts[backfillDose] += dltsAdded;
    }

    @Override
    protected void decide(int n, int y) {
        posterior.addCohort(dose, settings.cohortSize(), y - recordedDlts[dose]);
        recordedDlts[dose] = y;
        highestTried = Math.max(highestTried, dose);
        cohortsTreated++;
        int best = -1;
        int bestTried = -1;
        double bestTarget = Double.NEGATIVE_INFINITY;
        double bestTriedTarget = Double.NEGATIVE_INFINITY;
        int last = Math.min(patients.length - 1, highestTried + 1);
        for (int d = 0; d <= last; d++) {
            double[] intervals = posterior.intervalProbabilities(d);
            double overdose = intervals[intervals.length - 1];
            if (overdose > settings.ewoc()) {
                break; // P(overdose) increases with the dose (β > 0), so no higher dose is admissible
            }
            double target = intervals[1];
            if (target > bestTarget) {
                bestTarget = target;
                best = d;
            }
            if (patients[d] > 0 && target > bestTriedTarget) {
                bestTriedTarget = target;
                bestTried = d;
            }
        }
        if (best < 0) {
            finish(-1);
        } else if (cohortsTreated == settings.cohorts()) {
            finish(bestTried);
        } else if (settings.stopPatients() > 0 && patients[best] >= settings.stopPatients()) {
            finish(best);
        } else {
            dose = best;
        }
    }
}
