package io.daybreak.methods.design.backfill;

import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

import org.apache.commons.rng.UniformRandomProvider;

import io.daybreak.core.method.MethodContext;
import io.daybreak.methods.design.oc.DoseFindingSimulation;
import io.daybreak.methods.design.oc.DoseFindingTrial;

/**
 * Simulates dose-finding trials with backfilling ({@link BackfillRules}) around any escalation design given as a
 * {@link DoseFindingTrial} (BOIN, CRM, BLRM, ...), in calendar time (docs/adr/0037).
 *
 * <p>Time model (BF-BOIN's, as in the {@code bfboin} package): the first patient arrives at time 0, the next ones after
 * gaps drawn from the arrival stream. An arrival joins the escalation cohort while it has room. When the cohort is full
 * and every one of its patients' outcomes is known (a DLT, or the window over) before the arrival, the design decides
 * on the data known at that moment — with {@link BackfillRules#useInDecisions()} including the backfill patients whose
 * outcomes are known (the design is told so by an empty {@code recordBackfill} before its first cohort) — and the
 * arrival is the first of the next cohort. While the cohort's outcomes are pending, the
 * arrival is backfilled at the highest open dose, or turned away. A patient at dose d has a DLT when the toxicity
 * uniform u is below p_d; its time is the Weibull quantile at u of the distribution with P(T ≤ window) = p_d and
 * P(T ≤ window/2) = p_d/2 (BF-BOIN's simulation). The trial ends when the design finishes, at the end of the last
 * cohort's assessment; backfill patients whose outcome is still pending then are reported as treated but are not in
 * the final analysis. Responses are known at the end of a patient's window.
 *
 * <p>Random streams of trial r: escalation patients' toxicity from stream r, in enrolment order (so they meet the same
 * uniforms as in {@link DoseFindingSimulation}), their efficacy from r + EFFICACY_STREAMS, arrival gaps from
 * r + ARRIVAL_STREAMS, backfill patients' toxicity and efficacy from r + BACKFILL_STREAMS and
 * r + BACKFILL_EFFICACY_STREAMS. Without {@code useInDecisions}, the escalation cohorts therefore get the same doses
 * and outcomes as the trial without backfill.
 */
public final class BackfillSimulation {
    /** The random streams of one trial. */
    public record Streams(UniformRandomProvider toxicity, UniformRandomProvider efficacy, UniformRandomProvider arrivals,
            UniformRandomProvider backfillToxicity, UniformRandomProvider backfillEfficacy, UniformRandomProvider ties,
            UniformRandomProvider backfillArrivals) {

        /** Streams without backfill-only arrivals (rules with {@code backfillOnlyRate} 0). */
        public Streams(UniformRandomProvider toxicity, UniformRandomProvider efficacy, UniformRandomProvider arrivals,
                UniformRandomProvider backfillToxicity, UniformRandomProvider backfillEfficacy,
                UniformRandomProvider ties) {
            this(toxicity, efficacy, arrivals, backfillToxicity, backfillEfficacy, ties, null);
        }

        /** The streams of trial {@code r} (see the class comment). */
        public static Streams of(MethodContext context, long r) {
            return new Streams(context.random(r), context.random(r + DoseFindingSimulation.EFFICACY_STREAMS),
                    context.random(r + DoseFindingSimulation.ARRIVAL_STREAMS),
                    context.random(r + DoseFindingSimulation.BACKFILL_STREAMS),
                    context.random(r + DoseFindingSimulation.BACKFILL_EFFICACY_STREAMS),
                    context.random(r + DoseFindingSimulation.TIE_STREAMS),
                    context.random(r + DoseFindingSimulation.BACKFILL_ARRIVAL_STREAMS));
        }
    }

    private BackfillSimulation() {
    }

    /**
     * Simulates {@code trials} trials (trial r on the streams of r, {@link Streams#of}); results depend on the seed
     * alone, not on the number of threads.
     *
     * @param efficacy     true response probability per dose, or null (then no optimal dose is selected and
     *                     {@code rules.minResponses()} must be 0)
     * @param maxPatients  the escalation design's maximum sample size: fewer escalation patients is an early stop
     */
    public static BackfillSummary simulate(Supplier<DoseFindingTrial> design, double[] toxicity, double[] efficacy,
            double target, int maxPatients, BackfillRules rules, OptimalDose optimal, long trials, MethodContext context) {
        check(toxicity, efficacy, rules);
        List<BackfillSummary> parts = DoseFindingSimulation.inChunks(trials, context,
                () -> new BackfillSummary(toxicity, efficacy, target, maxPatients, optimal),
                (local, r) -> local.add(run(design.get(), toxicity, efficacy, rules, optimal, Streams.of(context, r))));
        BackfillSummary total = new BackfillSummary(toxicity, efficacy, target, maxPatients, optimal);
        parts.forEach(total::merge);
        return total;
    }

    private static void check(double[] toxicity, double[] efficacy, BackfillRules rules) {
        if (efficacy != null && efficacy.length != toxicity.length) {
            throw new IllegalArgumentException("efficacy has " + efficacy.length + " values but there are "
                    + toxicity.length + " doses");
        }
        if (efficacy == null && rules.minResponses() > 0) {
            throw new IllegalArgumentException("minResponses = " + rules.minResponses() + " needs efficacy probabilities");
        }
    }

    /**
     * Runs one trial to its end; {@code trial} must be fresh. An {@link EfficacyTrial} (BOIN12) needs {@code efficacy}
     * and is told responses; {@code optimal} null selects no optimal dose (a design that selects one itself).
     */
    public static BackfillOutcome run(DoseFindingTrial trial, double[] toxicity, double[] efficacy, BackfillRules rules,
            OptimalDose optimal, Streams streams) {
        check(toxicity, efficacy, rules);
        if (trial instanceof EfficacyTrial withEfficacy) {
            if (efficacy == null) {
                throw new IllegalArgumentException(trial.getClass().getSimpleName() + " needs efficacy probabilities");
            }
            withEfficacy.tieBreaks(streams.ties());
        }
        return new Run(trial, toxicity, efficacy, rules, streams).toEnd(optimal);
    }

    /** One trial's patients and clock. */
    private static final class Run {
        private final DoseFindingTrial trial;
        private final double[] toxicity;
        private final double[] efficacy;
        private final BackfillRules rules;
        private final Streams streams;
        private final double[] shape;
        private final double[] scale;
        private final int doses;
        // every enrolled patient, in enrolment order
        private int count;
        private int[] dose = new int[64];
        private double[] entry = new double[64];
        private double[] known = new double[64];
        private boolean[] dlt = new boolean[64];
        private boolean[] response = new boolean[64];
        private boolean[] backfill = new boolean[64];
        private boolean[] pooled = new boolean[64];
        private int backfilled;
        private int turnedAway;
        // the current escalation cohort: patients cohortFirst .. cohortFirst + cohortFilled - 1 (backfill patients
        // enrol only once it is full, so they come after it)
        private int cohortFirst;
        private int cohortFilled;
        private int cohortSize;
        private int current;

        Run(DoseFindingTrial trial, double[] toxicity, double[] efficacy, BackfillRules rules, Streams streams) {
            this.trial = trial;
            this.toxicity = toxicity;
            this.efficacy = efficacy;
            this.rules = rules;
            this.streams = streams;
            this.doses = toxicity.length;
            shape = new double[doses];
            scale = new double[doses];
            double w = rules.window();
            for (int d = 0; d < doses; d++) {
                double p = toxicity[d];
                shape[d] = (Math.log(-Math.log1p(-p)) - Math.log(-Math.log1p(-p / 2))) / Math.log(2);
                scale[d] = Math.exp(Math.log(w) - Math.log(-Math.log1p(-p)) / shape[d]);
            }
        }

        BackfillOutcome toEnd(OptimalDose optimal) {
            if (rules.useInDecisions()) {
                // no patients yet: tells the design, before its first decision, that backfill patients will be pooled
                // (BOIN then decides as BF-BOIN from the start)
                if (trial instanceof EfficacyTrial withEfficacy) {
                    withEfficacy.recordBackfill(trial.nextDose(), 0, 0, 0, 0);
                } else {
                    trial.recordBackfill(trial.nextDose(), 0, 0);
                }
            }
            double t = 0;
            startCohort(t);
            double end;
            double nextMain = gap();
            boolean extra = rules.backfillOnlyRate() > 0;
            double nextExtra = extra ? extraGap() : Double.POSITIVE_INFINITY;
            while (true) {
                if (nextExtra < nextMain) {
                    // a backfill-only patient: backfilled while the full cohort's outcomes are pending, as a main-stream
                    // arrival would be (the cohort's patients stay consecutive), else turned away
                    t = nextExtra;
                    nextExtra += extraGap();
                    int b = cohortFilled == cohortSize && cohortEnd() >= t ? openDose(t) : -1;
                    if (b >= 0) {
                        enrol(t, b, true);
                        backfilled++;
                    } else {
                        turnedAway++;
                    }
                    continue;
                }
                t = nextMain;
                nextMain = t + gap();
                if (cohortFilled < cohortSize) {
                    enrol(t, current, false);
                    cohortFilled++;
                } else if (cohortEnd() < t) {
                    if (rules.useInDecisions()) {
                        pool(cohortEnd());
                    }
                    int cohortDlts = 0;
                    int cohortResponses = 0;
                    int cohortBoth = 0;
                    for (int i = cohortFirst; i < cohortFirst + cohortSize; i++) {
                        cohortDlts += dlt[i] ? 1 : 0;
                        cohortResponses += response[i] ? 1 : 0;
                        cohortBoth += response[i] && dlt[i] ? 1 : 0;
                    }
                    if (trial instanceof EfficacyTrial withEfficacy) {
                        withEfficacy.cohortResponses(cohortResponses, cohortBoth);
                    }
                    trial.record(cohortDlts);
                    if (trial.finished()) {
                        end = cohortEnd();
                        break;
                    }
                    startCohort(t);
                } else {
                    int b = openDose(t);
                    if (b >= 0) {
                        enrol(t, b, true);
                        backfilled++;
                    } else {
                        turnedAway++;
                    }
                }
            }
            return outcome(end, optimal);
        }

        private void startCohort(double t) {
            current = trial.nextDose();
            cohortSize = trial.nextCohortSize();
            cohortFirst = count;
            enrol(t, current, false);
            cohortFilled = 1;
        }

        private double gap() {
            double u = streams.arrivals().nextDouble();
            return rules.poisson() ? -Math.log1p(-u) / rules.accrualRate() : 2 * u / rules.accrualRate();
        }

        /** A gap of the backfill-only stream, drawn as the main stream's gaps are, at its own rate. */
        private double extraGap() {
            double u = streams.backfillArrivals().nextDouble();
            return rules.poisson() ? -Math.log1p(-u) / rules.backfillOnlyRate() : 2 * u / rules.backfillOnlyRate();
        }

        private double cohortEnd() {
            double last = Double.NEGATIVE_INFINITY;
            for (int i = cohortFirst; i < cohortFirst + cohortFilled; i++) {
                last = Math.max(last, known[i]);
            }
            return last;
        }

        private void enrol(double t, int d, boolean isBackfill) {
            if (count == dose.length) {
                int size = 2 * count;
                dose = Arrays.copyOf(dose, size);
                entry = Arrays.copyOf(entry, size);
                known = Arrays.copyOf(known, size);
                dlt = Arrays.copyOf(dlt, size);
                response = Arrays.copyOf(response, size);
                backfill = Arrays.copyOf(backfill, size);
                pooled = Arrays.copyOf(pooled, size);
            }
            double u = (isBackfill ? streams.backfillToxicity() : streams.toxicity()).nextDouble();
            boolean hasDlt = u < toxicity[d];
            dose[count] = d;
            entry[count] = t;
            dlt[count] = hasDlt;
            known[count] = t + (hasDlt ? scale[d] * Math.pow(-Math.log1p(-u), 1 / shape[d]) : rules.window());
            response[count] = efficacy != null
                    && (isBackfill ? streams.backfillEfficacy() : streams.efficacy()).nextDouble() < efficacy[d];
            backfill[count] = isBackfill;
            pooled[count] = false;
            count++;
        }

        /** Hands the backfill patients whose outcomes are known before {@code t} to the design, dose by dose. */
        private void pool(double t) {
            int[] n = new int[doses];
            int[] y = new int[doses];
            int[] responses = new int[doses];
            int[] both = new int[doses];
            for (int i = 0; i < count; i++) {
                if (backfill[i] && !pooled[i] && known[i] < t) {
                    pooled[i] = true;
                    n[dose[i]]++;
                    y[dose[i]] += dlt[i] ? 1 : 0;
                    responses[dose[i]] += response[i] ? 1 : 0;
                    both[dose[i]] += response[i] && dlt[i] ? 1 : 0;
                }
            }
            for (int d = 0; d < doses; d++) {
                if (n[d] > 0) {
                    if (trial instanceof EfficacyTrial withEfficacy) {
                        withEfficacy.recordBackfill(d, n[d], y[d], responses[d], both[d]);
                    } else {
                        trial.recordBackfill(d, n[d], y[d]);
                    }
                }
            }
        }

        /** The highest dose open for backfilling at time {@code t}, or −1. */
        private int openDose(double t) {
            if (current == 0) {
                return -1;
            }
            int[] knownN = new int[doses];
            int[] knownY = new int[doses];
            int[] enrolled = new int[doses];
            int[] responses = new int[doses];
            for (int i = 0; i < count; i++) {
                int d = dose[i];
                enrolled[d]++;
                if (known[i] < t) {
                    knownN[d]++;
                    knownY[d] += dlt[i] ? 1 : 0;
                }
                if (response[i] && entry[i] + rules.window() < t) {
                    responses[d]++;
                }
            }
            return rules.openDose(current, knownN, knownY, enrolled, responses, backfilled);
        }

        private BackfillOutcome outcome(double end, OptimalDose optimal) {
            int[] escalationPatients = new int[doses];
            int[] escalationDlts = new int[doses];
            int[] backfillPatients = new int[doses];
            int[] backfillDlts = new int[doses];
            int[] analysed = new int[doses];
            int[] analysedDlts = new int[doses];
            int[] responses = new int[doses];
            for (int i = 0; i < count; i++) {
                int d = dose[i];
                int y = dlt[i] ? 1 : 0;
                if (!backfill[i]) {
                    escalationPatients[d]++;
                    escalationDlts[d] += y;
                    responses[d] += response[i] ? 1 : 0;
                } else {
                    backfillPatients[d]++;
                    backfillDlts[d] += y;
                    if (known[i] < end) {
                        analysed[d]++;
                        analysedDlts[d] += y;
                        responses[d] += response[i] ? 1 : 0;
                    }
                }
            }
            int mtd = trial.selectedDose();
            int obd = -1;
            if (efficacy != null && optimal != null && mtd >= 0) {
                int[] n = escalationPatients.clone();
                int[] y = escalationDlts.clone();
                for (int d = 0; d < doses; d++) {
                    n[d] += analysed[d];
                    y[d] += analysedDlts[d];
                }
                obd = optimal.select(mtd, n, y, responses);
            }
            return new BackfillOutcome(mtd, obd, escalationPatients, escalationDlts, backfillPatients, backfillDlts,
                    analysed, analysedDlts, responses, end, turnedAway);
        }
    }
}
