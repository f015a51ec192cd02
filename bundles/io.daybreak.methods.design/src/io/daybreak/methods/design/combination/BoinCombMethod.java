package io.daybreak.methods.design.combination;

import static io.daybreak.data.ColumnType.INT64;
import static io.daybreak.data.ColumnType.STRING;

import org.osgi.service.component.annotations.Component;

import io.daybreak.core.method.InvalidParameterException;
import io.daybreak.core.method.Method;
import io.daybreak.core.method.MethodContext;
import io.daybreak.core.method.MethodDescriptor;
import io.daybreak.core.method.MethodResult;
import io.daybreak.core.method.Setting;
import io.daybreak.core.method.TableSpec;
import io.daybreak.data.Table;
import io.daybreak.methods.design.oc.CohortPlan;
import io.daybreak.methods.design.oc.DesignMethod;
import io.daybreak.methods.design.oc.Simulation;

/**
 * {@code design.boin-comb}: operating characteristics of the BOIN drug-combination design for one MTD (Lin &amp; Yin
 * 2017) as {@code BOIN::get.oc.comb(mtd.contour = FALSE)} (see {@link CombinationTrial}, {@link CombinationSelection}),
 * with the dose-transition pathways of the first cohorts by {@code next.comb}'s rules ({@link CombinationPathways}).
 */
@Component(service = Method.class)
public final class BoinCombMethod extends DesignMethod<BoinCombMethod.BoinCombSettings> {
    /** The pathways output table. */
    static final TableSpec PATHWAYS = TableSpec.of("pathways", "dose-transition pathways of the first cohorts "
            + "(BOIN::next.comb's rules): for each sequence of DLT counts, where the next cohort goes",
            TableSpec.column("cohort", INT64), TableSpec.column("history", STRING), TableSpec.column("doseA", INT64),
            TableSpec.column("doseB", INT64), TableSpec.column("dlts", INT64), TableSpec.column("nextDoseA", INT64),
            TableSpec.column("nextDoseB", INT64), TableSpec.column("decision", STRING));

    /** What design.boin-comb takes (the names of get.oc.comb's arguments are in docs/designs.md). */
    record BoinCombSettings(CombinationGrid grid,
            @Setting(min = 0, minInclusive = false, max = 1, maxInclusive = false, optional = true,
                    doc = "highest sub-therapeutic rate phi1; default 0.6 target")
            Double pSafe,
            @Setting(min = 0, minInclusive = false, max = 1, maxInclusive = false, optional = true,
                    doc = "lowest overly toxic rate phi2; default 1.4 target")
            Double pTox,
            CohortPlan cohorts,
            @Setting(min = 1, defaultValue = "1", doc = "starting level of drug A") int startDoseA,
            @Setting(min = 1, defaultValue = "1", doc = "starting level of drug B") int startDoseB,
            @Setting(unit = "patients", min = 1, defaultValue = "100",
                    doc = "stop once this many patients were treated at the current combination (n.earlystop)")
            int earlyStop,
            CombinationSafety safety,
            @Setting(min = 0, max = 3, defaultValue = "2",
                    doc = "cohorts the dose-transition pathways table covers (0: no table)")
            int pathwayCohorts,
            Simulation simulation) {
    }

    public BoinCombMethod() {
        super(BoinCombSettings.class, MethodDescriptor.builder("design.boin-comb",
                "BOIN drug-combination design (one MTD): operating characteristics")
                .category("design")
                .reference("Lin & Yin, Stat Methods Med Res 26:2155-2167 (2017); Yan et al., J Stat Softw 94(13) (2020); "
                        + "R package BOIN, get.oc.comb(mtd.contour = FALSE), next.comb, select.mtd.comb")
                .description("Simulates BOIN combination trials on a J x K grid for true DLT probabilities: escalation "
                        + "to (j+1,k) or (j,k+1), de-escalation to (j-1,k) or (j,k-1), choosing the neighbour most likely "
                        + "in (lambda_e, lambda_d); elimination; MTD by bivariate isotonic regression. Reports the "
                        + "selection and allocation matrices, % correct selection, % patients at MTDs and % without "
                        + "MTD, each with its Monte Carlo SE, and the dose-transition pathways of the first cohorts.")
                .output(GridOc.BY_COMBINATION)
                .output(PATHWAYS));
    }

    @Override
    protected MethodResult run(BoinCombSettings s, MethodContext context) {
        CombinationRules rules = rules(s);
        double[] truth = s.grid().truth();
        long trials = s.simulation().trials();
        GridOc oc = CombinationSimulation.boin(rules, truth, trials, context);
        MethodResult.Builder result = MethodResult.builder()
                .summary("design", "BOIN combination, one MTD")
                .summary("target", rules.target())
                .summary("lambdaE", rules.boundaries().lambdaE)
                .summary("lambdaD", rules.boundaries().lambdaD)
                .summary("maxPatients", (long) rules.cohorts() * rules.cohortSize());
        oc.summarize(result, true);
        // the tables last, so that nothing can fail once they hold Arrow memory
        Table pathways = CombinationPathways.table(rules, s.pathwayCohorts(), context.allocator());
        return result.output(PATHWAYS.name(), pathways)
                .output(GridOc.BY_COMBINATION.name(), oc.table(context.allocator(), truth)).build();
    }

    static CombinationRules rules(BoinCombSettings s) {
        CombinationGrid grid = s.grid();
        int k = grid.levelsB();
        int j = grid.levelsA();
        double target = grid.target();
        double pSafe = s.pSafe() != null ? s.pSafe() : 0.6 * target;
        double pTox = s.pTox() != null ? s.pTox() : 1.4 * target;
        CombinationGrid.checkRates(target, pSafe, pTox);
        if (s.startDoseA() > j) {
            throw new InvalidParameterException("parameter 'startDoseA' = " + s.startDoseA() + " exceeds the " + j
                    + " levels of drug A; allowed: 1 to " + j);
        }
        if (s.startDoseB() > k) {
            throw new InvalidParameterException("parameter 'startDoseB' = " + s.startDoseB() + " exceeds the " + k
                    + " levels of drug B; allowed: 1 to " + k);
        }
        CombinationSafety safety = s.safety();
        return CombinationRules.of(j, k, target, pSafe, pTox, s.cohorts().cohortSize(), s.cohorts().cohorts(),
                s.earlyStop(), s.startDoseA() - 1, s.startDoseB() - 1, safety.eliminationCutoff(), safety.extraSafe(),
                safety.offset(), safety.boundMtd(), safety.titration());
    }
}
