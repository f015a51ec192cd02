package io.daybreak.methods.stats.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.daybreak.core.method.InvalidParameterException;
import io.daybreak.methods.stats.StatsTestSupport;

/** {@code stats.table} against R's table() and chisq.test() (docs/validation/r/stats/tables.R). */
class TableTest extends StatsTestSupport {

    @Test
    void aTwoWayTableWithMissingValuesMatchesR() throws Exception {
        Map<String, Object> pooled = run(new TableMethod(), LUNG, Map.of("rows", "sex", "columns", "ph.ecog",
                "correct", "false"));
        assertEquals(List.of("0", "1", "2", "3"), pooled.get("columnLevels"));
        assertEquals(List.of(List.of(36L, 71L, 29L, 1L), List.of(27L, 42L, 21L, 0L)), pooled.get("counts"));
        assertEquals(1L, pooled.get("excluded")); // the patient without ph.ecog
        assertRelative(1.33410652689472, (Double) pooled.get("chiSquared"), 1e-13, "chi-squared");
        assertEquals(3L, pooled.get("df"));
        assertRelative(0.721050515346131, (Double) pooled.get("pValue"), 1e-12, "p");
        // each site's table built on its own levels (site 2 has no ph.ecog = 3), then added: the same table
        Map<String, Object> sites = run(new TableMethod(), LUNG, Map.of("rows", "sex", "columns", "ph.ecog",
                "correct", "false", "siteColumn", "site"));
        assertEquals(pooled.get("counts"), sites.get("counts"));
        assertEquals(pooled.get("chiSquared"), sites.get("chiSquared"));
    }

    @Test
    void textLevelsSortAsRAndSitesAddUp() throws Exception {
        for (Map<String, String> raw : List.of(Map.of("rows", "education", "columns", "case"),
                Map.of("rows", "education", "columns", "case", "siteColumn", "parity"))) {
            Map<String, Object> result = run(new TableMethod(), INFERT, raw);
            assertEquals(List.of("0-5yrs", "12+ yrs", "6-11yrs"), result.get("rowLevels"));
            assertEquals(List.of(List.of(8L, 4L), List.of(77L, 39L), List.of(80L, 40L)), result.get("counts"));
            assertRelative(0.00228961824308729, (Double) result.get("chiSquared"), 1e-11, "chi-squared");
            assertRelative(0.998855845922428, (Double) result.get("pValue"), 1e-13, "p");
            assertEquals(false, result.get("continuityCorrection")); // only 2 x 2 tables are corrected
        }
    }

    @Test
    void aOneWayTableHasNoTestAndAnUnknownColumnIsNamed() throws Exception {
        Map<String, Object> oneWay = run(new TableMethod(), LUNG, Map.of("rows", "ph.ecog"));
        assertEquals(List.of(List.of(63L), List.of(113L), List.of(50L), List.of(1L)), oneWay.get("counts"));
        assertTrue(!oneWay.containsKey("chiSquared"));
        InvalidParameterException e = assertThrows(InvalidParameterException.class, () -> run(new TableMethod(), LUNG,
                Map.of("rows", "nosuch")));
        assertTrue(e.getMessage().contains("'rows'") && e.getMessage().contains("'nosuch'"), e.getMessage());
    }
}
