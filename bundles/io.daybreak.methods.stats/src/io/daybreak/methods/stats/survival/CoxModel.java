package io.daybreak.methods.stats.survival;

import java.util.Map;

import io.daybreak.core.method.Choice;
import io.daybreak.core.method.InvalidParameterException;
import io.daybreak.core.method.Setting;
import io.daybreak.core.method.Settings;
import io.daybreak.stats.models.formula.References;
import io.daybreak.stats.models.columns.NumericColumns;
import io.daybreak.stats.models.formula.Formula;
import io.daybreak.stats.models.formula.Response;
import io.daybreak.stats.models.survival.SurvivalColumns;
import io.daybreak.stats.models.survival.SurvivalData;

/**
 * Settings group (see {@link Settings}): the Cox model, local and federated: an R formula
 * ({@code Surv(time, status) ~ age + sex + factor(ph.ecog) + strata(inst)}), or numeric covariates with the survival
 * columns of {@link SurvivalColumns} (the earlier form), and the handling of ties. Public so that the Cox diagnostics
 * ({@code stats.cox-zph}) declare the model exactly as {@code stats.cox} does.
 */
public record CoxModel(
        @Setting(optional = true, doc = "R model formula, e.g. Surv(time, status) ~ age + sex + factor(ph.ecog); "
                + "a one-sided formula (~ age + sex) takes time and status from their parameters")
        String formula,
        @Setting(optional = true, doc = "comma-separated covariate columns (without formula), e.g. age,sex")
        String covariates,
        @Setting(optional = true, doc = "reference levels of factors, e.g. sex=2,ph.ecog=1 (default: the first)")
        String ref,
        @Setting(defaultValue = "efron", doc = "handling of tied times")
        @Choice({"efron", "breslow"})
        String ties) {

    public CoxModel {
        if ((formula == null) == (covariates == null)) {
            throw new InvalidParameterException(formula == null
                    ? "give the model as formula=, e.g. formula=\"Surv(time, status) ~ age + sex\", or as covariates="
                    : "give the model either as formula= or as covariates=, not both");
        }
        if (formula != null) {
            Formula parsed = Formula.parse("formula", formula);
            if (parsed.response() != null && !parsed.response().isSurvival()) {
                throw new InvalidParameterException("parameter 'formula': a Cox model's formula has Surv(time, status) "
                        + "on the left of ~ (or nothing, with the time and status parameters)");
            }
        }
        References.parse(ref);
    }

    /** The model formula with its survival outcome: the formula's, or Surv(time, status) of the parameters. */
    /**
     * Refuses a formula whose {@code Surv()} would read ADaM's censoring flag CNSR as the event
     * ({@link SurvivalData#checkFormulaStatus}).
     */
    public void checkCensoringFlag() {
        Response response = formula == null ? null : Formula.parse("formula", formula).response();
        if (response != null) {
            SurvivalData.checkFormulaStatus(response.status(), response.eventValue());
        }
    }

    public Formula model(SurvivalColumns survival) {
        Formula parsed = formula == null
                ? Formula.of(null, NumericColumns.names("covariates", covariates))
                : Formula.parse("formula", formula);
        if (parsed.response() == null) {
            parsed = parsed.withResponse(new Response(null, survival.time(), survival.status(), eventValue(survival)));
        }
        return parsed;
    }

    /** The eventValue parameter as a level label, or null. */
    public static String eventValue(SurvivalColumns survival) {
        return survival.eventValue() == null ? null
                : io.daybreak.stats.models.columns.SummaryValues.level(survival.eventValue());
    }

    /** Column → reference level. */
    public Map<String, String> references() {
        return References.parse(ref);
    }

    /** Efron's handling of ties (as R), rather than Breslow's. */
    public boolean efron() {
        return ties.equals("efron");
    }
}
