package io.daybreak.methods.twin;

import static io.daybreak.core.method.TableSpec.column;
import static io.daybreak.data.ColumnType.FLOAT64;
import static io.daybreak.data.ColumnType.STRING;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.distribution.TDistribution;
import org.osgi.service.component.annotations.Component;

import io.daybreak.core.method.InvalidParameterException;
import io.daybreak.core.method.Method;
import io.daybreak.core.method.MethodContext;
import io.daybreak.core.method.MethodDescriptor;
import io.daybreak.core.method.MethodResult;
import io.daybreak.core.method.ParameterSpec;
import io.daybreak.core.method.Parameters;
import io.daybreak.core.method.TableSpec;
import io.daybreak.data.DoubleColumn;
import io.daybreak.data.Table;
import io.daybreak.stats.models.columns.NumericColumns;
import io.daybreak.stats.models.glm.GlmFamily;
import io.daybreak.stats.models.glm.GlmFit;
import io.daybreak.stats.models.glm.GlmSums;
import io.daybreak.stats.models.survival.CoxFit;
import io.daybreak.stats.models.survival.CoxSums;
import io.daybreak.stats.twin.GuentherSchouten;
import io.daybreak.stats.twin.PrognosticScore;

/**
 * {@code twin.procova}: prognostic covariate adjustment. Planning from historical controls (σ̂², ρ̂, deflated,
 * Guenther–Schouten n) and the trial analysis adjusted by the prognostic score (ANCOVA, logistic or Cox) next to
 * the unadjusted one. The score comes from a trial column ('score'), a coefficients table from
 * {@code twin.prognostic-train}, or is trained here on 'historical' from 'covariates'.
 */
@Component(service = Method.class)
public final class ProcovaMethod implements Method {
    static final TableSpec EFFECTS = TableSpec.optional("effects", "trial analysis: one row per model and term",
            column("model", STRING), column("term", STRING), column("estimate", FLOAT64), column("stdError", FLOAT64),
            column("lower", FLOAT64), column("upper", FLOAT64), column("pValue", FLOAT64));
    private static final MethodDescriptor DESCRIPTOR = MethodDescriptor.builder("twin.procova",
            "PROCOVA: prognostic-score planning (Guenther-Schouten) and adjusted trial analysis")
            .category("twin")
            .reference("Schuler et al., Int J Biostat 2022; EMA qualification opinion on PROCOVA 2022; Guenther 1981, "
                    + "Schouten 1999 (sample size); validated against docs/validation/r/twin/twin.R sections B and C")
            .description("Planning (needs 'historical' and 'delta'; continuous outcome): sigma2 = var(y) (n - 1) and "
                    + "rho = cor(score, y) on the historical controls, then rho_plan = rho (1 - deflation), sigma2_plan "
                    + "= sigma2 (1 + inflation) and n = (1+r)^2/r (z_(1-alpha/2) + z_(1-beta))^2 sigma2_plan (1 - "
                    + "rho_plan^2)/delta^2 + z_(1-alpha/2)^2/2, rounded up; the unadjusted n (rho = 0) for comparison. "
                    + "Analysis (needs 'trial'): outcome ~ arm and outcome ~ arm + score by OLS (continuous), logistic "
                    + "regression (binary) or Cox with Efron ties (survival), arm effect, SE, CI and the variance "
                    + "reduction 1 - (se_adj/se_unadj)^2.")
            .input(TableSpec.optional("historical", "historical controls (planning, or training the score)"))
            .input(TableSpec.optional("trial", "the trial: arm (0/1), outcome, and the score or its covariates"))
            .input(TableSpec.optional("coefficients", "a prognostic model from twin.prognostic-train"))
            .parameter(ParameterSpec.string("outcome").defaultValue("y").doc("outcome column (survival: time)"))
            .parameter(ParameterSpec.choice("outcomeType", "continuous", "binary", "survival")
                    .defaultValue("continuous"))
            .parameter(ParameterSpec.string("status").defaultValue("status").doc("survival: event status column"))
            .parameter(ParameterSpec.real("eventValue").defaultValue(1.0).doc("survival: status value of an event"))
            .parameter(ParameterSpec.string("arm").defaultValue("arm").doc("trial column: 1 treated, 0 control"))
            .parameter(ParameterSpec.string("score").optional().doc("column holding the prognostic score (in "
                    + "'trial', and in 'historical' for planning)"))
            .parameter(ParameterSpec.string("covariates").optional().doc("comma-separated columns: train the score on "
                    + "'historical' (gaussian, binomial or Cox by outcomeType) when neither 'score' nor 'coefficients' "
                    + "is given"))
            .parameter(ParameterSpec.real("delta").optional().greaterThan(0).doc("planning: the effect to detect "
                    + "(difference in means); planning runs only when given"))
            .parameter(ParameterSpec.real("alpha").greaterThan(0).lessThan(1).defaultValue(0.05)
                    .doc("two-sided significance level"))
            .parameter(ParameterSpec.real("power").greaterThan(0).lessThan(1).defaultValue(0.8))
            .parameter(ParameterSpec.real("ratio").greaterThan(0).defaultValue(1.0).doc("allocation n1/n0"))
            .parameter(ParameterSpec.real("deflation").min(0).max(1).defaultValue(0.0)
                    .doc("conservative planning: rho_plan = rho_hat (1 - deflation)"))
            .parameter(ParameterSpec.real("inflation").min(0).defaultValue(0.0)
                    .doc("conservative planning: sigma2_plan = sigma2_hat (1 + inflation)"))
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
        Table historical = inputs.get("historical");
        Table trial = inputs.get("trial");
        String type = parameters.string("outcomeType");
        if (trial == null && !parameters.has("delta")) {
            throw new InvalidParameterException("nothing to do: give input 'trial' (analysis) or 'historical' with "
                    + "parameter 'delta' (planning)");
        }
        PrognosticScore model = model(inputs, parameters);
        MethodResult.Builder result = MethodResult.builder();
        if (parameters.has("delta")) {
            plan(historical, model, parameters, result);
        }
        if (trial != null) {
            analyse(trial, model, parameters, type, result, context);
        }
        return result.build();
    }

    /** The trained or given model, or null when the score is a column. */
    private static PrognosticScore model(Map<String, Table> inputs, Parameters parameters) {
        if (parameters.has("score")) {
            return null;
        }
        if (inputs.get("coefficients") != null) {
            return PrognosticInput.read(inputs.get("coefficients"));
        }
        if (!parameters.has("covariates")) {
            throw new InvalidParameterException("no prognostic score: give parameter 'score' (a column), input "
                    + "'coefficients' (from twin.prognostic-train) or parameter 'covariates' with input 'historical'");
        }
        Table historical = TwinTables.input(inputs, "historical");
        String type = parameters.string("outcomeType");
        String family = switch (type) {
        case "binary" -> "binomial";
        case "survival" -> "cox";
        default -> "gaussian";
        };
        return PrognosticInput.train(historical, family, parameters.string("outcome"),
                NumericColumns.names("covariates", parameters.string("covariates")), parameters.string("status"),
                parameters.real("eventValue"), true, 0);
    }

    private static double[] scores(Table table, PrognosticScore model, Parameters parameters, String role) {
        if (model != null) {
            return PrognosticInput.apply(model, table, role);
        }
        DoubleColumn column = TwinTables.numeric(table, "score", parameters.string("score"));
        double[] scores = new double[table.rowCount()];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = column.isNull(i) ? Double.NaN : column.get(i);
        }
        return scores;
    }

    private static void plan(Table historical, PrognosticScore model, Parameters parameters,
            MethodResult.Builder result) {
        if (historical == null) {
            throw new InvalidParameterException("parameter 'delta' asks for planning, which needs input 'historical'");
        }
        if (!parameters.string("outcomeType").equals("continuous")) {
            throw new InvalidParameterException("planning ('delta') is for outcomeType=continuous; allowed: remove "
                    + "'delta' for a " + parameters.string("outcomeType") + " outcome");
        }
        double[] score = scores(historical, model, parameters, "historical");
        DoubleColumn y = TwinTables.numeric(historical, "outcome", parameters.string("outcome"));
        List<double[]> pairs = new ArrayList<>();
        for (int i = 0; i < score.length; i++) {
            if (!Double.isNaN(score[i]) && !y.isNull(i)) {
                pairs.add(new double[] {score[i], y.get(i)});
            }
        }
        int n = pairs.size();
        if (n < 3) {
            throw new InvalidParameterException("input 'historical' has " + n + " complete rows; planning needs 3 or more");
        }
        double ms = pairs.stream().mapToDouble(p -> p[0]).average().orElseThrow();
        double my = pairs.stream().mapToDouble(p -> p[1]).average().orElseThrow();
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (double[] p : pairs) {
            sxy += (p[0] - ms) * (p[1] - my);
            sxx += (p[0] - ms) * (p[0] - ms);
            syy += (p[1] - my) * (p[1] - my);
        }
        double sigma2 = syy / (n - 1);
        double rho = sxy / Math.sqrt(sxx * syy);
        double rhoPlan = rho * (1 - parameters.real("deflation"));
        double sigma2Plan = sigma2 * (1 + parameters.real("inflation"));
        double delta = parameters.real("delta");
        double alpha = parameters.real("alpha");
        double power = parameters.real("power");
        double ratio = parameters.real("ratio");
        double adjusted = GuentherSchouten.total(sigma2Plan, rhoPlan * rhoPlan, delta, ratio, alpha, power);
        double unadjusted = GuentherSchouten.total(sigma2Plan, 0, delta, ratio, alpha, power);
        result.summary("historicalRows", (long) n).summary("sigma2Hat", sigma2).summary("rhoHat", rho)
                .summary("sigma2Plan", sigma2Plan).summary("rhoPlan", rhoPlan)
                .summary("nTotalExact", adjusted).summary("nTotal", (long) Math.ceil(adjusted))
                .summary("nTotalUnadjustedExact", unadjusted).summary("nTotalUnadjusted", (long) Math.ceil(unadjusted));
    }

    private static void analyse(Table trial, PrognosticScore model, Parameters parameters, String type,
            MethodResult.Builder result, MethodContext context) {
        double[] score = scores(trial, model, parameters, "trial");
        DoubleColumn arm = TwinTables.numeric(trial, "arm", parameters.string("arm"));
        DoubleColumn y = TwinTables.numeric(trial, "outcome", parameters.string("outcome"));
        DoubleColumn status = type.equals("survival") ? TwinTables.numeric(trial, "status", parameters.string("status"))
                : null;
        List<double[]> rows = new ArrayList<>();
        for (int i = 0; i < score.length; i++) {
            if (Double.isNaN(score[i]) || arm.isNull(i) || y.isNull(i) || (status != null && status.isNull(i))) {
                continue;
            }
            double a = arm.get(i);
            if (a != 0 && a != 1) {
                throw new InvalidParameterException("column '" + parameters.string("arm") + "' has the value " + a
                        + " in trial row " + (i + 1) + "; allowed: 1 (treated) or 0 (control)");
            }
            rows.add(new double[] {a, score[i], y.get(i), status == null ? 0 : status.get(i)});
        }
        int n = rows.size();
        double level = parameters.real("level");
        TwinTables.Rows effects = new TwinTables.Rows().column("model", STRING).column("term", STRING)
                .column("estimate", FLOAT64).column("stdError", FLOAT64).column("lower", FLOAT64)
                .column("upper", FLOAT64).column("pValue", FLOAT64);
        double[][] fits = new double[2][];
        for (int m = 0; m < 2; m++) {
            boolean adjusted = m == 1;
            List<String> terms = new ArrayList<>();
            double[][] x = new double[n][];
            for (int i = 0; i < n; i++) {
                double[] r = rows.get(i);
                x[i] = type.equals("survival") ? (adjusted ? new double[] {r[0], r[1]} : new double[] {r[0]})
                        : (adjusted ? new double[] {1, r[0], r[1]} : new double[] {1, r[0]});
            }
            if (!type.equals("survival")) {
                terms.add("(Intercept)");
            }
            terms.add("arm");
            if (adjusted) {
                terms.add("score");
            }
            double[] estimate;
            double[] se;
            double df = 0;
            double[] yy = rows.stream().mapToDouble(r -> r[2]).toArray();
            if (type.equals("survival")) {
                boolean[] event = new boolean[n];
                for (int i = 0; i < n; i++) {
                    event[i] = rows.get(i)[3] == parameters.real("eventValue");
                }
                double[] grid = CoxSums.eventTimes(yy, event);
                CoxFit fit = CoxFit.fit(beta -> CoxSums.of(yy, event, x, beta, grid).evaluate(beta, true), terms.size());
                estimate = fit.coefficients();
                se = fit.standardErrors();
            } else {
                GlmFamily family = type.equals("binary") ? GlmFamily.BINOMIAL : GlmFamily.GAUSSIAN;
                GlmFit fit = GlmFit.fit(beta -> GlmSums.of(x, yy, family, beta), family, terms.size());
                estimate = fit.coefficients();
                se = fit.standardErrors();
                df = family == GlmFamily.GAUSSIAN ? n - terms.size() : 0;
            }
            double z = df > 0 ? TDistribution.of(df).inverseCumulativeProbability(0.5 + level / 2)
                    : NormalDistribution.of(0, 1).inverseCumulativeProbability(0.5 + level / 2);
            for (int k = 0; k < terms.size(); k++) {
                double stat = Math.abs(estimate[k] / se[k]);
                double p = 2 * (df > 0 ? TDistribution.of(df).survivalProbability(stat)
                        : NormalDistribution.of(0, 1).survivalProbability(stat));
                effects.add(adjusted ? "adjusted" : "unadjusted", terms.get(k), estimate[k], se[k],
                        estimate[k] - z * se[k], estimate[k] + z * se[k], p);
            }
            int armIndex = terms.indexOf("arm");
            fits[m] = new double[] {estimate[armIndex], se[armIndex]};
        }
        result.output("effects", effects.build(context.allocator()))
                .summary("trialRows", (long) n)
                .summary("armEffect", fits[1][0]).summary("armStdError", fits[1][1])
                .summary("armEffectUnadjusted", fits[0][0]).summary("armStdErrorUnadjusted", fits[0][1])
                .summary("varianceReduction", 1 - (fits[1][1] / fits[0][1]) * (fits[1][1] / fits[0][1]));
    }
}
