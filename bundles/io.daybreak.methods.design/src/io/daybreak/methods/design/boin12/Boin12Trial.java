package io.daybreak.methods.design.boin12;

import java.util.function.DoubleSupplier;

/**
 * One BOIN12 trial (Lin, Zhou, Yan, Li &amp; Yuan, JCO Precis Oncol 4:1393, 2020), in the order of the authors'
 * simulation code {@code get.oc.obd}. After each cohort at dose d: eliminate d and all higher doses for
 * toxicity (stopping the trial if d is the lowest), eliminate d alone for futility, stop if no dose is left.
 * Then if y_T/n ≥ λd go to the highest non-eliminated lower dose (stay, or stop if d is eliminated, when
 * there is none); otherwise choose by the rank-based desirability score among d, the highest non-eliminated
 * lower dose and — while n_d &lt; N* or y_T/n ≤ λe — the lowest non-eliminated higher dose (an untried dose
 * scores 1 − u_b/100). Ties are broken at random (from the trial's own tie stream). A chosen dose that is
 * eliminated stops the trial. Exploration: with at least {@code exploreAt} patients at d and y_T/n &lt; λd, an
 * untried next higher dose is tried. After the last cohort the OBD is chosen ({@link Boin12Selection}).
 */
final class Boin12Trial {
    private final Boin12Rules rules;
    final int[] patients;
    final int[] toxicities;
    final int[] responses;
    private final int[] efficacyOnly;
    private final int[] both;
    private final int[] neither;
    final boolean[] eliminated;
    private int dose;
    private int cohortsTreated;
    private boolean finished;
    private int selected = -1;

    Boin12Trial(Boin12Rules rules) {
        this.rules = rules;
        int k = rules.doses();
        patients = new int[k];
        toxicities = new int[k];
        responses = new int[k];
        efficacyOnly = new int[k];
        both = new int[k];
        neither = new int[k];
        eliminated = new boolean[k];
        dose = rules.startDose();
    }

    boolean finished() {
        return finished;
    }

    int nextDose() {
        return dose;
    }

    int selectedDose() {
        return selected;
    }

    /** Records the current cohort's outcomes by kind and decides what comes next; ties draw from {@code ties}. */
    void record(int efficacyNoToxicity, int toxicityAndEfficacy, int toxicityNoEfficacy, int neitherOutcome,
            DoubleSupplier ties) {
        int d = dose;
        patients[d] += efficacyNoToxicity + toxicityAndEfficacy + toxicityNoEfficacy + neitherOutcome;
        toxicities[d] += toxicityAndEfficacy + toxicityNoEfficacy;
        responses[d] += efficacyNoToxicity + toxicityAndEfficacy;
        efficacyOnly[d] += efficacyNoToxicity;
        both[d] += toxicityAndEfficacy;
        neither[d] += neitherOutcome;
        cohortsTreated++;
        int next = next(d, ties);
        if (next < 0) {
            finish(-1);
        } else if (cohortsTreated == rules.cohorts() || patients[d] >= rules.earlyStop()) {
            finish(Boin12Selection.optimalDose(rules, patients, toxicities, responses, eliminated));
        } else {
            dose = next;
        }
    }

    /** Adds backfill patients at {@code d} by kind of outcome, without a decision (their data count from now on). */
    void addBackfill(int d, int efficacyNoToxicity, int toxicityAndEfficacy, int toxicityNoEfficacy, int neitherOutcome) {
        patients[d] += efficacyNoToxicity + toxicityAndEfficacy + toxicityNoEfficacy + neitherOutcome;
        toxicities[d] += toxicityAndEfficacy + toxicityNoEfficacy;
        responses[d] += efficacyNoToxicity + toxicityAndEfficacy;
        efficacyOnly[d] += efficacyNoToxicity;
        both[d] += toxicityAndEfficacy;
        neither[d] += neitherOutcome;
    }

    private void finish(int obd) {
        selected = obd;
        finished = true;
    }

    /** The next dose, or −1 to stop without a dose. */
    private int next(int d, DoubleSupplier ties) {
        int n = patients[d];
        int yT = toxicities[d];
        if (n >= 3 && yT >= rules.eliminateIfAtLeast()[n]) {
            for (int j = d; j < eliminated.length; j++) {
                eliminated[j] = true;
            }
            if (d == 0) {
                return -1;
            }
        }
        if (n >= 3 && responses[d] <= rules.futileIfAtMost()[n]) {
            eliminated[d] = true;
        }
        int lower = -1;
        for (int j = d - 1; j >= 0 && lower < 0; j--) {
            lower = eliminated[j] ? -1 : j;
        }
        int upper = -1;
        for (int j = d + 1; j < eliminated.length && upper < 0; j++) {
            upper = eliminated[j] ? -1 : j;
        }
        if (lower < 0 && upper < 0 && eliminated[d]) {
            return -1; // every dose is eliminated
        }
        if (patients[d] >= rules.earlyStop()) {
            return d; // the sample-size cap ends the trial normally
        }
        if (yT >= rules.deescalateIfAtLeast()[n]) {
            return lower >= 0 ? lower : eliminated[d] ? -1 : d;
        }
        boolean mayEscalate = n < rules.nStar() || yT <= rules.escalateIfAtMost()[n];
        int chosen = mostDesirable(new int[] {lower, d, mayEscalate ? upper : -1}, ties);
        if (eliminated[chosen]) {
            return -1;
        }
        if (upper >= 0 && n >= rules.exploreAt() && patients[upper] == 0) {
            return upper; // exploration: y_T < deescalation boundary holds here
        }
        return chosen;
    }

    private int mostDesirable(int[] candidates, DoubleSupplier ties) {
        double best = Double.NEGATIVE_INFINITY;
        int[] tied = new int[candidates.length];
        int count = 0;
        for (int j : candidates) {
            if (j < 0) {
                continue;
            }
            double score = eliminated[j] ? 0 : rules.desirability(patients[j],
                    rules.quasiSuccesses(efficacyOnly[j], both[j], neither[j]));
            if (score > best) {
                best = score;
                count = 0;
            }
            if (score == best) {
                tied[count++] = j;
            }
        }
        return count == 1 ? tied[0] : tied[(int) (ties.getAsDouble() * count)];
    }
}
