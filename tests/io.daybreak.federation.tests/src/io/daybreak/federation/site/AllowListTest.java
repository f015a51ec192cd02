package io.daybreak.federation.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The allow-list's text form ({@code --allow}) and its pin rule. */
class AllowListTest {
    private static final String A = "a".repeat(64);
    private static final String B = "0123456789abcdef".repeat(4);

    @Test
    void methodsInOrderEachWithItsPinIfAny() {
        AllowList list = AllowList.parse("stats.glm@" + A.toUpperCase() + ", stats.cox ,test.direct-step");
        assertEquals(List.of("stats.glm", "stats.cox", "test.direct-step"), List.copyOf(list.methods()));
        assertEquals(Optional.of(A), list.pin("stats.glm"), "pins are kept in lower case");
        assertEquals(Optional.empty(), list.pin("stats.cox"));
        assertEquals(Optional.empty(), list.pin("stats.km"));
        assertTrue(list.allows("stats.cox"));
        assertFalse(list.allows("stats.km"));
    }

    @Test
    void aPinnedMethodAcceptsOnlyItsBundleAndAnUnpinnedOneAny() {
        AllowList list = AllowList.parse("stats.glm@" + A + ",stats.cox");
        assertTrue(list.accepts("stats.glm", A));
        assertTrue(list.accepts("stats.glm", A.toUpperCase()));
        assertFalse(list.accepts("stats.glm", B));
        assertFalse(list.accepts("stats.glm", "unavailable"));
        assertTrue(list.accepts("stats.cox", B));
        assertTrue(list.accepts("stats.km", B), "a method off the list is refused when requested, not when installed");
        assertEquals(Set.of("stats.glm", "stats.cox"), AllowList.of(Set.of("stats.glm", "stats.cox")).methods());
        assertTrue(AllowList.of(Set.of("stats.glm")).accepts("stats.glm", B));
    }

    @Test
    void badTextIsRefusedNamingTheEntry() {
        assertMessage("stats.glm,", "empty entry");
        assertMessage("stats.glm,,stats.cox", "empty entry");
        assertMessage("stats glm", "'stats glm' is not a method id");
        assertMessage("stats.glm@abc", "entry 'stats.glm@abc': a pin is the 64 hex digits");
        assertMessage("stats.glm@" + "g".repeat(64), "a pin is the 64 hex digits");
        assertMessage("stats.glm@", "a pin is the 64 hex digits");
        assertMessage("stats.glm@" + A + ",stats.glm", "names stats.glm twice");
    }

    private static void assertMessage(String text, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AllowList.parse(text));
        assertTrue(e.getMessage().contains(expected), text + ": " + e.getMessage());
    }
}
