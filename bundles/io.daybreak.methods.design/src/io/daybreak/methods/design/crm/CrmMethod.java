package io.daybreak.methods.design.crm;

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
import io.daybreak.methods.design.oc.DoseFindingSimulation;
import io.daybreak.methods.design.oc.DoseFindingTrial;
import io.daybreak.methods.design.oc.OperatingCharacteristics;

/** {@code design.crm}: operating characteristics of the continual reassessment method (see {@link CrmTrial}). */
@Component(service = Method.class)
public final class CrmMethod implements Method {
    private static final MethodDescriptor DESCRIPTOR = CrmParameters.declareModel(MethodDescriptor.builder("design.crm",
            "CRM dose finding: operating characteristics")
            .category("design")
            .reference("O'Quigley, Pepe & Fisher, Biometrics 46:33-48 (1990); Cheung, Dose Finding by the "
                    + "Continual Reassessment Method (2011); R dfcrm")
            .description("Simulates CRM trials: empiric or one-parameter logistic model, normal prior on beta, "
                    + "posterior by deterministic quadrature, no skipping of untried doses, optional safety "
                    + "stopping, MTD at the posterior mean of beta (dfcrm) or by the posterior mean of p.")
            .parameter(DesignParameters.truth())
            .parameter(DesignParameters.target()))
            .parameter(DesignParameters.cohortSize())
            .parameter(DesignParameters.cohorts())
            .parameter(DesignParameters.startDose())
            .parameter(ParameterSpec.real("stopCutoff").greaterThan(0).lessThan(1).optional()
                    .doc("safety stop when P(p1 > target | data) exceeds this (off if absent)"))
            .parameter(ParameterSpec.choice("mtdEstimate", "plugin", "posterior-mean").defaultValue("plugin")
                    .doc("final MTD: p at the posterior mean of beta (dfcrm), or the posterior mean of p"))
            .parameter(DesignParameters.trials())
            .output(OperatingCharacteristics.BY_DOSE)
            .build();

    /**
     * A fresh CRM trial (prior variance 1.34, plug-in estimates) from the skeleton, model and intercept
     * parameters, for methods that drive designs (pathways).
     */
    public static DoseFindingTrial newTrial(Parameters parameters, int doses, double target, int cohortSize,
            int cohorts, int startDose) {
        CrmModel model = new CrmModel(CrmParameters.family(parameters), CrmParameters.skeleton(parameters, doses),
                parameters.real("intercept"));
        return new CrmTrial(new CrmTrial.Settings(new CrmPosterior(model, CrmParameters.DEFAULT_PRIOR_VARIANCE), target,
                cohortSize, cohorts, startDose, Double.NaN, false));
    }

    /** A Lee &amp; Cheung skeleton for the empiric model (intercept unused), for methods that drive designs. */
    public static double[] skeleton(double halfwidth, double target, int priorMtd, int doses) {
        return CrmParameters.checkedSkeleton(CrmModel.Family.EMPIRIC, halfwidth, target, priorMtd, doses,
                CrmParameters.DEFAULT_INTERCEPT);
    }

    /** A fresh empiric CRM trial with a given skeleton and dfcrm's defaults, for methods that drive designs. */
    public static DoseFindingTrial newTrial(double[] skeleton, double target, int cohortSize, int cohorts) {
        CrmModel model = new CrmModel(CrmModel.Family.EMPIRIC, skeleton, CrmParameters.DEFAULT_INTERCEPT);
        return new CrmTrial(new CrmTrial.Settings(new CrmPosterior(model, CrmParameters.DEFAULT_PRIOR_VARIANCE), target,
                cohortSize, cohorts, 0, Double.NaN, false));
    }

    @Override
    public MethodDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public MethodResult apply(Map<String, Table> inputs, Parameters parameters, MethodContext context) {
        double[] truth = parameters.reals("truth");
        double[] skeleton = CrmParameters.skeleton(parameters, truth.length);
        int startDose = DesignParameters.startDose(parameters, truth.length);
        CrmModel model = new CrmModel(CrmParameters.family(parameters), skeleton, parameters.real("intercept"));
        double target = parameters.real("target");
        CrmTrial.Settings settings = new CrmTrial.Settings(new CrmPosterior(model, parameters.real("priorVariance")),
                target, (int) parameters.integer("cohortSize"), (int) parameters.integer("cohorts"), startDose,
                parameters.has("stopCutoff") ? parameters.real("stopCutoff") : Double.NaN,
                parameters.string("mtdEstimate").equals("posterior-mean"));
        long trials = parameters.integer("trials");
        OperatingCharacteristics oc = DoseFindingSimulation.simulate(() -> new CrmTrial(settings), truth, target, trials,
                context);
        MethodResult.Builder result = MethodResult.builder()
                .output(OperatingCharacteristics.BY_DOSE.name(), oc.table(context.allocator(), trials))
                .summary("skeleton", skeleton);
        oc.summarize(result, trials);
        return result.build();
    }
}
