package io.daybreak.federation.audit;

import static io.daybreak.federation.audit.AuditFixtures.CLOCK;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Item 3: the key and the anchor make a deleted, truncated, rolled-back or swapped log visible; a new log is
 * started only when asked for, and its first entry says why and what the previous anchor recorded.
 */
class AuditAnchorTest {
    @TempDir
    Path dir;

    @Test
    void aBrandNewNodeGetsAnOwnerOnlyRandomKeyAnAnchorAndAnEmptyLog() throws IOException {
        Path log = dir.resolve("audit.log");
        Path key = dir.resolve("keys").resolve("node.key");
        Files.createDirectories(key.getParent());
        try (AuditLog audit = AuditLog.open(log, key, CLOCK, false)) {
            assertEquals(new AuditLog.Head(0, AuditLog.GENESIS), audit.head());
        }
        assertEquals(0, Files.size(log));
        String hex = Files.readString(key, StandardCharsets.US_ASCII);
        assertTrue(hex.matches("[0-9a-f]{64}\n"), hex);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));
        }
        assertTrue(Files.exists(AuditFixtures.anchorOf(log)));

        Path other = dir.resolve("other.log");
        AuditLog.open(other, CLOCK).close();
        assertNotEquals(hex, Files.readString(AuditLog.defaultKeyFile(other)), "each node draws its own key");
    }

    @Test
    void aDeletedLogIsRefusedNamingTheFileAndWhatTheAnchorRecords() throws IOException {
        Path log = AuditFixtures.logWithFiveEntries(dir);
        String head = AuditVerifier.verify(log).lastHash();
        Files.delete(log);

        IOException e = assertThrows(IOException.class, () -> AuditLog.open(log, CLOCK));
        assertTrue(e.getMessage().contains(log + " is missing") && e.getMessage().contains("5 entries, head " + head)
                && e.getMessage().contains("startNew"), e.getMessage());
        assertFalse(Files.exists(log), "no new log was started at entry 0");
    }

    @Test
    void aDeletedLogIsStartedAnewOnlyWhenAskedAndTheNewLogSaysWhy() throws IOException {
        Path log = AuditFixtures.logWithFiveEntries(dir);
        String head = AuditVerifier.verify(log).lastHash();
        Files.delete(log);

        try (AuditLog audit = AuditLog.open(log, AuditLog.defaultKeyFile(log), CLOCK, true, "daybreak node --new-audit-log")) {
            assertEquals(1, audit.entries());
        }
        JsonNode first = AuditFixtures.entries(log).get(0);
        assertEquals("started-anew", first.get("kind").asText());
        assertEquals(1, first.get("seq").asLong());
        JsonNode fields = first.get("fields");
        assertEquals("log-missing", fields.get("reason").asText());
        assertEquals("daybreak node --new-audit-log", fields.get("requestedBy").asText());
        assertEquals(5, fields.get("previousAnchor").get("entries").asLong());
        assertEquals(head, fields.get("previousAnchor").get("head").asText());
        assertTrue(fields.get("previousAnchor").get("macVerified").asBoolean());
        assertEquals("missing", fields.get("previousLog").asText());
        assertTrue(AuditVerifier.verify(log).intact());
        try (AuditLog reopened = AuditLog.open(log, CLOCK)) {
            assertEquals(1, reopened.entries(), "the new log continues normally");
        }
    }

    @Test
    void aTruncatedLogIsRefusedAndStartingAnewKeepsItAsideWithItsDigest() throws IOException {
        Path log = AuditFixtures.logWithFiveEntries(dir);
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        Files.write(log, lines.subList(0, 3), StandardCharsets.UTF_8); // the last two entries removed, cleanly
        assertFalse(AuditVerifier.verify(log).intact(), "the verifier sees it too");
        byte[] truncated = Files.readAllBytes(log);

        IOException e = assertThrows(IOException.class, () -> AuditLog.open(log, CLOCK));
        assertTrue(e.getMessage().contains("ends at entry 3") && e.getMessage().contains("records 5 entries")
                && e.getMessage().contains("truncated, rolled back or replaced"), e.getMessage());
        assertArrayEquals(truncated, Files.readAllBytes(log), "a refused log is left as it is");

        try (AuditLog audit = AuditLog.open(log, AuditLog.defaultKeyFile(log), CLOCK, true)) {
            assertEquals(1, audit.entries());
        }
        JsonNode fields = AuditFixtures.entries(log).get(0).get("fields");
        assertEquals("log-behind-anchor", fields.get("reason").asText());
        assertEquals(3, fields.get("logEntries").asLong());
        assertEquals(5, fields.get("previousAnchor").get("entries").asLong());
        Path aside = dir.resolve(fields.get("previousLog").get("movedTo").asText());
        assertTrue(aside.getFileName().toString().startsWith("audit.log.replaced-"), aside.toString());
        assertArrayEquals(truncated, Files.readAllBytes(aside), "the previous log is kept, not deleted");
        assertEquals(AuditFixtures.sha256(truncated), fields.get("previousLog").get("sha256").asText());
    }

    @Test
    void aLogSwappedForAnotherChainUnderTheSameKeyIsRefused() throws IOException {
        Path log = AuditFixtures.logWithFiveEntries(dir);
        // another log, just as long, re-chained under this node's key: only the anchor's head tells them apart
        Path other = dir.resolve("other.log");
        try (AuditLog audit = AuditLog.open(other, CLOCK)) {
            for (int i = 0; i < 5; i++) {
                audit.append("request", Map.of("n", i));
            }
        }
        List<String> others = Files.readAllLines(other, StandardCharsets.UTF_8);
        byte[] key = AuditFixtures.keyBytes(AuditLog.defaultKeyFile(log));
        Files.write(log, AuditFixtures.rechain(others, (previous, json) -> AuditFixtures.hmac(key, previous, json)),
                StandardCharsets.UTF_8);

        IOException e = assertThrows(IOException.class, () -> AuditLog.open(log, CLOCK));
        assertTrue(e.getMessage().contains("has entry 5 with hash") && e.getMessage().contains("replaced by another chain"),
                e.getMessage());
        assertFalse(AuditVerifier.verify(log).intact());
    }

    @Test
    void aMissingOrEditedAnchorIsRefused() throws IOException {
        Path log = AuditFixtures.logWithFiveEntries(dir);
        Path anchor = AuditFixtures.anchorOf(log);
        String text = Files.readString(anchor);

        Files.writeString(anchor, text.replace("\"entries\":5", "\"entries\":3"));
        IOException edited = assertThrows(IOException.class, () -> AuditLog.open(log, CLOCK));
        assertTrue(edited.getMessage().contains("MAC does not check"), edited.getMessage());

        Files.delete(anchor);
        IOException missing = assertThrows(IOException.class, () -> AuditLog.open(log, CLOCK));
        assertTrue(missing.getMessage().contains("has no anchor " + anchor), missing.getMessage());
    }

    @Test
    void aLogAheadOfItsAnchorAfterACrashBetweenTheTwoWritesContinues() throws IOException {
        Path log = AuditFixtures.logWithFiveEntries(dir);
        Path anchor = AuditFixtures.anchorOf(log);
        byte[] anchorAtFive = Files.readAllBytes(anchor);
        try (AuditLog audit = AuditLog.open(log, CLOCK)) {
            audit.append("request", Map.of("n", 6));
        }
        Files.write(anchor, anchorAtFive); // as if the process stopped after forcing the log, before the anchor
        try (AuditLog audit = AuditLog.open(log, CLOCK)) {
            assertEquals(6, audit.entries());
        }
        assertTrue(Files.readString(anchor).contains("\"entries\":6"), "the anchor caught up");
    }

    @Test
    void startNewNeverSetsAsideALogThatCanBeContinued() throws IOException {
        Path log = AuditFixtures.logWithFiveEntries(dir);
        byte[] before = Files.readAllBytes(log);
        IOException e = assertThrows(IOException.class,
                () -> AuditLog.open(log, AuditLog.defaultKeyFile(log), CLOCK, true));
        assertTrue(e.getMessage().contains("can be continued") && e.getMessage().contains("without startNew"),
                e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(log));
    }

    @Test
    void aLogWithoutItsKeyIsRefusedAndStartingAnewDrawsANewKey() throws IOException {
        Path log = AuditFixtures.logWithFiveEntries(dir);
        Path key = AuditLog.defaultKeyFile(log);
        String oldKey = Files.readString(key);
        Files.delete(key);

        IOException e = assertThrows(IOException.class, () -> AuditLog.open(log, CLOCK));
        assertTrue(e.getMessage().contains("has no key file " + key) && e.getMessage().contains("cannot be verified"),
                e.getMessage());
        assertFalse(Files.exists(key), "no key is made up for a log that has entries");

        try (AuditLog audit = AuditLog.open(log, key, CLOCK, true)) {
            assertEquals(1, audit.entries());
        }
        JsonNode fields = AuditFixtures.entries(log).get(0).get("fields");
        assertEquals("key-missing", fields.get("reason").asText());
        assertTrue(fields.get("newKey").asBoolean());
        assertFalse(fields.get("previousAnchor").get("macVerified").asBoolean());
        assertNotEquals(oldKey, Files.readString(key));
        assertTrue(AuditVerifier.verify(log).intact());
    }
}
