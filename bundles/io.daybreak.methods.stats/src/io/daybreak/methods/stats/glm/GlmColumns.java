package io.daybreak.methods.stats.glm;

import java.util.List;

import io.daybreak.core.method.Setting;
import io.daybreak.core.method.Settings;
import io.daybreak.stats.models.columns.NumericColumns;
import io.daybreak.stats.models.glm.DesignMatrix;

/** Settings group (see {@link Settings}): the response and covariates of the GLM and Firth fits, local and federated. */
record GlmColumns(
        @Setting(doc = "numeric response column")
        String response,
        @Setting(doc = "comma-separated numeric columns; an intercept is added")
        String covariates) {

    /** The covariate columns, checked as a list of names. */
    List<String> covariateNames() {
        return NumericColumns.names("covariates", covariates);
    }

    /** The term names: (Intercept) and the covariates. */
    List<String> terms() {
        return DesignMatrix.terms(covariateNames());
    }
}
