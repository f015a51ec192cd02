package io.daybreak.methods.twin;

import static io.daybreak.core.method.TableSpec.column;
import static io.daybreak.data.ColumnType.FLOAT64;
import static io.daybreak.data.ColumnType.STRING;

import java.util.ArrayList;
import java.util.List;

import org.apache.arrow.memory.BufferAllocator;

import io.daybreak.core.method.InvalidParameterException;
import io.daybreak.core.method.TableSpec;
import io.daybreak.data.DoubleColumn;
import io.daybreak.data.Table;
import io.daybreak.stats.models.columns.NumericColumns;
import io.daybreak.stats.twin.Prognostic;
import io.daybreak.stats.twin.PrognosticScore;

/**
 * Training a prognostic score from a table, and the coefficients table that carries it from
 * {@code twin.prognostic-train} to {@code twin.procova}: one row per term with the model family, so the score can
 * be applied to other data without refitting.
 */
final class PrognosticInput {
    static final TableSpec COEFFICIENTS = TableSpec.of("coefficients", "the prognostic model: one row per term "
            + "((Intercept) first unless cox) with the family in every row", column("model", STRING),
            column("term", STRING), column("estimate", FLOAT64), column("stdError", FLOAT64), column("lambda", FLOAT64));
    static final String INTERCEPT = "(Intercept)";

    private PrognosticInput() {
    }

    /**
     * Fits the score on complete cases of {@code data}.
     *
     * @param family gaussian, binomial or cox
     * @param outcome the response (cox: the follow-up time)
     */
    static PrognosticScore train(Table data, String family, String outcome, List<String> covariates, String status,
            double eventValue, boolean efron, double lambda) {
        List<String> names = new ArrayList<>(covariates);
        names.add(outcome);
        if (family.equals("cox")) {
            names.add(status);
        }
        NumericColumns rows = NumericColumns.completeCases(data, "outcome/covariates", names);
        if (rows.rows() <= covariates.size() + 1) {
            throw new InvalidParameterException("the prognostic model has " + (covariates.size() + 1) + " parameters but "
                    + rows.rows() + " complete rows");
        }
        double[][] x = new double[rows.rows()][covariates.size()];
        for (int c = 0; c < covariates.size(); c++) {
            double[] column = rows.column(covariates.get(c));
            for (int i = 0; i < x.length; i++) {
                x[i][c] = column[i];
            }
        }
        double[] y = rows.column(outcome);
        if (family.equals("cox")) {
            double[] s = rows.column(status);
            boolean[] event = new boolean[s.length];
            for (int i = 0; i < s.length; i++) {
                if (y[i] < 0) {
                    throw new InvalidParameterException("column '" + outcome + "' has the negative time " + y[i]);
                }
                event[i] = s[i] == eventValue;
            }
            return Prognostic.cox(List.copyOf(covariates), x, y, event, efron, lambda);
        }
        if (family.equals("binomial")) {
            for (double v : y) {
                if (v != 0 && v != 1) {
                    throw new InvalidParameterException("column '" + outcome + "' has the value " + v + "; a binomial "
                            + "outcome holds 0 and 1");
                }
            }
        }
        return Prognostic.glm(family, List.copyOf(covariates), x, y, lambda);
    }

    /** The coefficients table of a score. */
    static Table table(PrognosticScore score, BufferAllocator allocator) {
        TwinTables.Rows rows = new TwinTables.Rows().column("model", STRING).column("term", STRING)
                .column("estimate", FLOAT64).column("stdError", FLOAT64).column("lambda", FLOAT64);
        if (score.hasIntercept()) {
            rows.add(score.family(), INTERCEPT, score.intercept(), score.standardErrors()[0], score.lambda());
        }
        for (int a = 0; a < score.covariates().size(); a++) {
            rows.add(score.family(), score.covariates().get(a), score.coefficients()[a], score.standardErrors()[a + 1],
                    score.lambda());
        }
        return rows.build(allocator);
    }

    /** The score a coefficients table describes. */
    static PrognosticScore read(Table table) {
        String family = null;
        double intercept = 0;
        List<String> covariates = new ArrayList<>();
        List<Double> coefficients = new ArrayList<>();
        for (int i = 0; i < table.rowCount(); i++) {
            String model = table.strings("model").get(i);
            if (family != null && !family.equals(model)) {
                throw new InvalidParameterException("input 'coefficients' mixes the models " + family + " and " + model);
            }
            family = model;
            String term = table.strings("term").get(i);
            double estimate = table.doubles("estimate").get(i);
            if (term.equals(INTERCEPT)) {
                intercept = estimate;
            } else {
                covariates.add(term);
                coefficients.add(estimate);
            }
        }
        if (family == null) {
            throw new InvalidParameterException("input 'coefficients' has no rows");
        }
        double[] se = new double[covariates.size() + 1];
        java.util.Arrays.fill(se, Double.NaN);
        return new PrognosticScore(family, covariates, intercept,
                coefficients.stream().mapToDouble(Double::doubleValue).toArray(), se, 0);
    }

    /** The score of every row of {@code data} (NaN where a covariate is missing). */
    static double[] apply(PrognosticScore score, Table data, String role) {
        List<DoubleColumn> columns = new ArrayList<>();
        for (String covariate : score.covariates()) {
            columns.add(TwinTables.numeric(data, role, covariate));
        }
        double[] scores = new double[data.rowCount()];
        double[] x = new double[columns.size()];
        for (int i = 0; i < scores.length; i++) {
            boolean complete = true;
            for (int c = 0; c < x.length; c++) {
                complete &= !columns.get(c).isNull(i);
                x[c] = complete ? columns.get(c).get(i) : Double.NaN;
            }
            scores[i] = complete ? score.score(x) : Double.NaN;
        }
        return scores;
    }
}
