package io.daybreak.methods.design.interval;

import org.osgi.service.component.annotations.Component;

import io.daybreak.core.method.InvalidParameterException;
import io.daybreak.core.method.Method;
import io.daybreak.core.method.MethodContext;
import io.daybreak.core.method.MethodDescriptor;
import io.daybreak.core.method.MethodResult;
import io.daybreak.methods.design.backfill.Backfill;
import io.daybreak.methods.design.backfill.ResponseTruth;
import io.daybreak.methods.design.oc.Cohorts;
import io.daybreak.methods.design.oc.DesignMethod;
import io.daybreak.methods.design.oc.DoseTruth;
import io.daybreak.methods.design.oc.DoseFindingSimulation;
import io.daybreak.methods.design.oc.DoseFindingTrial;
import io.daybreak.methods.design.oc.OperatingCharacteristics;
import io.daybreak.methods.design.oc.Simulation;

/** {@code design.boin}: operating characteristics of the BOIN design by simulation (see {@link IntervalDesignTrial}). */
@Component(service = Method.class)
public final class BoinMethod extends DesignMethod<BoinMethod.BoinSettings> {
    /** What design.boin takes; the groups are shared with the other dose-finding designs. */
    record BoinSettings(DoseTruth doses, Cohorts cohorts, BoinRates rates, Simulation simulation, SafetyRules safety,
            Backfill backfilling, ResponseTruth responses) {
    }

    public BoinMethod() {
        super(BoinSettings.class, MethodDescriptor.builder("design.boin",
                "BOIN dose finding: operating characteristics")
                .category("design")
                .reference("Liu & Yuan, JRSS-C 64:507-523 (2015); Yuan et al., Clin Cancer Res 22:4291 (2016); "
                        + "R package BOIN, get.oc")
                .description("Simulates BOIN trials for true DLT probabilities per dose: interval boundaries "
                        + "lambda_e/lambda_d, elimination when P(p > target | data) > cutoff, MTD by isotonic "
                        + "regression. Reports selection %, patients and DLTs per dose, early stopping and "
                        + "overdosing with Monte Carlo standard errors.")
                .output(OperatingCharacteristics.BY_DOSE));
    }

    @Override
    protected MethodResult run(BoinSettings settings, MethodContext context) {
        double[] truth = settings.doses().truth();
        BoinBoundaries boundaries = settings.rates().boundaries(settings.doses().target());
        IntervalDesignRules rules = rules(settings.cohorts(), settings.safety(), truth.length, boundaries);
        long trials = settings.simulation().trials();
        if (settings.backfilling().backfill()) {
            MethodResult.Builder result = settings.backfilling().simulate(() -> new IntervalDesignTrial(rules), truth,
                    settings.responses().efficacy(), rules.target, settings.cohorts().maxPatients(), boundaries.lambdaD(),
                    trials, context);
            return result.summary("lambdaE", boundaries.lambdaE()).summary("lambdaD", boundaries.lambdaD()).build();
        }
        OperatingCharacteristics oc = DoseFindingSimulation.simulate(() -> new IntervalDesignTrial(rules), truth, rules.target,
                settings.cohorts().maxPatients(), trials, context);
        MethodResult.Builder result = MethodResult.builder()
                .output(OperatingCharacteristics.BY_DOSE.name(), oc.table(context.allocator(), trials))
                .summary("lambdaE", boundaries.lambdaE())
                .summary("lambdaD", boundaries.lambdaD());
        oc.summarize(result, trials);
        return result.build();
    }

    /** A fresh BOIN trial with BOIN's default settings, for other methods that drive designs (pathways). */
    public static DoseFindingTrial newTrial(double target, int doses, int cohortSize, int cohorts, int startDose) {
        IntervalDesignRules rules = new IntervalDesignRules(BoinBoundaries.of(target, 0.6 * target, 1.4 * target), doses,
                cohortSize, cohorts, startDose, 100, 0.95, false, 0.05);
        return new IntervalDesignTrial(rules);
    }

    /** A fresh Keyboard trial (target key ± 0.05), for other methods that drive designs (pathways). */
    public static DoseFindingTrial newKeyboardTrial(double target, int doses, int cohortSize, int cohorts,
            int startDose) {
        IntervalDesignRules rules = new IntervalDesignRules(new KeyboardBoundaries(target, 0.05, 0.05, false), doses,
                cohortSize, cohorts, startDose, 100, 0.95, false, 0.05);
        return new IntervalDesignTrial(rules);
    }

    /** The shared settings of interval designs (BOIN, Keyboard, mTPI-2) around the given boundaries. */
    static IntervalDesignRules rules(Cohorts cohorts, SafetyRules safety, int doses, IntervalBoundaries boundaries) {
        return new IntervalDesignRules(boundaries, doses, cohorts.cohortSize(), cohorts.cohorts(), cohorts.startIndex(doses),
                safety.earlyStop(), safety.eliminationCutoff(), safety.extraSafe(), safety.offset());
    }

    /** BOIN's boundaries; absent rates default to 0.6 and 1.4 times the target. */
    static BoinBoundaries boundaries(double target, Double pSafeOrNull, Double pToxOrNull) {
        double pSafe = pSafeOrNull != null ? pSafeOrNull : 0.6 * target;
        double pTox = pToxOrNull != null ? pToxOrNull : 1.4 * target;
        if (!(pSafe < target && target < pTox && pTox < 1)) {
            throw new InvalidParameterException("need pSafe < target < pTox < 1; got pSafe = " + pSafe + ", target = "
                    + target + ", pTox = " + pTox);
        }
        return BoinBoundaries.of(target, pSafe, pTox);
    }
}
