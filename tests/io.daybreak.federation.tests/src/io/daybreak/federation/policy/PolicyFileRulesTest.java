package io.daybreak.federation.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Policy files are read strictly: a repeated key, a fractional count, a quoted flag or a ratio outside (0, 1]
 * is an error at its file, line and column, never a silently different rule.
 */
class PolicyFileRulesTest {
    @TempDir
    Path dir;

    private PolicyFileException refused(String json) throws IOException {
        Path file = dir.resolve("policy.json");
        Files.writeString(file, json);
        return assertThrows(PolicyFileException.class, () -> DisclosurePolicy.read(file));
    }

    private String at(int line, int column) {
        return dir.resolve("policy.json") + ":" + line + ":" + column + ": ";
    }

    @Test
    void duplicateKeysAreErrorsWithLineAndColumn() throws IOException {
        PolicyFileException e = refused("{\"minCellCount\": 5,\n \"minCellCount\": 1}");
        assertTrue(e.getMessage().startsWith(dir.resolve("policy.json") + ":2:"), e.getMessage());
        assertTrue(e.getMessage().contains("minCellCount"), e.getMessage());
    }

    @Test
    void countsMustBeWholeNumbers() throws IOException {
        PolicyFileException e = refused("{\"minCellCount\": 2.7}");
        assertTrue(e.getMessage().startsWith(at(1, 18)), e.getMessage());
        assertTrue(e.getMessage().contains("whole number"), e.getMessage());
        for (String key : List.of("minSubsetSize", "maxFactorLevels", "maxStringLength", "minRiskSetSize",
                "minRiskSetChange")) {
            assertTrue(refused("{\n  \"" + key + "\": 3.0}").getMessage().startsWith(at(2, 7 + key.length())), key);
        }
        assertTrue(refused("{\"minSubsetSize\": \"5\"}").getMessage().contains("whole number"));
        assertTrue(refused("{\"minSubsetSize\": 0}").getMessage().contains("out of range"));
        assertTrue(refused("{\"maxFactorLevels\": 3000000000}").getMessage().contains("out of range"));
        assertTrue(refused("{\"minCellCount\": 99999999999999999999999}").getMessage().contains("out of range"));
    }

    @Test
    void flagsAreBooleansAndRatiosAreInZeroToOne() throws IOException {
        assertTrue(refused("{\"releaseEventTimes\": \"true\"}").getMessage().startsWith(at(1, 23)));
        assertTrue(refused("{\"releaseEventTimes\": 1}").getMessage().contains("true or false"));
        assertTrue(refused("{\"maxParameterRatio\": 0}").getMessage().contains("out of range"));
        assertTrue(refused("{\"maxFactorLevelRatio\": 1.01}").getMessage().startsWith(at(1, 25)));
        assertTrue(refused("{\"hiddenColumns\": \"name\"}").getMessage().contains("list of column names"));
        assertTrue(refused("{\"hiddenColumns\": [\"name\", 3]}").getMessage().startsWith(at(1, 28)));
        assertTrue(refused("{\"minCellCount\": 5} {}").getMessage().contains("after the policy"));
    }

    @Test
    void newRulesAreReadAndRiskSetChangeDefaultsToTheSubsetSize() throws IOException {
        Path file = dir.resolve("policy.json");
        Files.writeString(file, "{\"minSubsetSize\": 5, \"hiddenColumns\": [\"name\", \"mrn\"], \"maxParameterRatio\": 1}");
        DisclosurePolicy policy = DisclosurePolicy.read(file);
        assertEquals(5, policy.minRiskSetChange(), "defaults to minSubsetSize, not weaker");
        assertEquals(List.of("name", "mrn"), policy.hiddenColumns());
        assertTrue(policy.hides("mrn"));
        assertEquals(1.0, policy.maxParameterRatio());
        Files.writeString(file, "{\"releaseEventTimes\": true, \"minRiskSetChange\": 1}");
        DisclosurePolicy optIn = DisclosurePolicy.read(file);
        assertEquals(1, optIn.minRiskSetChange());
        assertEquals(3, optIn.minSubsetSize());
        assertEquals(3, DisclosurePolicy.DATASHIELD_DEFAULTS.minRiskSetChange());
        assertEquals(List.of(), DisclosurePolicy.DATASHIELD_DEFAULTS.hiddenColumns());
    }

    @Test
    void consecutiveRiskSetsMustChangeByZeroOrAtLeastTheMinimum() {
        DisclosurePolicy policy = DisclosurePolicy.DATASHIELD_DEFAULTS;
        policy.checkRiskSetChanges("sums", new long[] {20, 20, 17, 10, 10, 0});
        assertEquals("risk-set-change", assertThrows(DisclosureException.class,
                () -> policy.checkRiskSetChanges("sums", new long[] {20, 19, 10})).rule());
        policy.withMinRiskSetChange(1).checkRiskSetChanges("sums", new long[] {20, 19, 10});
    }
}
