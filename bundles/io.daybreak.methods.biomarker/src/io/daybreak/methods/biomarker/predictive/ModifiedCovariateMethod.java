package io.daybreak.methods.biomarker.predictive;

import static io.daybreak.core.method.TableSpec.column;
import static io.daybreak.data.ColumnType.BOOLEAN;
import static io.daybreak.data.ColumnType.FLOAT64;
import static io.daybreak.data.ColumnType.STRING;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
import io.daybreak.methods.biomarker.InputColumns;
import io.daybreak.stats.biomarker.penalized.CrossValidatedPath;
import io.daybreak.stats.biomarker.penalized.CrossValidation;
import io.daybreak.stats.biomarker.penalized.Family;
import io.daybreak.stats.biomarker.penalized.Measure;
import io.daybreak.stats.biomarker.penalized.PenalizedData;
import io.daybreak.stats.biomarker.penalized.PenalizedPath;
import io.daybreak.stats.biomarker.penalized.PenalizedSettings;
import io.daybreak.stats.models.columns.NumericColumns;

/**
 * {@code biomarker.modified-covariate}: Tian et al.'s (2014) modified covariate method with the lasso: the outcome
 * regressed (gaussian, logistic or Cox) on W = [T/2, X·T/2] with T = ±1, whose coefficients are the markers'
 * treatment interactions; fitted with the elastic-net engine of {@code io.daybreak.stats.biomarker.penalized}.
 */
@Component(service = Method.class)
public final class ModifiedCovariateMethod extends SettingsMethod<ModifiedCovariateMethod.ModifiedCovariateSettings> {
    static final String ID = "biomarker.modified-covariate";
    static final String INPUT = "data";
    static final String COEFFICIENTS = "coefficients";
    static final String SCORES = "scores";
    static final String TREATMENT_TERM = "treatment";

    /** The outcome. */
    enum Outcome {
        CONTINUOUS, BINARY, SURVIVAL
    }

    /** What biomarker.modified-covariate takes. */
    record ModifiedCovariateSettings(
            @Setting(doc = "continuous (least squares), binary (logistic) or survival (Cox) working model")
            Outcome outcome,
            @Setting(optional = true, doc = "input column holding the outcome (binary: 0/1 or true/false)")
            String outcomeColumn,
            @Setting(optional = true, doc = "input column holding the survival time (survival; > 0)")
            String timeColumn,
            @Setting(optional = true, doc = "input column holding the event indicator (survival): 1/true event")
            String eventColumn,
            @Setting(doc = "input column holding the treatment arm: exactly two values")
            String treatmentColumn,
            @Setting(optional = true, doc = "the value of treatmentColumn meaning the experimental arm (default: the "
                    + "second of its two values in R's level order)")
            String treatedLevel,
            @Setting(doc = "marker columns (numbers), comma-separated")
            String markers,
            @Setting(min = 0, max = 1, minInclusive = false, defaultValue = "1", doc = "elastic-net mixing (1: lasso)")
            double alpha,
            @Setting(min = 3, max = 50, defaultValue = "10", doc = "cross-validation folds (seeded) choosing lambda")
            int nfolds,
            @Setting(defaultValue = "false", doc = "continuous outcome only: efficiency augmentation (Tian et al. "
                    + "section 3): subtract from y its cross-validated lasso prediction from the markers (lambda.min) "
                    + "before fitting")
            boolean augment,
            @Setting(defaultValue = "true", doc = "continuous/binary: larger outcomes are better (recommend treatment "
                    + "where the score is > 0); false: where it is < 0. Survival: always where the score (log hazard "
                    + "ratio) is < 0")
            boolean largerIsBetter) {

        ModifiedCovariateSettings {
            boolean survival = outcome == Outcome.SURVIVAL;
            if (survival && (timeColumn == null || eventColumn == null || outcomeColumn != null)) {
                throw new InvalidParameterException("outcome 'survival' takes 'timeColumn' and 'eventColumn' (and no "
                        + "'outcomeColumn')");
            }
            if (!survival && (outcomeColumn == null || timeColumn != null || eventColumn != null)) {
                throw new InvalidParameterException("outcome '" + outcome.name().toLowerCase(java.util.Locale.ROOT)
                        + "' takes 'outcomeColumn' (and no 'timeColumn'/'eventColumn')");
            }
            if (augment && outcome != Outcome.CONTINUOUS) {
                throw new InvalidParameterException("parameter 'augment' is implemented for a continuous outcome only");
            }
        }
    }

    public ModifiedCovariateMethod() {
        super(ModifiedCovariateSettings.class, MethodDescriptor.builder(ID, "Predictive markers: modified covariate "
                + "method with the lasso")
                .category("biomarker")
                .reference("Tian, Alizadeh, Gentles & Tibshirani, JASA 109:1517-1532 (2014); glmnet (Friedman, "
                        + "Hastie & Tibshirani 2010)")
                .description("Codes treatment as T = +1 (treated) / -1 (control) and fits the outcome on the modified "
                        + "covariates W = [T/2, m1*T/2, ..., mp*T/2] by the lasso (elastic net with alpha < 1): least "
                        + "squares with intercept (continuous), logistic with intercept (binary) or Cox (survival); "
                        + "the T/2 column (term 'treatment') is not penalised. Marker coefficients are treatment "
                        + "interactions: a non-zero one marks a predictive marker, while purely prognostic markers "
                        + "drop out because W is uncorrelated with them under randomisation. Lambda by seeded "
                        + "cross-validation (deviance; lambda.min and lambda.1se as cv.glmnet). Table 'scores': per "
                        + "input row the estimated treatment effect on the link scale at lambda.min, score = "
                        + "gamma_treatment + sum gamma_j m_j (difference treated - control in mean, log-odds or log "
                        + "hazard), and whether treatment is recommended. Rows with a missing value are left out.")
                .input(TableSpec.of(INPUT, "one row per patient: outcome (or time and event), treatment, markers"))
                .output(TableSpec.of(COEFFICIENTS, "coefficients on the modified covariates",
                        column("term", STRING), column("lambda_min", FLOAT64), column("lambda_1se", FLOAT64)))
                .output(TableSpec.of(SCORES, "one row per patient used", column("row", FLOAT64),
                        column("score", FLOAT64), column("recommended", BOOLEAN))));
    }

    /**
     * The modified covariates, column by column: W[0] = T/2, W[1 + j] = x[j]·T/2, with T = +1 treated, −1 control.
     *
     * @param x       markers column by column ({@code x[j][i]})
     * @param treated each row's arm
     */
    static double[][] design(double[][] x, boolean[] treated) {
        int n = treated.length;
        double[][] w = new double[x.length + 1][n];
        for (int i = 0; i < n; i++) {
            double half = treated[i] ? 0.5 : -0.5;
            w[0][i] = half;
            for (int j = 0; j < x.length; j++) {
                w[j + 1][i] = x[j][i] * half;
            }
        }
        return w;
    }

    /** glmnet's defaults with the treatment column unpenalised. */
    static PenalizedSettings settings(double alpha, int markers) {
        double[] factor = new double[markers + 1];
        java.util.Arrays.fill(factor, 1, factor.length, 1);
        return PenalizedSettings.defaults().withAlpha(alpha).withPenaltyFactor(factor);
    }

    @Override
    protected MethodResult run(Map<String, Table> inputs, ModifiedCovariateSettings s, MethodContext context) {
        Table table = inputs.get(INPUT);
        boolean survival = s.outcome() == Outcome.SURVIVAL;
        List<String> names = NumericColumns.names("markers", s.markers());
        double[][] columns = new double[names.size()][];
        for (int j = 0; j < names.size(); j++) {
            columns[j] = InputColumns.numbers(table, INPUT, names.get(j));
        }
        String[] arm = InputColumns.labels(table, INPUT, s.treatmentColumn());
        double[] y = survival ? InputColumns.numbers(table, INPUT, s.timeColumn())
                : s.outcome() == Outcome.BINARY ? InputColumns.zeroOne(table, INPUT, s.outcomeColumn(), "a binary outcome")
                : InputColumns.numbers(table, INPUT, s.outcomeColumn());
        double[] event = survival ? InputColumns.zeroOne(table, INPUT, s.eventColumn(), "the event indicator") : null;
        List<Integer> rows = new ArrayList<>();
        Set<String> present = new LinkedHashSet<>();
        for (int r = 0; r < y.length; r++) {
            boolean complete = arm[r] != null && Double.isFinite(y[r]) && (event == null || !Double.isNaN(event[r]));
            for (double[] c : columns) {
                complete &= Double.isFinite(c[r]);
            }
            if (!complete) {
                continue;
            }
            if (survival && y[r] <= 0) {
                throw new InvalidParameterException("input '" + INPUT + "' row " + (r + 1) + ": " + s.timeColumn()
                        + " = " + y[r] + "; survival times must be > 0");
            }
            rows.add(r);
            present.add(arm[r]);
        }
        int n = rows.size();
        if (n < 3 * s.nfolds()) {
            throw new InvalidParameterException("input '" + INPUT + "' has " + n + " complete rows; " + s.nfolds()
                    + "-fold cross-validation needs at least " + 3 * s.nfolds());
        }
        String[] arms = InputColumns.arms(present, InputColumns.type(table, INPUT, s.treatmentColumn()).isNumeric(),
                s.treatedLevel(), INPUT, s.treatmentColumn());
        int p = names.size();
        double[][] x = new double[p][n];
        double[] outcome = new double[n];
        boolean[] treated = new boolean[n];
        boolean[] events = new boolean[n];
        for (int i = 0; i < n; i++) {
            int r = rows.get(i);
            for (int j = 0; j < p; j++) {
                x[j][i] = columns[j][r];
            }
            outcome[i] = y[r];
            treated[i] = arm[r].equals(arms[0]);
            events[i] = event != null && event[r] == 1;
        }
        Family family = switch (s.outcome()) {
            case CONTINUOUS -> Family.GAUSSIAN;
            case BINARY -> Family.BINOMIAL;
            case SURVIVAL -> Family.COX;
        };
        long seed = context.random(0).nextLong();
        int[] foldid = CrossValidation.folds(n, s.nfolds(), seed);
        if (s.augment()) {
            CrossValidatedPath prognostic = cv(new PenalizedData(Family.GAUSSIAN, x, outcome, null, null),
                    PenalizedSettings.defaults().withAlpha(s.alpha()), foldid);
            PenalizedPath fit = prognostic.fit();
            double[] adjusted = new double[n];
            for (int i = 0; i < n; i++) {
                adjusted[i] = outcome[i] - fit.linearPredictor(prognostic.indexMin(), x, i);
            }
            outcome = adjusted;
        }
        double[][] w = design(x, treated);
        PenalizedData data = new PenalizedData(family, w, survival ? null : outcome, survival ? outcome : null,
                survival ? events : null);
        CrossValidatedPath cv = cv(data, settings(s.alpha(), p), foldid);
        PenalizedPath path = cv.fit();
        double[] atMin = path.beta()[cv.indexMin()];
        double[] at1se = path.beta()[cv.index1se()];
        List<String> terms = new ArrayList<>();
        List<Double> min = new ArrayList<>();
        List<Double> se = new ArrayList<>();
        if (!survival) {
            terms.add("(Intercept)");
            min.add(path.intercept()[cv.indexMin()]);
            se.add(path.intercept()[cv.index1se()]);
        }
        for (int j = 0; j <= p; j++) {
            terms.add(j == 0 ? TREATMENT_TERM : names.get(j - 1));
            min.add(atMin[j]);
            se.add(at1se[j]);
        }
        double[] rowNumber = new double[n];
        double[] score = new double[n];
        boolean[] recommended = new boolean[n];
        long recommendedCount = 0;
        for (int i = 0; i < n; i++) {
            rowNumber[i] = rows.get(i) + 1;
            double v = atMin[0];
            for (int j = 0; j < p; j++) {
                v += atMin[j + 1] * x[j][i];
            }
            score[i] = v;
            recommended[i] = survival ? v < 0 : s.largerIsBetter() ? v > 0 : v < 0;
            recommendedCount += recommended[i] ? 1 : 0;
        }
        List<Object> selected = new ArrayList<>();
        List<Object> selected1se = new ArrayList<>();
        for (int j = 0; j < p; j++) {
            if (atMin[j + 1] != 0) {
                selected.add(names.get(j));
            }
            if (at1se[j + 1] != 0) {
                selected1se.add(names.get(j));
            }
        }
        Table coefficients = Table.builder(context.allocator()).add("term", ColumnType.STRING, terms)
                .add("lambda_min", ColumnType.FLOAT64, min).add("lambda_1se", ColumnType.FLOAT64, se).build();
        Table scores = Table.builder(context.allocator()).addFloat64("row", rowNumber).addFloat64("score", score)
                .addBoolean("recommended", recommended).build();
        return MethodResult.builder().output(COEFFICIENTS, coefficients).output(SCORES, scores)
                .summary("lambdaMin", cv.lambdaMin())
                .summary("lambda1se", cv.lambda1se())
                .summary("selected", selected)
                .summary("selected1se", selected1se)
                .summary("recommendedRows", recommendedCount)
                .summary("treatedLevel", arms[0])
                .summary("controlLevel", arms[1])
                .summary("rows", (long) n)
                .summary("skippedRows", (long) table.rowCount() - n)
                .summary("augmented", s.augment())
                .build();
    }

    private static CrossValidatedPath cv(PenalizedData data, PenalizedSettings settings, int[] foldid) {
        try {
            return CrossValidation.run(data, settings, foldid, Measure.DEVIANCE, false);
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterException("the lasso could not be fitted: " + e.getMessage());
        }
    }
}
