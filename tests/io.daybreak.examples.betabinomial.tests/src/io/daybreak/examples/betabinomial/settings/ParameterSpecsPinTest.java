package io.daybreak.examples.betabinomial.settings;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.daybreak.core.method.MethodDescriptor;
import io.daybreak.core.testing.ParameterSpecsPin;
import io.daybreak.examples.betabinomial.BetaBinomialPosteriorMethod;
import io.daybreak.examples.betabinomial.BetaBinomialSimulationMethod;

/**
 * Users see no change when a method moves to a settings record (issue 14): every method's and federated
 * method's parameter specs equal those pinned in {@code previous-parameter-specs.txt}, written from the code
 * before typed settings.
 */
class ParameterSpecsPinTest {
    @Test
    void everyMethodDeclaresTheParametersItDeclaredBeforeTypedSettings() {
        List<MethodDescriptor> descriptors = List.of(
                new BetaBinomialPosteriorMethod().descriptor(),
                new BetaBinomialSimulationMethod().descriptor());
        ParameterSpecsPin.assertUnchanged(ParameterSpecsPinTest.class, "previous-parameter-specs.txt", descriptors);
    }
}
