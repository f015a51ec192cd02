package io.daybreak.methods.stats.glm;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.daybreak.federation.Sites;
import io.daybreak.stats.federated.FormulaReleases;
import io.daybreak.stats.models.formula.Formula;
import io.daybreak.stats.models.formula.ModelFrame;

/**
 * A regression model as the coordinator sends it to the sites: a formula with the level set the sites agreed
 * ({@link FormulaReleases}), or the earlier response-and-covariates form, and the design's column names.
 *
 * @param formula   the model
 * @param arguments the site-step arguments that name it
 * @param terms     the design's column names, as R names them
 */
record FederatedModel(Formula formula, Map<String, Object> arguments, List<String> terms) {

    static FederatedModel of(Sites sites, String method, GlmColumns columns) {
        Formula formula = columns.model();
        if (columns.formula() == null) {
            Map<String, Object> arguments = new LinkedHashMap<>();
            arguments.put("response", columns.response());
            arguments.put("covariates", formula.terms().stream().map(t -> t.label()).toList());
            return new FederatedModel(formula, arguments, ModelFrame.columnNames(formula, Map.of()));
        }
        Map<String, List<String>> levels = FormulaReleases.agree(sites, method, formula, columns.references());
        return new FederatedModel(formula, FormulaReleases.arguments(formula, levels),
                ModelFrame.columnNames(formula, levels));
    }

    boolean intercept() {
        return formula.intercept();
    }

    boolean offset() {
        return !formula.offsets().isEmpty();
    }
}
