package io.daybreak.methods.design.interval;

import java.util.Map;

import org.osgi.service.component.annotations.Component;

import io.daybreak.core.method.Method;
import io.daybreak.core.method.MethodContext;
import io.daybreak.core.method.MethodDescriptor;
import io.daybreak.core.method.MethodResult;
import io.daybreak.core.method.ParameterSpec;
import io.daybreak.core.method.Parameters;
import io.daybreak.data.Table;
import io.daybreak.methods.design.oc.DesignParameters;
import io.daybreak.methods.design.oc.OperatingCharacteristics;
import io.daybreak.methods.design.oc.TiteSimulation;
import io.daybreak.methods.design.oc.TiteTrial;

/** {@code design.tite-boin}: operating characteristics of TITE-BOIN (see {@link TiteBoinTrial}). */
@Component(service = Method.class)
public final class TiteBoinMethod implements Method {
    private static final MethodDescriptor DESCRIPTOR = MethodDescriptor.builder("design.tite-boin",
            "TITE-BOIN for late-onset toxicity: operating characteristics and trial duration")
            .category("design")
            .reference("Yuan, Lin, Li, Nie & Warren, Clin Cancer Res 24:4921-4930 (2018); Lin & Yuan, "
                    + "Biostatistics 21:807 (2020)")
            .description("Simulates TITE-BOIN trials with Poisson (or fixed) accrual and DLTs uniform over the "
                    + "assessment window: BOIN boundaries applied to an estimate that imputes pending outcomes from "
                    + "their follow-up, accrual suspended while more than maxPending of the current dose is pending, "
                    + "BOIN's elimination rule and isotonic MTD selection on complete data. Reports trial duration "
                    + "and the arrivals turned away while accrual was suspended.")
            .parameter(DesignParameters.truth())
            .parameter(DesignParameters.target())
            .parameter(DesignParameters.cohortSize())
            .parameter(DesignParameters.cohorts())
            .parameter(DesignParameters.startDose())
            .parameter(BoinMethod.pSafe())
            .parameter(BoinMethod.pTox())
            .parameter(ParameterSpec.real("eliminationCutoff").greaterThan(0.5).lessThan(1).defaultValue(0.95)
                    .doc("eliminate a dose when P(DLT rate > target | data) exceeds this"))
            .parameter(ParameterSpec.real("maxPending").greaterThan(0).max(1).defaultValue(0.5)
                    .doc("suspend accrual when more than this fraction of the current dose's patients is pending"))
            .parameter(DesignParameters.window())
            .parameter(DesignParameters.interarrival())
            .parameter(DesignParameters.accrual())
            .parameter(DesignParameters.trials())
            .output(OperatingCharacteristics.BY_DOSE)
            .build();

    @Override
    public MethodDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public MethodResult apply(Map<String, Table> inputs, Parameters parameters, MethodContext context) {
        double[] truth = parameters.reals("truth");
        BoinBoundaries boundaries = BoinMethod.boundaries(parameters);
        TiteTrial.Enrolment enrolment = DesignParameters.enrolment(parameters, truth.length);
        TiteBoinTrial.Settings settings = new TiteBoinTrial.Settings(boundaries, truth.length, enrolment,
                parameters.real("maxPending"), TiteBoinTrial.eliminationTable(boundaries.target(),
                        enrolment.maxPatients(), parameters.real("eliminationCutoff")));
        long trials = parameters.integer("trials");
        TiteSimulation.Summary summary = TiteSimulation.simulate(() -> new TiteBoinTrial(settings), truth,
                boundaries.target(), DesignParameters.accrual(parameters), trials, context);
        MethodResult.Builder result = MethodResult.builder()
                .output(OperatingCharacteristics.BY_DOSE.name(), summary.oc().table(context.allocator(), trials))
                .summary("lambdaE", boundaries.lambdaE())
                .summary("lambdaD", boundaries.lambdaD());
        summary.summarize(result);
        return result.build();
    }
}
