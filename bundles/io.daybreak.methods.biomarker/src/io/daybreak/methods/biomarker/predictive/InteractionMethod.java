package io.daybreak.methods.biomarker.predictive;

import static io.daybreak.core.method.TableSpec.column;
import static io.daybreak.data.ColumnType.FLOAT64;
import static io.daybreak.data.ColumnType.STRING;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.apache.commons.statistics.distribution.FDistribution;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.distribution.TDistribution;
import org.hipparchus.exception.MathIllegalArgumentException;
import org.osgi.service.component.annotations.Component;

import io.daybreak.core.method.InvalidParameterException;
import io.daybreak.core.method.Method;
import io.daybreak.core.method.MethodContext;
import io.daybreak.core.method.MethodDescriptor;
import io.daybreak.core.method.MethodResult;
import io.daybreak.core.method.Setting;
import io.daybreak.core.method.SettingsMethod;
import io.daybreak.core.method.TableSpec;
import io.daybreak.data.ColumnType;
import io.daybreak.data.Table;
import io.daybreak.data.TableBuilder;
import io.daybreak.methods.biomarker.InputColumns;
import io.daybreak.stats.biomarker.predictive.Contrast;
import io.daybreak.stats.models.columns.SummaryValues;
import io.daybreak.stats.models.formula.Formula;
import io.daybreak.stats.models.formula.ModelFrame;
import io.daybreak.stats.models.formula.ModelMatrix;
import io.daybreak.stats.models.glm.GlmFamily;
import io.daybreak.stats.models.glm.GlmFit;
import io.daybreak.stats.models.glm.GlmSums;
import io.daybreak.stats.models.survival.CoxFit;
import io.daybreak.stats.models.survival.CoxRows;

/**
 * {@code biomarker.interaction}: is a marker prognostic (associated with the outcome whatever the treatment) or
 * predictive (modifying the treatment effect)? Fits outcome ~ treatment × marker (+ covariates) as a GLM (gaussian,
 * binomial) or a Cox model with the stats.models engines, and reports the marker's effect in the control arm, the
 * treatment effect at chosen marker values with intervals from the fit's covariance, and the interaction test.
 */
@Component(service = Method.class)
public final class InteractionMethod extends SettingsMethod<InteractionMethod.InteractionSettings> {
    static final String ID = "biomarker.interaction";
    static final String INPUT = "data";
    static final String EFFECTS = "effects";

    /** The outcome model. */
    enum Model {
        GAUSSIAN, BINOMIAL, COX
    }

    /** How the marker enters the model. */
    enum MarkerType {
        CONTINUOUS, CATEGORICAL
    }

    /** What biomarker.interaction takes. */
    record InteractionSettings(
            @Setting(doc = "outcome model: gaussian (identity link, t tests), binomial (logit link, z tests) or cox "
                    + "(proportional hazards, Efron ties, z tests)")
            Model model,
            @Setting(optional = true, doc = "input column holding the outcome (gaussian: numbers; binomial: 0/1 or "
                    + "true/false); for cox give timeColumn and eventColumn")
            String outcomeColumn,
            @Setting(optional = true, doc = "input column holding the survival time (cox)")
            String timeColumn,
            @Setting(optional = true, doc = "input column holding the event indicator (cox): 1/true event, 0/false "
                    + "censored")
            String eventColumn,
            @Setting(doc = "input column holding the treatment arm: exactly two values (numbers, text or booleans)")
            String treatmentColumn,
            @Setting(optional = true, doc = "the value of treatmentColumn meaning the experimental arm (default: the "
                    + "second of its two values in R's level order, e.g. 1 of 0/1); the other value is the control")
            String treatedLevel,
            @Setting(doc = "input column holding the marker")
            String markerColumn,
            @Setting(defaultValue = "continuous", doc = "continuous (one slope, interaction on 1 df) or categorical "
                    + "(a factor with treatment contrasts, interaction on levels - 1 df)")
            MarkerType markerType,
            @Setting(optional = true, doc = "categorical marker: the reference level (default: the first in R's "
                    + "level order)")
            String markerReference,
            @Setting(optional = true, doc = "continuous marker: marker values at which the treatment effect is "
                    + "reported, comma-separated (default: the quartiles of the marker, R quantile type 7)")
            double[] markerValues,
            @Setting(optional = true, doc = "adjustment covariates: comma-separated numeric columns or the right side "
                    + "of an R formula (~ age + sex; text columns and factor(x) are factors)")
            String covariates,
            @Setting(min = 0, max = 1, minInclusive = false, maxInclusive = false, defaultValue = "0.95",
                    doc = "confidence level of the intervals")
            double level) {

        InteractionSettings {
            if (model == Model.COX) {
                if (timeColumn == null || eventColumn == null || outcomeColumn != null) {
                    throw new InvalidParameterException("model 'cox' takes 'timeColumn' and 'eventColumn' (and no "
                            + "'outcomeColumn')");
                }
            } else if (outcomeColumn == null || timeColumn != null || eventColumn != null) {
                throw new InvalidParameterException("model '" + model.name().toLowerCase(Locale.ROOT) + "' takes "
                        + "'outcomeColumn' (and no 'timeColumn'/'eventColumn')");
            }
            if (markerType == MarkerType.CATEGORICAL && markerValues != null) {
                throw new InvalidParameterException("'markerValues' is for a continuous marker; a categorical marker "
                        + "reports the treatment effect at each of its levels");
            }
            if (markerType == MarkerType.CONTINUOUS && markerReference != null) {
                throw new InvalidParameterException("'markerReference' is for a categorical marker");
            }
        }
    }

    public InteractionMethod() {
        super(InteractionSettings.class, MethodDescriptor.builder(ID, "Prognostic and predictive markers: treatment "
                + "by marker interaction")
                .category("biomarker")
                .reference("Sargent et al., J Clin Oncol 23:2020-2027 (2005); Ballman, J Clin Oncol 33:3968-3971 "
                        + "(2015); as R glm / survival::coxph with contrasts from vcov")
                .description("Fits outcome ~ treatment + marker + covariates + treatment:marker (R's column order) as "
                        + "a gaussian or binomial GLM or a Cox model (Efron ties). Reports, in table 'effects': the "
                        + "marker's effect in the control arm ('marker | control': prognostic), in the treated arm, "
                        + "the treatment effect at chosen marker values or at each marker level ('treatment | "
                        + "marker=v': estimate, standard error, Wald statistic, p-value and interval from the fit's "
                        + "covariance), the interaction coefficients and the interaction test ('treatment:marker': "
                        + "the coefficient's Wald test for a continuous marker; for a categorical marker the joint "
                        + "Wald chi-square, or F for gaussian, on levels - 1 df), then the covariates' coefficients. "
                        + "ratio is exp(estimate) (odds or hazard ratio) for binomial and cox. Gaussian statistics "
                        + "use the t distribution on n - p df as summary.glm; others the normal. Rows with a missing "
                        + "value in a used column are left out.")
                .input(TableSpec.of(INPUT, "one row per patient: outcome (or time and event), treatment, marker, "
                        + "covariates"))
                .output(TableSpec.of(EFFECTS, "one row per reported effect",
                        column("term", STRING), column("estimate", FLOAT64), column("std_error", FLOAT64),
                        column("statistic", FLOAT64), column("p_value", FLOAT64), column("lower", FLOAT64),
                        column("upper", FLOAT64), column("ratio", FLOAT64))));
    }

    /** A fitted model: coefficients in design order, their covariance, residual df (0: normal reference). */
    record Fit(double[] coefficients, double[][] covariance, double df, boolean converged, boolean separated) {
    }

    @Override
    protected MethodResult run(Map<String, Table> inputs, InteractionSettings s, MethodContext context) {
        Table table = inputs.get(INPUT);
        boolean cox = s.model() == Model.COX;
        List<String> used = new ArrayList<>(List.of(s.treatmentColumn(), s.markerColumn()));
        if (cox) {
            used.addAll(List.of(s.timeColumn(), s.eventColumn()));
        } else {
            used.add(s.outcomeColumn());
        }
        Formula covariateFormula = s.covariates() == null ? Formula.of(null, List.of())
                : Formula.covariates("covariates", s.covariates());
        for (String c : covariateFormula.columns()) {
            if (used.contains(c)) {
                throw new InvalidParameterException("parameter 'covariates': column '" + c + "' is already the "
                        + "treatment, marker or outcome");
            }
        }
        String[] treatment = InputColumns.labels(table, INPUT, s.treatmentColumn());
        boolean categorical = s.markerType() == MarkerType.CATEGORICAL;
        String[] markerLabels = categorical ? InputColumns.labels(table, INPUT, s.markerColumn()) : null;
        double[] marker = categorical ? null : InputColumns.numbers(table, INPUT, s.markerColumn());
        double[] outcome = cox ? InputColumns.numbers(table, INPUT, s.timeColumn())
                : s.model() == Model.BINOMIAL ? InputColumns.zeroOne(table, INPUT, s.outcomeColumn(), "a binomial outcome")
                : InputColumns.numbers(table, INPUT, s.outcomeColumn());
        double[] event = cox ? InputColumns.zeroOne(table, INPUT, s.eventColumn(), "the event indicator") : null;
        ModelMatrix cov;
        try {
            cov = ModelFrame.build(table, covariateFormula, ModelFrame.Options.local("covariates", Map.of(), null), used);
        } catch (MathIllegalArgumentException e) {
            throw new InvalidParameterException("parameter 'covariates': " + e.getMessage());
        }
        List<Integer> rows = new ArrayList<>();
        for (int k = 0; k < cov.rows(); k++) {
            int r = cov.tableRows()[k];
            boolean complete = treatment[r] != null && Double.isFinite(outcome[r])
                    && (categorical ? markerLabels[r] != null : Double.isFinite(marker[r]))
                    && (event == null || !Double.isNaN(event[r]));
            if (complete && cox && outcome[r] < 0) {
                throw new InvalidParameterException("input '" + INPUT + "' row " + (r + 1) + ": " + s.timeColumn()
                        + " = " + outcome[r] + "; survival times must be >= 0");
            }
            if (complete) {
                rows.add(k);
            }
        }
        int n = rows.size();
        // treatment levels
        boolean numericTreatment = InputColumns.type(table, INPUT, s.treatmentColumn()).isNumeric();
        Set<String> present = new LinkedHashSet<>();
        rows.forEach(k -> present.add(treatment[cov.tableRows()[k]]));
        List<String> armLevels = ModelFrame.sortLevels(present, numericTreatment);
        if (armLevels.size() != 2) {
            throw new InvalidParameterException("input '" + INPUT + "' column '" + s.treatmentColumn() + "' has "
                    + armLevels.size() + " values " + armLevels + " in the complete rows; the treatment needs exactly 2");
        }
        String treated = s.treatedLevel() == null ? armLevels.get(1) : s.treatedLevel();
        if (!armLevels.contains(treated)) {
            throw new InvalidParameterException("parameter 'treatedLevel' = '" + treated + "' is not a value of column '"
                    + s.treatmentColumn() + "'; it has " + armLevels);
        }
        String control = armLevels.get(0).equals(treated) ? armLevels.get(1) : armLevels.get(0);
        // marker coding
        List<String> levels = List.of();
        if (categorical) {
            Set<String> seen = new LinkedHashSet<>();
            rows.forEach(k -> seen.add(markerLabels[cov.tableRows()[k]]));
            levels = new ArrayList<>(ModelFrame.sortLevels(seen, InputColumns.type(table, INPUT, s.markerColumn())
                    .isNumeric()));
            if (s.markerReference() != null) {
                if (!levels.remove(s.markerReference())) {
                    throw new InvalidParameterException("parameter 'markerReference' = '" + s.markerReference()
                            + "' is not a level of column '" + s.markerColumn() + "'; it has " + levels);
                }
                levels.add(0, s.markerReference());
            }
            if (levels.size() < 2) {
                throw new InvalidParameterException("column '" + s.markerColumn() + "' has " + levels.size()
                        + " level(s) in the complete rows; a categorical marker needs at least 2");
            }
        }
        int m = categorical ? levels.size() - 1 : 1;
        int covStart = cov.hasIntercept() ? 1 : 0;
        int q = cov.columns() - covStart;
        int offset = cox ? 0 : 1;
        int p = offset + 1 + m + q + m;
        double[][] x = new double[n][p];
        double[] y = new double[n];
        boolean[] d = new boolean[n];
        double[] markerUsed = new double[n];
        long treatedCount = 0;
        for (int i = 0; i < n; i++) {
            int k = rows.get(i);
            int r = cov.tableRows()[k];
            double t = treatment[r].equals(treated) ? 1 : 0;
            treatedCount += (long) t;
            if (!cox) {
                x[i][0] = 1;
            }
            x[i][offset] = t;
            if (categorical) {
                int index = levels.indexOf(markerLabels[r]);
                if (index > 0) {
                    x[i][offset + index] = 1;
                    x[i][offset + 1 + m + q + index - 1] = t;
                }
            } else {
                markerUsed[i] = marker[r];
                x[i][offset + 1] = marker[r];
                x[i][offset + 1 + m + q] = t * marker[r];
            }
            for (int c = 0; c < q; c++) {
                x[i][offset + 1 + m + c] = cov.x()[k][covStart + c];
            }
            y[i] = outcome[r];
            d[i] = event != null && event[r] == 1;
        }
        if (treatedCount == 0 || treatedCount == n) {
            throw new InvalidParameterException("no complete rows in one of the arms of '" + s.treatmentColumn() + "'");
        }
        if (n <= p) {
            throw new InvalidParameterException("input '" + INPUT + "' has " + n + " complete rows for " + p
                    + " coefficients");
        }
        Fit fit = fit(s.model(), x, y, d, p);
        double[] b = fit.coefficients();
        if (Arrays.stream(b).anyMatch(v -> !Double.isFinite(v))) {
            throw new InvalidParameterException("the model could not be fitted (collinear covariates or a constant "
                    + "column?)");
        }
        Effects effects = new Effects(fit, s.level(), s.model() != Model.GAUSSIAN);
        int ti = offset;
        int mi = offset + 1;
        int ii = offset + 1 + m + q;
        String interactionTest;
        double interactionStatistic;
        double interactionP;
        if (!categorical) {
            effects.add("marker | control", unit(p, mi));
            effects.add("marker | treatment", unit(p, mi, ii));
            double[] values = s.markerValues() != null ? s.markerValues() : quartiles(markerUsed);
            for (double v : values) {
                double[] l = unit(p, ti);
                l[ii] = v;
                effects.add("treatment | marker=" + SummaryValues.level(v), l);
            }
            double[] row = effects.add("treatment:marker", unit(p, ii));
            interactionTest = fit.df() > 0 ? "t" : "z";
            interactionStatistic = row[2];
            interactionP = row[3];
        } else {
            for (int j = 1; j <= m; j++) {
                effects.add("marker=" + levels.get(j) + " vs " + levels.get(0) + " | control", unit(p, mi + j - 1));
            }
            for (int j = 0; j <= m; j++) {
                effects.add("treatment | marker=" + levels.get(j), j == 0 ? unit(p, ti) : unit(p, ti, ii + j - 1));
            }
            for (int j = 1; j <= m; j++) {
                effects.add("treatment:marker=" + levels.get(j), unit(p, ii + j - 1));
            }
            int[] indices = new int[m];
            for (int j = 0; j < m; j++) {
                indices[j] = ii + j;
            }
            double w;
            try {
                w = Contrast.wald(b, fit.covariance(), indices);
            } catch (IllegalArgumentException e) {
                throw new InvalidParameterException("the interaction coefficients cannot be tested: " + e.getMessage()
                        + " (a marker level missing in one arm?)");
            }
            if (fit.df() > 0) {
                interactionTest = "F";
                interactionStatistic = w / m;
                interactionP = FDistribution.of(m, fit.df()).survivalProbability(interactionStatistic);
            } else {
                interactionTest = "chi-square";
                interactionStatistic = w;
                interactionP = ChiSquaredDistribution.of(m).survivalProbability(w);
            }
            effects.joint("treatment:marker", interactionStatistic, interactionP);
        }
        for (int c = 0; c < q; c++) {
            effects.add(cov.columnNames().get(covStart + c), unit(p, offset + 1 + m + c));
        }
        List<Object> warnings = new ArrayList<>();
        if (!fit.converged()) {
            warnings.add("the fit did not converge");
        }
        if (fit.separated()) {
            warnings.add("fitted probabilities numerically 0 or 1 occurred: the data may be separated and the "
                    + "estimates infinite");
        }
        MethodResult.Builder result = MethodResult.builder().output(EFFECTS, effects.table(context))
                .summary("model", s.model().name().toLowerCase(Locale.ROOT))
                .summary("interactionTest", interactionTest)
                .summary("interactionStatistic", interactionStatistic)
                .summary("interactionDf", (long) m)
                .summary("interactionP", interactionP)
                .summary("treatedLevel", treated)
                .summary("controlLevel", control)
                .summary("rows", (long) n)
                .summary("treatedRows", treatedCount)
                .summary("skippedRows", (long) table.rowCount() - n)
                .summary("converged", fit.converged())
                .summary("warnings", warnings);
        if (categorical) {
            result.summary("markerLevels", new ArrayList<Object>(levels));
        }
        if (cox) {
            long events = 0;
            for (boolean e : d) {
                events += e ? 1 : 0;
            }
            result.summary("events", events);
        }
        if (fit.df() > 0) {
            result.summary("residualDf", fit.df());
        }
        return result.build();
    }

    /** Fits the design with the stats.models GLM or Cox engine. */
    static Fit fit(Model model, double[][] x, double[] y, boolean[] event, int p) {
        try {
            if (model == Model.COX) {
                CoxRows rows = CoxRows.of(y, event, x, null);
                CoxFit fit = CoxFit.fit(beta -> rows.evaluate(beta, true), p);
                return new Fit(fit.coefficients(), fit.covariance(), 0, Double.isFinite(fit.logLikelihood()), false);
            }
            GlmFamily family = model == Model.BINOMIAL ? GlmFamily.BINOMIAL : GlmFamily.GAUSSIAN;
            GlmFit fit = GlmFit.fit(beta -> GlmSums.of(x, y, family, beta), family, p);
            return new Fit(fit.coefficients(), fit.covariance(), family.estimatesDispersion() ? fit.n() - p : 0,
                    fit.converged(), family == GlmFamily.BINOMIAL && fit.separated());
        } catch (MathIllegalArgumentException e) {
            throw new InvalidParameterException("the model could not be fitted (collinear covariates, a constant "
                    + "column or a marker level missing in one arm?): " + e.getMessage());
        }
    }

    private static double[] unit(int p, int... indices) {
        double[] l = new double[p];
        for (int i : indices) {
            l[i] = 1;
        }
        return l;
    }

    /** The quartiles of the values, as R {@code quantile(x, c(0.25, 0.5, 0.75))} (type 7). */
    static double[] quartiles(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double[] out = new double[3];
        for (int k = 0; k < 3; k++) {
            double h = (sorted.length - 1) * (k + 1) / 4.0;
            int lo = (int) Math.floor(h);
            int hi = Math.min(lo + 1, sorted.length - 1);
            out[k] = sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
        }
        return out;
    }

    /** The rows of the effects table. */
    private static final class Effects {
        private final Fit fit;
        private final boolean exponentiate;
        private final double quantile;
        private final List<String> terms = new ArrayList<>();
        private final List<List<Double>> values = new ArrayList<>();

        Effects(Fit fit, double level, boolean exponentiate) {
            this.fit = fit;
            this.exponentiate = exponentiate;
            this.quantile = fit.df() > 0 ? TDistribution.of(fit.df()).inverseCumulativeProbability(0.5 + level / 2)
                    : NormalDistribution.of(0, 1).inverseCumulativeProbability(0.5 + level / 2);
            for (int c = 0; c < 7; c++) {
                values.add(new ArrayList<>());
            }
        }

        /** Adds the contrast's row; returns estimate, se, statistic, p. */
        double[] add(String term, double[] l) {
            Contrast c = Contrast.of(fit.coefficients(), fit.covariance(), l);
            double z = c.statistic();
            double p = 2 * (fit.df() > 0 ? TDistribution.of(fit.df()).survivalProbability(Math.abs(z))
                    : NormalDistribution.of(0, 1).survivalProbability(Math.abs(z)));
            double[] row = {c.estimate(), c.standardError(), z, p, c.estimate() - quantile * c.standardError(),
                c.estimate() + quantile * c.standardError()};
            terms.add(term);
            for (int k = 0; k < 6; k++) {
                values.get(k).add(row[k]);
            }
            values.get(6).add(exponentiate ? Math.exp(c.estimate()) : null);
            return row;
        }

        void joint(String term, double statistic, double p) {
            terms.add(term);
            Double[] row = {null, null, statistic, p, null, null, null};
            for (int k = 0; k < 7; k++) {
                values.get(k).add(row[k]);
            }
        }

        Table table(MethodContext context) {
            String[] names = {"estimate", "std_error", "statistic", "p_value", "lower", "upper", "ratio"};
            TableBuilder builder = Table.builder(context.allocator()).add("term", ColumnType.STRING, terms);
            for (int k = 0; k < 7; k++) {
                builder.add(names[k], ColumnType.FLOAT64, values.get(k));
            }
            return builder.build();
        }
    }
}
