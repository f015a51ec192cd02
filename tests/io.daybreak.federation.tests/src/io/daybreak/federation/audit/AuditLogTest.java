package io.daybreak.federation.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditLogTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private Path logWithFiveEntries() throws IOException {
        Path file = dir.resolve("audit.log");
        try (AuditLog log = AuditLog.open(file, CLOCK)) {
            log.append("request", Map.of("method", "stats.cox", "requester", "CN=alice", "round", 1));
            log.append("release", Map.of("method", "stats.cox", "bytes", 1234, "sha256", "ab12"));
            log.append("refusal", Map.of("method", "stats.glm", "rule", "parameter-ratio"));
            log.append("request", Map.of("method", "stats.km", "requester", "CN=bob", "tags", List.of("a", "b")));
            log.append("release", Map.of("method", "stats.km", "bytes", 99, "nested", Map.of("z", 1, "a", 2)));
        }
        return file;
    }

    @Test
    void anIntactLogVerifiesAndReopensWhereItEnded() throws IOException {
        Path file = logWithFiveEntries();
        AuditVerifier.Result result = AuditVerifier.verify(file);
        assertTrue(result.intact(), result.problem());
        assertEquals(5, result.entries());
        try (AuditLog log = AuditLog.open(file, CLOCK)) {
            assertEquals(result.lastHash(), log.lastHash());
            log.append("request", Map.of("method", "stats.describe"));
        }
        assertEquals(6, AuditVerifier.verify(file).entries());
    }

    @Test
    void appendsFromManyThreadsFormOneChainAndHeadIsOneSnapshot() throws Exception {
        Path file = dir.resolve("concurrent.log");
        try (AuditLog log = AuditLog.open(file, CLOCK)) {
            List<Thread> threads = new ArrayList<>();
            List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
            for (int t = 0; t < 4; t++) {
                int thread = t;
                threads.add(new Thread(() -> {
                    try {
                        for (int i = 0; i < 50; i++) {
                            String hash = log.append("request", Map.of("thread", thread, "i", i));
                            assertEquals(64, hash.length());
                            AuditLog.Head head = log.head();
                            assertTrue(head.entries() >= 1 && head.hash().length() == 64);
                        }
                    } catch (Throwable e) {
                        failures.add(e);
                    }
                }));
            }
            threads.forEach(Thread::start);
            for (Thread thread : threads) {
                thread.join();
            }
            assertEquals(List.of(), failures);
            assertEquals(new AuditLog.Head(200, AuditVerifier.verify(file).lastHash()), log.head());
        }
        AuditVerifier.Result result = AuditVerifier.verify(file);
        assertTrue(result.intact(), result.problem());
        assertEquals(200, result.entries());
    }

    @Test
    void editingDeletingOrReorderingIsDetectedWithTheLine() throws IOException {
        Path file = logWithFiveEntries();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);

        List<String> edited = new ArrayList<>(lines);
        edited.set(1, edited.get(1).replace("1234", "1235"));
        assertBroken(edited, ":2: ", "edited");

        List<String> deleted = new ArrayList<>(lines);
        deleted.remove(2);
        assertBroken(deleted, ":3: ", "sequence");

        List<String> reordered = new ArrayList<>(lines);
        Collections.swap(reordered, 1, 3);
        assertBroken(reordered, ":2: ", "sequence");

        // renumbering after a deletion does not help: the chain of hashes still breaks
        List<String> renumbered = new ArrayList<>(lines);
        renumbered.remove(2);
        renumbered.set(2, renumbered.get(2).replace("\"seq\":4", "\"seq\":3"));
        assertBroken(renumbered, ":3: ", "previous-hash");
    }

    private void assertBroken(List<String> lines, String where, String why) throws IOException {
        Path copy = dir.resolve("tampered-" + System.nanoTime() + ".log");
        Files.write(copy, lines, StandardCharsets.UTF_8);
        // the tampered copy keeps the node's key and anchor, as a log edited in place would
        Files.copy(dir.resolve("audit.log.key"), AuditLog.defaultKeyFile(copy));
        Files.copy(dir.resolve("audit.log.anchor"), copy.resolveSibling(copy.getFileName() + ".anchor"));
        AuditVerifier.Result result = AuditVerifier.verify(copy);
        assertFalse(result.intact());
        assertTrue(result.problem().contains(where) && result.problem().contains(why), result.problem());
        IOException refused = assertThrows(IOException.class, () -> AuditLog.open(copy, CLOCK));
        assertTrue(refused.getMessage().contains("not intact"), refused.getMessage());
    }
}
