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
import io.daybreak.core.method.Setting;
import io.daybreak.core.method.SettingsMethod;
import io.daybreak.core.method.TableSpec;
import io.daybreak.data.Table;
import io.daybreak.stats.causal.Balance;
import io.daybreak.stats.causal.CausalData;
import io.daybreak.stats.causal.Estimand;
import io.daybreak.stats.causal.Estimators;
import io.daybreak.stats.causal.MarginalMeans;
import io.daybreak.stats.causal.Matching;
import io.daybreak.stats.causal.Propensity;
import io.daybreak.stats.causal.Weights;

/**
 * {@code causal.matching}: nearest-neighbour propensity score matching for the ATT (1:k, caliper, with or
 * without replacement; MatchIt 4.7.1's algorithm, {@link io.daybreak.stats.causal.Matching}), balance after
 * matching, and with an outcome the ATT in the matched sample.
 */
@Component(service = Method.class)
public final class MatchingMethod extends SettingsMethod<MatchingMethod.MatchingSettings> {
    static final TableSpec MATCHES = TableSpec.of("matches", "one row per matched pair; rows are 1-based positions "
            + "among the complete cases", column("treatedRow", INT64), column("controlRow", INT64),
            column("distance", FLOAT64));
    /** What causal.matching takes: the columns, the matching rule and an optional outcome. */
    record MatchingSettings(
            CausalColumns columns,
            @Setting(min = 1, max = 10, defaultValue = "1", doc = "controls per treated")
            int ratio,
            @Setting(defaultValue = "false", doc = "a control may be matched more than once")
            boolean replace,
            @Setting(min = 0, defaultValue = "0",
                    doc = "largest score difference, in standard deviations of the scores; 0: no caliper")
            double caliper,
            @Setting(optional = true, doc = "column of an outcome for the ATT")
            String outcome,
            @Setting(min = 0, minInclusive = false, max = 1, maxInclusive = false, defaultValue = "0.95")
            double level) {
    }

    public MatchingMethod() {
        super(MatchingSettings.class, CausalInput.declare(MethodDescriptor.builder("causal.matching",
                "Nearest-neighbour propensity score matching (ATT)")
                .reference("Stuart, Stat Sci 2010; Ho, Imai, King & Stuart, J Stat Softw 2011 (R MatchIt)")
                .description("Greedy matching of each treated patient (largest score first) to the nearest control(s) on "
                        + "the propensity score, pair for pair as R MatchIt 4.7.1's matchit(method = \"nearest\", "
                        + "distance = \"glm\") (its search order and tie rules; caliper in SDs of all scores); balance "
                        + "after matching (cobalt conventions, ATT); the ATT on an outcome as the difference of "
                        + "matching-weighted means (standard error taking the weights as known)."))
                .output(MATCHES)
                .output(WeightingMethod.BALANCE));
    }

    @Override
    protected MethodResult run(Map<String, Table> inputs, MatchingSettings settings, MethodContext context) {
        String outcome = settings.outcome();
        CausalData data = settings.columns().read(inputs.get("data"), outcome);
        Propensity propensity = Propensity.fit(data);
        double[] scores = propensity.scores();
        Matching matching = Matching.nearest(scores, data.treated(), settings.ratio(), settings.replace(),
                settings.caliper());
        List<Long> treatedRows = new ArrayList<>();
        List<Long> controlRows = new ArrayList<>();
        List<Double> distances = new ArrayList<>();
        for (int t = 0; t < data.n(); t++) {
            for (int c : matching.matches()[t]) {
                treatedRows.add((long) t + 1);
                controlRows.add((long) c + 1);
                distances.add(Math.abs(scores[t] - scores[c]));
            }
        }
        List<Balance> balance = new ArrayList<>();
        for (int c = 0; c < data.covariates().size(); c++) {
            balance.add(Balance.of(data.covariates().get(c), data.covariate(c), data.treated(), matching.weights(),
                    Estimand.ATT));
        }
        int matchedControls = 0;
        for (int i = 0; i < data.n(); i++) {
            matchedControls += data.treated()[i] == 0 && matching.weights()[i] > 0 ? 1 : 0;
        }
        MethodResult.Builder result = MethodResult.builder()
                .output("matches", Table.builder(context.allocator())
                        .add("treatedRow", io.daybreak.data.ColumnType.INT64, treatedRows)
                        .add("controlRow", io.daybreak.data.ColumnType.INT64, controlRows)
                        .add("distance", io.daybreak.data.ColumnType.FLOAT64, distances).build())
                .output("balance", WeightingMethod.balanceTable(context, balance))
                .summary("n", (long) data.n())
                .summary("treated", (long) data.treatedCount())
                .summary("matchedTreated", (long) matching.matchedTreated())
                .summary("unmatchedTreated", (long) (data.treatedCount() - matching.matchedTreated()))
                .summary("matchedControls", (long) matchedControls)
                .summary("droppedRows", (long) data.dropped());
        if (outcome != null) {
            boolean[] matched = new boolean[data.n()];
            for (int i = 0; i < matched.length; i++) {
                matched[i] = matching.weights()[i] > 0;
            }
            CausalData sample = data.keep(matched);
            double[] kept = java.util.Arrays.stream(matching.weights()).filter(w -> w > 0).toArray();
            MarginalMeans means = Estimators.iptw(sample, new Weights(kept, Estimand.ATT));
            MarginalMeans.Contrast att = means.difference(settings.level());
            result.summary("att", att.estimate()).summary("attStdError", att.stdError())
                    .summary("attInterval", att.lower(), att.upper())
                    .summary("meanTreated", means.treated()).summary("meanControl", means.control());
        }
        return result.build();
    }
}
