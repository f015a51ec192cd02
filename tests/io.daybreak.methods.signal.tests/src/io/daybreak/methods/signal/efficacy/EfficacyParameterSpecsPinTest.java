package io.daybreak.methods.signal.efficacy;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.daybreak.core.testing.ParameterSpecsPin;

/**
 * The parameters of signal.thall-simon and signal.orr as users see them (names, order, types, defaults, ranges,
 * documentation) are pinned in {@code efficacy-parameter-specs.txt}: a change must be made on purpose, by deleting
 * the pin, running this test and reviewing the file it writes to the temporary directory.
 */
class EfficacyParameterSpecsPinTest {
    @Test
    void theEfficacyMethodsDeclareThePinnedParameters() {
        ParameterSpecsPin.assertUnchanged(EfficacyParameterSpecsPinTest.class, "efficacy-parameter-specs.txt",
                List.of(new ThallSimonMethod().descriptor(), new OrrMethod().descriptor()));
    }
}
