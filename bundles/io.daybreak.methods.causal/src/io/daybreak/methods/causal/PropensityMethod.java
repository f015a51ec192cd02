package io.daybreak.methods.causal;

import static io.daybreak.core.method.TableSpec.column;
import static io.daybreak.data.ColumnType.FLOAT64;
import static io.daybreak.data.ColumnType.INT64;

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
import io.daybreak.stats.causal.CausalData;
import io.daybreak.stats.causal.Propensity;
import io.daybreak.stats.models.columns.Coefficients;

/** {@code causal.propensity}: the logistic propensity model, each patient's score, and the overlap of the arms. */
@Component(service = Method.class)
public final class PropensityMethod extends SettingsMethod<CausalColumns> {
    static final TableSpec SCORES = TableSpec.of("scores", "one row per patient used (complete cases, in input order)",
            column("treated", INT64), column("score", FLOAT64));
    public PropensityMethod() {
        super(CausalColumns.class, CausalInput.declare(MethodDescriptor.builder("causal.propensity",
                "Propensity score model with overlap diagnostics")
                .reference("Rosenbaum & Rubin, Biometrika 1983; R glm(A ~ X, binomial)")
                .description("Logistic regression of the treatment on the covariates; each patient's propensity score; "
                        + "the score range per arm, patients outside the other arm's range, and the c-statistic."))
                .output(Coefficients.SPEC)
                .output(SCORES));
    }

    @Override
    protected MethodResult run(Map<String, Table> inputs, CausalColumns columns, MethodContext context) {
        CausalData data = columns.read(inputs.get("data"), null);
        Propensity propensity = Propensity.fit(data);
        Propensity.Overlap overlap = propensity.overlap(data.treated());
        List<String> terms = new ArrayList<>(List.of("(Intercept)"));
        terms.addAll(data.covariates());
        List<Object> warnings = CausalInput.warnings(overlap, data.dropped());
        return MethodResult.builder()
                .output("coefficients", Coefficients.table(context.allocator(), terms, propensity.fit().coefficients(),
                        propensity.fit().standardErrors(), 0))
                .output("scores", Table.builder(context.allocator()).addInt64("treated", data.treatedFlags())
                        .addFloat64("score", propensity.scores()).build())
                .summary("n", (long) data.n())
                .summary("treated", (long) data.treatedCount())
                .summary("controls", (long) (data.n() - data.treatedCount()))
                .summary("droppedRows", (long) data.dropped())
                .summary("scoreRangeTreated", overlap.minTreated(), overlap.maxTreated())
                .summary("scoreRangeControls", overlap.minControl(), overlap.maxControl())
                .summary("treatedOutsideControlRange", (long) overlap.outsideTreated())
                .summary("controlsOutsideTreatedRange", (long) overlap.outsideControl())
                .summary("cStatistic", concordance(propensity.scores(), data.treated()))
                .summary("warnings", warnings)
                .build();
    }

    /** P(score of a treated > score of a control), ties counted half (the ROC area, Mann-Whitney). */
    static double concordance(double[] scores, int[] treated) {
        Integer[] order = new Integer[scores.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(scores[a], scores[b]));
        double rankSumTreated = 0;
        long n1 = 0;
        int i = 0;
        while (i < order.length) {
            int j = i;
            while (j + 1 < order.length && scores[order[j + 1]] == scores[order[i]]) {
                j++;
            }
            double midRank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                if (treated[order[k]] == 1) {
                    rankSumTreated += midRank;
                    n1++;
                }
            }
            i = j + 1;
        }
        long n0 = scores.length - n1;
        return (rankSumTreated - n1 * (n1 + 1) / 2.0) / ((double) n1 * n0);
    }
}
