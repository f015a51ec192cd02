package io.daybreak.methods.design.crm;

import io.daybreak.methods.design.oc.TiteData;
import io.daybreak.methods.design.oc.TiteTrial;

/**
 * One TITE-CRM trial (Cheung &amp; Chappell, Biometrics 56:1177, 2000; dfcrm's {@code titecrm} and
 * {@code titesim} conventions): at each arrival the posterior of β uses every DLT seen so far and, for a
 * patient still without one, the weight w = follow-up / window (1 once the window is over) in the weighted
 * likelihood 1 − w·p. The patient gets the dose whose plug-in estimate is closest to the target, but at most
 * one level above the previous patient's dose. After the last patient's window the MTD is the dose closest to
 * the target on complete data.
 */
final class TiteCrmTrial implements TiteTrial {
    /** What a trial needs; shared by all trials of a simulation (immutable). */
    record Settings(CrmPosterior posterior, double target, Enrolment enrolment) {
    }

    private final Settings settings;
    private final CrmPosterior posterior;

    TiteCrmTrial(Settings settings) {
        this.settings = settings;
        this.posterior = settings.posterior().fresh();
    }

    @Override
    public Enrolment enrolment() {
        return settings.enrolment();
    }

    @Override
    public int decide(TiteData data, int latest) {
        int pending = data.pendingCount();
        int[] pendingDose = new int[pending];
        double[] pendingWeight = new double[pending];
        for (int k = 0; k < pending; k++) {
            pendingDose[k] = data.pendingDose(k);
            pendingWeight[k] = data.pendingFraction(k);
        }
        posterior.update(data.completePatients(), data.dlts(), pendingDose, pendingWeight, pending);
        return Math.min(posterior.doseClosestTo(settings.target(), false), latest + 1);
    }

    @Override
    public int select(int[] patients, int[] dlts) {
        posterior.update(patients, dlts);
        return posterior.doseClosestTo(settings.target(), false);
    }
}
