package io.daybreak.methods.design.crm;

import org.osgi.service.component.annotations.Component;

import io.daybreak.core.method.Adjust;
import io.daybreak.core.method.Method;
import io.daybreak.core.method.MethodContext;
import io.daybreak.core.method.MethodDescriptor;
import io.daybreak.core.method.MethodResult;
import io.daybreak.methods.design.oc.Cohorts;
import io.daybreak.methods.design.oc.DesignMethod;
import io.daybreak.methods.design.oc.DoseTruth;
import io.daybreak.methods.design.oc.OperatingCharacteristics;
import io.daybreak.methods.design.oc.Simulation;
import io.daybreak.methods.design.oc.TiteAccrual;
import io.daybreak.methods.design.oc.TiteSimulation;

/** {@code design.tite-crm}: operating characteristics of the time-to-event CRM (see {@link TiteCrmTrial}). */
@Component(service = Method.class)
public final class TiteCrmMethod extends DesignMethod<TiteCrmMethod.TiteCrmSettings> {
    /** What design.tite-crm takes; patients come one at a time, so cohorts are of one patient by default. */
    record TiteCrmSettings(DoseTruth doses, CrmModelSettings model,
            @Adjust(name = "cohortSize", defaultValue = "1") @Adjust(name = "cohorts", defaultValue = "30")
            Cohorts cohorts,
            TiteAccrual accrual, Simulation simulation) {
    }

    public TiteCrmMethod() {
        super(TiteCrmSettings.class, MethodDescriptor.builder("design.tite-crm",
                "TITE-CRM for late-onset toxicity: operating characteristics and trial duration")
                .category("design")
                .reference("Cheung & Chappell, Biometrics 56:1177-1182 (2000); R dfcrm::titecrm, titesim")
                .description("Simulates TITE-CRM trials with Poisson (or fixed) accrual and DLTs uniform over the "
                        + "assessment window: each arriving patient is dosed by the CRM with linearly weighted pending "
                        + "outcomes (empiric or logistic model, normal prior on beta, quadrature), at most one level "
                        + "above the previous patient; the MTD is chosen on complete data. Reports trial duration.")
                .output(OperatingCharacteristics.BY_DOSE));
    }

    @Override
    protected MethodResult run(TiteCrmSettings given, MethodContext context) {
        double[] truth = given.doses().truth();
        double target = given.doses().target();
        double[] skeleton = given.model().skeleton(truth.length, target);
        TiteCrmTrial.Settings settings = new TiteCrmTrial.Settings(given.model().posterior(skeleton), target,
                given.cohorts().enrolment(truth.length));
        long trials = given.simulation().trials();
        TiteSimulation.Summary summary = TiteSimulation.simulate(() -> new TiteCrmTrial(settings), truth, target,
                given.accrual().model(), trials, context);
        MethodResult.Builder result = MethodResult.builder()
                .output(OperatingCharacteristics.BY_DOSE.name(), summary.oc().table(context.allocator(), trials))
                .summary("skeleton", skeleton);
        summary.summarize(result);
        return result.build();
    }
}
