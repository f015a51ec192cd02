package io.daybreak.methods.signal.ebgm;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.daybreak.core.testing.ParameterSpecsPin;

/**
 * The parameters of signal.ebgm equal those pinned in {@code previous-parameter-specs.txt} (reviewed when the method
 * was added): a change to them is made on purpose.
 */
class ParameterSpecsPinTest {
    @Test
    void theEbgmMethodsDeclareThePinnedParameters() {
        ParameterSpecsPin.assertUnchanged(ParameterSpecsPinTest.class, "previous-parameter-specs.txt",
                List.of(new EbgmMethod().descriptor(), new EbgmFederatedMethod().descriptor()));
    }
}
