package io.daybreak.methods.design.optimisation;

import java.util.function.Supplier;

import org.apache.commons.rng.UniformRandomProvider;

import io.daybreak.methods.design.oc.DoseFindingTrial;

/**
 * One dose-optimisation programme as a single simulated trial (docs/adr/0039): escalation by any
 * {@link DoseFindingTrial} (BOIN, Keyboard, CRM) or by BOIN12, then a randomised stage of n patients per arm at the escalation's
 * selected dose and the {@code arms − 1} doses below it, whose {@link ArmRules} pick the final dose. Patient j of the
 * escalation draws its toxicity uniform from the trial's toxicity stream (as in every design) and its response
 * uniform from the efficacy stream; the randomised stage draws from its own stream, patient i of every arm in turn
 * (arm by arm, lowest first, toxicity then response), so that the escalation's outcomes do not depend on the
 * randomised stage and patient i of an arm is the same patient whatever n is. Immutable; thread-safe.
 *
 * @param escalation the escalation stage
 * @param toxicity   true DLT probability per dose
 * @param efficacy   true response probability per dose
 * @param arms       doses randomised: the selected one and up to arms − 1 below it
 * @param rules      the randomised stage's rules for its n per arm
 * @param timing     accrual and assessment windows, for the duration
 */
record Programme(Escalation escalation, double[] toxicity, double[] efficacy, int arms, ArmRules rules,
        Timing timing) {

    /**
     * The escalation stage of one programme: fills the outcome's escalation counts, cohorts and selected dose from the
     * trial's toxicity, efficacy and tie streams.
     */
    @FunctionalInterface
    interface Escalation {
        void run(Outcome outcome, UniformRandomProvider toxicityDraws, UniformRandomProvider efficacyDraws,
                UniformRandomProvider ties);

        /**
         * Escalation by a {@link DoseFindingTrial} (toxicity only): patient j of the escalation has the j-th toxicity
         * and the j-th efficacy uniform; the tie stream is not used.
         */
        static Escalation of(Supplier<DoseFindingTrial> design, double[] toxicity, double[] efficacy) {
            return (outcome, toxicityDraws, efficacyDraws, ties) -> {
                DoseFindingTrial trial = design.get();
                while (!trial.finished()) {
                    int d = trial.nextDose();
                    int size = trial.nextCohortSize();
                    int dlts = 0;
                    for (int patient = 0; patient < size; patient++) {
                        if (toxicityDraws.nextDouble() < toxicity[d]) {
                            dlts++;
                        }
                        if (efficacyDraws.nextDouble() < efficacy[d]) {
                            outcome.escalationResponses[d]++;
                        }
                    }
                    outcome.cohorts++;
                    trial.record(dlts);
                }
                System.arraycopy(trial.patients(), 0, outcome.escalationPatients, 0, toxicity.length);
                System.arraycopy(trial.dlts(), 0, outcome.escalationDlts, 0, toxicity.length);
                outcome.mtd = trial.selectedDose();
            };
        }
    }

    /**
     * Deterministic accrual: patients arrive at {@code accrualRate} per month; an escalation cohort's DLT window and
     * the randomised stage's response window follow the last patient enrolled.
     */
    record Timing(double accrualRate, double dltWindow, double efficacyWindow) {
        /** Months for an escalation of {@code cohorts} cohorts of {@code cohortSize}. */
        double escalation(long cohorts, int cohortSize) {
            return cohorts * (cohortSize / accrualRate + dltWindow);
        }

        /** Months for a randomised stage of {@code patients} patients (0: no stage, no time). */
        double randomised(long patients, long stages) {
            return patients / accrualRate + stages * efficacyWindow;
        }
    }

    /** What one programme did. Arrays are per dose. */
    static final class Outcome {
        final int[] escalationPatients;
        final int[] escalationDlts;
        final int[] escalationResponses;
        final int[] randomisedPatients;
        final int[] randomisedDlts;
        final int[] randomisedResponses;
        int cohorts;
        int mtd = -1;
        int lowestArm = -1;
        int armsRandomised;
        int selected = -1;

        Outcome(int doses) {
            escalationPatients = new int[doses];
            escalationDlts = new int[doses];
            escalationResponses = new int[doses];
            randomisedPatients = new int[doses];
            randomisedDlts = new int[doses];
            randomisedResponses = new int[doses];
        }

        int randomisedTotal() {
            int total = 0;
            for (int n : randomisedPatients) {
                total += n;
            }
            return total;
        }
    }

    /** Runs one programme with the given streams: escalation toxicity, response and ties, randomised stage. */
    Outcome run(UniformRandomProvider toxicityDraws, UniformRandomProvider efficacyDraws, UniformRandomProvider ties,
            UniformRandomProvider randomisedDraws) {
        Outcome outcome = new Outcome(toxicity.length);
        escalation.run(outcome, toxicityDraws, efficacyDraws, ties);
        // Hook for backfill cohorts (issue 19, item 1): they would join here, before the randomised stage.
        if (outcome.mtd < 0) {
            return outcome;
        }
        int lowest = Math.max(0, outcome.mtd - arms + 1);
        int k = outcome.mtd - lowest + 1;
        int n = rules.patients();
        int[] tox = new int[k];
        int[] resp = new int[k];
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < k; a++) {
                if (randomisedDraws.nextDouble() < toxicity[lowest + a]) {
                    tox[a]++;
                }
                if (randomisedDraws.nextDouble() < efficacy[lowest + a]) {
                    resp[a]++;
                }
            }
        }
        for (int a = 0; a < k; a++) {
            outcome.randomisedPatients[lowest + a] = n;
            outcome.randomisedDlts[lowest + a] = tox[a];
            outcome.randomisedResponses[lowest + a] = resp[a];
        }
        outcome.lowestArm = lowest;
        outcome.armsRandomised = k;
        int arm = rules.select(tox, resp, k);
        outcome.selected = arm < 0 ? -1 : lowest + arm;
        return outcome;
    }
}
