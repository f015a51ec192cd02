package io.daybreak.methods.signal.disproportionality;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.daybreak.core.testing.ParameterSpecsPin;

/**
 * The parameters of signal.disproportionality, local and federated, equal those pinned in
 * {@code previous-parameter-specs.txt} (reviewed when the methods were added): a change to them is made on purpose.
 */
class ParameterSpecsPinTest {
    @Test
    void theDisproportionalityMethodsDeclareThePinnedParameters() {
        ParameterSpecsPin.assertUnchanged(ParameterSpecsPinTest.class, "previous-parameter-specs.txt",
                List.of(new DisproportionalityMethod().descriptor(), new DisproportionalityFederatedMethod().descriptor()));
    }
}
