package io.daybreak.methods.twin;

import java.util.Map;
import java.util.Locale;

import io.daybreak.core.method.InvalidParameterException;
import io.daybreak.core.method.Setting;
import io.daybreak.stats.models.formula.Formula;
import io.daybreak.stats.models.formula.References;

/**
 * What {@code twin.procova} takes: the trial's columns, where the prognostic score comes from, the planning
 * settings and the coverage of the intervals. Planning is for a continuous outcome, which is checked here; what
 * needs the inputs (a trial, historical controls, a coefficients table) is checked when the method runs.
 */
record ProcovaSettings(
        @Setting(defaultValue = "y", doc = "outcome column (survival: time)")
        String outcome,
        @Setting(defaultValue = "continuous")
        OutcomeType outcomeType,
        @Setting(defaultValue = "status", doc = "survival: event status column")
        String status,
        @Setting(optional = true, doc = "survival: the status value of an event; default as R's Surv() reads "
                + "the column: 0/1 (1 = event), 1/2 (2 = event) or TRUE/FALSE")
        Double eventValue,
        @Setting(defaultValue = "arm", doc = "trial column: 1 treated, 0 control")
        String arm,
        @Setting(optional = true,
                doc = "column holding the prognostic score (in 'trial', and in 'historical' for planning)")
        String score,
        @Setting(optional = true, doc = "comma-separated columns or an R formula's right side (~ age + factor(ecog)): "
                + "train the score on 'historical' (gaussian, binomial or Cox by outcomeType) when neither 'score' nor "
                + "'coefficients' is given")
        String covariates,
        @Setting(optional = true, doc = "reference levels of the covariates' factors, e.g. sex=2 (default: the first)")
        String ref,
        Planning planning,
        @Setting(min = 0, minInclusive = false, max = 1, maxInclusive = false, defaultValue = "0.95",
                doc = "coverage of the confidence intervals")
        double level) {

    ProcovaSettings {
        if (covariates != null) {
            Formula.covariates("covariates", covariates);
        }
        References.parse(ref);
        if (planning.delta() != null && outcomeType != OutcomeType.CONTINUOUS) {
            throw new InvalidParameterException("planning ('delta') is for outcomeType=continuous; allowed: remove "
                    + "'delta' for a " + outcomeType.name().toLowerCase(Locale.ROOT) + " outcome");
        }
    }

    /** The outcome's kind, and the family of a prognostic model trained for it. */
    enum OutcomeType {
        CONTINUOUS("gaussian"), BINARY("binomial"), SURVIVAL("cox");

        private final String family;

        OutcomeType(String family) {
            this.family = family;
        }

        String family() {
            return family;
        }
    }

    /** Settings group: Guenther-Schouten sample size planning, run only when 'delta' is given. */
    record Planning(
            @Setting(min = 0, minInclusive = false, optional = true,
                    doc = "planning: the effect to detect (difference in means); planning runs only when given")
            Double delta,
            @Setting(min = 0, minInclusive = false, max = 1, maxInclusive = false, defaultValue = "0.05",
                    doc = "two-sided significance level")
            double alpha,
            @Setting(min = 0, minInclusive = false, max = 1, maxInclusive = false, defaultValue = "0.8")
            double power,
            @Setting(min = 0, minInclusive = false, defaultValue = "1", doc = "allocation n1/n0")
            double ratio,
            @Setting(min = 0, max = 1, defaultValue = "0", doc = "conservative planning: rho_plan = rho_hat (1 - deflation)")
            double deflation,
            @Setting(min = 0, defaultValue = "0", doc = "conservative planning: sigma2_plan = sigma2_hat (1 + inflation)")
            double inflation) {
    }

    /** Column → reference level. */
    Map<String, String> references() {
        return References.parse(ref);
    }

    /** The event value: as given, or as R's Surv() reads the status column of {@code data}. */
    double eventValue(io.daybreak.data.Table data) {
        return eventValue != null ? eventValue
                : io.daybreak.stats.models.formula.StatusCoding.eventValue(data, outcome, status);
    }
}
