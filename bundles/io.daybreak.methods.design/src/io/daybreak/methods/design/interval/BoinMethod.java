package io.daybreak.methods.design.interval;

import java.util.Map;

import org.osgi.service.component.annotations.Component;

import io.daybreak.core.method.InvalidParameterException;
import io.daybreak.core.method.Method;
import io.daybreak.core.method.MethodContext;
import io.daybreak.core.method.MethodDescriptor;
import io.daybreak.core.method.MethodResult;
import io.daybreak.core.method.ParameterSpec;
import io.daybreak.core.method.Parameters;
import io.daybreak.data.Table;
import io.daybreak.methods.design.oc.DesignParameters;
import io.daybreak.methods.design.oc.DoseFindingSimulation;
import io.daybreak.methods.design.oc.DoseFindingTrial;
import io.daybreak.methods.design.oc.OperatingCharacteristics;

/** {@code design.boin}: operating characteristics of the BOIN design by simulation (see {@link IntervalDesignTrial}). */
@Component(service = Method.class)
public final class BoinMethod implements Method {
    private static final MethodDescriptor DESCRIPTOR = withSafetyRules(MethodDescriptor.builder("design.boin",
            "BOIN dose finding: operating characteristics")
            .category("design")
            .reference("Liu & Yuan, JRSS-C 64:507-523 (2015); Yuan et al., Clin Cancer Res 22:4291 (2016); "
                    + "R package BOIN, get.oc")
            .description("Simulates BOIN trials for true DLT probabilities per dose: interval boundaries "
                    + "lambda_e/lambda_d, elimination when P(p > target | data) > cutoff, MTD by isotonic "
                    + "regression. Reports selection %, patients and DLTs per dose, early stopping and "
                    + "overdosing with Monte Carlo standard errors.")
            .parameter(DesignParameters.truth())
            .parameter(DesignParameters.target())
            .parameter(DesignParameters.cohortSize())
            .parameter(DesignParameters.cohorts())
            .parameter(DesignParameters.startDose())
            .parameter(pSafe())
            .parameter(pTox())
            .parameter(DesignParameters.trials()))
            .output(OperatingCharacteristics.BY_DOSE)
            .build();

    static ParameterSpec.Builder pSafe() {
        return ParameterSpec.real("pSafe").greaterThan(0).lessThan(1).optional()
                .doc("highest sub-therapeutic rate phi1; default 0.6 target");
    }

    static ParameterSpec.Builder pTox() {
        return ParameterSpec.real("pTox").greaterThan(0).lessThan(1).optional()
                .doc("lowest overly toxic rate phi2; default 1.4 target");
    }

    /** Adds the stopping and elimination settings that BOIN and Keyboard share (BOIN's get.oc names them). */
    static MethodDescriptor.Builder withSafetyRules(MethodDescriptor.Builder builder) {
        return builder
                .parameter(ParameterSpec.integer("earlyStop").min(1).defaultValue(100L).unit("patients")
                        .doc("stop once this many patients were treated at the current dose (BOIN's n.earlystop)"))
                .parameter(ParameterSpec.real("eliminationCutoff").greaterThan(0.5).lessThan(1).defaultValue(0.95)
                        .doc("eliminate a dose when P(DLT rate > target | data) exceeds this"))
                .parameter(ParameterSpec.bool("extraSafe").defaultValue(false)
                        .doc("also stop when P(p1 > target) > cutoff - offset at the lowest dose"))
                .parameter(ParameterSpec.real("offset").greaterThan(0).lessThan(0.5).defaultValue(0.05)
                        .doc("offset of the extra-safe rule"));
    }

    @Override
    public MethodDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public MethodResult apply(Map<String, Table> inputs, Parameters parameters, MethodContext context) {
        double[] truth = parameters.reals("truth");
        BoinBoundaries boundaries = boundaries(parameters);
        IntervalDesignRules rules = rules(parameters, truth.length, boundaries);
        long trials = parameters.integer("trials");
        OperatingCharacteristics oc = DoseFindingSimulation.simulate(() -> new IntervalDesignTrial(rules), truth, rules.target,
                trials, context);
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
    static IntervalDesignRules rules(Parameters parameters, int doses, IntervalBoundaries boundaries) {
        return new IntervalDesignRules(boundaries, doses, (int) parameters.integer("cohortSize"),
                (int) parameters.integer("cohorts"), DesignParameters.startDose(parameters, doses),
                (int) parameters.integer("earlyStop"),
                parameters.real("eliminationCutoff"), parameters.bool("extraSafe"), parameters.real("offset"));
    }

    static BoinBoundaries boundaries(Parameters parameters) {
        double target = parameters.real("target");
        double pSafe = parameters.has("pSafe") ? parameters.real("pSafe") : 0.6 * target;
        double pTox = parameters.has("pTox") ? parameters.real("pTox") : 1.4 * target;
        if (!(pSafe < target && target < pTox && pTox < 1)) {
            throw new InvalidParameterException("need pSafe < target < pTox < 1; got pSafe = " + pSafe + ", target = "
                    + target + ", pTox = " + pTox);
        }
        return BoinBoundaries.of(target, pSafe, pTox);
    }
}
