package io.daybreak.federation.audit;

import static io.daybreak.federation.audit.AuditFixtures.CLOCK;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Items 1 and 2: a torn last line is cut and the cut recorded when the log is opened; damage before it is a
 * hard failure; a log that cannot write durably is failed until the disk takes writes again, simulated
 * deterministically by {@link FullDisk}.
 */
class AuditRecoveryTest {
    @TempDir
    Path dir;

    static Stream<Arguments> tornTails() {
        byte[] zeros = new byte[100];
        return Stream.of(
                Arguments.of("half an entry, no newline", "{\"fields\":{\"method\":\"stats.cox\",\"requ"
                        .getBytes(StandardCharsets.UTF_8)),
                Arguments.of("zeros, as a file system leaves after a crash", zeros),
                Arguments.of("a whole line that is not JSON", "#!garbage\n".getBytes(StandardCharsets.UTF_8)),
                Arguments.of("a whole entry with a hash that does not verify", null),
                Arguments.of("a whole, valid entry without its newline", new byte[0]));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tornTails")
    void aTornLastLineIsCutWhenTheLogIsOpenedAndTheCutIsRecorded(String what, byte[] given) throws IOException {
        Path log = AuditFixtures.logWithFiveEntries(dir);
        byte[] original = Files.readAllBytes(log);
        String head = AuditVerifier.verify(log).lastHash();
        byte[] tail = given != null && given.length > 0 ? given : nextEntry(head, given == null);
        Files.write(log, tail, StandardOpenOption.APPEND);

        AuditVerifier.Result before = AuditVerifier.verify(log);
        assertFalse(before.intact(), what);
        assertTrue(before.problem().startsWith(log + ":6: "), before.problem());

        try (AuditLog reopened = AuditLog.open(log, CLOCK)) {
            assertEquals(6, reopened.entries(), "five entries and the recovery");
            reopened.append("request", Map.of("method", "stats.km"));
        }
        byte[] after = Files.readAllBytes(log);
        assertArrayEquals(original, Arrays.copyOf(after, original.length), "the five entries are untouched");
        JsonNode recovery = AuditFixtures.entries(log).get(5);
        assertEquals("recovery", recovery.get("kind").asText());
        assertEquals(head, recovery.get("prev").asText());
        JsonNode fields = recovery.get("fields");
        assertEquals("torn-tail", fields.get("reason").asText());
        assertEquals(6, fields.get("line").asLong());
        assertEquals(5, fields.get("afterEntry").asLong());
        assertEquals(tail.length, fields.get("cutBytes").asLong());
        assertEquals(AuditFixtures.sha256(tail), fields.get("cutSha256").asText());
        AuditVerifier.Result result = AuditVerifier.verify(log);
        assertTrue(result.intact(), result.problem());
        assertEquals(7, result.entries());
        assertFalse(Files.exists(dir.resolve("audit.log.recovery")), "no pending record is left behind");
    }

    /** The next entry after {@code head}, correctly MAC'd or with a forged hash, with or without newline. */
    private byte[] nextEntry(String head, boolean forged) throws IOException {
        String json = "{\"fields\":{\"method\":\"stats.glm\"},\"kind\":\"release\",\"prev\":\"" + head
                + "\",\"seq\":6,\"time\":\"2026-11-24T10:00:00Z\"}";
        String hash = forged ? "ab".repeat(32)
                : AuditFixtures.hmac(AuditFixtures.keyBytes(dir.resolve("audit.log.key")), head, json);
        String line = json.replace(",\"kind\"", ",\"hash\":\"" + hash + "\",\"kind\"");
        return (forged ? line + "\n" : line).getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void damageBeforeTheLastLineIsAHardFailureNamingFileAndLineAndNothingIsChanged() throws IOException {
        Path log = AuditFixtures.logWithFiveEntries(dir);
        List<String> lines = new ArrayList<>(Files.readAllLines(log, StandardCharsets.UTF_8));
        lines.set(2, lines.get(2).replace("parameter-ratio", "parameter-ratiO"));
        Files.write(log, lines, StandardCharsets.UTF_8);
        byte[] damaged = Files.readAllBytes(log);

        IOException e = assertThrows(IOException.class, () -> AuditLog.open(log, CLOCK));
        assertTrue(e.getMessage().contains(log + ":3: ") && e.getMessage().contains("not intact")
                && e.getMessage().contains("edited"), e.getMessage());
        assertArrayEquals(damaged, Files.readAllBytes(log));
    }

    @Test
    void aDamagedLastLineThatTheAnchorRecordsIsDamageNotATornAppend() throws IOException {
        Path log = AuditFixtures.logWithFiveEntries(dir);
        List<String> lines = new ArrayList<>(Files.readAllLines(log, StandardCharsets.UTF_8));
        lines.set(4, lines.get(4).replace("\"bytes\":99", "\"bytes\":98"));
        Files.write(log, lines, StandardCharsets.UTF_8);
        byte[] damaged = Files.readAllBytes(log);

        IOException e = assertThrows(IOException.class, () -> AuditLog.open(log, CLOCK));
        assertTrue(e.getMessage().contains(log + ":5: ") && e.getMessage().contains("damage, not an interrupted append"),
                e.getMessage());
        assertArrayEquals(damaged, Files.readAllBytes(log));
    }

    @Test
    void aFullDiskFailsTheLogAndItRecoversOnceTheDiskTakesWritesAgain() throws IOException {
        Path log = dir.resolve("audit.log");
        FullDisk disk = new FullDisk();
        try (AuditLog audit = AuditOpen.open(log, AuditLog.defaultKeyFile(log), CLOCK, false, null, disk)) {
            audit.append("request", Map.of("n", 1));
            audit.append("release", Map.of("n", 2));
            AuditLog.Head good = audit.head();
            long goodSize = Files.size(log);

            disk.fill(10);
            IOException full = assertThrows(IOException.class, () -> audit.append("release", Map.of("n", 3)));
            assertTrue(full.getMessage().contains("entry 3 could not be written") && full.getMessage().contains("No space"),
                    full.getMessage());
            assertTrue(audit.failed());
            assertEquals(good, audit.head(), "an append that throws does not count");
            byte[] torn = Arrays.copyOfRange(Files.readAllBytes(log), (int) goodSize, (int) Files.size(log));
            assertEquals(10, torn.length, "the full disk took part of the line");

            IOException still = assertThrows(IOException.class, () -> audit.append("release", Map.of("n", 4)));
            assertTrue(still.getMessage().contains("is failed since") && still.getMessage().contains("nothing appended"),
                    still.getMessage());
            assertTrue(audit.failed());
            assertEquals(good, audit.head());
            assertFalse(AuditVerifier.verify(log).intact(), "the torn line is still there");

            disk.free();
            audit.append("release", Map.of("n", 5));
            assertFalse(audit.failed());
            assertEquals(4, audit.entries());
        }
        List<JsonNode> entries = AuditFixtures.entries(log);
        assertEquals(List.of("request", "release", "recovery", "release"), entries.stream()
                .map(e -> e.get("kind").asText()).toList());
        JsonNode recovery = entries.get(2).get("fields");
        assertEquals("failed-append", recovery.get("reason").asText());
        assertEquals(10, recovery.get("cutBytes").asLong());
        assertEquals(1, recovery.get("refusedAppends").asLong());
        assertTrue(recovery.get("cause").asText().contains("No space left on device"), recovery.toString());
        assertEquals(5, entries.get(3).get("fields").get("n").asInt(), "the appends refused while failed are not there");
        AuditVerifier.Result result = AuditVerifier.verify(log);
        assertTrue(result.intact(), result.problem());
        try (AuditLog reopened = AuditLog.open(log, CLOCK)) {
            assertEquals(4, reopened.entries(), "the anchor followed");
        }
    }

    static Stream<Arguments> durabilityFailures() {
        return Stream.of(Arguments.of("the force fails", (FailureMode) FullDisk::failForce),
                Arguments.of("the anchor cannot be replaced", (FailureMode) FullDisk::failAnchor));
    }

    interface FailureMode {
        void apply(FullDisk disk);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("durabilityFailures")
    void anEntryThatWasWrittenButNotMadeDurableIsCutAndTheCutRecorded(String what, FailureMode mode) throws IOException {
        Path log = dir.resolve("audit.log");
        FullDisk disk = new FullDisk();
        try (AuditLog audit = AuditOpen.open(log, AuditLog.defaultKeyFile(log), CLOCK, false, null, disk)) {
            audit.append("request", Map.of("n", 1));
            long goodSize = Files.size(log);
            mode.apply(disk);
            assertThrows(IOException.class, () -> audit.append("release", Map.of("n", 2)), what);
            assertTrue(audit.failed(), what);
            assertEquals(1, audit.entries());
            byte[] unacknowledged = Arrays.copyOfRange(Files.readAllBytes(log), (int) goodSize, (int) Files.size(log));
            assertTrue(new String(unacknowledged, StandardCharsets.UTF_8).endsWith("}\n"), "the whole line was written");

            assertThrows(IOException.class, audit::recover, "recover() refuses while the disk still fails");
            assertTrue(audit.failed());
            disk.free();
            audit.recover();
            assertFalse(audit.failed());
            assertEquals(2, audit.entries(), "the entry and the recovery");
            JsonNode recovery = AuditFixtures.lastEntry(log).get("fields");
            assertEquals(unacknowledged.length, recovery.get("cutBytes").asLong());
            assertEquals(AuditFixtures.sha256(unacknowledged), recovery.get("cutSha256").asText());
        }
        assertEquals(List.of("request", "recovery"), AuditFixtures.entries(log).stream().map(e -> e.get("kind").asText())
                .toList(), "the append that threw left no entry");
        assertTrue(AuditVerifier.verify(log).intact());
    }

    @Test
    void aTornTailThatCannotBeRecoveredOnAFullDiskFailsTheStartSayingSoAndIsRecordedLater() throws IOException {
        Path log = AuditFixtures.logWithFiveEntries(dir);
        byte[] tail = "{\"fields\":{\"met".getBytes(StandardCharsets.UTF_8);
        Files.write(log, tail, StandardOpenOption.APPEND);
        FullDisk disk = new FullDisk();
        disk.fill(0);
        IOException e = assertThrows(IOException.class,
                () -> AuditOpen.open(log, AuditLog.defaultKeyFile(log), CLOCK, false, null, disk));
        assertTrue(e.getMessage().contains(log + ":6: ") && e.getMessage().contains("could not be recovered")
                && e.getMessage().contains("No space left on device"), e.getMessage());

        try (AuditLog reopened = AuditLog.open(log, CLOCK)) {
            assertEquals(6, reopened.entries());
        }
        JsonNode recovery = AuditFixtures.lastEntry(log).get("fields");
        assertEquals(AuditFixtures.sha256(tail), recovery.get("cutSha256").asText());
        assertTrue(AuditVerifier.verify(log).intact());
    }

    @Test
    void aCutWhoseRecoveryEntryCouldNotBeWrittenIsRecordedByTheNextOpen() throws IOException {
        Path log = AuditFixtures.logWithFiveEntries(dir);
        byte[] tail = "{\"fields\":{\"method\":\"stats.cox\"".getBytes(StandardCharsets.UTF_8);
        Files.write(log, tail, StandardOpenOption.APPEND);
        FullDisk disk = new FullDisk();
        // the pending record is written and the tail cut, but only part of the recovery entry fits
        disk.fillLogOnly(40);
        assertThrows(IOException.class, () -> AuditOpen.open(log, AuditLog.defaultKeyFile(log), CLOCK, false, null, disk));
        assertTrue(Files.exists(dir.resolve("audit.log.recovery")), "the cut is pending");

        try (AuditLog reopened = AuditLog.open(log, CLOCK)) {
            assertEquals(6, reopened.entries());
        }
        JsonNode recovery = AuditFixtures.lastEntry(log).get("fields");
        assertEquals(tail.length, recovery.get("cutBytes").asLong());
        assertEquals(AuditFixtures.sha256(tail), recovery.get("cutSha256").asText());
        assertFalse(Files.exists(dir.resolve("audit.log.recovery")));
        assertTrue(AuditVerifier.verify(log).intact());
    }
}
