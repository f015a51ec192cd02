package io.daybreak.federation.policy;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DisclosurePolicyTest {
    private static final DisclosurePolicy POLICY = DisclosurePolicy.DATASHIELD_DEFAULTS;

    @TempDir
    Path dir;

    @Test
    void dataShieldDefaultsRefuseSmallCellsSubsetsSaturatedModelsAndLongStrings() {
        assertDoesNotThrow(() -> POLICY.checkCounts("table", new long[] {0, 3, 10}));
        assertEquals("cell-count", assertThrows(DisclosureException.class,
                () -> POLICY.checkCounts("table", new long[] {5, 2})).rule());
        assertDoesNotThrow(() -> POLICY.checkSubset("subset", 10, 20));
        assertEquals("subset-size", assertThrows(DisclosureException.class, () -> POLICY.checkSubset("s", 2, 20)).rule());
        // differencing: a subset of 18 out of 20 leaves 2 outside, which the complement would reveal
        DisclosureException complement = assertThrows(DisclosureException.class, () -> POLICY.checkSubset("s", 18, 20));
        assertTrue(complement.getMessage().contains("outside"), complement.getMessage());
        assertDoesNotThrow(() -> POLICY.checkParameters("glm", 3, 10));
        assertEquals("parameter-ratio", assertThrows(DisclosureException.class,
                () -> POLICY.checkParameters("glm", 4, 10)).rule());
        assertEquals("factor-levels", assertThrows(DisclosureException.class,
                () -> POLICY.checkFactor("f", 41, 1000)).rule());
        assertEquals("factor-levels", assertThrows(DisclosureException.class, () -> POLICY.checkFactor("f", 4, 10)).rule());
        assertEquals("string-length", assertThrows(DisclosureException.class,
                () -> POLICY.checkStrings(List.of("x".repeat(81)))).rule());
        // messages name the rule and the thresholds, never the values that were refused
        assertTrue(!assertThrows(DisclosureException.class, () -> POLICY.checkCounts("t", new long[] {2})).getMessage()
                .contains(" 2 "));
    }

    @Test
    void aPolicyFileOverridesDefaultsAndBadFilesAreNamedWithLineAndColumn() throws IOException {
        Path good = dir.resolve("policy.json");
        Files.writeString(good, "{\"minCellCount\": 5,\n \"maxStringLength\": 40}");
        DisclosurePolicy policy = DisclosurePolicy.read(good);
        assertEquals(5, policy.minCellCount());
        assertEquals(40, policy.maxStringLength());
        assertEquals(3, policy.minSubsetSize());

        Path syntax = dir.resolve("syntax.json");
        Files.writeString(syntax, "{\"minCellCount\": 5,\n \"maxStringLength\" 40}");
        PolicyFileException bad = assertThrows(PolicyFileException.class, () -> DisclosurePolicy.read(syntax));
        assertTrue(bad.getMessage().startsWith(syntax + ":2:"), bad.getMessage());

        Path unknown = dir.resolve("unknown.json");
        Files.writeString(unknown, "{\"minCellCounts\": 5}");
        assertTrue(assertThrows(PolicyFileException.class, () -> DisclosurePolicy.read(unknown)).getMessage()
                .contains("unknown rule 'minCellCounts'"));

        Path range = dir.resolve("range.json");
        Files.writeString(range, "{\"maxParameterRatio\": 1.5}");
        assertTrue(assertThrows(PolicyFileException.class, () -> DisclosurePolicy.read(range)).getMessage()
                .contains("out of range"));
    }
}
