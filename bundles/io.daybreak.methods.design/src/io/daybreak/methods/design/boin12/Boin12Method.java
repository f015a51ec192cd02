package io.daybreak.methods.design.boin12;

import java.util.List;

import org.apache.commons.rng.UniformRandomProvider;
import org.osgi.service.component.annotations.Component;

import io.daybreak.core.method.Method;
import io.daybreak.core.method.MethodContext;
import io.daybreak.core.method.MethodDescriptor;
import io.daybreak.core.method.MethodResult;
import io.daybreak.core.method.Setting;
import io.daybreak.methods.design.backfill.Backfill;
import io.daybreak.methods.design.backfill.EfficacyTrial;
import io.daybreak.methods.design.oc.Cohorts;
import io.daybreak.methods.design.oc.DesignMethod;
import io.daybreak.methods.design.oc.DoseFindingSimulation;
import io.daybreak.methods.design.oc.OperatingCharacteristics;
import io.daybreak.methods.design.oc.Simulation;

/**
 * {@code design.boin12}: operating characteristics of BOIN12 (see {@link Boin12Trial}); "selection" is the
 * selection of the optimal biological dose (OBD). Patient j of trial r has the j-th uniform of stream r for
 * toxicity, as in every design, and the j-th of stream r + EFFICACY_STREAMS for efficacy (toxicity and
 * efficacy independent given the dose, as in the authors' simulations).
 */
@Component(service = Method.class)
public final class Boin12Method extends DesignMethod<Boin12Method.Boin12Settings> {
    /** What design.boin12 takes: toxicity and efficacy, the utility, BOIN12's rules and the shared groups. */
    record Boin12Settings(
            EfficacyToxicity outcomes,
            @Setting(unit = "patients", min = 1, defaultValue = "6",
                    doc = "with this many patients and toxicity between the boundaries, do not escalate")
            int nStar,
            @Setting(unit = "patients", min = 1, defaultValue = "9",
                    doc = "with this many patients at a dose, try the next higher dose if it is untried")
            int exploreAt,
            @Setting(unit = "patients", min = 1, optional = true,
                    doc = "end the trial once this many patients are at the current dose (off if absent)")
            Integer earlyStop,
            Cohorts cohorts, Simulation simulation, Backfill backfilling) {
    }

    public Boin12Method() {
        super(Boin12Settings.class, MethodDescriptor.builder("design.boin12",
                "BOIN12 phase I/II dose optimisation on toxicity and efficacy: operating characteristics")
                .category("design")
                .reference("Lin, Zhou, Yan, Li & Yuan, JCO Precision Oncology 4:1393-1402 (2020); authors' get.oc.obd")
                .description("Simulates BOIN12 trials: BOIN toxicity boundaries, toxicity and futility elimination, "
                        + "dose choice among neighbours by the rank-based desirability score of the utility, exploration "
                        + "of untried doses; the optimal biological dose maximises the estimated utility (isotonic "
                        + "toxicity, model-averaged unimodal efficacy) up to the MTD.")
                .output(OperatingCharacteristics.BY_DOSE));
    }

    @Override
    protected MethodResult run(Boin12Settings settings, MethodContext context) {
        double[] toxicity = settings.outcomes().truth();
        double[] efficacy = settings.outcomes().efficacy();
        Boin12Rules rules = rules(settings, toxicity.length);
        long trials = settings.simulation().trials();
        if (settings.backfilling().backfill()) {
            // with backfill a dose can hold up to backfillCap patients more than escalation can give it
            Boin12Rules wider = rules(settings, toxicity.length, settings.cohorts().maxPatients()
                    + settings.backfilling().backfillCap());
            return settings.backfilling().simulate(() -> new Boin12Backfill(wider), toxicity, efficacy,
                    settings.outcomes().target(), settings.cohorts().maxPatients(), rules.boundaries().lambdaD(), null, trials,
                    context)
                    .summary("lambdaE", rules.boundaries().lambdaE())
                    .summary("lambdaD", rules.boundaries().lambdaD())
                    .summary("benchmarkUtility", rules.benchmark()).build();
        }
        List<Summary> parts = DoseFindingSimulation.inChunks(trials, context, () -> new Summary(toxicity, rules),
                (local, r) -> local.add(run(rules, toxicity, efficacy, context.random(r),
                        context.random(r + DoseFindingSimulation.EFFICACY_STREAMS),
                        context.random(r + DoseFindingSimulation.TIE_STREAMS))));
        Summary total = new Summary(toxicity, rules);
        parts.forEach(total::merge);
        MethodResult.Builder result = MethodResult.builder()
                .output(OperatingCharacteristics.BY_DOSE.name(), total.oc.table(context.allocator(), trials))
                .summary("lambdaE", rules.boundaries().lambdaE())
                .summary("lambdaD", rules.boundaries().lambdaD())
                .summary("benchmarkUtility", rules.benchmark());
        total.oc.summarize(result, trials);
        double[] responses = new double[toxicity.length];
        double[] trueUtility = new double[toxicity.length];
        int trueObd = -1;
        for (int d = 0; d < toxicity.length; d++) {
            responses[d] = (double) total.responses[d] / trials;
            trueUtility[d] = rules.utility(efficacy[d], toxicity[d]);
            boolean acceptable = toxicity[d] <= rules.toxicityTarget() && efficacy[d] >= rules.efficacyMinimum();
            if (acceptable && (trueObd < 0 || trueUtility[d] > trueUtility[trueObd])) {
                trueObd = d;
            }
        }
        return result.summary("responsesPerDose", responses)
                .summary("meanResponses", java.util.Arrays.stream(responses).sum())
                .summary("trueUtility", trueUtility)
                .summary("trueObd", (long) (trueObd + 1))
                .summary("obdSelectionPercent", trueObd < 0 ? total.oc.noSelectionProbability() * 100
                        : total.oc.selectionPercent(trueObd))
                .build();
    }

    /**
     * A fresh BOIN12 trial for the backfill engine ({@link io.daybreak.methods.design.backfill.BackfillSimulation}),
     * with BOIN12's default cut-offs (elimination 0.95, futility 0.90, N* 6, exploration at 9, no early stop), for
     * methods that drive designs (programmes); its selected dose is the OBD.
     *
     * @param backfillCap the backfill cap per dose, so that the count boundaries cover every patient a dose can hold
     */
    public static EfficacyTrial newBackfillTrial(double target, double minEfficacy, double utilityBoth,
            double utilityNeither, int doses, int cohortSize, int cohorts, int startDose, int backfillCap) {
        return new Boin12Backfill(Boin12Rules.of(doses, cohortSize, cohorts, startDose, target, minEfficacy, utilityBoth,
                utilityNeither, 0.95, 0.90, 6, 9, Integer.MAX_VALUE, cohortSize * cohorts + backfillCap));
    }

    static Boin12Rules rules(Boin12Settings settings, int doses) {
        return rules(settings, doses, settings.cohorts().maxPatients());
    }

    /** The rules with the count boundaries tabulated up to {@code maxAtDose} patients at a dose. */
    static Boin12Rules rules(Boin12Settings settings, int doses, int maxAtDose) {
        Cohorts cohorts = settings.cohorts();
        EfficacyToxicity o = settings.outcomes();
        return Boin12Rules.of(doses, cohorts.cohortSize(), cohorts.cohorts(), cohorts.startIndex(doses),
                o.target(), o.minEfficacy(), o.utilityBoth(), o.utilityNeither(),
                o.eliminationCutoff(), o.futilityCutoff(), settings.nStar(), settings.exploreAt(),
                settings.earlyStop() != null ? settings.earlyStop() : Integer.MAX_VALUE, maxAtDose);
    }

    /**
     * What one BOIN12 trial did, for methods that drive BOIN12 as a stage of something larger (design.programme):
     * the selected OBD (0-based, −1 for none), patients, toxicities and responses per dose, and cohorts treated.
     */
    public record Escalation(int selected, int[] patients, int[] toxicities, int[] responses, int cohorts) {
    }

    /**
     * BOIN12 trials with {@code design.boin12}'s own rules and draws (toxicity, efficacy and tie streams used as
     * design.boin12 uses them), for methods that drive designs: nStar 6, exploreAt 9, elimination cutoffs 0.95 and
     * 0.90 and no early stop, design.boin12's defaults. The boundary tables are built once, here; thread-safe.
     */
    public static final class Escalator {
        private final Boin12Rules rules;
        private final double[] toxicity;
        private final double[] efficacy;

        public Escalator(double target, double minEfficacy, double utilityBoth, double utilityNeither, int cohortSize,
                int cohorts, int startDose, double[] toxicity, double[] efficacy) {
            this.rules = Boin12Rules.of(toxicity.length, cohortSize, cohorts, startDose, target, minEfficacy,
                    utilityBoth, utilityNeither, 0.95, 0.90, 6, 9, Integer.MAX_VALUE);
            this.toxicity = toxicity.clone();
            this.efficacy = efficacy.clone();
        }

        /** Runs one trial on the given streams. */
        public Escalation run(UniformRandomProvider toxicityDraws, UniformRandomProvider efficacyDraws,
                UniformRandomProvider ties) {
            Boin12Trial trial = Boin12Method.run(rules, toxicity, efficacy, toxicityDraws, efficacyDraws, ties);
            int treated = 0;
            for (int n : trial.patients) {
                treated += n;
            }
            return new Escalation(trial.selectedDose(), trial.patients, trial.toxicities, trial.responses,
                    treated / rules.cohortSize());
        }
    }

    /** Runs one trial: per patient one toxicity and one efficacy uniform, from their own streams. */
    static Boin12Trial run(Boin12Rules rules, double[] toxicity, double[] efficacy, UniformRandomProvider toxicityDraws,
            UniformRandomProvider efficacyDraws, UniformRandomProvider ties) {
        Boin12Trial trial = new Boin12Trial(rules);
        while (!trial.finished()) {
            int d = trial.nextDose();
            int[] kinds = cohortOutcomes(rules.cohortSize(), toxicity[d], efficacy[d], toxicityDraws, efficacyDraws);
            trial.record(kinds[0], kinds[1], kinds[2], kinds[3], ties::nextDouble);
        }
        return trial;
    }

    /**
     * One cohort's outcomes at a dose: per patient one toxicity uniform and one efficacy uniform from their own streams
     * (independent given the dose), counted as {efficacy only, both, toxicity only, neither} — the draws every phase
     * I/II design here makes, so that designs compared with one seed see the same patients.
     */
    public static int[] cohortOutcomes(int size, double toxicity, double efficacy, UniformRandomProvider toxicityDraws,
            UniformRandomProvider efficacyDraws) {
        int[] kinds = new int[4];
        for (int patient = 0; patient < size; patient++) {
            boolean toxic = toxicityDraws.nextDouble() < toxicity;
            boolean responds = efficacyDraws.nextDouble() < efficacy;
            kinds[toxic ? (responds ? 1 : 2) : (responds ? 0 : 3)]++;
        }
        return kinds;
    }

    /** Accumulated operating characteristics plus responses per dose (whole counts, so merging is exact). */
    private static final class Summary {
        final OperatingCharacteristics oc;
        final long[] responses;

        Summary(double[] toxicity, Boin12Rules rules) {
            oc = new OperatingCharacteristics(toxicity, rules.toxicityTarget(), rules.cohorts() * rules.cohortSize());
            responses = new long[toxicity.length];
        }

        void add(Boin12Trial trial) {
            oc.add(trial.selectedDose(), trial.patients, trial.toxicities, 1);
            for (int d = 0; d < responses.length; d++) {
                responses[d] += trial.responses[d];
            }
        }

        void merge(Summary other) {
            oc.merge(other.oc);
            for (int d = 0; d < responses.length; d++) {
                responses[d] += other.responses[d];
            }
        }
    }
}
