package io.daybreak.methods.stats.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.daybreak.core.method.InvalidParameterException;
import io.daybreak.core.method.MethodDescriptor;
import io.daybreak.core.method.Parameters;
import io.daybreak.core.method.Settings;
import io.daybreak.methods.stats.glm.GlmMethod;
import io.daybreak.methods.stats.survival.CoxMethod;
import io.daybreak.stats.models.columns.SiteSplit;
import io.daybreak.stats.models.survival.SurvivalColumns;

/** The settings groups the statistics methods share. */
class SharedSettingsTest {

    /** A meta-analysis in one process needs sites: refused when the parameters bind, before any data is read. */
    @Test
    void aMetaAnalysisWithoutSiteColumnIsRefusedWhenTheParametersBind() {
        InvalidParameterException glm = assertThrows(InvalidParameterException.class, () -> Parameters.bind(
                new GlmMethod().descriptor(), Map.of("response", "y", "covariates", "x", "combine", "fixed")));
        assertEquals("parameter 'combine' = fixed needs 'siteColumn' with at least two sites", glm.getMessage());
        InvalidParameterException cox = assertThrows(InvalidParameterException.class, () -> Parameters.bind(
                new CoxMethod().descriptor(), Map.of("covariates", "age", "combine", "random")));
        assertEquals("parameter 'combine' = random needs 'siteColumn' with at least two sites", cox.getMessage());
        Parameters.bind(new CoxMethod().descriptor(), Map.of("covariates", "age", "combine", "random",
                "siteColumn", "site"));
    }

    /** The survival columns and the site split bind as groups of any settings record that holds them. */
    @Test
    void theSurvivalGroupsBindInAnyRecord() {
        Parameters bound = Parameters.bind(MethodDescriptor.builder("test.survival", "test").settings(Both.class)
                .build(), Map.of("eventValue", "2", "siteColumn", "site"));
        assertEquals(new SurvivalColumns("time", "status", 2.0), Settings.bind(SurvivalColumns.class, bound));
        assertEquals(new SiteSplit("site"), Settings.bind(SiteSplit.class, bound));
    }

    record Both(SurvivalColumns survival, SiteSplit split) {
    }
}
