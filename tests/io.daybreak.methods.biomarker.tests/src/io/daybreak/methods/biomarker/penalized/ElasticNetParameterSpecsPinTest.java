package io.daybreak.methods.biomarker.penalized;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The parameters of biomarker.elastic-net (local and federated) as users see them (names, order, types, defaults,
 * ranges, documentation) are pinned in {@code elastic-net-parameter-specs.txt}: a change must be made on purpose, by
 * deleting the pin, running this test and reviewing the file it writes to the temporary directory.
 */
class ElasticNetParameterSpecsPinTest {
    @Test
    void theElasticNetMethodDeclaresThePinnedParameters() {
        io.daybreak.core.testing.ParameterSpecsPin.assertUnchanged(ElasticNetParameterSpecsPinTest.class,
                "elastic-net-parameter-specs.txt", List.of(new ElasticNetMethod().descriptor(),
                        new ElasticNetFederatedMethod().descriptor()));
    }
}
