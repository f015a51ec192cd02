package io.daybreak.federation.audit;

import static io.daybreak.federation.audit.AuditFixtures.CLOCK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Item 4: entries are keyed, so a log rewritten without the key does not verify; the anchor covers the key. */
class AuditKeyedChainTest {
    private static final Pattern HASH = Pattern.compile(",\"hash\":\"([0-9a-f]{64})\"");

    @TempDir
    Path dir;

    @Test
    void eachHashIsTheHmacUnderTheNodesKeyOfThePreviousHashANewlineAndTheEntryWithoutItsHash() throws IOException {
        Path log = AuditFixtures.logWithFiveEntries(dir);
        byte[] key = AuditFixtures.keyBytes(dir.resolve("audit.log.key"));
        String previous = AuditLog.GENESIS;
        for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
            // the line is canonical (keys sorted), so without its hash it is exactly the bytes that were MAC'd
            Matcher hash = HASH.matcher(line);
            assertTrue(hash.find(), line);
            String withoutHash = hash.replaceFirst("");
            assertTrue(withoutHash.contains("\"prev\":\"" + previous + "\""), line);
            assertEquals(AuditFixtures.hmac(key, previous, withoutHash), hash.group(1), line);
            assertNotEquals(AuditFixtures.sha256((previous + "\n" + withoutHash).getBytes(StandardCharsets.UTF_8)),
                    hash.group(1), "not the unkeyed SHA-256 chain");
            previous = hash.group(1);
        }
        AuditVerifier.Result result = AuditVerifier.verify(log, dir.resolve("audit.log.key"));
        assertTrue(result.intact(), result.problem());
        assertEquals(5, result.entries());
        assertEquals(previous, result.lastHash());
    }

    @Test
    void aLogRewrittenWithoutItsRefusalAndRehashedWithPlainSha256DoesNotVerify() throws IOException {
        Path log = AuditFixtures.logWithFiveEntries(dir);
        List<String> withoutRefusal = withoutRefusals(log);
        List<String> forged = AuditFixtures.rechain(withoutRefusal,
                (previous, json) -> AuditFixtures.sha256((previous + "\n" + json).getBytes(StandardCharsets.UTF_8)));
        Files.write(log, forged, StandardCharsets.UTF_8);

        AuditVerifier.Result result = AuditVerifier.verify(log, dir.resolve("audit.log.key"));
        assertFalse(result.intact());
        assertEquals(0, result.entries());
        assertTrue(result.problem().startsWith(log + ":1: ") && result.problem().contains("does not match its contents "
                + "under the audit key"), result.problem());
        IOException refused = assertThrows(IOException.class, () -> AuditLog.open(log, CLOCK));
        assertTrue(refused.getMessage().contains("not intact") && refused.getMessage().contains(log + ":1:"),
                refused.getMessage());
    }

    @Test
    void aLogRewrittenUnderAnotherKeyDoesNotVerify() throws IOException {
        Path log = AuditFixtures.logWithFiveEntries(dir);
        byte[] otherKey = new byte[32];
        Arrays.fill(otherKey, (byte) 7);
        Files.write(log, AuditFixtures.rechain(withoutRefusals(log),
                (previous, json) -> AuditFixtures.hmac(otherKey, previous, json)), StandardCharsets.UTF_8);

        AuditVerifier.Result result = AuditVerifier.verify(log, dir.resolve("audit.log.key"));
        assertFalse(result.intact());
        assertTrue(result.problem().startsWith(log + ":1: "), result.problem());
    }

    @Test
    void evenWithTheKeyARewrittenShorterLogIsCaughtByTheAnchor() throws IOException {
        Path log = AuditFixtures.logWithFiveEntries(dir);
        byte[] key = AuditFixtures.keyBytes(dir.resolve("audit.log.key"));
        // the rewrite itself is a valid chain under the key: only the anchor tells it from the original
        Files.write(log, AuditFixtures.rechain(withoutRefusals(log), (previous, json) -> AuditFixtures.hmac(key, previous,
                json)), StandardCharsets.UTF_8);
        Path copyWithoutAnchor = dir.resolve("copy.log");
        Files.copy(log, copyWithoutAnchor);
        assertTrue(AuditVerifier.verify(copyWithoutAnchor, dir.resolve("audit.log.key")).intact(),
                "the test's forgery is a correct keyed chain");

        AuditVerifier.Result result = AuditVerifier.verify(log, dir.resolve("audit.log.key"));
        assertFalse(result.intact());
        assertTrue(result.problem().contains("anchor") && result.problem().contains("records 5 entries"),
                result.problem());
        IOException refused = assertThrows(IOException.class, () -> AuditLog.open(log, CLOCK));
        assertTrue(refused.getMessage().contains("ends at entry 4") && refused.getMessage().contains("records 5 entries")
                && refused.getMessage().contains("truncated, rolled back or replaced"), refused.getMessage());
    }

    @Test
    void theVerifierNeedsTheKeyAndSaysSo() throws IOException {
        Path log = AuditFixtures.logWithFiveEntries(dir);
        AuditVerifier.Result noKey = AuditVerifier.verify(log, dir.resolve("elsewhere.key"));
        assertFalse(noKey.intact());
        assertTrue(noKey.problem().contains("elsewhere.key") && noKey.problem().contains("no such audit key file"),
                noKey.problem());

        Path wrongKey = dir.resolve("wrong.key");
        Files.writeString(wrongKey, "ab".repeat(32) + "\n");
        AuditVerifier.Result wrong = AuditVerifier.verify(log, wrongKey);
        assertFalse(wrong.intact());
        assertTrue(wrong.problem().contains("anchor") || wrong.problem().startsWith(log + ":1: "), wrong.problem());
    }

    private static List<String> withoutRefusals(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        List<String> kept = lines.stream().filter(line -> !line.contains("\"kind\":\"refusal\"")).toList();
        assertEquals(lines.size() - 1, kept.size());
        return kept;
    }
}
