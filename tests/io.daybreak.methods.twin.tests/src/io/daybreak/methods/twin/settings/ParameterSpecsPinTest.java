package io.daybreak.methods.twin.settings;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.daybreak.core.method.MethodDescriptor;
import io.daybreak.core.testing.ParameterSpecsPin;
import io.daybreak.methods.twin.FidelityMethod;
import io.daybreak.methods.twin.ProcovaMethod;
import io.daybreak.methods.twin.PrognosticFederatedMethod;
import io.daybreak.methods.twin.PrognosticTrainMethod;
import io.daybreak.methods.twin.TgiFitMethod;
import io.daybreak.methods.twin.TgiSimulateMethod;

/**
 * Users see no change when a method moves to a settings record (issue 14): every method's and federated
 * method's parameter specs equal those pinned in {@code previous-parameter-specs.txt}, written from the code
 * before typed settings.
 */
class ParameterSpecsPinTest {
    @Test
    void everyMethodDeclaresTheParametersItDeclaredBeforeTypedSettings() {
        List<MethodDescriptor> descriptors = List.of(
                new PrognosticTrainMethod().descriptor(),
                new PrognosticFederatedMethod().descriptor(),
                new ProcovaMethod().descriptor(),
                new FidelityMethod().descriptor(),
                new TgiFitMethod().descriptor(),
                new TgiSimulateMethod().descriptor());
        ParameterSpecsPin.assertUnchanged(ParameterSpecsPinTest.class, "previous-parameter-specs.txt", descriptors);
    }
}
