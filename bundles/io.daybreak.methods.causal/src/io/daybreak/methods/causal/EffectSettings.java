package io.daybreak.methods.causal;

import java.util.ArrayList;
import java.util.List;

import io.daybreak.core.method.Choice;
import io.daybreak.core.method.InvalidParameterException;
import io.daybreak.core.method.Setting;
import io.daybreak.stats.causal.Estimand;

/**
 * What {@code causal.effect} takes: the columns and weights it shares with the other causal methods, the outcome,
 * and the estimators. Which estimators fit the outcome and the estimand, and the survival times, are checked here,
 * so a bad combination is refused before the data are read.
 */
record EffectSettings(
        CausalColumns columns,
        Weighting weighting,
        @Setting(doc = "column of the outcome; for outcomeType=survival the follow-up time")
        String outcome,
        @Setting(defaultValue = "continuous", doc = "binary: the outcome column holds 0 and 1; survival: a follow-up "
                + "time with the event status in 'status'")
        OutcomeType outcomeType,
        @Setting(defaultValue = "status", doc = "survival: column of the event status")
        String status,
        @Setting(optional = true, doc = "survival: the status value of an event; default as R's Surv() reads "
                + "the column: 0/1 (1 = event), 1/2 (2 = event) or TRUE/FALSE")
        Double eventValue,
        @Setting(defaultValue = "", doc = "survival: comma-separated times at which to compare the weighted survival "
                + "curves")
        String times,
        @Setting(defaultValue = "efron", doc = "survival: the weighted Cox model's handling of tied event times")
        @Choice({"efron", "breslow"})
        String ties,
        @Setting(defaultValue = EffectSettings.ALL, doc = "comma-separated: iptw (Hajek, normalised weights), iptwHT "
                + "(Horvitz-Thompson, unnormalised; ATE, ATT, ATC), gcomp, aipw, tmle")
        String estimators,
        @Setting(defaultValue = "separate", doc = "the outcome model of gcomp, aipw and tmle: separate (one regression "
                + "per arm, the usual convention) or common (one regression with a common treatment term)")
        @Choice({"separate", "common"})
        String outcomeModel,
        @Setting(defaultValue = "HC3", doc = "standard errors of iptw (Hajek): HC3 or HC0 sandwich of the weighted "
                + "regression lm(Y ~ A, weights = w), as R sandwich::vcovHC(type = ...); weights taken as known")
        @Choice({"HC3", "HC0"})
        String iptwStdError,
        @Setting(min = 0, minInclusive = false, max = 1, maxInclusive = false, defaultValue = "0.95",
                doc = "coverage of the confidence intervals")
        double level) {

    static final String ALL = "iptw,gcomp,aipw,tmle";
    private static final List<String> ESTIMATORS = List.of("iptw", "iptwHT", "gcomp", "aipw", "tmle");

    EffectSettings {
        if (outcomeType == OutcomeType.SURVIVAL) {
            if (!estimators.equals(ALL) && !estimators.strip().equals("iptw")) {
                throw new InvalidParameterException("parameter 'estimators' = '" + estimators + "': a time-to-event "
                        + "outcome is analysed by IPTW (weighted Kaplan-Meier and Cox) only; allowed: iptw");
            }
            timePoints(times);
        } else {
            chosen(estimators, weighting.scheme().target());
        }
    }

    boolean separateOutcomeModels() {
        return outcomeModel.equals("separate");
    }

    boolean hc3() {
        return iptwStdError.equals("HC3");
    }

    boolean efron() {
        return ties.equals("efron");
    }

    /** The estimators to run on a continuous or binary outcome; by default those that estimate the estimand. */
    List<String> chosenEstimators() {
        return chosen(estimators, weighting.scheme().target());
    }

    /** The times at which to compare the survival curves. */
    double[] timePoints() {
        return timePoints(times);
    }

    private static List<String> chosen(String estimators, Estimand estimand) {
        List<String> chosen = new ArrayList<>();
        for (String name : estimators.split(",")) {
            String estimator = name.strip();
            if (!ESTIMATORS.contains(estimator)) {
                throw new InvalidParameterException("parameter 'estimators' names '" + estimator + "'; allowed: "
                        + String.join(", ", ESTIMATORS));
            }
            chosen.add(estimator);
        }
        if (estimand == Estimand.ATO && chosen.contains("iptwHT")) {
            throw new InvalidParameterException("parameter 'estimators' names iptwHT, which has no form for estimand "
                    + "ATO (overlap weights are normalised by construction); allowed with ATO: iptw, gcomp");
        }
        if (estimand != Estimand.ATE && (chosen.contains("aipw") || chosen.contains("tmle"))) {
            if (estimators.equals(ALL)) {
                chosen.removeAll(List.of("aipw", "tmle"));
            } else {
                throw new InvalidParameterException("AIPW and TMLE here estimate the ATE; for estimand " + estimand
                        + " use estimators=iptw,gcomp");
            }
        }
        return chosen;
    }

    private static double[] timePoints(String text) {
        if (text.isBlank()) {
            return new double[0];
        }
        String[] parts = text.split(",");
        double[] times = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                times[i] = Double.parseDouble(parts[i].strip());
            } catch (NumberFormatException e) {
                throw new InvalidParameterException("parameter 'times' has '" + parts[i].strip() + "', not a number; "
                        + "allowed: comma-separated times of 0 or more");
            }
            if (!(times[i] >= 0) || Double.isInfinite(times[i])) {
                throw new InvalidParameterException("parameter 'times' has " + parts[i].strip()
                        + "; allowed: finite times of 0 or more");
            }
        }
        return times;
    }
}
