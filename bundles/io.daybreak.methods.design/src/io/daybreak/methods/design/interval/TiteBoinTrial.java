package io.daybreak.methods.design.interval;

import io.daybreak.methods.design.oc.TiteData;
import io.daybreak.methods.design.oc.TiteTrial;

/**
 * One TITE-BOIN trial (Yuan, Lin, Li, Nie &amp; Warren, Clin Cancer Res 24:4921, 2018), with the decision order
 * of the authors' simulation code. At the arrival that opens a cohort, with n patients at the current dose,
 * y DLTs observed, c pending and their standardised total follow-up STFT:
 * <ol>
 * <li>eliminate the lowest dose (and all above it) with n ≥ 3 and P(p &gt; target | y, n) &gt; cutoff under
 * Beta(1, 1), pending patients counted as without DLT; if the current dose is eliminated go to the highest
 * dose below, or stop if none is left;</li>
 * <li>de-escalate if y/n ≥ λd whatever is pending (at the lowest dose: suspend while anything is pending);</li>
 * <li>suspend accrual if more than {@code maxPending} of the n patients are pending;</li>
 * <li>otherwise estimate p by imputing the pending outcomes, p̂ = (y + q(c − STFT))/n with q = p̃/(1 − p̃),
 * p̃ = (y + target/2)/(n − c + 1); escalate if p̂ ≤ λe and y/n &lt; target (stay at the top dose or below an
 * eliminated one), de-escalate if p̂ ≥ λd and y/n ≥ target, else stay.</li>
 * </ol>
 * The MTD is BOIN's isotonic selection on complete data, eliminated doses excluded.
 */
final class TiteBoinTrial implements TiteTrial {
    /** What a trial needs; shared by all trials of a simulation (immutable). */
    record Settings(BoinBoundaries boundaries, int doses, Enrolment enrolment, double maxPending,
            int[] eliminateIfAtLeast) {
    }

    private final Settings settings;
    private int lowestEliminated;

    TiteBoinTrial(Settings settings) {
        this.settings = settings;
        this.lowestEliminated = settings.doses();
    }

    /** The elimination boundary per number of patients, 0 … maxPatients (Integer.MAX_VALUE: never). */
    static int[] eliminationTable(double target, int maxPatients, double cutoff) {
        int[] table = new int[maxPatients + 1];
        for (int n = 0; n <= maxPatients; n++) {
            int bound = IntervalBoundaries.eliminateIfAtLeast(target, n, cutoff);
            table[n] = bound < 0 ? Integer.MAX_VALUE : bound;
        }
        return table;
    }

    @Override
    public Enrolment enrolment() {
        return settings.enrolment();
    }

    @Override
    public int decide(TiteData data, int dose) {
        for (int d = 0; d < lowestEliminated; d++) {
            if (data.dlts(d) >= settings.eliminateIfAtLeast()[data.patients(d)]) {
                lowestEliminated = d;
                break;
            }
        }
        if (dose >= lowestEliminated) {
            return lowestEliminated == 0 ? STOP : lowestEliminated - 1;
        }
        int n = data.patients(dose);
        int y = data.dlts(dose);
        int c = data.pending(dose);
        double target = settings.boundaries().target();
        double observed = (double) y / n;
        if (observed >= settings.boundaries().lambdaD()) {
            return deescalate(dose, c);
        }
        if ((double) c / n > settings.maxPending()) {
            return SUSPEND;
        }
        double estimate = observed;
        if (c > 0) {
            double prior = (y + target / 2) / (n - c + 1);
            estimate = (y + prior / (1 - prior) * (c - data.followUp(dose))) / n;
        }
        if (estimate <= settings.boundaries().lambdaE() && observed < target) {
            return dose == settings.doses() - 1 || dose + 1 >= lowestEliminated ? dose : dose + 1;
        }
        if (estimate >= settings.boundaries().lambdaD() && observed >= target) {
            return deescalate(dose, c);
        }
        return dose;
    }

    private static int deescalate(int dose, int pending) {
        if (dose > 0) {
            return dose - 1;
        }
        return pending > 0 ? SUSPEND : dose;
    }

    @Override
    public int select(int[] patients, int[] dlts) {
        int eliminated = patients.length;
        for (int d = 0; d < patients.length; d++) {
            if (dlts[d] >= settings.eliminateIfAtLeast()[patients[d]]) {
                eliminated = d;
                break;
            }
        }
        return eliminated == 0 ? -1 : BoinSelection.mtd(patients, dlts, eliminated, settings.boundaries().target());
    }
}
