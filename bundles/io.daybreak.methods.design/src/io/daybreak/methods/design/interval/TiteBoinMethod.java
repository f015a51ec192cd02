package io.daybreak.methods.design.interval;

import org.osgi.service.component.annotations.Component;

import io.daybreak.core.method.Method;
import io.daybreak.core.method.MethodContext;
import io.daybreak.core.method.MethodDescriptor;
import io.daybreak.core.method.MethodResult;
import io.daybreak.core.method.Setting;
import io.daybreak.methods.design.oc.Cohorts;
import io.daybreak.methods.design.oc.DesignMethod;
import io.daybreak.methods.design.oc.DoseTruth;
import io.daybreak.methods.design.oc.OperatingCharacteristics;
import io.daybreak.methods.design.oc.Simulation;
import io.daybreak.methods.design.oc.TiteAccrual;
import io.daybreak.methods.design.oc.TiteSimulation;
import io.daybreak.methods.design.oc.TiteTrial;

/** {@code design.tite-boin}: operating characteristics of TITE-BOIN (see {@link TiteBoinTrial}). */
@Component(service = Method.class)
public final class TiteBoinMethod extends DesignMethod<TiteBoinMethod.TiteBoinSettings> {
    /** What design.tite-boin takes: BOIN's groups, its own suspension rule and the time-to-event accrual. */
    record TiteBoinSettings(DoseTruth doses, Cohorts cohorts, BoinRates rates,
            EliminationRule elimination,
            @Setting(min = 0, minInclusive = false, max = 1, defaultValue = "0.5",
                    doc = "suspend accrual when more than this fraction of the current dose's patients is pending")
            double maxPending,
            TiteAccrual accrual, Simulation simulation) {
    }

    public TiteBoinMethod() {
        super(TiteBoinSettings.class, MethodDescriptor.builder("design.tite-boin",
                "TITE-BOIN for late-onset toxicity: operating characteristics and trial duration")
                .category("design")
                .reference("Yuan, Lin, Li, Nie & Warren, Clin Cancer Res 24:4921-4930 (2018); Lin & Yuan, "
                        + "Biostatistics 21:807 (2020)")
                .description("Simulates TITE-BOIN trials with Poisson (or fixed) accrual and DLTs uniform over the "
                        + "assessment window: BOIN boundaries applied to an estimate that imputes pending outcomes from "
                        + "their follow-up, accrual suspended while more than maxPending of the current dose is pending, "
                        + "BOIN's elimination rule and isotonic MTD selection on complete data. Reports trial duration "
                        + "and the arrivals turned away while accrual was suspended.")
                .output(OperatingCharacteristics.BY_DOSE));
    }

    @Override
    protected MethodResult run(TiteBoinSettings given, MethodContext context) {
        double[] truth = given.doses().truth();
        BoinBoundaries boundaries = given.rates().boundaries(given.doses().target());
        TiteTrial.Enrolment enrolment = given.cohorts().enrolment(truth.length);
        TiteBoinTrial.Settings settings = new TiteBoinTrial.Settings(boundaries, truth.length, enrolment,
                given.maxPending(), TiteBoinTrial.eliminationTable(boundaries.target(),
                        enrolment.maxPatients(), given.elimination().eliminationCutoff()));
        long trials = given.simulation().trials();
        TiteSimulation.Summary summary = TiteSimulation.simulate(() -> new TiteBoinTrial(settings), truth,
                boundaries.target(), given.accrual().model(), trials, context);
        MethodResult.Builder result = MethodResult.builder()
                .output(OperatingCharacteristics.BY_DOSE.name(), summary.oc().table(context.allocator(), trials))
                .summary("lambdaE", boundaries.lambdaE())
                .summary("lambdaD", boundaries.lambdaD());
        summary.summarize(result);
        return result.build();
    }
}
