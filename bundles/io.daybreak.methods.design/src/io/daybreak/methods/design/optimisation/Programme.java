package io.daybreak.methods.design.optimisation;

import java.util.function.Supplier;

import org.apache.commons.rng.UniformRandomProvider;

import io.daybreak.core.method.MethodContext;
import io.daybreak.methods.design.backfill.BackfillOutcome;
import io.daybreak.methods.design.backfill.BackfillRules;
import io.daybreak.methods.design.backfill.BackfillSimulation;
import io.daybreak.methods.design.oc.DoseFindingSimulation;
import io.daybreak.methods.design.oc.DoseFindingTrial;

/**
 * One dose-optimisation programme as a single simulated trial (docs/adr/0039): escalation by any
 * {@link DoseFindingTrial} (BOIN, Keyboard, CRM), with or without backfill cohorts (BF-BOIN, {@link BackfillSimulation}),
 * or by BOIN12; then a randomised stage of n patients per arm at the escalation's selected dose and the
 * {@code arms − 1} doses below it, whose {@link ArmRules} pick the final dose. Trial r: escalation toxicity from stream
 * r and responses from r + EFFICACY_STREAMS (as every design), backfill as {@link BackfillSimulation.Streams}, and the
 * randomised stage from r + RANDOMISED_STREAMS, patient i of every arm in turn (lowest arm first; toxicity, then
 * response), so that escalation does not depend on the randomised stage and patient i of an arm is the same patient
 * whatever n is. Immutable; thread-safe.
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

    /** The escalation stage of programme r: fills the outcome's escalation (and backfill) counts and selection. */
    @FunctionalInterface
    interface Escalation {
        void run(Outcome outcome, MethodContext context, long r);

        /**
         * Escalation by a {@link DoseFindingTrial} (toxicity only), cohort after cohort: patient j of the escalation
         * has the j-th uniform of stream r for toxicity and of r + EFFICACY_STREAMS for response. Its duration is
         * that of {@link Timing#escalation}.
         */
        static Escalation of(Supplier<DoseFindingTrial> design, double[] toxicity, double[] efficacy, Timing timing) {
            return (outcome, context, r) -> {
                UniformRandomProvider toxicityDraws = context.random(r);
                UniformRandomProvider efficacyDraws = context.random(r + DoseFindingSimulation.EFFICACY_STREAMS);
                DoseFindingTrial trial = design.get();
                int cohorts = 0;
                int size = 0;
                while (!trial.finished()) {
                    int d = trial.nextDose();
                    size = trial.nextCohortSize();
                    int dlts = 0;
                    for (int patient = 0; patient < size; patient++) {
                        if (toxicityDraws.nextDouble() < toxicity[d]) {
                            dlts++;
                        }
                        if (efficacyDraws.nextDouble() < efficacy[d]) {
                            outcome.escalationResponses[d]++;
                        }
                    }
                    cohorts++;
                    trial.record(dlts);
                }
                System.arraycopy(trial.patients(), 0, outcome.escalationPatients, 0, toxicity.length);
                System.arraycopy(trial.dlts(), 0, outcome.escalationDlts, 0, toxicity.length);
                outcome.mtd = trial.selectedDose();
                outcome.escalationMonths = timing.escalation(cohorts, size);
            };
        }

        /**
         * Escalation by a {@link DoseFindingTrial} with backfill cohorts, in BF-BOIN's calendar time: its duration is
         * the backfill simulation's end time (its own accrual rate and DLT window), and its responses are those of
         * the escalation and analysed backfill patients.
         */
        static Escalation withBackfill(Supplier<DoseFindingTrial> design, double[] toxicity, double[] efficacy,
                BackfillRules backfill) {
            return (outcome, context, r) -> {
                BackfillOutcome b = BackfillSimulation.run(design.get(), toxicity, efficacy, backfill, null,
                        BackfillSimulation.Streams.of(context, r));
                int doses = toxicity.length;
                System.arraycopy(b.escalationPatients(), 0, outcome.escalationPatients, 0, doses);
                System.arraycopy(b.escalationDlts(), 0, outcome.escalationDlts, 0, doses);
                System.arraycopy(b.backfillPatients(), 0, outcome.backfillPatients, 0, doses);
                System.arraycopy(b.backfillDlts(), 0, outcome.backfillDlts, 0, doses);
                System.arraycopy(b.responses(), 0, outcome.escalationResponses, 0, doses);
                outcome.mtd = b.selectedDose();
                outcome.escalationMonths = b.endTime();
            };
        }
    }

    /**
     * Deterministic accrual: patients arrive at {@code accrualRate} per month; an escalation cohort's DLT window and
     * the randomised stage's response window follow the last patient enrolled.
     */
    record Timing(double accrualRate, double dltWindow, double efficacyWindow) {
        /** Months for an escalation of {@code cohorts} cohorts of {@code cohortSize}. */
        double escalation(int cohorts, int cohortSize) {
            return cohorts * (cohortSize / accrualRate + dltWindow);
        }

        /** Months for a randomised stage of {@code patients} patients. */
        double randomised(int patients) {
            return patients / accrualRate + efficacyWindow;
        }
    }

    /** What one programme did. Arrays are per dose. */
    static final class Outcome {
        final int[] escalationPatients;
        final int[] escalationDlts;
        /** Responses of the escalation patients (and of the analysed backfill patients, with backfill). */
        final int[] escalationResponses;
        final int[] backfillPatients;
        final int[] backfillDlts;
        final int[] randomisedPatients;
        final int[] randomisedDlts;
        final int[] randomisedResponses;
        double escalationMonths;
        double months;
        int mtd = -1;
        int lowestArm = -1;
        int armsRandomised;
        int selected = -1;

        Outcome(int doses) {
            escalationPatients = new int[doses];
            escalationDlts = new int[doses];
            escalationResponses = new int[doses];
            backfillPatients = new int[doses];
            backfillDlts = new int[doses];
            randomisedPatients = new int[doses];
            randomisedDlts = new int[doses];
            randomisedResponses = new int[doses];
        }
    }

    /** Runs programme r on its streams. */
    Outcome run(MethodContext context, long r) {
        Outcome outcome = new Outcome(toxicity.length);
        escalation.run(outcome, context, r);
        outcome.months = outcome.escalationMonths;
        if (outcome.mtd < 0) {
            return outcome;
        }
        UniformRandomProvider draws = context.random(r + DoseFindingSimulation.RANDOMISED_STREAMS);
        int lowest = Math.max(0, outcome.mtd - arms + 1);
        int k = outcome.mtd - lowest + 1;
        int n = rules.patients();
        int[] tox = new int[k];
        int[] resp = new int[k];
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < k; a++) {
                if (draws.nextDouble() < toxicity[lowest + a]) {
                    tox[a]++;
                }
                if (draws.nextDouble() < efficacy[lowest + a]) {
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
        outcome.months += timing.randomised(n * k);
        return outcome;
    }
}
