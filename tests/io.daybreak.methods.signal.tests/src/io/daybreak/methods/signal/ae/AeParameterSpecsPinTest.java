package io.daybreak.methods.signal.ae;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.daybreak.core.testing.ParameterSpecsPin;

/**
 * The parameters of signal.ae-compare, local and federated, as users see them (names, order, types, defaults,
 * ranges, documentation) are pinned in {@code ae-parameter-specs.txt}: a change must be made on purpose, by deleting
 * the pin, running this test and reviewing the file it writes to the temporary directory.
 */
class AeParameterSpecsPinTest {
    @Test
    void theAeMethodsDeclareThePinnedParameters() {
        ParameterSpecsPin.assertUnchanged(AeParameterSpecsPinTest.class, "ae-parameter-specs.txt",
                List.of(new AeCompareMethod().descriptor(), new AeFederatedMethod().descriptor()));
    }
}
