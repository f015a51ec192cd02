package io.daybreak.methods.stats.survival;

import java.util.List;

import io.daybreak.core.method.Choice;
import io.daybreak.core.method.Setting;
import io.daybreak.core.method.Settings;
import io.daybreak.stats.models.columns.NumericColumns;

/**
 * Settings group (see {@link Settings}): the covariates and ties of the Cox model, local and federated; public so
 * that the Cox diagnostics ({@code stats.cox-zph}) declare the model exactly as {@code stats.cox} does.
 */
public record CoxModel(
        @Setting(doc = "comma-separated numeric columns, e.g. age,sex")
        String covariates,
        @Setting(defaultValue = "efron", doc = "handling of tied times")
        @Choice({"efron", "breslow"})
        String ties) {

    /** The covariate columns, checked as a list of names. */
    public List<String> covariateNames() {
        return NumericColumns.names("covariates", covariates);
    }

    /** Efron's handling of ties (as R), rather than Breslow's. */
    public boolean efron() {
        return ties.equals("efron");
    }
}
