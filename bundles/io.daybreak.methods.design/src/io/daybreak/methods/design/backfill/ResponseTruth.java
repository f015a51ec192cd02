package io.daybreak.methods.design.backfill;

import io.daybreak.core.method.Setting;

/**
 * Settings group: true response probabilities for designs that simulate toxicity only (design.boin, design.blrm),
 * used when they backfill: responses open doses for backfilling and select the optimal dose. BOIN12 has its own.
 */
public record ResponseTruth(
        @Setting(unit = "response probability", min = 0, max = 1, optional = true,
                doc = "with backfill: true response probability per dose, lowest first; simulates responses and selects "
                        + "the optimal dose (BOIN12 utility) up to the MTD")
        double[] efficacy) {

    @Override
    public double[] efficacy() {
        return efficacy == null ? null : efficacy.clone();
    }
}
