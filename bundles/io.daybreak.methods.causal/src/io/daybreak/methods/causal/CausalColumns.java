package io.daybreak.methods.causal;

import java.util.List;

import io.daybreak.core.method.Setting;
import io.daybreak.data.Table;
import io.daybreak.stats.causal.CausalData;
import io.daybreak.stats.models.columns.NumericColumns;
import io.daybreak.stats.models.formula.Formula;
import io.daybreak.stats.models.survival.SurvivalInput;

/**
 * Settings group: the columns every local causal method reads (the treatment, its treated value and the covariates
 * of the propensity model), and the reading of the patients from them.
 */
record CausalColumns(
        Treatment arm,
        @Setting(doc = "the propensity (and outcome) model's covariates: comma-separated numeric columns, or the right "
                + "side of an R formula, e.g. ~ age + karno + factor(celltype) (text columns are factors); an intercept "
                + "is added. Rows with a missing value in any column used are left out and counted")
        String covariates) {

    CausalColumns {
        if (formula(covariates) != null) {
            Formula.parse("covariates", covariates);
        }
    }

    List<String> covariateNames() {
        return NumericColumns.names("covariates", covariates);
    }

    /** The covariates as a one-sided formula, or null when they are a list of columns. */
    private static String formula(String covariates) {
        return covariates != null && covariates.strip().startsWith("~") ? covariates.strip() : null;
    }

    /** The complete cases of {@code data}, with an outcome column or none ({@code null}). */
    CausalData read(Table data, String outcome) {
        SurvivalInput.data(data);
        if (formula(covariates) != null) {
            return CausalData.read(data, arm.treatment(), arm.treatedValue(), Formula.parse("covariates", covariates),
                    outcome, null, 0);
        }
        return CausalData.read(data, arm.treatment(), arm.treatedValue(), covariateNames(), outcome);
    }

    /** The complete cases of {@code data} with a follow-up time and its event status. */
    CausalData readSurvival(Table data, String time, String status, double eventValue) {
        SurvivalInput.data(data);
        if (formula(covariates) != null) {
            return CausalData.read(data, arm.treatment(), arm.treatedValue(), Formula.parse("covariates", covariates),
                    time, status, eventValue);
        }
        return CausalData.readSurvival(data, arm.treatment(), arm.treatedValue(), covariateNames(), time, status,
                eventValue);
    }
}
