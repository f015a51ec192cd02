package io.daybreak.methods.twin;

import static io.daybreak.core.method.TableSpec.column;
import static io.daybreak.data.ColumnType.FLOAT64;
import static io.daybreak.data.ColumnType.STRING;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.arrow.memory.BufferAllocator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.daybreak.core.method.InvalidParameterException;
import io.daybreak.core.method.TableSpec;
import io.daybreak.data.Table;
import io.daybreak.stats.models.columns.SummaryValues;
import io.daybreak.stats.models.formula.Formula;
import io.daybreak.stats.models.formula.ModelFrame;
import io.daybreak.stats.models.formula.ModelMatrix;
import io.daybreak.stats.models.formula.Response;
import io.daybreak.stats.models.formula.Variable;
import io.daybreak.stats.twin.Prognostic;
import io.daybreak.stats.twin.PrognosticScore;

/**
 * Training a prognostic score from a table, and the coefficients table that carries it from
 * {@code twin.prognostic-train} to {@code twin.procova}: one row per design column with the model family, the
 * covariates as a one-sided R formula and each factor's levels, so the score applies to other data with the same
 * coding and without refitting.
 */
final class PrognosticInput {
    static final TableSpec COEFFICIENTS = TableSpec.of("coefficients", "the prognostic model: one row per design "
            + "column ((Intercept) first unless cox, factors as R names them, e.g. factor(ph.ecog)2) with, in every "
            + "row, the family, the covariates as a one-sided R formula and the factors' levels (JSON, the reference "
            + "first); a table without the last two columns reads its terms as numeric columns",
            column("model", STRING), column("term", STRING), column("estimate", FLOAT64), column("stdError", FLOAT64),
            column("lambda", FLOAT64), column("covariates", STRING), column("levels", STRING));
    static final String INTERCEPT = ModelFrame.INTERCEPT;
    private static final ObjectMapper JSON = new ObjectMapper();

    private PrognosticInput() {
    }

    /**
     * A prognostic score with what makes its design from a table: the covariates as a one-sided formula and each
     * factor's levels (the reference first), so a score trained on one table applies to another coded the same way.
     *
     * @param score      the fitted score over the design's columns (without the intercept column)
     * @param covariates the right side of the model formula
     * @param levels     factor variable label → its levels in the training data, the reference first
     */
    record Trained(PrognosticScore score, Formula covariates, Map<String, List<String>> levels) {
    }

    /**
     * Fits the score on the complete cases of {@code data}.
     *
     * @param family     gaussian, binomial or cox
     * @param outcome    the response (cox: the follow-up time)
     * @param covariates comma-separated columns or the right side of an R formula
     * @param references column → reference level of a factor (R's relevel)
     * @param eventValue cox: the status value of an event, or null to read the column as R's Surv does
     */
    static Trained train(Table data, String family, String outcome, String covariates, Map<String, String> references,
            String status, Double eventValue, boolean efron, double lambda) {
        Formula right = Formula.covariates("covariates", covariates);
        if (!right.intercept() || !right.offsets().isEmpty() || !right.strata().isEmpty() || right.cluster() != null) {
            throw new InvalidParameterException("parameter 'covariates': a prognostic model's covariates take no "
                    + "- 1, offset(), strata() or cluster()");
        }
        boolean cox = family.equals("cox");
        Response response = cox ? new Response(null, outcome, status, null)
                : new Response(Variable.of(outcome), null, null, null);
        ModelMatrix design = ModelFrame.build(data, right.withResponse(response), ModelFrame.Options.local("covariates",
                references, eventValue == null ? null : SummaryValues.level(eventValue))).withoutIntercept();
        int parameters = design.columns() + (cox ? 0 : 1);
        if (design.rows() <= parameters) {
            throw new InvalidParameterException("the prognostic model has " + parameters + " parameters but "
                    + design.rows() + " complete rows");
        }
        PrognosticScore score;
        if (cox) {
            for (int i = 0; i < design.rows(); i++) {
                if (design.time()[i] < 0) {
                    throw new InvalidParameterException("column '" + outcome + "' has the negative time "
                            + design.time()[i] + " (row " + (design.tableRows()[i] + 1) + ")");
                }
            }
            score = Prognostic.cox(design.columnNames(), design.x(), design.time(), design.event(), efron, lambda);
        } else {
            if (family.equals("binomial")) {
                for (int i = 0; i < design.rows(); i++) {
                    double v = design.y()[i];
                    if (v != 0 && v != 1) {
                        throw new InvalidParameterException("column '" + outcome + "' has the value " + v + " (row "
                                + (design.tableRows()[i] + 1) + "); a binomial outcome holds 0 and 1");
                    }
                }
            }
            score = Prognostic.glm(family, design.columnNames(), design.x(), design.y(), lambda);
        }
        return new Trained(score, right, design.levels());
    }

    /** The coefficients table of a score. */
    static Table table(Trained trained, BufferAllocator allocator) {
        PrognosticScore score = trained.score();
        String covariates = trained.covariates().toString();
        String levels;
        try {
            levels = JSON.writeValueAsString(trained.levels());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("factor levels are strings", e);
        }
        TwinTables.Rows rows = new TwinTables.Rows().column("model", STRING).column("term", STRING)
                .column("estimate", FLOAT64).column("stdError", FLOAT64).column("lambda", FLOAT64)
                .column("covariates", STRING).column("levels", STRING);
        if (score.hasIntercept()) {
            rows.add(score.family(), INTERCEPT, score.intercept(), score.standardErrors()[0], score.lambda(), covariates,
                    levels);
        }
        for (int a = 0; a < score.covariates().size(); a++) {
            rows.add(score.family(), score.covariates().get(a), score.coefficients()[a], score.standardErrors()[a + 1],
                    score.lambda(), covariates, levels);
        }
        return rows.build(allocator);
    }

    /**
     * The score a coefficients table describes: with its covariates formula and levels, or (a table without those
     * columns, written by hand or by another tool) with each term a numeric column.
     */
    static Trained read(Table table) {
        String family = null;
        double intercept = 0;
        List<String> terms = new ArrayList<>();
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
                terms.add(term);
                coefficients.add(estimate);
            }
        }
        if (family == null) {
            throw new InvalidParameterException("input 'coefficients' has no rows");
        }
        double[] se = new double[terms.size() + 1];
        Arrays.fill(se, Double.NaN);
        PrognosticScore score = new PrognosticScore(family, terms, intercept,
                coefficients.stream().mapToDouble(Double::doubleValue).toArray(), se, 0);
        if (!table.hasColumn("covariates") || table.strings("covariates").isNull(0)) {
            return new Trained(score, Formula.of(null, terms), Map.of());
        }
        Formula covariates = Formula.parse("input 'coefficients', column 'covariates'", table.strings("covariates").get(0));
        Map<String, List<String>> levels = levels(table);
        List<String> expected = ModelFrame.columnNames(covariates, levels);
        if (!expected.subList(1, expected.size()).equals(terms)) {
            throw new InvalidParameterException("input 'coefficients': the terms " + terms + " are not the design "
                    + "columns of " + covariates + " with its levels (" + expected.subList(1, expected.size()) + ")");
        }
        return new Trained(score, covariates, levels);
    }

    private static Map<String, List<String>> levels(Table table) {
        if (!table.hasColumn("levels") || table.strings("levels").isNull(0)) {
            return Map.of();
        }
        String text = table.strings("levels").get(0);
        try {
            return JSON.readValue(text, new TypeReference<LinkedHashMap<String, List<String>>>() { });
        } catch (JsonProcessingException e) {
            throw new InvalidParameterException("input 'coefficients', column 'levels': not a JSON object of level "
                    + "lists (" + e.getOriginalMessage() + ")");
        }
    }

    /**
     * The score of every row of {@code data} (NaN where a covariate is missing), its design made with the training
     * data's levels; a factor level the model was not trained on is bad input, as in R's {@code predict}.
     */
    static double[] apply(Trained trained, Table data, String role) {
        ModelFrame.Options options = new ModelFrame.Options(role, Map.of(), trained.levels(), null, true);
        for (ModelFrame.FactorLevels factor : ModelFrame.factorLevels(data, trained.covariates(), options)) {
            List<String> known = trained.levels().get(factor.variable());
            if (known == null) {
                throw new InvalidParameterException("input '" + role + "': " + factor.variable() + " is a factor here "
                        + "but was numeric in the prognostic model's training data");
            }
            for (String level : factor.levels()) {
                if (!known.contains(level)) {
                    throw new InvalidParameterException("input '" + role + "': " + factor.variable() + " has the level '"
                            + level + "', which the prognostic model's training data did not have (levels: "
                            + String.join(", ", known) + ")");
                }
            }
        }
        double[] scores = new double[data.rowCount()];
        Arrays.fill(scores, Double.NaN);
        ModelMatrix design = ModelFrame.build(data, trained.covariates(), options).withoutIntercept();
        if (!design.columnNames().equals(trained.score().covariates())) {
            throw new InvalidParameterException("input '" + role + "': its design columns " + design.columnNames()
                    + " differ from the prognostic model's terms " + trained.score().covariates() + "; is a column's "
                    + "type different from the training data's?");
        }
        for (int k = 0; k < design.rows(); k++) {
            scores[design.tableRows()[k]] = trained.score().score(design.x()[k]);
        }
        return scores;
    }
}
