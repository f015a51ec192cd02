package io.daybreak.methods.design.crm;

import io.daybreak.methods.design.oc.AbstractDoseFindingTrial;

/**
 * One CRM trial (O'Quigley, Pepe &amp; Fisher 1990; dfcrm's conventions): after each cohort the posterior of β
 * is updated; the trial stops without a dose if the safety rule is on and P(p_1 &gt; target | data) exceeds
 * its cutoff; otherwise the next cohort gets the dose whose estimated DLT probability (at the posterior
 * mean of β) is closest to the target. With {@code restrict} (dfcrm's {@code restrict = TRUE}, as in its
 * {@code crmsim}) that dose is capped: at the current dose when the cohort just treated had an observed DLT
 * rate at or above the target (coherence), else at one level above the current dose (no skipping). Without
 * it the model's dose is taken as is (dfcrm's {@code restrict = FALSE}). After the last cohort the MTD is the
 * dose whose estimate is closest to the target, estimated either at the posterior mean of β (as dfcrm) or as
 * the posterior mean of p_d, without restriction. Ties go to the lower dose.
 */
final class CrmTrial extends AbstractDoseFindingTrial {
    /** What a trial needs; shared by all trials of a simulation (immutable). */
    record Settings(CrmPosterior posterior, double target, int cohortSize, int cohorts, int startDose,
            double stopCutoff, boolean mtdByPosteriorMean, boolean restrict, CrmStateCache cache) {

        /** Settings with a fresh state cache, shared by the trials that share these settings. */
        Settings(CrmPosterior posterior, double target, int cohortSize, int cohorts, int startDose, double stopCutoff,
                boolean mtdByPosteriorMean, boolean restrict) {
            this(posterior, target, cohortSize, cohorts, startDose, stopCutoff, mtdByPosteriorMean, restrict,
                    new CrmStateCache(posterior.model().doses(), cohortSize, cohorts));
        }
    }

    private final Settings settings;
    /** This trial's posterior, made on the first state the cache does not know (most trials never need one). */
    private CrmPosterior posterior;
    private int cohortsTreated;

    CrmTrial(Settings settings) {
        super(settings.posterior().model().doses(), settings.startDose());
        this.settings = settings;
    }

    private CrmTrial(CrmTrial other) {
        super(other);
        this.settings = other.settings; // the posterior is recomputed from the counts when needed
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
        cohortsTreated++;
        boolean last = cohortsTreated == settings.cohorts();
        CrmStateCache.Decision decision = settings.cache().get(patients, dlts, () -> integrate(last));
        if (!Double.isNaN(settings.stopCutoff()) && decision.lowestDoseAboveTarget() > settings.stopCutoff()) {
            finish(-1);
            return;
        }
        if (last) {
            finish(settings.mtdByPosteriorMean() ? decision.posteriorMeanDose() : decision.plugInDose());
            return;
        }
        dose = nextDose(decision.plugInDose(), dose, lastCohortDlts(), settings.cohortSize(), settings.target(),
                settings.restrict());
    }

    /**
     * The posterior summaries a decision on these counts needs. The posterior-mean MTD is only needed after the
     * last cohort, and the counts of the last cohort (cohorts × cohort size patients) are never those of an
     * earlier one, so a cached state always carries what its trials need.
     */
    private CrmStateCache.Decision integrate(boolean last) {
        if (posterior == null) {
            posterior = settings.posterior().fresh();
        }
        posterior.update(patients, dlts);
        double target = settings.target();
        return new CrmStateCache.Decision(posterior.doseClosestTo(target, false),
                last && settings.mtdByPosteriorMean() ? posterior.doseClosestTo(target, true) : -1,
                Double.isNaN(settings.stopCutoff()) ? Double.NaN : posterior.probabilityLowestDoseAbove(target));
    }

    /**
     * dfcrm's {@code restrict = TRUE} rule (mtrials/onetrial in dfcrm's R/dfcrm.R): after a cohort of {@code size}
     * at {@code current} with {@code cohortDlts} DLTs, the model's dose is capped at {@code current} when
     * cohortDlts / size &gt;= target, else at {@code current + 1}. Without restriction the model's dose is returned.
     */
    static int nextDose(int model, int current, int cohortDlts, int size, double target, boolean restrict) {
        if (!restrict) {
            return model;
        }
        return Math.min(model, (double) cohortDlts / size >= target ? current : current + 1);
    }
}
