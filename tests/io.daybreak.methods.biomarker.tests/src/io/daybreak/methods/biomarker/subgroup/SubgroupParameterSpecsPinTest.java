package io.daybreak.methods.biomarker.subgroup;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.daybreak.core.testing.ParameterSpecsPin;

/**
 * The parameters of biomarker.virtual-twins and biomarker.sides as users see them are pinned in
 * {@code subgroup-parameter-specs.txt}: a change must be made on purpose, by deleting the pin, running this test and
 * reviewing the file it writes to the temporary directory.
 */
class SubgroupParameterSpecsPinTest {
    @Test
    void theSubgroupMethodsDeclareThePinnedParameters() {
        ParameterSpecsPin.assertUnchanged(SubgroupParameterSpecsPinTest.class, "subgroup-parameter-specs.txt",
                List.of(new VirtualTwinsMethod().descriptor(), new SidesMethod().descriptor()));
    }
}
