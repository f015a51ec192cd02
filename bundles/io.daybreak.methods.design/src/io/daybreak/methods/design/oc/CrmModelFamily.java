package io.daybreak.methods.design.oc;

import io.daybreak.core.method.Choice;
import io.daybreak.core.method.Setting;

/**
 * Settings group: the CRM's one-parameter model and the logistic intercept, shared by the CRM designs, the skeleton
 * calculator and the CRM that design.pathways drives. A word rather than the crm package's enum, so that this
 * package needs none of the designs.
 */
public record CrmModelFamily(
        @Setting(defaultValue = "empiric",
                doc = "empiric (power) p = s^exp(b), or one-parameter logistic p = expit(a0 + exp(b) x)")
        @Choice({"empiric", "logistic"})
        String model,
        @Setting(defaultValue = "3", doc = "a0 of the logistic model")
        double intercept) {

    public boolean logistic() {
        return model.equals("logistic");
    }
}
