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
import io.daybreak.core.method.ParameterSpec;
import io.daybreak.core.method.Parameters;
import io.daybreak.core.method.TableSpec;
import io.daybreak.data.Table;
import io.daybreak.methods.causal.model.CausalData;
import io.daybreak.methods.causal.model.Estimand;
import io.daybreak.methods.causal.model.Estimators;
import io.daybreak.methods.causal.model.MarginalMeans;
import io.daybreak.methods.causal.model.OutcomeModel;

/**
 * {@code causal.effect}: the treatment effect on a continuous or binary outcome by IPTW, g-computation, AIPW and
 * TMLE, each with an influence-function standard error; for a binary outcome also the risk ratio and odds ratio.
 */
@Component(service = Method.class)
public final class EffectMethod implements Method {
    static final TableSpec EFFECTS = TableSpec.of("effects", "one row per estimator and measure",
            column("estimator", STRING), column("measure", STRING), column("estimate", FLOAT64),
            column("stdError", FLOAT64), column("lower", FLOAT64), column("upper", FLOAT64),
            column("meanTreated", FLOAT64), column("meanControl", FLOAT64));
    private static final List<String> ESTIMATORS = List.of("iptw", "gcomp", "aipw", "tmle");
    private static final MethodDescriptor DESCRIPTOR = CausalInput.declareWeighting(CausalInput.declare(
            MethodDescriptor.builder("causal.effect", "Treatment effect: IPTW, g-computation, AIPW, TMLE")
            .reference("Robins, Rotnitzky & Zhao, JASA 1994; van der Laan & Rubin, Int J Biostat 2006; "
                    + "Hernan & Robins, Causal Inference: What If (2020)")
            .description("Marginal means under treatment and control and their difference (risk ratio and odds ratio "
                    + "for a binary outcome), with influence-function standard errors and Wald intervals. AIPW and "
                    + "TMLE estimate the ATE; IPTW and g-computation also the ATT and ATO. IPTW standard errors take "
                    + "the weights as known.")))
            .parameter(ParameterSpec.string("outcome").doc("column of the outcome"))
            .parameter(ParameterSpec.choice("outcomeType", "continuous", "binary").defaultValue("continuous")
                    .doc("binary: the outcome column holds 0 and 1"))
            .parameter(ParameterSpec.string("estimators").defaultValue("iptw,gcomp,aipw,tmle")
                    .doc("comma-separated: iptw, gcomp, aipw, tmle"))
            .parameter(ParameterSpec.real("level").greaterThan(0).lessThan(1).defaultValue(0.95)
                    .doc("coverage of the confidence intervals"))
            .output(EFFECTS)
            .build();

    @Override
    public MethodDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public MethodResult apply(Map<String, Table> inputs, Parameters parameters, MethodContext context) {
        List<String> estimators = estimators(parameters);
        boolean binary = parameters.string("outcomeType").equals("binary");
        CausalData all = CausalInput.read(inputs.get("data"), parameters, parameters.string("outcome"));
        if (binary) {
            for (double y : all.outcome()) {
                if (y != 0 && y != 1) {
                    throw new InvalidParameterException("column '" + parameters.string("outcome") + "' has the value "
                            + y + "; a binary outcome holds 0 and 1 (or use outcomeType=continuous)");
                }
            }
        }
        int[] trimmed = new int[1];
        CausalInput.Weighted weighted = CausalInput.weighted(all, parameters, trimmed);
        CausalData data = weighted.data();
        Estimand estimand = weighted.weights().estimand();
        double[] scores = weighted.propensity().scores();
        OutcomeModel model = OutcomeModel.fit(data, binary);
        Map<String, MarginalMeans> results = new LinkedHashMap<>();
        for (String estimator : estimators) {
            context.checkCancelled();
            results.put(estimator, switch (estimator) {
            case "iptw" -> Estimators.iptw(data, weighted.weights());
            case "gcomp" -> Estimators.gComputation(data, model, population(data, scores, estimand));
            case "aipw" -> Estimators.aipw(data, scores, model);
            case "tmle" -> Estimators.tmle(data, scores, model, binary);
            default -> throw new IllegalStateException(estimator);
            });
        }
        double level = parameters.real("level");
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
                .summary("trimmedRows", (long) trimmed[0])
                .summary("droppedRows", (long) all.dropped());
        results.forEach((estimator, means) -> result.summary(estimator, means.difference(level).estimate()));
        return result.summary("warnings", warnings).build();
    }

    private static List<String> estimators(Parameters parameters) {
        List<String> chosen = new ArrayList<>();
        for (String name : parameters.string("estimators").split(",")) {
            String estimator = name.strip();
            if (!ESTIMATORS.contains(estimator)) {
                throw new InvalidParameterException("parameter 'estimators' names '" + estimator + "'; allowed: "
                        + String.join(", ", ESTIMATORS));
            }
            chosen.add(estimator);
        }
        Estimand estimand = CausalInput.estimand(parameters);
        if (estimand != Estimand.ATE && (chosen.contains("aipw") || chosen.contains("tmle"))) {
            if (parameters.string("estimators").equals("iptw,gcomp,aipw,tmle")) {
                chosen.removeAll(List.of("aipw", "tmle"));
            } else {
                throw new InvalidParameterException("AIPW and TMLE here estimate the ATE; for estimand " + estimand
                        + " use estimators=iptw,gcomp");
            }
        }
        return chosen;
    }

    /** The target population's weights for standardisation: everyone, the treated, or e(1 − e). */
    private static double[] population(CausalData data, double[] scores, Estimand estimand) {
        double[] population = new double[data.n()];
        for (int i = 0; i < population.length; i++) {
            population[i] = switch (estimand) {
            case ATE -> 1;
            case ATT -> data.treated()[i];
            case ATO -> scores[i] * (1 - scores[i]);
            };
        }
        return population;
    }

    /** The effects table, row by row. */
    private static final class Rows {
        private final List<String> estimators = new ArrayList<>();
        private final List<String> measures = new ArrayList<>();
        private final List<double[]> values = new ArrayList<>();

        void add(String estimator, String measure, MarginalMeans.Contrast contrast, MarginalMeans means) {
            estimators.add(estimator);
            measures.add(measure);
            values.add(new double[] {contrast.estimate(), contrast.stdError(), contrast.lower(), contrast.upper(),
                means.treated(), means.control()});
        }

        Table table(MethodContext context) {
            double[][] columns = new double[6][values.size()];
            for (int r = 0; r < values.size(); r++) {
                for (int c = 0; c < 6; c++) {
                    columns[c][r] = values.get(r)[c];
                }
            }
            return Table.builder(context.allocator()).add("estimator", io.daybreak.data.ColumnType.STRING, estimators)
                    .add("measure", io.daybreak.data.ColumnType.STRING, measures).addFloat64("estimate", columns[0])
                    .addFloat64("stdError", columns[1]).addFloat64("lower", columns[2]).addFloat64("upper", columns[3])
                    .addFloat64("meanTreated", columns[4]).addFloat64("meanControl", columns[5]).build();
        }
    }
}
