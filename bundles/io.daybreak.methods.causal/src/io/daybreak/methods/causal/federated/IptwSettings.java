package io.daybreak.methods.causal.federated;

import java.util.List;

import io.daybreak.core.method.Adjust;
import io.daybreak.core.method.Choice;
import io.daybreak.core.method.InvalidParameterException;
import io.daybreak.core.method.Setting;
import io.daybreak.methods.causal.OutcomeType;
import io.daybreak.methods.causal.Treatment;
import io.daybreak.methods.causal.WeightScheme;
import io.daybreak.stats.models.columns.NumericColumns;

/**
 * What {@code causal.iptw} takes. The treatment and the weights are the groups of the local causal methods, so both
 * refuse the same combinations; the sites hold the arms apart, hence an explicit control value, and an outcome is
 * optional (without one the analysis stops at the balance table).
 */
record IptwSettings(
        @Adjust(name = "treatment", defaultValue = "treatment",
                doc = "column of the treatment: two values, 'treatedValue' and 'controlValue'")
        @Adjust(name = "treatedValue", doc = "the treatment column's treated value")
        Treatment treatment,
        @Setting(defaultValue = "0", doc = "the treatment column's control value")
        double controlValue,
        @Setting(doc = "the propensity model's covariates: comma-separated numeric columns, or the right side of an R "
                + "formula, e.g. ~ age + factor(celltype) (the sites agree each factor's levels); an intercept is added")
        String covariates,
        WeightScheme weights,
        @Setting(optional = true, doc = "column of the outcome; for outcomeType=survival the follow-up time")
        String outcome,
        @Setting(defaultValue = "continuous",
                doc = "the outcome's kind: weighted means (continuous, binary) or weighted Kaplan-Meier and Cox")
        OutcomeType outcomeType,
        @Setting(defaultValue = "status", doc = "survival: column of the event status")
        String status,
        @Setting(optional = true, doc = "survival: the status value of an event; default as R's Surv() reads "
                + "the column: 0/1 (1 = event), 1/2 (2 = event) or TRUE/FALSE")
        Double eventValue,
        @Setting(min = 0, optional = true, doc = "survival: times at which to report the survival difference")
        double[] times,
        @Setting(defaultValue = "efron", doc = "survival: handling of tied times in the weighted Cox model")
        @Choice({"efron", "breslow"})
        String ties,
        @Setting(defaultValue = "HC3", doc = "standard errors of the IPTW means: HC3 or HC0 sandwich of lm(Y ~ A, "
                + "weights = w), as R sandwich::vcovHC(type = ...) and causal.effect; HC3 takes one more round")
        @Choice({"HC3", "HC0"})
        String iptwStdError,
        @Setting(min = 0, minInclusive = false, max = 1, maxInclusive = false, defaultValue = "0.95",
                doc = "confidence level of the intervals")
        double level) {

    IptwSettings {
        if (outcomeType == OutcomeType.SURVIVAL && outcome == null) {
            throw new InvalidParameterException("parameter 'outcome' (the follow-up time column) is needed for "
                    + "outcomeType=survival");
        }
        times = times == null ? new double[0] : times.clone();
    }

    List<String> covariateNames() {
        return NumericColumns.names("covariates", covariates);
    }

    /** The covariates as a one-sided formula ({@code ~ age + factor(celltype)}), or null for a list of columns. */
    io.daybreak.stats.models.formula.Formula covariatesFormula() {
        if (!covariates.strip().startsWith("~")) {
            return null;
        }
        io.daybreak.stats.models.formula.Formula formula = io.daybreak.stats.models.formula.Formula.parse("covariates",
                covariates);
        if (formula.response() != null || !formula.intercept() || !formula.strata().isEmpty()
                || !formula.offsets().isEmpty() || formula.cluster() != null) {
            throw new io.daybreak.core.method.InvalidParameterException("parameter 'covariates': a formula of covariates "
                    + "is one-sided with an intercept, e.g. ~ age + factor(celltype)");
        }
        return formula;
    }

    boolean hc3() {
        return iptwStdError.equals("HC3");
    }

    boolean survival() {
        return outcomeType == OutcomeType.SURVIVAL;
    }

    @Override
    public double[] times() {
        return times.clone();
    }
}
