package io.daybreak.methods.design.optimisation;

import java.util.Arrays;
import java.util.List;

import org.apache.commons.rng.UniformRandomProvider;
import org.osgi.service.component.annotations.Component;

import io.daybreak.core.method.Choice;
import io.daybreak.core.method.InvalidParameterException;
import io.daybreak.core.method.Method;
import io.daybreak.core.method.MethodContext;
import io.daybreak.core.method.MethodDescriptor;
import io.daybreak.core.method.MethodResult;
import io.daybreak.core.method.Setting;
import io.daybreak.methods.design.boin12.Boin12Method;
import io.daybreak.methods.design.boin12.EfficacyToxicity;
import io.daybreak.methods.design.oc.Cohorts;
import io.daybreak.methods.design.oc.DesignMethod;
import io.daybreak.methods.design.oc.DoseFindingSimulation;
import io.daybreak.methods.design.oc.OperatingCharacteristics;
import io.daybreak.methods.design.oc.Simulation;

/**
 * {@code design.u-boin}: operating characteristics of U-BOIN ({@link UBoinTrial}); "selection" is the selection of
 * the optimal biological dose (OBD). Patient j of trial r has the j-th uniform of stream r for toxicity and the j-th
 * of stream r + EFFICACY_STREAMS for response, as design.boin12, so the two designs run on the same patients;
 * stage II's randomisation draws from r + TIE_STREAMS.
 */
@Component(service = Method.class)
public final class UBoinMethod extends DesignMethod<UBoinMethod.UBoinSettings> {
    /** What design.u-boin takes (utility and cutoffs default as design.boin12's, so the two compare directly). */
    record UBoinSettings(
            EfficacyToxicity outcomes,
            @Setting(min = 1, max = 1000, defaultValue = "4", doc = "cohorts of stage I (BOIN escalation)")
            int stage1Cohorts,
            @Setting(min = 0, minInclusive = false, defaultValue = "1",
                    doc = "total weight of the Dirichlet prior on the four outcomes, split equally")
            double priorWeight,
            @Setting(defaultValue = "greedy", doc = "stage II: each cohort to the admissible dose with the highest "
                    + "posterior mean utility, or randomised among admissible doses in proportion to it")
            @Choice({"greedy", "randomised"})
            String assignment,
            Cohorts cohorts, Simulation simulation) {

        UBoinSettings {
            if (stage1Cohorts > cohorts.cohorts()) {
                throw new InvalidParameterException("parameter 'stage1Cohorts' = " + stage1Cohorts + " exceeds 'cohorts' = "
                        + cohorts.cohorts());
            }
        }
    }

    public UBoinMethod() {
        super(UBoinSettings.class, MethodDescriptor.builder("design.u-boin",
                "U-BOIN phase I/II dose optimisation: BOIN escalation, then assignment by posterior utility")
                .category("design")
                .reference("Zhou, Lee & Yuan, Stat Med 38:5299-5316 (2019)")
                .description("Simulates U-BOIN trials: stage I BOIN escalation on toxicity; stage II assigns each "
                        + "cohort to the admissible dose (safe and not futile) with the highest posterior mean utility "
                        + "(multinomial-Dirichlet), or randomises in proportion to it; the OBD is the admissible dose "
                        + "with the highest posterior mean utility.")
                .output(OperatingCharacteristics.BY_DOSE));
    }

    static UBoinTrial.Rules rules(UBoinSettings settings) {
        Cohorts cohorts = settings.cohorts();
        EfficacyToxicity o = settings.outcomes();
        int doses = o.truth().length;
        return UBoinTrial.Rules.of(doses, o.target(), o.minEfficacy(), o.utilityBoth(), o.utilityNeither(),
                o.eliminationCutoff(), o.futilityCutoff(), cohorts.cohortSize(),
                settings.stage1Cohorts(), cohorts.cohorts(), cohorts.startIndex(doses), settings.priorWeight(),
                settings.assignment().equals("randomised"));
    }

    @Override
    protected MethodResult run(UBoinSettings settings, MethodContext context) {
        EfficacyToxicity o = settings.outcomes();
        double[] toxicity = o.truth();
        double[] efficacy = o.efficacy();
        UBoinTrial.Rules rules = rules(settings);
        long trials = settings.simulation().trials();
        int maxPatients = settings.cohorts().maxPatients();
        List<Summary> parts = DoseFindingSimulation.inChunks(trials, context,
                () -> new Summary(toxicity, o.target(), maxPatients),
                (local, r) -> local.add(run(rules, toxicity, efficacy, context.random(r),
                        context.random(r + DoseFindingSimulation.EFFICACY_STREAMS),
                        context.random(r + DoseFindingSimulation.TIE_STREAMS))));
        Summary total = new Summary(toxicity, o.target(), maxPatients);
        parts.forEach(total::merge);
        MethodResult.Builder result = MethodResult.builder()
                .output(OperatingCharacteristics.BY_DOSE.name(), total.oc.table(context.allocator(), trials));
        total.oc.summarize(result, trials);
        double[] responses = new double[toxicity.length];
        double[] trueUtility = new double[toxicity.length];
        int trueObd = -1;
        for (int d = 0; d < toxicity.length; d++) {
            responses[d] = (double) total.responses[d] / trials;
            trueUtility[d] = 100 * efficacy[d] * (1 - toxicity[d]) + o.utilityBoth() * efficacy[d] * toxicity[d]
                    + o.utilityNeither() * (1 - efficacy[d]) * (1 - toxicity[d]);
            boolean acceptable = toxicity[d] <= o.target() && efficacy[d] >= o.minEfficacy();
            if (acceptable && (trueObd < 0 || trueUtility[d] > trueUtility[trueObd])) {
                trueObd = d;
            }
        }
        return result.summary("responsesPerDose", responses)
                .summary("meanResponses", Arrays.stream(responses).sum())
                .summary("trueUtility", trueUtility)
                .summary("trueObd", (long) (trueObd + 1))
                .summary("obdSelectionPercent", trueObd < 0 ? total.oc.noSelectionProbability() * 100
                        : total.oc.selectionPercent(trueObd))
                .build();
    }

    /** Runs one trial: per patient one toxicity and one response uniform, from their own streams. */
    static UBoinTrial run(UBoinTrial.Rules rules, double[] toxicity, double[] efficacy, UniformRandomProvider toxicityDraws,
            UniformRandomProvider efficacyDraws, UniformRandomProvider randomisation) {
        UBoinTrial trial = new UBoinTrial(rules);
        while (!trial.finished()) {
            int d = trial.nextDose();
            int[] kinds = Boin12Method.cohortOutcomes(rules.cohortSize(), toxicity[d], efficacy[d], toxicityDraws,
                    efficacyDraws);
            trial.record(kinds[0], kinds[1], kinds[2], kinds[3], randomisation::nextDouble);
        }
        return trial;
    }

    /** Operating characteristics plus responses per dose (whole counts, so merging is exact). */
    private static final class Summary {
        final OperatingCharacteristics oc;
        final long[] responses;

        Summary(double[] toxicity, double target, int maxPatients) {
            oc = new OperatingCharacteristics(toxicity, target, maxPatients);
            responses = new long[toxicity.length];
        }

        void add(UBoinTrial trial) {
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
