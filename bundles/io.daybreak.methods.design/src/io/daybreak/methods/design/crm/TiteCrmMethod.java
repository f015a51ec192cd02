package io.daybreak.methods.design.crm;

import java.util.Map;

import org.osgi.service.component.annotations.Component;

import io.daybreak.core.method.Method;
import io.daybreak.core.method.MethodContext;
import io.daybreak.core.method.MethodDescriptor;
import io.daybreak.core.method.MethodResult;
import io.daybreak.core.method.Parameters;
import io.daybreak.data.Table;
import io.daybreak.methods.design.oc.DesignParameters;
import io.daybreak.methods.design.oc.OperatingCharacteristics;
import io.daybreak.methods.design.oc.TiteSimulation;

/** {@code design.tite-crm}: operating characteristics of the time-to-event CRM (see {@link TiteCrmTrial}). */
@Component(service = Method.class)
public final class TiteCrmMethod implements Method {
    private static final MethodDescriptor DESCRIPTOR = CrmParameters.declareModel(MethodDescriptor.builder("design.tite-crm",
            "TITE-CRM for late-onset toxicity: operating characteristics and trial duration")
            .category("design")
            .reference("Cheung & Chappell, Biometrics 56:1177-1182 (2000); R dfcrm::titecrm, titesim")
            .description("Simulates TITE-CRM trials with Poisson (or fixed) accrual and DLTs uniform over the "
                    + "assessment window: each arriving patient is dosed by the CRM with linearly weighted pending "
                    + "outcomes (empiric or logistic model, normal prior on beta, quadrature), at most one level "
                    + "above the previous patient; the MTD is chosen on complete data. Reports trial duration.")
            .parameter(DesignParameters.truth())
            .parameter(DesignParameters.target()))
            .parameter(DesignParameters.cohortSize().defaultValue(1L))
            .parameter(DesignParameters.cohorts().defaultValue(30L))
            .parameter(DesignParameters.startDose())
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
        double[] skeleton = CrmParameters.skeleton(parameters, truth.length);
        CrmModel model = new CrmModel(CrmParameters.family(parameters), skeleton, parameters.real("intercept"));
        double target = parameters.real("target");
        TiteCrmTrial.Settings settings = new TiteCrmTrial.Settings(new CrmPosterior(model,
                parameters.real("priorVariance")), target, DesignParameters.enrolment(parameters, truth.length));
        long trials = parameters.integer("trials");
        TiteSimulation.Summary summary = TiteSimulation.simulate(() -> new TiteCrmTrial(settings), truth, target,
                DesignParameters.accrual(parameters), trials, context);
        MethodResult.Builder result = MethodResult.builder()
                .output(OperatingCharacteristics.BY_DOSE.name(), summary.oc().table(context.allocator(), trials))
                .summary("skeleton", skeleton);
        summary.summarize(result);
        return result.build();
    }
}
