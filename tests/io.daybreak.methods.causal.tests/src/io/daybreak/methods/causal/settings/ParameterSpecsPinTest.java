package io.daybreak.methods.causal.settings;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.daybreak.core.method.MethodDescriptor;
import io.daybreak.core.testing.ParameterSpecsPin;
import io.daybreak.methods.causal.EValueMethod;
import io.daybreak.methods.causal.EffectMethod;
import io.daybreak.methods.causal.MatchingMethod;
import io.daybreak.methods.causal.PropensityMethod;
import io.daybreak.methods.causal.WeightingMethod;
import io.daybreak.methods.causal.federated.CausalFederatedMethod;

/**
 * Users see no change when a method moves to a settings record (issue 14): every method's and federated
 * method's parameter specs equal those pinned in {@code previous-parameter-specs.txt}, written from the code
 * before typed settings.
 */
class ParameterSpecsPinTest {
    @Test
    void everyMethodDeclaresTheParametersItDeclaredBeforeTypedSettings() {
        List<MethodDescriptor> descriptors = List.of(
                new PropensityMethod().descriptor(),
                new WeightingMethod().descriptor(),
                new MatchingMethod().descriptor(),
                new EffectMethod().descriptor(),
                new EValueMethod().descriptor(),
                new CausalFederatedMethod().descriptor());
        ParameterSpecsPin.assertUnchanged(ParameterSpecsPinTest.class, "previous-parameter-specs.txt", descriptors);
    }
}
