package io.daybreak.methods.design.crm;

import io.daybreak.methods.design.oc.AbstractDoseFindingTrial;

/**
 * One CRM trial (O'Quigley, Pepe &amp; Fisher 1990; dfcrm's conventions): after each cohort the posterior of β
 * is updated; the trial stops without a dose if the safety rule is on and P(p_1 &gt; target | data) exceeds
 * its cutoff; otherwise the next cohort gets the dose whose estimated DLT probability (at the posterior
 * mean of β) is closest to the target, but never more than one level above the highest dose tried. After
 * the last cohort the MTD is the dose whose estimate is closest to the target, estimated either at the
 * posterior mean of β (as dfcrm) or as the posterior mean of p_d. Ties go to the lower dose.
 */
final class CrmTrial extends AbstractDoseFindingTrial {
    /** What a trial needs; shared by all trials of a simulation (immutable). */
    record Settings(CrmPosterior posterior, double target, int cohortSize, int cohorts, int startDose,
            double stopCutoff, boolean mtdByPosteriorMean) {
    }

    private final Settings settings;
    private final CrmPosterior posterior;
    private int highestTried = -1;
    private int cohortsTreated;

    CrmTrial(Settings settings) {
        super(settings.posterior().model().doses(), settings.startDose());
        this.settings = settings;
        this.posterior = settings.posterior().fresh();
    }

    private CrmTrial(CrmTrial other) {
        super(other);
        this.settings = other.settings;
        this.posterior = other.settings.posterior().fresh(); // recomputed from the counts at the next record
        this.highestTried = other.highestTried;
        this.cohortsTreated = other.cohortsTreated;
    }

    @Override
    public CrmTrial copy() {
        return new CrmTrial(this);
    }

    @Override
    public int nextCohortSize() {
        return settings.cohortSize();
    }

    @Override
    protected void decide(int n, int y) {
        highestTried = Math.max(highestTried, dose);
        cohortsTreated++;
        posterior.update(patients, dlts);
        if (!Double.isNaN(settings.stopCutoff())
                && posterior.probabilityLowestDoseAbove(settings.target()) > settings.stopCutoff()) {
            finish(-1);
            return;
        }
        if (cohortsTreated == settings.cohorts()) {
            finish(posterior.doseClosestTo(settings.target(), settings.mtdByPosteriorMean()));
            return;
        }
        dose = Math.min(posterior.doseClosestTo(settings.target(), false), highestTried + 1);
    }
}
