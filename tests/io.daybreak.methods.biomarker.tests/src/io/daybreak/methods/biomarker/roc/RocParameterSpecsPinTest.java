package io.daybreak.methods.biomarker.roc;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.daybreak.core.testing.ParameterSpecsPin;

/**
 * The parameters of biomarker.roc, biomarker.cutpoint and biomarker.time-roc as users see them are pinned in
 * {@code roc-parameter-specs.txt}: a change must be made on purpose, by deleting the pin, running this test and
 * reviewing the file it writes to the temporary directory.
 */
class RocParameterSpecsPinTest {
    @Test
    void theRocMethodsDeclareThePinnedParameters() {
        ParameterSpecsPin.assertUnchanged(RocParameterSpecsPinTest.class, "roc-parameter-specs.txt",
                List.of(new RocMethod().descriptor(), new CutpointMethod().descriptor(),
                        new TimeRocMethod().descriptor()));
    }
}
