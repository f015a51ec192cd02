package io.daybreak.methods.twin;

import java.util.List;

import io.daybreak.core.method.Choice;
import io.daybreak.core.method.Setting;
import io.daybreak.data.Table;
import io.daybreak.stats.models.columns.NumericColumns;
import io.daybreak.stats.twin.PrognosticScore;

/**
 * Settings group: the prognostic model {@code twin.prognostic-train} fits, shared by the local method and its
 * federated twin so both take the same parameters (the federated one words some documentation differently).
 */
record PrognosticModel(
        @Setting(doc = "outcome column (cox: follow-up time)")
        String outcome,
        @Setting(doc = "comma-separated numeric columns")
        String covariates,
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

    List<String> covariateNames() {
        return NumericColumns.names("covariates", covariates);
    }

    boolean efron() {
        return ties.equals("efron");
    }

    /** The score fitted on the complete cases of {@code data}, ridge-penalised by {@code lambda} (0: none). */
    PrognosticScore train(Table data, double lambda) {
        double event = eventValue != null ? eventValue
                : io.daybreak.stats.models.formula.StatusCoding.eventValue(data, outcome, status);
        return PrognosticInput.train(data, model, outcome, covariateNames(), status, event, efron(), lambda);
    }
}
