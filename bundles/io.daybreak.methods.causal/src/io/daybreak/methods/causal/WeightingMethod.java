package io.daybreak.methods.causal;

import static io.daybreak.core.method.TableSpec.column;
import static io.daybreak.data.ColumnType.BOOLEAN;
import static io.daybreak.data.ColumnType.FLOAT64;
import static io.daybreak.data.ColumnType.INT64;
import static io.daybreak.data.ColumnType.STRING;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Component;

import io.daybreak.core.method.Method;
import io.daybreak.core.method.MethodContext;
import io.daybreak.core.method.MethodDescriptor;
import io.daybreak.core.method.MethodResult;
import io.daybreak.core.method.SettingsMethod;
import io.daybreak.core.method.TableSpec;
import io.daybreak.data.Table;
import io.daybreak.stats.causal.Balance;
import io.daybreak.stats.causal.CausalData;

/**
 * {@code causal.weighting}: balancing weights (IPTW for ATE, ATT or ATC, stabilised or not, overlap weights), with
 * trimming, the balance table before and after weighting (cobalt's conventions), effective sample sizes and
 * weight ranges.
 */
@Component(service = Method.class)
public final class WeightingMethod extends SettingsMethod<WeightingMethod.WeightingSettings> {
    static final TableSpec BALANCE = TableSpec.of("balance", "one row per covariate: means and differences before and "
            + "after weighting; standardised for continuous covariates, raw proportions for binary ones (cobalt)",
            column("covariate", STRING), column("binary", BOOLEAN), column("meanTreatedBefore", FLOAT64),
            column("meanControlBefore", FLOAT64), column("differenceBefore", FLOAT64),
            column("meanTreatedAfter", FLOAT64), column("meanControlAfter", FLOAT64), column("differenceAfter", FLOAT64));
    static final TableSpec WEIGHTS = TableSpec.of("weights", "one row per patient kept (complete cases, untrimmed, in "
            + "input order)", column("treated", INT64), column("score", FLOAT64), column("weight", FLOAT64));
    /** What causal.weighting takes: the columns and the weights (shared with causal.effect). */
    record WeightingSettings(CausalColumns columns, Weighting weighting) {
    }

    public WeightingMethod() {
        super(WeightingSettings.class, CausalInput.declare(
                MethodDescriptor.builder("causal.weighting", "Propensity score weighting with balance diagnostics")
                .reference("Austin & Stuart, Stat Med 2015; Li, Morgan & Zaslavsky, JASA 2018; R WeightIt and cobalt")
                .description("IPTW (ATE, ATT, ATC; stabilised), overlap weights (ATO) and trimming; standardised mean "
                        + "differences before and after weighting, effective sample size and weight range per arm."))
                .output(BALANCE)
                .output(WEIGHTS));
    }

    @Override
    protected MethodResult run(Map<String, Table> inputs, WeightingSettings settings, MethodContext context) {
        Weighting.Weighted weighted = settings.weighting().weigh(settings.columns().read(inputs.get("data"), null));
        CausalData data = weighted.data();
        double[] w = weighted.weights().values();
        List<Balance> balance = new ArrayList<>();
        for (int c = 0; c < data.covariates().size(); c++) {
            balance.add(Balance.of(data.covariates().get(c), data.covariate(c), data.treated(), w,
                    weighted.weights().estimand()));
        }
        double worstBefore = 0;
        double worstAfter = 0;
        for (Balance b : balance) {
            worstBefore = Math.max(worstBefore, Math.abs(b.differenceBefore()));
            worstAfter = Math.max(worstAfter, Math.abs(b.differenceAfter()));
        }
        List<Object> warnings = CausalInput.warnings(weighted.propensity().overlap(data.treated()), data.dropped());
        if (worstAfter > 0.1) {
            warnings.add("a covariate is still imbalanced after weighting (|difference| " + worstAfter + " > 0.1)");
        }
        return MethodResult.builder()
                .output("balance", balanceTable(context, balance))
                .output("weights", Table.builder(context.allocator()).addInt64("treated", data.treatedFlags())
                        .addFloat64("score", weighted.propensity().scores()).addFloat64("weight", w).build())
                .summary("estimand", weighted.weights().estimand().name())
                .summary("n", (long) data.n())
                .summary("treated", (long) data.treatedCount())
                .summary("controls", (long) (data.n() - data.treatedCount()))
                .summary("trimmedRows", (long) weighted.trimmed())
                .summary("droppedRows", (long) data.dropped())
                .summary("effectiveSizeTreated", weighted.weights().effectiveSize(data.treated(), 1))
                .summary("effectiveSizeControls", weighted.weights().effectiveSize(data.treated(), 0))
                .summary("weightRangeTreated", weighted.weights().range(data.treated(), 1))
                .summary("weightRangeControls", weighted.weights().range(data.treated(), 0))
                .summary("maxAbsDifferenceBefore", worstBefore)
                .summary("maxAbsDifferenceAfter", worstAfter)
                .summary("warnings", warnings)
                .build();
    }

    static Table balanceTable(MethodContext context, List<Balance> rows) {
        int k = rows.size();
        double[][] columns = new double[6][k];
        boolean[] binary = new boolean[k];
        List<String> names = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            Balance b = rows.get(i);
            names.add(b.covariate());
            binary[i] = b.binary();
            columns[0][i] = b.treatedBefore();
            columns[1][i] = b.controlBefore();
            columns[2][i] = b.differenceBefore();
            columns[3][i] = b.treatedAfter();
            columns[4][i] = b.controlAfter();
            columns[5][i] = b.differenceAfter();
        }
        return Table.builder(context.allocator()).add("covariate", io.daybreak.data.ColumnType.STRING, names)
                .addBoolean("binary", binary).addFloat64("meanTreatedBefore", columns[0])
                .addFloat64("meanControlBefore", columns[1]).addFloat64("differenceBefore", columns[2])
                .addFloat64("meanTreatedAfter", columns[3]).addFloat64("meanControlAfter", columns[4])
                .addFloat64("differenceAfter", columns[5]).build();
    }
}
