package io.daybreak.methods.biomarker.selection;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.daybreak.core.testing.ParameterSpecsPin;

/**
 * The parameters of biomarker.adjust and biomarker.knockoff as users see them are pinned in
 * {@code selection-parameter-specs.txt}: a change must be made on purpose, by deleting the pin, running this test
 * and reviewing the file it writes to the temporary directory.
 */
class SelectionParameterSpecsPinTest {
    @Test
    void theSelectionMethodsDeclareThePinnedParameters() {
        ParameterSpecsPin.assertUnchanged(SelectionParameterSpecsPinTest.class, "selection-parameter-specs.txt",
                List.of(new AdjustMethod().descriptor(), new KnockoffMethod().descriptor()));
    }
}
