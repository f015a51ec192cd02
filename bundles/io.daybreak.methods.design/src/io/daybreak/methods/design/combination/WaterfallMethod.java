package io.daybreak.methods.design.combination;

import org.osgi.service.component.annotations.Component;

import io.daybreak.core.method.InvalidParameterException;
import io.daybreak.core.method.Method;
import io.daybreak.core.method.MethodContext;
import io.daybreak.core.method.MethodDescriptor;
import io.daybreak.core.method.MethodResult;
import io.daybreak.core.method.Setting;
import io.daybreak.methods.design.oc.DesignMethod;
import io.daybreak.methods.design.oc.Simulation;

/**
 * {@code design.waterfall}: operating characteristics of the waterfall design for the MTD contour (Zhang &amp; Yuan
 * 2016) as {@code BOIN::get.oc.comb(mtd.contour = TRUE)} (see {@link WaterfallTrial}).
 */
@Component(service = Method.class)
public final class WaterfallMethod extends DesignMethod<WaterfallMethod.WaterfallSettings> {
    /** What design.waterfall takes. */
    record WaterfallSettings(CombinationGrid grid,
            @Setting(unit = "patients", min = 1, max = 100, defaultValue = "3") int cohortSize,
            @Setting(min = 1, max = 1000, optional = true, doc = "cohorts of each sub-trial, one per level of drug A "
                    + "(R's ncohort vector); default ceiling(round(4/cohortSize, 2) x (J+K-1, K-1, ..., K-1))")
            double[] subtrialCohorts,
            @Setting(unit = "patients", min = 1, defaultValue = "12",
                    doc = "end a sub-trial once this many patients are at the combination it moves to (n.earlystop)")
            int earlyStop,
            CombinationSafety safety,
            Simulation simulation) {
    }

    public WaterfallMethod() {
        super(WaterfallSettings.class, MethodDescriptor.builder("design.waterfall",
                "Waterfall drug-combination design (MTD contour): operating characteristics")
                .category("design")
                .reference("Zhang & Yuan, Stat Med 35:4924-4936 (2016); Yan et al., J Stat Softw 94(13) (2020); "
                        + "R package BOIN, get.oc.comb(mtd.contour = TRUE)")
                .description("Simulates waterfall trials on a J x K grid: single-agent BOIN sub-trials, the first along "
                        + "drug A at the lowest drug B and then along the top row, the next ones along each lower row, "
                        + "each starting right of the row above's MTD; at the end one MTD per row from the bivariate "
                        + "isotonic fit. Reports the selection and allocation matrices, % of trials selecting exactly "
                        + "the true contour, % patients at and above the contour.")
                .output(GridOc.BY_COMBINATION));
    }

    @Override
    protected MethodResult run(WaterfallSettings s, MethodContext context) {
        CombinationGrid grid = s.grid();
        int j = grid.levelsA();
        int k = grid.levelsB();
        int[] cohorts = cohorts(s.subtrialCohorts(), s.cohortSize(), j, k);
        CombinationSafety safety = s.safety();
        WaterfallRules rules = WaterfallRules.of(j, k, grid.target(), s.cohortSize(), cohorts, s.earlyStop(),
                safety.eliminationCutoff(), safety.extraSafe(), safety.offset(), safety.boundMtd(), safety.titration());
        double[] truth = grid.truth();
        long trials = s.simulation().trials();
        GridOc oc = CombinationSimulation.waterfall(rules, truth, trials, context);
        CombinationSimulation.Contour contour = CombinationSimulation.Contour.of(truth, j, k, grid.target());
        MethodResult.Builder result = MethodResult.builder()
                .summary("design", "waterfall, MTD contour")
                .summary("target", grid.target())
                .summary("subtrialCohorts", java.util.Arrays.stream(cohorts).asDoubleStream().toArray());
        oc.summarize(result, false);
        return result.summary("patientsAboveContourPercent", oc.patientsPercent(contour.above()))
                .summary("maxPatients", (long) java.util.Arrays.stream(cohorts).sum() * s.cohortSize())
                .output(GridOc.BY_COMBINATION.name(), oc.table(context.allocator(), truth)).build();
    }

    /** The sub-trials' cohorts: as given (whole numbers, one per row), or R's default. */
    static int[] cohorts(double[] given, int cohortSize, int rows, int cols) {
        int[] cohorts = new int[rows];
        if (given == null) {
            double c = Math.round(4.0 / cohortSize * 100) / 100.0;
            for (int i = 0; i < rows; i++) {
                cohorts[i] = (int) Math.ceil(c * (i == 0 ? rows + cols - 1 : cols - 1));
            }
        } else {
            if (given.length != rows) {
                throw new InvalidParameterException("parameter 'subtrialCohorts' has " + given.length + " values; the "
                        + "waterfall design runs one sub-trial per level of drug A, so give " + rows);
            }
            for (int i = 0; i < rows; i++) {
                if (given[i] != Math.rint(given[i])) {
                    throw new InvalidParameterException("parameter 'subtrialCohorts' value " + given[i] + " at position "
                            + (i + 1) + " is not a whole number");
                }
                cohorts[i] = (int) given[i];
            }
        }
        for (int i = 0; i < rows; i++) {
            if ((long) cohorts[i] * cohortSize > 100) {
                throw new InvalidParameterException("sub-trial " + (i + 1) + " has " + cohorts[i] + " cohorts of "
                        + cohortSize + ": more than BOIN's 100 patients per sub-trial");
            }
        }
        return cohorts;
    }
}
