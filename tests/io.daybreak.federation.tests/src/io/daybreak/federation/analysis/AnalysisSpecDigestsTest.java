package io.daybreak.federation.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The dataset versions an analysis specification pins: checked from the network, part of its digest only when set. */
class AnalysisSpecDigestsTest {
    private static final String ID = "0123456789abcdef0123456789abcdef";
    private static final String DIGEST = "ab".repeat(32);

    @Test
    void aSpecificationWithoutVersionsKeepsItsDigest() {
        AnalysisSpec plain = new AnalysisSpec(ID, "stats.glm", "lung", Map.of("response", "age"), List.of("a", "b"));
        AnalysisSpec empty = new AnalysisSpec(ID, "stats.glm", "lung", Map.of("response", "age"), List.of("a", "b"),
                Map.of());
        AnalysisSpec pinned = new AnalysisSpec(ID, "stats.glm", "lung", Map.of("response", "age"), List.of("a", "b"),
                Map.of("a", DIGEST));
        assertEquals(plain.sha256(), empty.sha256());
        assertNotEquals(plain.sha256(), pinned.sha256(), "the versions are part of what every release is signed over");
        pinned.validate();
    }

    @Test
    void versionsForUnlistedSitesOrThatAreNoDigestAreRefused() {
        IllegalArgumentException unlisted = assertThrows(IllegalArgumentException.class, () -> new AnalysisSpec(ID,
                "stats.glm", "lung", Map.of(), List.of("a"), Map.of("z", DIGEST)).validate());
        assertEquals("the analysis pins a dataset version for a site it does not list", unlisted.getMessage());
        IllegalArgumentException malformed = assertThrows(IllegalArgumentException.class, () -> new AnalysisSpec(ID,
                "stats.glm", "lung", Map.of(), List.of("a"), Map.of("a", DIGEST.toUpperCase())).validate());
        assertEquals("a dataset version digest is 64 lowercase hex digits", malformed.getMessage());
    }
}
