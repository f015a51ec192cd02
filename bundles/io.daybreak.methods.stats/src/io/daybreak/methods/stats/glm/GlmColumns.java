package io.daybreak.methods.stats.glm;

import java.util.Map;

import io.daybreak.core.method.InvalidParameterException;
import io.daybreak.core.method.Setting;
import io.daybreak.core.method.Settings;
import io.daybreak.stats.models.formula.References;
import io.daybreak.stats.models.columns.NumericColumns;
import io.daybreak.stats.models.formula.Formula;

/**
 * Settings group (see {@link Settings}): the model of the GLM and Firth fits, local and federated: an R formula
 * ({@code formula=case ~ spontaneous + factor(education)}), or a response and numeric covariates (the earlier form,
 * the same as the formula {@code response ~ a + b}).
 */
record GlmColumns(
        @Setting(optional = true, doc = "R model formula, e.g. case ~ age + factor(education) + offset(log(t)); "
                + "text and boolean columns are factors")
        String formula,
        @Setting(optional = true, doc = "response column (without formula)")
        String response,
        @Setting(optional = true, doc = "comma-separated covariate columns (without formula); an intercept is added")
        String covariates,
        @Setting(optional = true, doc = "reference levels of factors, e.g. sex=Female,ph.ecog=1 (default: the first)")
        String ref) {

    GlmColumns {
        if ((formula == null) == (response == null || covariates == null)) {
            throw new InvalidParameterException(formula == null
                    ? "give the model as formula=, e.g. formula=\"case ~ spontaneous + induced\", or as response= and "
                            + "covariates="
                    : "give the model either as formula= or as response= and covariates=, not both");
        }
        model(formula, response, covariates);
        References.parse(ref);
    }

    /** The model formula, written or made from the response and covariates. */
    Formula model() {
        return model(formula, response, covariates);
    }

    private static Formula model(String formula, String response, String covariates) {
        if (formula == null) {
            return Formula.of(response, NumericColumns.names("covariates", covariates));
        }
        Formula parsed = Formula.parse("formula", formula);
        if (parsed.response() == null || parsed.response().isSurvival()) {
            throw new InvalidParameterException("parameter 'formula': a regression formula needs a response on the left "
                    + "of ~, e.g. case ~ age");
        }
        if (!parsed.strata().isEmpty() || parsed.cluster() != null) {
            throw new InvalidParameterException("parameter 'formula': strata() and cluster() are for Cox models");
        }
        return parsed;
    }

    /** Column → reference level. */
    Map<String, String> references() {
        return References.parse(ref);
    }
}
