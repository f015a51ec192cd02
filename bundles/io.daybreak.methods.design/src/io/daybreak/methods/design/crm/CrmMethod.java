package io.daybreak.methods.design.crm;

import org.osgi.service.component.annotations.Component;

import io.daybreak.core.method.Choice;
import io.daybreak.core.method.Method;
import io.daybreak.core.method.MethodContext;
import io.daybreak.core.method.MethodDescriptor;
import io.daybreak.core.method.MethodResult;
import io.daybreak.core.method.Setting;
import io.daybreak.methods.design.backfill.Backfill;
import io.daybreak.methods.design.backfill.ResponseTruth;
import io.daybreak.methods.design.oc.Cohorts;
import io.daybreak.methods.design.oc.CrmModelFamily;
import io.daybreak.methods.design.oc.CrmSkeletonSource;
import io.daybreak.methods.design.oc.DesignMethod;
import io.daybreak.methods.design.oc.DoseTruth;
import io.daybreak.methods.design.oc.DoseFindingSimulation;
import io.daybreak.methods.design.oc.DoseFindingTrial;
import io.daybreak.methods.design.oc.OperatingCharacteristics;
import io.daybreak.methods.design.oc.SettingsDefaults;
import io.daybreak.methods.design.oc.Simulation;

/** {@code design.crm}: operating characteristics of the continual reassessment method (see {@link CrmTrial}). */
@Component(service = Method.class)
public final class CrmMethod extends DesignMethod<CrmMethod.CrmSettings> {
    /** What design.crm takes: the dose-finding groups, the CRM model and its own stopping and MTD rules. */
    record CrmSettings(DoseTruth doses, CrmModelSettings model, Cohorts cohorts,
            @Setting(min = 0, minInclusive = false, max = 1, maxInclusive = false, optional = true,
                    doc = "safety stop when P(p1 > target | data) exceeds this (off if absent)")
            Double stopCutoff,
            @Setting(defaultValue = "plugin",
                    doc = "final MTD: p at the posterior mean of beta (dfcrm), or the posterior mean of p")
            @Choice({"plugin", "posterior-mean"})
            String mtdEstimate,
            @Setting(defaultValue = "true",
                    doc = "dfcrm's restrict: no escalation after a cohort with DLT rate >= target, and at most one "
                            + "level above the current dose; false lets the model's dose be given as is")
            boolean restrict,
            Simulation simulation, Backfill backfilling, ResponseTruth responses) {
    }

    public CrmMethod() {
        super(CrmSettings.class, MethodDescriptor.builder("design.crm",
                "CRM dose finding: operating characteristics")
                .category("design")
                .reference("O'Quigley, Pepe & Fisher, Biometrics 46:33-48 (1990); Cheung, Dose Finding by the "
                        + "Continual Reassessment Method (2011); R dfcrm")
                .description("Simulates CRM trials: empiric or one-parameter logistic model, normal prior on beta, "
                        + "posterior by deterministic quadrature, dfcrm's restrictions (by default: no escalation "
                        + "after a cohort with DLT rate >= target, at most one level up), optional safety stopping, "
                        + "MTD at the posterior mean of beta (dfcrm) or by the posterior mean of p.")
                .output(OperatingCharacteristics.BY_DOSE));
    }

    /** dfcrm's prior variance on beta, for the CRMs other methods drive without offering it as a parameter. */
    private static final double DEFAULT_PRIOR_VARIANCE = SettingsDefaults.of(CrmModelSettings.class).priorVariance();

    /**
     * A fresh CRM trial (prior variance 1.34, plug-in estimates, no safety stop, dfcrm's restrictions) from the
     * skeleton and model settings, for methods that drive designs (compare, pathways); the skeleton is checked
     * against the doses here.
     */
    public static DoseFindingTrial newTrial(CrmSkeletonSource skeleton, CrmModelFamily family, int doses, double target,
            int cohortSize, int cohorts, int startDose) {
        CrmModelSettings model = new CrmModelSettings(skeleton, family, DEFAULT_PRIOR_VARIANCE);
        return new CrmTrial(new CrmTrial.Settings(model.posterior(model.skeleton(doses, target)), target, cohortSize,
                cohorts, startDose, Double.NaN, false, true));
    }

    @Override
    protected MethodResult run(CrmSettings given, MethodContext context) {
        double[] truth = given.doses().truth();
        double target = given.doses().target();
        double[] skeleton = given.model().skeleton(truth.length, target);
        int startDose = given.cohorts().startIndex(truth.length);
        CrmTrial.Settings settings = new CrmTrial.Settings(given.model().posterior(skeleton), target,
                given.cohorts().cohortSize(), given.cohorts().cohorts(), startDose,
                given.stopCutoff() != null ? given.stopCutoff() : Double.NaN,
                given.mtdEstimate().equals("posterior-mean"), given.restrict());
        long trials = given.simulation().trials();
        if (given.backfilling().backfill()) {
            // backfill closes a dose on BOIN's de-escalation boundary for the target, as BF-BOIN does
            return given.backfilling().simulate(() -> new CrmTrial(settings), truth, given.responses().efficacy(), target,
                    given.cohorts().maxPatients(), Backfill.defaultLambdaD(target), trials, context)
                    .summary("skeleton", skeleton).build();
        }
        OperatingCharacteristics oc = DoseFindingSimulation.simulate(() -> new CrmTrial(settings), truth, target,
                given.cohorts().maxPatients(), trials,
                context);
        MethodResult.Builder result = MethodResult.builder()
                .output(OperatingCharacteristics.BY_DOSE.name(), oc.table(context.allocator(), trials))
                .summary("skeleton", skeleton);
        oc.summarize(result, trials);
        return result.build();
    }
}
