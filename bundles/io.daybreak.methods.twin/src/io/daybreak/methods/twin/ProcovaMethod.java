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
import io.daybreak.core.method.SettingsMethod;
import io.daybreak.core.method.TableSpec;
import io.daybreak.data.DoubleColumn;
import io.daybreak.data.Table;
import io.daybreak.stats.models.glm.GlmFamily;
import io.daybreak.stats.models.glm.GlmFit;
import io.daybreak.stats.models.glm.GlmSums;
import io.daybreak.stats.models.survival.CoxFit;
import io.daybreak.stats.models.survival.CoxRows;
import io.daybreak.stats.twin.GuentherSchouten;

/**
 * {@code twin.procova}: prognostic covariate adjustment. Planning from historical controls (σ̂², ρ̂, deflated,
 * Guenther–Schouten n) and the trial analysis adjusted by the prognostic score (ANCOVA, logistic or Cox) next to
 * the unadjusted one. The score comes from a trial column ('score'), a coefficients table from
 * {@code twin.prognostic-train}, or is trained here on 'historical' from 'covariates'.
 */
@Component(service = Method.class)
public final class ProcovaMethod extends SettingsMethod<ProcovaSettings> {
    static final TableSpec EFFECTS = TableSpec.optional("effects", "trial analysis: one row per model and term",
            column("model", STRING), column("term", STRING), column("estimate", FLOAT64), column("stdError", FLOAT64),
            column("lower", FLOAT64), column("upper", FLOAT64), column("pValue", FLOAT64));
    public ProcovaMethod() {
        super(ProcovaSettings.class, MethodDescriptor.builder("twin.procova",
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
                .output(EFFECTS));
    }

    @Override
    protected MethodResult run(Map<String, Table> inputs, ProcovaSettings settings, MethodContext context) {
        Table historical = inputs.get("historical");
        Table trial = inputs.get("trial");
        boolean planning = settings.planning().delta() != null;
        if (trial == null && !planning) {
            throw new InvalidParameterException("nothing to do: give input 'trial' (analysis) or 'historical' with "
                    + "parameter 'delta' (planning)");
        }
        PrognosticInput.Trained model = model(inputs, settings);
        MethodResult.Builder result = MethodResult.builder();
        if (planning) {
            plan(historical, model, settings, result);
        }
        if (trial != null) {
            analyse(trial, model, settings, result, context);
        }
        return result.build();
    }

    /** The trained or given model, or null when the score is a column. */
    private static PrognosticInput.Trained model(Map<String, Table> inputs, ProcovaSettings settings) {
        if (settings.score() != null) {
            return null;
        }
        if (inputs.get("coefficients") != null) {
            return PrognosticInput.read(inputs.get("coefficients"));
        }
        if (settings.covariates() == null) {
            throw new InvalidParameterException("no prognostic score: give parameter 'score' (a column), input "
                    + "'coefficients' (from twin.prognostic-train) or parameter 'covariates' with input 'historical'");
        }
        Table historical = TwinTables.input(inputs, "historical");
        return PrognosticInput.train(historical, settings.outcomeType().family(), settings.outcome(),
                settings.covariates(), settings.references(), settings.status(), settings.eventValue(), true, 0);
    }

    private static double[] scores(Table table, PrognosticInput.Trained model, ProcovaSettings settings, String role) {
        if (model != null) {
            return PrognosticInput.apply(model, table, role);
        }
        DoubleColumn column = TwinTables.numeric(table, "score", settings.score());
        double[] scores = new double[table.rowCount()];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = column.isNull(i) ? Double.NaN : column.get(i);
        }
        return scores;
    }

    private static void plan(Table historical, PrognosticInput.Trained model, ProcovaSettings settings,
            MethodResult.Builder result) {
        if (historical == null) {
            throw new InvalidParameterException("parameter 'delta' asks for planning, which needs input 'historical'");
        }
        double[] score = scores(historical, model, settings, "historical");
        DoubleColumn y = TwinTables.numeric(historical, "outcome", settings.outcome());
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
        ProcovaSettings.Planning planning = settings.planning();
        double rhoPlan = rho * (1 - planning.deflation());
        double sigma2Plan = sigma2 * (1 + planning.inflation());
        double delta = planning.delta();
        double adjusted = GuentherSchouten.total(sigma2Plan, rhoPlan * rhoPlan, delta, planning.ratio(), planning.alpha(),
                planning.power());
        double unadjusted = GuentherSchouten.total(sigma2Plan, 0, delta, planning.ratio(), planning.alpha(),
                planning.power());
        result.summary("historicalRows", (long) n).summary("sigma2Hat", sigma2).summary("rhoHat", rho)
                .summary("sigma2Plan", sigma2Plan).summary("rhoPlan", rhoPlan)
                .summary("nTotalExact", adjusted).summary("nTotal", (long) Math.ceil(adjusted))
                .summary("nTotalUnadjustedExact", unadjusted).summary("nTotalUnadjusted", (long) Math.ceil(unadjusted));
    }

    private static void analyse(Table trial, PrognosticInput.Trained model, ProcovaSettings settings,
            MethodResult.Builder result, MethodContext context) {
        boolean survival = settings.outcomeType() == ProcovaSettings.OutcomeType.SURVIVAL;
        double[] score = scores(trial, model, settings, "trial");
        DoubleColumn arm = TwinTables.numeric(trial, "arm", settings.arm());
        DoubleColumn y = TwinTables.numeric(trial, "outcome", settings.outcome());
        DoubleColumn status = survival ? TwinTables.numeric(trial, "status", settings.status()) : null;
        List<double[]> rows = new ArrayList<>();
        for (int i = 0; i < score.length; i++) {
            if (Double.isNaN(score[i]) || arm.isNull(i) || y.isNull(i) || (status != null && status.isNull(i))) {
                continue;
            }
            double a = arm.get(i);
            if (a != 0 && a != 1) {
                throw new InvalidParameterException("column '" + settings.arm() + "' has the value " + a
                        + " in trial row " + (i + 1) + "; allowed: 1 (treated) or 0 (control)");
            }
            rows.add(new double[] {a, score[i], y.get(i), status == null ? 0 : status.get(i)});
        }
        int n = rows.size();
        double level = settings.level();
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
                x[i] = survival ? (adjusted ? new double[] {r[0], r[1]} : new double[] {r[0]})
                        : (adjusted ? new double[] {1, r[0], r[1]} : new double[] {1, r[0]});
            }
            if (!survival) {
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
            double eventValue = survival ? settings.eventValue(trial) : 0;
            if (survival) {
                boolean[] event = new boolean[n];
                for (int i = 0; i < n; i++) {
                    event[i] = rows.get(i)[3] == eventValue;
                }
                CoxRows coxRows = CoxRows.of(yy, event, x, null);
                CoxFit fit = CoxFit.fit(beta -> coxRows.evaluate(beta, true), terms.size());
                estimate = fit.coefficients();
                se = fit.standardErrors();
            } else {
                GlmFamily family = settings.outcomeType() == ProcovaSettings.OutcomeType.BINARY ? GlmFamily.BINOMIAL
                        : GlmFamily.GAUSSIAN;
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
