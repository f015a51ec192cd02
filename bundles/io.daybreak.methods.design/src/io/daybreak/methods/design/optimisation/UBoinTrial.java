package io.daybreak.methods.design.optimisation;

import java.util.function.DoubleSupplier;

import org.apache.commons.statistics.distribution.BetaDistribution;

import io.daybreak.methods.design.interval.BoinMethod;
import io.daybreak.methods.design.oc.DoseFindingTrial;

/**
 * One U-BOIN trial (Zhou, Lee &amp; Yuan, Stat Med 38:5299-5316, 2019), as read in docs/adr/0040. Stage I: BOIN
 * (design.boin's trial at BOIN's defaults) for {@code stage1Cohorts} cohorts, toxicity only, efficacy recorded; BOIN
 * stopping at the lowest dose stops the trial without a dose. Stage II, before each further cohort and at the end:
 * a tried dose with at least 3 patients is eliminated with every higher dose when P(p_T &gt; φ_T | data) &gt; c_T and
 * alone when P(p_E &lt; φ_E | data) &gt; c_E (Beta(1, 1) priors); the admissible set is the tried doses not eliminated
 * (empty: stop without a dose). The cohort goes to the admissible dose with the highest posterior mean utility
 * (greedy), or is randomised among the admissible doses with probabilities proportional to it (adaptive
 * randomisation); when that is the highest tried dose h, y_h ≤ ⌊n_h λ_e⌋ and dose h + 1 is untried and not
 * eliminated, the cohort explores h + 1. The posterior mean utility of a dose is Σ_k u_k (n_k + a)/(n + 4a) under a
 * Dirichlet(a, a, a, a) prior on the four outcomes (response without toxicity u = 100, both u_B, neither u_N,
 * toxicity without response 0). The OBD is the admissible dose with the highest posterior mean utility (ties to the
 * lower dose). Not thread-safe; one per simulated trial.
 */
final class UBoinTrial {
    /** What every trial of a simulation shares (immutable). */
    record Rules(double target, double minEfficacy, double utilityBoth, double utilityNeither, double eliminationCutoff,
            double futilityCutoff, int cohortSize, int stage1Cohorts, int cohorts, int startDose, double priorWeight,
            boolean randomise, DoseFindingTrial stage1Prototype, int[] eliminateIfAtLeast, int[] futileIfAtMost,
            int[] escalateIfAtMost) {

        static Rules of(int doses, double target, double minEfficacy, double utilityBoth, double utilityNeither,
                double eliminationCutoff, double futilityCutoff, int cohortSize, int stage1Cohorts, int cohorts,
                int startDose, double priorWeight, boolean randomise) {
            int max = cohortSize * cohorts;
            int[] eliminate = new int[max + 1];
            int[] futile = new int[max + 1];
            int[] escalate = new int[max + 1];
            double lambdaE = io.daybreak.methods.design.interval.BoinBoundaries.of(target, 0.6 * target, 1.4 * target)
                    .lambdaE();
            for (int n = 0; n <= max; n++) {
                eliminate[n] = Integer.MAX_VALUE;
                futile[n] = -1;
                escalate[n] = (int) Math.floor(lambdaE * n);
                if (n < 3) {
                    continue;
                }
                for (int t = 0; t <= n && eliminate[n] == Integer.MAX_VALUE; t++) {
                    if (1 - BetaDistribution.of(t + 1, n - t + 1).cumulativeProbability(target) > eliminationCutoff) {
                        eliminate[n] = t;
                    }
                }
                for (int e = n; e >= 0 && futile[n] < 0; e--) {
                    if (BetaDistribution.of(e + 1, n - e + 1).cumulativeProbability(minEfficacy) > futilityCutoff) {
                        futile[n] = e;
                    }
                }
            }
            DoseFindingTrial stage1 = BoinMethod.newTrial(target, doses, cohortSize, stage1Cohorts, startDose);
            return new Rules(target, minEfficacy, utilityBoth, utilityNeither, eliminationCutoff, futilityCutoff,
                    cohortSize, stage1Cohorts, cohorts, startDose, priorWeight, randomise, stage1, eliminate, futile,
                    escalate);
        }

        /** Posterior mean utility from counts of (response only, both, neither) of n. */
        double utility(int responseOnly, int both, int neither, int n) {
            double a = priorWeight / 4;
            return (100 * (responseOnly + a) + utilityBoth * (both + a) + utilityNeither * (neither + a)) / (n + 4 * a);
        }
    }

    private final Rules rules;
    final int[] patients;
    final int[] toxicities;
    final int[] responses;
    private final int[] responseOnly;
    private final int[] both;
    private final int[] neither;
    final boolean[] eliminated;
    private final DoseFindingTrial stage1;
    private int cohortsTreated;
    private int dose;
    private boolean finished;
    private int selected = -1;

    UBoinTrial(Rules rules) {
        this.rules = rules;
        int k = rules.stage1Prototype().patients().length;
        patients = new int[k];
        toxicities = new int[k];
        responses = new int[k];
        responseOnly = new int[k];
        both = new int[k];
        neither = new int[k];
        eliminated = new boolean[k];
        stage1 = rules.stage1Prototype().copy();
        dose = stage1.nextDose();
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

    /** Stage I lasts while its BOIN trial (of stage1Cohorts cohorts; it may end earlier) has not finished. */
    boolean inStage1() {
        return !stage1.finished();
    }

    /** Records the current cohort by kind (response only, both, toxicity only, neither) and decides what is next. */
    void record(int responseOnlyCount, int bothCount, int toxicityOnly, int neitherCount, DoubleSupplier random) {
        int d = dose;
        patients[d] += responseOnlyCount + bothCount + toxicityOnly + neitherCount;
        toxicities[d] += bothCount + toxicityOnly;
        responses[d] += responseOnlyCount + bothCount;
        responseOnly[d] += responseOnlyCount;
        both[d] += bothCount;
        neither[d] += neitherCount;
        boolean stage1Cohort = inStage1();
        cohortsTreated++;
        if (stage1Cohort) {
            stage1.record(bothCount + toxicityOnly);
            if (stage1.finished() && stage1.selectedDose() < 0) {
                finish(-1); // BOIN stopped: the lowest dose is too toxic
                return;
            }
            if (!stage1.finished()) {
                dose = stage1.nextDose();
                return;
            }
        }
        eliminate();
        if (cohortsTreated >= rules.cohorts()) {
            finish(best());
            return;
        }
        int next = assign(random);
        if (next < 0) {
            finish(-1);
        } else {
            dose = next;
        }
    }

    private void finish(int obd) {
        selected = obd;
        finished = true;
    }

    private void eliminate() {
        for (int j = 0; j < patients.length; j++) {
            int n = patients[j];
            if (n < 3) {
                continue;
            }
            if (toxicities[j] >= rules.eliminateIfAtLeast()[n]) {
                for (int i = j; i < eliminated.length; i++) {
                    eliminated[i] = true;
                }
            }
            if (responses[j] <= rules.futileIfAtMost()[n]) {
                eliminated[j] = true;
            }
        }
    }

    private boolean admissible(int j) {
        return patients[j] > 0 && !eliminated[j];
    }

    private double utility(int j) {
        return rules.utility(responseOnly[j], both[j], neither[j], patients[j]);
    }

    /** The admissible dose with the highest posterior mean utility (ties to the lower dose), −1 if none. */
    int best() {
        int best = -1;
        for (int j = 0; j < patients.length; j++) {
            if (admissible(j) && (best < 0 || utility(j) > utility(best))) {
                best = j;
            }
        }
        return best;
    }

    private int assign(DoubleSupplier random) {
        int chosen = best();
        if (chosen < 0) {
            return -1;
        }
        double total = 0;
        for (int j = 0; j < patients.length; j++) {
            total += admissible(j) ? utility(j) : 0;
        }
        if (rules.randomise() && total > 0) {
            double u = random.getAsDouble() * total;
            for (int j = 0; j < patients.length; j++) {
                if (admissible(j)) {
                    chosen = j;
                    u -= utility(j);
                    if (u < 0) {
                        break;
                    }
                }
            }
        }
        int highestTried = -1;
        for (int j = 0; j < patients.length; j++) {
            highestTried = patients[j] > 0 ? j : highestTried;
        }
        if (chosen == highestTried && chosen + 1 < patients.length && patients[chosen + 1] == 0
                && !eliminated[chosen + 1] && toxicities[chosen] <= rules.escalateIfAtMost()[patients[chosen]]) {
            return chosen + 1;
        }
        return chosen;
    }
}
