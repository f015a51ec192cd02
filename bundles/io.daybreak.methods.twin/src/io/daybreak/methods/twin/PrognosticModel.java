package io.daybreak.methods.twin;

import java.util.Map;

import io.daybreak.core.method.Choice;
import io.daybreak.core.method.Setting;
import io.daybreak.data.Table;
import io.daybreak.stats.models.formula.Formula;
import io.daybreak.stats.models.formula.References;

/**
 * Settings group: the prognostic model {@code twin.prognostic-train} fits, shared by the local method and its
 * federated twin so both take the same parameters (the federated one words some documentation differently).
 */
record PrognosticModel(
        @Setting(doc = "outcome column (cox: follow-up time)")
        String outcome,
        @Setting(doc = "comma-separated columns, or the right side of an R formula, e.g. ~ age + sex + "
                + "factor(ph.ecog); text and boolean columns are factors")
        String covariates,
        @Setting(optional = true, doc = "reference levels of factors, e.g. sex=2,ph.ecog=1 (default: the first)")
        String ref,
        @Setting(defaultValue = "gaussian")
        @Choice({"gaussian", "binomial", "cox"})
        String model,
        @Setting(defaultValue = "status", doc = "cox: event status column")
        String status,
        @Setting(optional = true, doc = "cox: the status value of an event; default as R's Surv() reads "
                + "the column: 0/1 (1 = event), 1/2 (2 = event) or TRUE/FALSE")
        Double eventValue,
        @Setting(defaultValue = "efron", doc = "cox: ties (glmnet uses breslow)")
        @Choice({"efron", "breslow"})
        String ties) {

    PrognosticModel {
        Formula.covariates("covariates", covariates);
        References.parse(ref);
    }

    /** The covariates as a one-sided formula. */
    Formula covariateFormula() {
        return Formula.covariates("covariates", covariates);
    }

    /** Column → reference level. */
    Map<String, String> references() {
        return References.parse(ref);
    }

    boolean efron() {
        return ties.equals("efron");
    }

    /** The score fitted on the complete cases of {@code data}, ridge-penalised by {@code lambda} (0: none). */
    PrognosticInput.Trained train(Table data, double lambda) {
        return PrognosticInput.train(data, model, outcome, covariates, references(), status, eventValue, efron(), lambda);
    }
}
