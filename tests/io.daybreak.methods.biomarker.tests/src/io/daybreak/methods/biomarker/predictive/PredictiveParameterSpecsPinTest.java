package io.daybreak.methods.biomarker.predictive;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.daybreak.core.testing.ParameterSpecsPin;

/**
 * The parameters of biomarker.interaction, biomarker.stepp and biomarker.modified-covariate as users see them are pinned in
 * {@code predictive-parameter-specs.txt}: a change must be made on purpose, by deleting the pin, running this test and
 * reviewing the file it writes to the temporary directory.
 */
class PredictiveParameterSpecsPinTest {
    @Test
    void thePredictiveMethodsDeclareThePinnedParameters() {
        ParameterSpecsPin.assertUnchanged(PredictiveParameterSpecsPinTest.class, "predictive-parameter-specs.txt",
                List.of(new InteractionMethod().descriptor(), new SteppMethod().descriptor(),
                        new ModifiedCovariateMethod().descriptor()));
    }
}
