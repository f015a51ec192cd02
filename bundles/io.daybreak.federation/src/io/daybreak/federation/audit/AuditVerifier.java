package io.daybreak.federation.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Checks an audit log's chain: every line parses, sequence numbers run 1, 2, 3, …, each entry's
 * {@code prev} is the previous entry's hash, and each hash recomputes. The first failure is reported with
 * its line number.
 */
public final class AuditVerifier {
    private AuditVerifier() {
    }

    /**
     * @param intact   whether the whole chain checks
     * @param entries  entries checked before the first problem (all of them if intact)
     * @param lastHash the last good entry's hash
     * @param problem  what is wrong and on which line, or null
     */
    public record Result(boolean intact, long entries, String lastHash, String problem) {
    }

    public static Result verify(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        String previous = AuditLog.GENESIS;
        long count = 0;
        for (int i = 0; i < lines.size(); i++) {
            int lineNumber = i + 1;
            JsonNode entry;
            try {
                entry = AuditLog.CANONICAL.readTree(lines.get(i));
            } catch (JsonProcessingException e) {
                return broken(count, previous, file, lineNumber, "not valid JSON");
            }
            if (entry == null || !entry.isObject() || !entry.hasNonNull("hash") || !entry.hasNonNull("prev")
                    || !entry.hasNonNull("seq")) {
                return broken(count, previous, file, lineNumber, "not an audit entry (seq, prev and hash required)");
            }
            if (entry.get("seq").asLong() != count + 1) {
                return broken(count, previous, file, lineNumber, "sequence number " + entry.get("seq").asText()
                        + " where " + (count + 1) + " was expected (an entry was deleted, inserted or moved)");
            }
            if (!entry.get("prev").asText().equals(previous)) {
                return broken(count, previous, file, lineNumber, "its previous-hash does not match the entry before it "
                        + "(an entry was deleted, inserted or moved)");
            }
            String stored = entry.get("hash").asText();
            ObjectNode withoutHash = ((ObjectNode) entry).deepCopy();
            withoutHash.remove("hash");
            if (!AuditLog.hash(previous, withoutHash).equals(stored)) {
                return broken(count, previous, file, lineNumber, "its hash does not match its contents (the entry was "
                        + "edited)");
            }
            previous = stored;
            count++;
        }
        return new Result(true, count, previous, null);
    }

    private static Result broken(long count, String previous, Path file, int line, String why) {
        return new Result(false, count, previous, file + ":" + line + ": " + why);
    }
}
