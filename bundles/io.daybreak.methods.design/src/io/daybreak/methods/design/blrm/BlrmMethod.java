package io.daybreak.methods.design.blrm;

import org.osgi.service.component.annotations.Component;

import io.daybreak.core.method.Adjust;
import io.daybreak.core.method.Method;
import io.daybreak.core.method.MethodContext;
import io.daybreak.core.method.MethodDescriptor;
import io.daybreak.core.method.MethodResult;
import io.daybreak.methods.design.backfill.Backfill;
import io.daybreak.methods.design.backfill.ResponseTruth;
import io.daybreak.core.method.Setting;
import io.daybreak.methods.design.oc.BlrmPrior;
import io.daybreak.methods.design.oc.Cohorts;
import io.daybreak.methods.design.oc.DesignMethod;
import io.daybreak.methods.design.oc.DoseTruth;
import io.daybreak.methods.design.oc.DoseFindingSimulation;
import io.daybreak.methods.design.oc.DoseFindingTrial;
import io.daybreak.methods.design.oc.OperatingCharacteristics;
import io.daybreak.methods.design.oc.Simulation;

/** {@code design.blrm}: operating characteristics of the BLRM with EWOC (see {@link BlrmTrial}). */
@Component(service = Method.class)
public final class BlrmMethod extends DesignMethod<BlrmMethod.BlrmSettings> {
    /** What design.blrm takes: the dose-finding groups, the BLRM prior and its own early stop. */
    record BlrmSettings(
            @Adjust(name = "target", doc = "target DLT rate: defines the true MTD for the operating characteristics "
                    + "(the design itself uses 'intervals')")
            DoseTruth doses,
            BlrmPrior prior, Cohorts cohorts,
            @Setting(min = 1, optional = true,
                    doc = "stop early once the recommended dose already has this many patients (off if absent)")
            Integer stopPatients,
            Simulation simulation, Backfill backfilling, ResponseTruth responses) {
    }

    public BlrmMethod() {
        super(BlrmSettings.class, MethodDescriptor.builder("design.blrm",
                "BLRM with escalation with overdose control: operating characteristics")
                .category("design")
                .reference("Neuenschwander, Branson & Gsponer, Stat Med 27:2420-2439 (2008); Babb, Rogatko & Zacks, "
                        + "Stat Med 17:1103-1120 (1998); R OncoBayes2")
                .description("Simulates trials of the two-parameter Bayesian logistic regression model, bivariate normal "
                        + "prior on (log alpha, log beta), posterior by deterministic 2-D quadrature: each cohort goes to "
                        + "the dose with the highest posterior probability of the target interval among doses with "
                        + "P(overdose) <= ewoc, without skipping untried doses; no admissible dose stops the trial.")
                .output(OperatingCharacteristics.BY_DOSE));
    }

    /** A fresh BLRM trial with the given prior and EWOC, for methods that drive designs (compare, pathways). */
    public static DoseFindingTrial newTrial(BlrmPrior prior, int doses, int cohortSize, int cohorts, int startDose) {
        return new BlrmTrial(new BlrmTrial.Settings(BlrmPosterior.prior(prior, doses), prior.ewoc(), cohortSize, cohorts,
                startDose, 0));
    }

    @Override
    protected MethodResult run(BlrmSettings given, MethodContext context) {
        double[] truth = given.doses().truth();
        BlrmTrial.Settings settings = new BlrmTrial.Settings(BlrmPosterior.prior(given.prior(), truth.length),
                given.prior().ewoc(), given.cohorts().cohortSize(), given.cohorts().cohorts(),
                given.cohorts().startIndex(truth.length), given.stopPatients() != null ? given.stopPatients() : 0);
        double target = given.doses().target();
        long trials = given.simulation().trials();
        if (given.backfilling().backfill()) {
            return given.backfilling().simulate(() -> new BlrmTrial(settings), truth, given.responses().efficacy(), target,
                    given.cohorts().maxPatients(), Backfill.defaultLambdaD(target), trials, context)
                    .summary("quadratureNodes", (long) settings.prior().nodes()).build();
        }
        OperatingCharacteristics oc = DoseFindingSimulation.simulate(() -> new BlrmTrial(settings), truth, target,
                given.cohorts().maxPatients(), trials,
                context);
        MethodResult.Builder result = MethodResult.builder()
                .output(OperatingCharacteristics.BY_DOSE.name(), oc.table(context.allocator(), trials))
                .summary("quadratureNodes", (long) settings.prior().nodes());
        oc.summarize(result, trials);
        return result.build();
    }
}
