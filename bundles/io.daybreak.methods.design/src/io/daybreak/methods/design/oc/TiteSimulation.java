package io.daybreak.methods.design.oc;

import java.util.List;
import java.util.function.Supplier;

import org.apache.commons.rng.UniformRandomProvider;

import io.daybreak.core.method.MethodContext;
import io.daybreak.core.method.MethodResult;

/**
 * Simulates time-to-event dose-finding trials (TITE-CRM, TITE-BOIN). Patients arrive as a Poisson process
 * (exponential gaps with the given mean; or fixed gaps); the first arrives at day 0. Patient j of trial r
 * has the j-th uniform u of random stream r, as in every other design (common random numbers): a DLT at
 * dose d when u &lt; p_d, occurring at day window·u/p_d of the assessment window, which is uniform on the window
 * given a DLT. Arrival gaps come from stream r + {@link DoseFindingSimulation#ARRIVAL_STREAMS}, so that
 * toxicity outcomes stay aligned with the other designs (docs/adr/0004).
 *
 * <p>A cohort's first patient is enrolled at the arrival where the design decides; the rest of the cohort
 * takes the next arrivals at the same dose. An arrival at which the design suspends accrual is turned away.
 * Once the maximum sample size is enrolled, the trial waits for the last assessment window to close and
 * the design selects a dose on complete data. Trial duration: from the first arrival to that moment, or to
 * the decision to stop early.
 */
public final class TiteSimulation {
    /** The accrual and assessment model. */
    public record Accrual(double window, double meanGap, boolean poisson) {
        double nextGap(UniformRandomProvider random) {
            return poisson ? -meanGap * Math.log1p(-random.nextDouble()) : meanGap;
        }
    }

    private TiteSimulation() {
    }

    /** One trial's result. */
    public record Outcome(int selectedDose, int[] patients, int[] dlts, double durationDays, int turnedAway) {
    }

    public static Summary simulate(Supplier<TiteTrial> design, double[] truth, double target, Accrual accrual, long trials,
            MethodContext context) {
        int maxPatients = design.get().enrolment().maxPatients();
        List<Summary> parts = DoseFindingSimulation.inChunks(trials, context, () -> new Summary(truth, target, maxPatients),
                (local, r) -> local.add(run(design.get(), truth, accrual, context.random(r),
                        context.random(r + DoseFindingSimulation.ARRIVAL_STREAMS))));
        Summary total = new Summary(truth, target, maxPatients);
        parts.forEach(total::merge);
        return total;
    }

    /** Runs one trial to its end. */
    public static Outcome run(TiteTrial trial, double[] truth, Accrual accrual, UniformRandomProvider outcomes,
            UniformRandomProvider arrivals) {
        TiteTrial.Enrolment enrolment = trial.enrolment();
        int max = enrolment.maxPatients();
        double[] entry = new double[max];
        int[] dose = new int[max];
        double[] dltTime = new double[max];
        TiteData data = new TiteData(truth.length, max);
        int count = 0;
        int turnedAway = 0;
        double t = 0;
        int d = enrolment.startDose();
        while (true) {
            int size = Math.min(enrolment.cohortSize(), max - count);
            for (int k = 0; k < size; k++) {
                if (k > 0) {
                    t += accrual.nextGap(arrivals);
                }
                double u = outcomes.nextDouble();
                entry[count] = t;
                dose[count] = d;
                dltTime[count] = u < truth[d] ? accrual.window() * u / truth[d] : Double.POSITIVE_INFINITY;
                count++;
            }
            if (count >= max) {
                break;
            }
            int decision;
            do {
                t += accrual.nextGap(arrivals);
                data.update(t, accrual.window(), count, entry, dose, dltTime);
                decision = trial.decide(data, d);
                if (decision == TiteTrial.SUSPEND) {
                    turnedAway++;
                }
            } while (decision == TiteTrial.SUSPEND);
            if (decision == TiteTrial.STOP) {
                // the DLTs reported are those of all enrolled patients, once their windows are over
                data.update(entry[count - 1] + accrual.window(), accrual.window(), count, entry, dose, dltTime);
                return new Outcome(-1, perDose(truth.length, count, dose), data.dlts(), t, turnedAway);
            }
            d = decision;
        }
        int[] patients = perDose(truth.length, count, dose);
        data.update(entry[count - 1] + accrual.window(), accrual.window(), count, entry, dose, dltTime);
        int[] dlts = data.dlts();
        return new Outcome(trial.select(patients, dlts), patients, dlts, entry[count - 1] + accrual.window(), turnedAway);
    }

    private static int[] perDose(int doses, int count, int[] dose) {
        int[] patients = new int[doses];
        for (int i = 0; i < count; i++) {
            patients[dose[i]]++;
        }
        return patients;
    }

    /**
     * Operating characteristics plus trial duration and turned-away arrivals. Durations are summed in whole
     * microdays and their squares in whole days², both exactly in longs, so results do not depend on how trials
     * were split over threads.
     */
    public static final class Summary {
        private final OperatingCharacteristics oc;
        private long trials;
        private long durationMicrodays;
        private long durationSquaredDays;
        private long turnedAway;

        Summary(double[] truth, double target, int maxPatients) {
            oc = new OperatingCharacteristics(truth, target, maxPatients);
        }

        void add(Outcome outcome) {
            oc.add(outcome.selectedDose(), outcome.patients(), outcome.dlts(), 1);
            trials++;
            durationMicrodays += Math.round(outcome.durationDays() * 1e6);
            long days = Math.round(outcome.durationDays());
            durationSquaredDays += days * days;
            turnedAway += outcome.turnedAway();
        }

        void merge(Summary other) {
            oc.merge(other.oc);
            trials += other.trials;
            durationMicrodays += other.durationMicrodays;
            durationSquaredDays += other.durationSquaredDays;
            turnedAway += other.turnedAway;
        }

        public OperatingCharacteristics oc() {
            return oc;
        }

        public double meanDurationDays() {
            return durationMicrodays / 1e6 / trials;
        }

        /** Writes the dose-finding summary plus meanDurationDays (and its SE) and meanTurnedAway. */
        public void summarize(MethodResult.Builder result) {
            oc.summarize(result, trials);
            double mean = meanDurationDays();
            double variance = trials > 1 ? Math.max(0, ((double) durationSquaredDays - trials * mean * mean) / (trials - 1))
                    : 0;
            result.summary("meanDurationDays", mean)
                    .summary("meanDurationDaysSe", Math.sqrt(variance / trials))
                    .summary("meanTurnedAway", (double) turnedAway / trials);
        }
    }
}
