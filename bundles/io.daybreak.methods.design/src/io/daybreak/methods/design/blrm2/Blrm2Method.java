package io.daybreak.methods.design.blrm2;

import org.osgi.service.component.annotations.Component;

import io.daybreak.core.method.InvalidParameterException;
import io.daybreak.core.method.Method;
import io.daybreak.core.method.MethodContext;
import io.daybreak.core.method.MethodDescriptor;
import io.daybreak.core.method.MethodResult;
import io.daybreak.core.method.Setting;
import io.daybreak.methods.design.combination.GridOc;
import io.daybreak.methods.design.oc.CohortPlan;
import io.daybreak.methods.design.oc.DesignMethod;

/**
 * {@code design.blrm-combo}: operating characteristics of the two-drug BLRM with EWOC ({@link Blrm2Simulation}), with
 * the selection and allocation matrices in design.boin-comb's {@code byCombination} shape.
 */
@Component(service = Method.class)
public final class Blrm2Method extends DesignMethod<Blrm2Method.ComboSettings> {

    /** What design.blrm-combo takes. */
    record ComboSettings(
            @Setting(unit = "DLT probability", min = 0, minInclusive = false, max = 1, maxInclusive = false,
                    doc = "true DLT probability of each combination, row by row (drug A level 1 with drug B levels "
                            + "1..K, then drug A level 2, ...); one per combination of doseAmountsA x doseAmountsB")
            double[] truth,
            Blrm2Prior model,
            CohortPlan cohorts,
            @Setting(min = 1000, max = 10_000_000, defaultValue = "10000",
                    doc = "importance-sampling draws per posterior update")
            int draws,
            @Setting(min = 1, max = 1_000_000, defaultValue = "100",
                    doc = "simulated trials (few by default: every cohort costs a posterior)")
            long trials) {
    }

    public Blrm2Method() {
        super(ComboSettings.class, MethodDescriptor.builder("design.blrm-combo",
                "Two-drug BLRM with interaction and EWOC: operating characteristics")
                .category("design")
                .reference("Neuenschwander, Matano, Tang, Roychoudhury, Wandel & Bailey, in Statistical Methods in Drug "
                        + "Combination Studies, Chapman & Hall/CRC (2015), ch. 6; R package OncoBayes2")
                .description("Simulates combination trials that start at (1, 1) and after each cohort go to the "
                        + "admissible combination (P(overdose) <= ewoc, at most one level above a tried combination "
                        + "in each drug) with the highest posterior target probability; a trial stops without MTD when "
                        + "none is admissible and otherwise selects, among the tried combinations with P(overdose) "
                        + "<= ewoc, the one with the highest target probability after its last cohort. True MTDs: the "
                        + "combinations whose true DLT probability lies in the target interval. Reports the "
                        + "selection and allocation matrices (as design.boin-comb), % correct selection, % patients "
                        + "at MTDs, % without MTD, each with its Monte Carlo SE.")
                .output(GridOc.BY_COMBINATION));
    }

    @Override
    protected MethodResult run(ComboSettings s, MethodContext context) {
        Blrm2Prior prior = s.model();
        Blrm2Model model = prior.model();
        double[] truth = s.truth();
        if (truth.length != model.cells()) {
            throw new InvalidParameterException("parameter 'truth' has " + truth.length + " values but the grid has "
                    + model.levelsA() + " x " + model.levelsB() + " = " + model.cells() + " combinations ('doseAmountsA' "
                    + "x 'doseAmountsB'); give one value per combination, row by row");
        }
        double[] cuts = prior.checkedIntervals();
        boolean[] trueMtd = new boolean[truth.length];
        for (int c = 0; c < truth.length; c++) {
            trueMtd[c] = truth[c] >= cuts[0] && truth[c] < cuts[1];
        }
        Blrm2Simulation.Design design = new Blrm2Simulation.Design(model, cuts, prior.ewoc(),
                s.cohorts().cohortSize(), s.cohorts().cohorts(), s.draws());
        GridOc oc = Blrm2Simulation.simulate(design, truth, trueMtd, s.trials(), context);
        MethodResult.Builder result = MethodResult.builder()
                .summary("design", "two-drug BLRM with interaction, EWOC")
                .summary("maxPatients", (long) s.cohorts().maxPatients());
        oc.summarize(result, true);
        return result.output(GridOc.BY_COMBINATION.name(), oc.table(context.allocator(), truth)).build();
    }
}
