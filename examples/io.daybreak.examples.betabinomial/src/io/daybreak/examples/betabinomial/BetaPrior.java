package io.daybreak.examples.betabinomial;

import io.daybreak.core.method.ParameterSpec;

/** The Beta(a, b) prior parameters both example methods take, declared once. */
final class BetaPrior {
    private BetaPrior() {
    }

    static ParameterSpec.Builder shapeA() {
        return ParameterSpec.real("priorA").greaterThan(0).defaultValue(1.0)
                .doc("a of the Beta(a, b) prior; a = b = 1 is uniform, a = b = 0.5 is Jeffreys'");
    }

    static ParameterSpec.Builder shapeB() {
        return ParameterSpec.real("priorB").greaterThan(0).defaultValue(1.0).doc("b of the Beta(a, b) prior");
    }
}
