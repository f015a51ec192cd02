package io.daybreak.methods.causal;

import static io.daybreak.core.method.TableSpec.column;
import static io.daybreak.data.ColumnType.FLOAT64;
import static io.daybreak.data.ColumnType.STRING;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Component;

import io.daybreak.core.method.InvalidParameterException;
import io.daybreak.core.method.Method;
import io.daybreak.core.method.MethodContext;
import io.daybreak.core.method.MethodDescriptor;
import io.daybreak.core.method.MethodResult;
import io.daybreak.core.method.SettingsMethod;
import io.daybreak.stats.models.formula.StatusCoding;
import io.daybreak.core.method.TableSpec;
import io.daybreak.data.NumberText;
import io.daybreak.data.Table;
import io.daybreak.stats.causal.CausalData;
import io.daybreak.stats.causal.Estimand;
import io.daybreak.stats.causal.Estimators;
import io.daybreak.stats.causal.MarginalMeans;
import io.daybreak.stats.causal.OutcomeModel;
import io.daybreak.stats.causal.SurvivalEffect;
import io.daybreak.stats.causal.WeightedKaplanMeier;

/**
 * {@code causal.effect}: the treatment effect on a continuous or binary outcome by IPTW, g-computation, AIPW and
 * TMLE, each with an influence-function standard error; for a binary outcome also the risk ratio and odds ratio.
 * For a time-to-event outcome: the weighted Kaplan–Meier curves, their differences at chosen times, and the
 * weighted Cox hazard ratio with a robust standard error ({@link SurvivalEffect}).
 */
@Component(service = Method.class)
public final class EffectMethod extends SettingsMethod<EffectSettings> {
    static final TableSpec EFFECTS = TableSpec.of("effects", "one row per estimator and measure",
            column("estimator", STRING), column("measure", STRING), column("estimate", FLOAT64),
            column("stdError", FLOAT64), column("lower", FLOAT64), column("upper", FLOAT64),
            column("meanTreated", FLOAT64), column("meanControl", FLOAT64));
    static final TableSpec CURVES = TableSpec.optional("curves", "time-to-event outcome: each arm's weighted "
            + "Kaplan-Meier curve at its event times", column("arm", STRING), column("time", FLOAT64),
            column("atRisk", FLOAT64), column("events", FLOAT64), column("survival", FLOAT64),
            column("stdError", FLOAT64));
    public EffectMethod() {
        super(EffectSettings.class, CausalInput.declare(
                MethodDescriptor.builder("causal.effect", "Treatment effect: IPTW, g-computation, AIPW, TMLE")
                .reference("Robins, Rotnitzky & Zhao, JASA 1994; van der Laan & Rubin, Int J Biostat 2006; "
                        + "Hernan & Robins, Causal Inference: What If (2020)")
                .description("Marginal means under treatment and control and their difference (risk ratio and odds ratio "
                        + "for a binary outcome), with standard errors and Wald intervals. AIPW and TMLE estimate the "
                        + "ATE; IPTW and g-computation also the ATT, ATC and ATO (Horvitz-Thompson IPTW: not the ATO). "
                        + "g-computation, AIPW and TMLE fit the outcome model per arm (outcomeModel=separate) or with a "
                        + "common treatment term (common); their influence-function SEs use the divisor n - 1, as "
                        + "sd(IF)/sqrt(n) in R. Hajek IPTW SEs are the HC3 (or HC0) sandwich of lm(Y ~ A, weights = w) "
                        + "as sandwich::vcovHC; Horvitz-Thompson SEs are influence-function SEs; both take the weights "
                        + "as known. A time-to-event outcome (outcomeType=survival) is analysed by IPTW: "
                        + "weighted Kaplan-Meier curves, survival differences at 'times', and the weighted Cox hazard "
                        + "ratio with its robust (sandwich) standard error, as R's coxph(weights=, robust=TRUE)."))
                .output(EFFECTS)
                .output(CURVES));
    }

    @Override
    protected MethodResult run(Map<String, Table> inputs, EffectSettings settings, MethodContext context) {
        if (settings.outcomeType() == OutcomeType.SURVIVAL) {
            return survival(inputs.get("data"), settings, context);
        }
        List<String> estimators = settings.chosenEstimators();
        boolean binary = settings.outcomeType() == OutcomeType.BINARY;
        CausalData all = settings.columns().read(inputs.get("data"), settings.outcome());
        if (binary) {
            for (double y : all.outcome()) {
                if (y != 0 && y != 1) {
                    throw new InvalidParameterException("column '" + settings.outcome() + "' has the value "
                            + y + "; a binary outcome holds 0 and 1 (or use outcomeType=continuous)");
                }
            }
        }
        Weighting.Weighted weighted = settings.weighting().weigh(all);
        CausalData data = weighted.data();
        Estimand estimand = weighted.weights().estimand();
        double[] scores = weighted.propensity().scores();
        boolean needsModel = estimators.contains("gcomp") || estimators.contains("aipw") || estimators.contains("tmle");
        OutcomeModel model = needsModel ? OutcomeModel.fit(data, binary, settings.separateOutcomeModels()) : null;
        Map<String, MarginalMeans> results = new LinkedHashMap<>();
        for (String estimator : estimators) {
            context.checkCancelled();
            results.put(estimator, switch (estimator) {
            case "iptw" -> settings.hc3() ? Estimators.iptwHc3(data, weighted.weights())
                    : Estimators.iptw(data, weighted.weights());
            case "iptwHT" -> Estimators.horvitzThompson(data, scores, estimand);
            case "gcomp" -> Estimators.gComputation(data, model, population(data, scores, estimand));
            case "aipw" -> Estimators.aipw(data, scores, model);
            case "tmle" -> Estimators.tmle(data, scores, model, binary);
            default -> throw new IllegalStateException(estimator);
            });
        }
        double level = settings.level();
        Rows rows = new Rows();
        results.forEach((estimator, means) -> {
            rows.add(estimator, "difference", means.difference(level), means);
            if (binary) {
                rows.add(estimator, "riskRatio", means.riskRatio(level), means);
                rows.add(estimator, "oddsRatio", means.oddsRatio(level), means);
            }
        });
        List<Object> warnings = CausalInput.warnings(weighted.propensity().overlap(data.treated()), all.dropped());
        MethodResult.Builder result = MethodResult.builder().output("effects", rows.table(context))
                .summary("estimand", estimand.name())
                .summary("n", (long) data.n())
                .summary("treated", (long) data.treatedCount())
                .summary("trimmedRows", (long) weighted.trimmed())
                .summary("droppedRows", (long) all.dropped());
        results.forEach((estimator, means) -> result.summary(estimator, means.difference(level).estimate()));
        return result.summary("warnings", warnings).build();
    }

    private static MethodResult survival(Table table, EffectSettings settings, MethodContext context) {
        double[] times = settings.timePoints();
        CausalData all = settings.columns().readSurvival(table, settings.outcome(), settings.status(),
                settings.eventValue() != null ? settings.eventValue()
                        : StatusCoding.eventValue(table, settings.outcome(), settings.status()));
        Weighting.Weighted weighted = settings.weighting().weigh(all);
        CausalData data = weighted.data();
        SurvivalEffect effect = SurvivalEffect.estimate(data, weighted.weights().values(), settings.efron());
        double level = settings.level();
        Rows rows = new Rows();
        MarginalMeans.Contrast hazardRatio = effect.hazardRatio(level);
        rows.add("iptw", "hazardRatio", hazardRatio, Double.NaN, Double.NaN);
        for (double t : times) {
            MarginalMeans.Contrast difference = effect.survivalDifference(t, level);
            rows.add("iptw", "survivalDifference(t=" + NumberText.text(t) + ")", difference,
                    effect.treated().at(t)[0], effect.control().at(t)[0]);
        }
        List<Object> warnings = CausalInput.warnings(weighted.propensity().overlap(data.treated()), all.dropped());
        return MethodResult.builder().output("effects", rows.table(context))
                .output("curves", curves(effect, context))
                .summary("estimand", weighted.weights().estimand().name())
                .summary("n", (long) data.n())
                .summary("treated", (long) data.treatedCount())
                .summary("trimmedRows", (long) weighted.trimmed())
                .summary("droppedRows", (long) all.dropped())
                .summary("hazardRatio", hazardRatio.estimate())
                .summary("logHazardRatioRobustSE", effect.robustStdError())
                .summary("logHazardRatioNaiveSE", effect.naiveStdError())
                .summary("warnings", warnings).build();
    }

    private static Table curves(SurvivalEffect effect, MethodContext context) {
        List<String> arms = new ArrayList<>();
        DoubleArrays columns = new DoubleArrays(5);
        for (WeightedKaplanMeier curve : List.of(effect.treated(), effect.control())) {
            String arm = curve == effect.treated() ? "treated" : "control";
            double[] t = curve.times();
            double[] atRisk = curve.atRisk();
            double[] events = curve.events();
            double[] s = curve.survival();
            double[] se = curve.standardError();
            for (int i = 0; i < t.length; i++) {
                arms.add(arm);
                columns.add(t[i], atRisk[i], events[i], s[i], se[i]);
            }
        }
        double[][] c = columns.columns();
        return Table.builder(context.allocator()).add("arm", io.daybreak.data.ColumnType.STRING, arms)
                .addFloat64("time", c[0]).addFloat64("atRisk", c[1]).addFloat64("events", c[2])
                .addFloat64("survival", c[3]).addFloat64("stdError", c[4]).build();
    }

    /** Growing columns of doubles. */
    private static final class DoubleArrays {
        private final List<double[]> rows = new ArrayList<>();
        private final int width;

        DoubleArrays(int width) {
            this.width = width;
        }

        void add(double... row) {
            rows.add(row);
        }

        double[][] columns() {
            double[][] columns = new double[width][rows.size()];
            for (int r = 0; r < rows.size(); r++) {
                for (int c = 0; c < width; c++) {
                    columns[c][r] = rows.get(r)[c];
                }
            }
            return columns;
        }
    }

    /** The target population's weights for standardisation: everyone, the treated, the controls, or e(1 − e). */
    private static double[] population(CausalData data, double[] scores, Estimand estimand) {
        double[] population = new double[data.n()];
        for (int i = 0; i < population.length; i++) {
            population[i] = estimand.population(data.treated()[i], scores[i]);
        }
        return population;
    }

    /** The effects table, row by row. */
    private static final class Rows {
        private final List<String> estimators = new ArrayList<>();
        private final List<String> measures = new ArrayList<>();
        private final DoubleArrays values = new DoubleArrays(6);

        void add(String estimator, String measure, MarginalMeans.Contrast contrast, MarginalMeans means) {
            add(estimator, measure, contrast, means.treated(), means.control());
        }

        void add(String estimator, String measure, MarginalMeans.Contrast contrast, double treated, double control) {
            estimators.add(estimator);
            measures.add(measure);
            values.add(contrast.estimate(), contrast.stdError(), contrast.lower(), contrast.upper(), treated, control);
        }

        Table table(MethodContext context) {
            double[][] columns = values.columns();
            return Table.builder(context.allocator()).add("estimator", io.daybreak.data.ColumnType.STRING, estimators)
                    .add("measure", io.daybreak.data.ColumnType.STRING, measures).addFloat64("estimate", columns[0])
                    .addFloat64("stdError", columns[1]).addFloat64("lower", columns[2]).addFloat64("upper", columns[3])
                    .addFloat64("meanTreated", columns[4]).addFloat64("meanControl", columns[5]).build();
        }
    }
}
