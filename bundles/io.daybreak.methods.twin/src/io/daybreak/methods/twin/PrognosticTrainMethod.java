package io.daybreak.methods.twin;

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
import io.daybreak.data.ColumnType;
import io.daybreak.data.Table;
import io.daybreak.data.TableBuilder;
import io.daybreak.stats.twin.PrognosticScore;

/**
 * {@code twin.prognostic-train}: a prognostic score trained on historical controls (GLM, Cox, or ridge with
 * glmnet's objectives, {@link io.daybreak.stats.twin.Prognostic}); outputs the coefficients table that
 * {@code twin.procova} applies to trial data, and the data with the score appended.
 */
@Component(service = Method.class)
public final class PrognosticTrainMethod extends SettingsMethod<PrognosticTrainMethod.PrognosticTrainSettings> {
    /** What twin.prognostic-train takes: the model (shared with its federated twin), the penalty and the column. */
    record PrognosticTrainSettings(
            PrognosticModel prognostic,
            @Setting(min = 0, max = 1e6, defaultValue = "0", doc = "ridge penalty as glmnet's lambda; 0: unpenalised")
            double lambda,
            @Setting(defaultValue = "score", doc = "name of the appended column")
            String scoreColumn) {
    }

    public PrognosticTrainMethod() {
        super(PrognosticTrainSettings.class, MethodDescriptor.builder("twin.prognostic-train",
                "Prognostic score on historical controls: GLM, Cox or ridge (glmnet objectives)")
                .category("twin")
                .reference("Schuler et al., Int J Biostat 2022 (PROCOVA); Friedman, Hastie & Tibshirani, J Stat Softw 2010 "
                        + "(glmnet); validated against docs/validation/r/twin/twin.R sections C and D and "
                        + "prognostic_formula.R")
                .description("Fits outcome ~ covariates on the complete rows, the covariates a column list or an R "
                        + "formula's right side (factors with treatment contrasts and R's column names, as stats.glm): "
                        + "gaussian (OLS), binomial (logistic) or Cox (uncentred linear predictor). With lambda > 0 a "
                        + "ridge penalty as glmnet (alpha = 0, standardize = FALSE): binomial -1/n loglik + lambda/2 "
                        + "|b|^2, Cox -1/n log PL + lambda/2 |b|^2, gaussian 1/(2n) RSS + (lambda/s_y)/2 |b|^2 with s_y "
                        + "the 1/n SD of y, which is what glmnet's gaussian coefficients minimise. The score: the linear "
                        + "predictor (with intercept for gaussian and binomial).")
                .input(TableSpec.of("data", "historical controls, one row per patient"))
                .output(PrognosticInput.COEFFICIENTS)
                .output(TableSpec.of("scored", "the input data with the score appended (empty where a covariate is "
                        + "missing)")));
    }

    @Override
    protected MethodResult run(Map<String, Table> inputs, PrognosticTrainSettings settings, MethodContext context) {
        Table data = TwinTables.input(inputs, "data");
        PrognosticInput.Trained trained = settings.prognostic().train(data, settings.lambda());
        PrognosticScore score = trained.score();
        double[] scores = PrognosticInput.apply(trained, data, "covariates");
        Table coefficients = PrognosticInput.table(trained, context.allocator());
        Table scored;
        try {
            scored = appended(data, settings.scoreColumn(), scores, context);
        } catch (RuntimeException e) {
            coefficients.close();
            throw e;
        }
        MethodResult.Builder result = MethodResult.builder().output("coefficients", coefficients)
                .output("scored", scored)
                .summary("model", score.family())
                .summary("covariates", trained.covariates().toString())
                .summary("lambda", score.lambda())
                .summary("terms", (List<Object>) new java.util.ArrayList<Object>(terms(score)));
        double[] estimates = new double[score.coefficients().length + (score.hasIntercept() ? 1 : 0)];
        int k = 0;
        if (score.hasIntercept()) {
            estimates[k++] = score.intercept();
        }
        for (double b : score.coefficients()) {
            estimates[k++] = b;
        }
        return result.summary("coefficients", estimates).build();
    }

    static List<String> terms(PrognosticScore score) {
        List<String> terms = new java.util.ArrayList<>();
        if (score.hasIntercept()) {
            terms.add(PrognosticInput.INTERCEPT);
        }
        terms.addAll(score.covariates());
        return terms;
    }

    private static Object cell(Table data, String column, ColumnType type, int i) {
        if (type == ColumnType.STRING) {
            return data.strings(column).isNull(i) ? null : data.strings(column).get(i);
        }
        if (type == ColumnType.BOOLEAN) {
            return data.booleans(column).isNull(i) ? null : (Object) data.booleans(column).get(i);
        }
        if (type == ColumnType.INT64 || type == ColumnType.INT32) {
            return data.longs(column).isNull(i) ? null : (Object) data.longs(column).get(i);
        }
        return data.doubles(column).isNull(i) ? null : (Object) data.doubles(column).get(i);
    }

    /** A copy of the data with one float64 column added. */
    static Table appended(Table data, String name, double[] values, MethodContext context) {
        if (data.hasColumn(name)) {
            throw new io.daybreak.core.method.InvalidParameterException("parameter 'scoreColumn': the data already have a "
                    + "column '" + name + "'");
        }
        TableBuilder builder = Table.builder(context.allocator());
        for (String column : data.columnNames()) {
            ColumnType type = data.columnType(column);
            List<Object> copy = new java.util.ArrayList<>();
            for (int i = 0; i < data.rowCount(); i++) {
                copy.add(cell(data, column, type, i));
            }
            builder.add(column, type == ColumnType.INT32 ? ColumnType.INT64 : type, copy);
        }
        List<Object> scores = new java.util.ArrayList<>();
        for (double v : values) {
            scores.add(Double.isNaN(v) ? null : v);
        }
        return builder.add(name, ColumnType.FLOAT64, scores).build();
    }
}
