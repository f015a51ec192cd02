package io.daybreak.methods.design.phase2;

import io.daybreak.core.method.Setting;

/** Settings group: the Beta(a, b) prior of the Bayesian monitoring rules (predictive probability, toxicity). */
record BetaPrior(
        @Setting(min = 0, minInclusive = false, defaultValue = "1", doc = "a of the Beta(a, b) prior")
        double priorA,
        @Setting(min = 0, minInclusive = false, defaultValue = "1", doc = "b of the Beta(a, b) prior")
        double priorB) {
}
