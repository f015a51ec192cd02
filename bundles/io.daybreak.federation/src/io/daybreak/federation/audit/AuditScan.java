package io.daybreak.federation.audit;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One pass over a log file with its key: every line is at most {@link AuditLog#MAX_ENTRY_BYTES} long, ends with
 * a newline, parses, has the six keys of an entry, numbers 1, 2, 3, …, names the previous entry's hash and
 * carries its own HMAC. Stops at the first line that does not, reporting whether that line is the file's last
 * (a torn tail, which {@link AuditLog} recovers) or not (corruption, a hard failure). Memory is bounded by one
 * line, whatever the file holds.
 */
final class AuditScan {
    /**
     * @param entries    entries that check, from the first
     * @param lastHash   the hash of the last of them ({@link AuditLog#GENESIS} if none)
     * @param goodBytes  the byte length of those entries (where a torn tail starts)
     * @param fileBytes  the bytes read, the whole file
     * @param markedHash the hash of entry number {@code mark} if the log has it, else null
     * @param problem    the first line that does not check, or null
     */
    record Outcome(long entries, String lastHash, long goodBytes, long fileBytes, String markedHash, Problem problem) {
        boolean intact() {
            return problem == null;
        }
    }

    /**
     * @param line 1-based line number
     * @param why  what is wrong with it
     * @param tail whether it is the file's last line (nothing follows it)
     */
    record Problem(long line, String why, boolean tail) {
        String describe(Path file) {
            return file + ":" + line + ": " + why;
        }
    }

    private AuditScan() {
    }

    /** Scans {@code file}; {@code mark} names an entry whose hash to report (0 for none). */
    static Outcome scan(Path file, AuditKey key, long mark) throws IOException {
        String previous = AuditLog.GENESIS;
        String markedHash = mark == 0 ? AuditLog.GENESIS : null;
        long count = 0;
        long good = 0;
        long offset = 0;
        byte[] line = new byte[AuditLog.MAX_ENTRY_BYTES];
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            while (true) {
                int length = 0;
                long lineBytes = 0;
                boolean newline = false;
                int b;
                while ((b = in.read()) >= 0) {
                    lineBytes++;
                    if (b == '\n') {
                        newline = true;
                        break;
                    }
                    if (length < line.length) {
                        line[length] = (byte) b;
                    }
                    length++;
                }
                if (lineBytes == 0) {
                    return new Outcome(count, previous, good, offset, markedHash, null);
                }
                offset += lineBytes;
                long lineNumber = count + 1;
                String[] hash = new String[1];
                String why = check(line, length, newline, count, previous, key, hash);
                if (why != null) {
                    boolean tail = !newline || in.read() < 0;
                    if (tail) {
                        return new Outcome(count, previous, good, offset, markedHash, new Problem(lineNumber, why, true));
                    }
                    long size = Files.size(file);
                    return new Outcome(count, previous, good, size, markedHash, new Problem(lineNumber, why, false));
                }
                previous = hash[0];
                count++;
                good = offset;
                if (count == mark) {
                    markedHash = previous;
                }
            }
        }
    }

    /** Why the line is not the next entry, or null if it is (its hash then in {@code hash[0]}). */
    private static String check(byte[] line, int length, boolean newline, long count, String previous, AuditKey key,
            String[] hash) throws IOException {
        if (length + 1 > AuditLog.MAX_ENTRY_BYTES) {
            return "longer than " + AuditLog.MAX_ENTRY_BYTES + " bytes, which no audit entry is";
        }
        if (!newline) {
            return "incomplete last line (no newline at the end of the file): an append that did not finish";
        }
        JsonNode entry = AuditEntries.parse(line, length);
        if (entry == null) {
            return "not valid JSON";
        }
        if (!entry.isObject() || entry.size() != AuditEntries.KEYS.size() || !AuditEntries.KEYS.stream().allMatch(
                entry::hasNonNull) || !entry.get("seq").canConvertToExactIntegral() || !entry.get("prev").isTextual()
                || !entry.get("hash").isTextual() || !entry.get("fields").isObject()) {
            return "not an audit entry (exactly seq, time, kind, fields, prev and hash required)";
        }
        if (entry.get("seq").asLong() != count + 1) {
            return "sequence number " + entry.get("seq").asText() + " where " + (count + 1)
                    + " was expected (an entry was deleted, inserted or moved)";
        }
        if (!entry.get("prev").asText().equals(previous)) {
            return "its previous-hash does not match the entry before it (an entry was deleted, inserted or moved)";
        }
        String stored = entry.get("hash").asText();
        ObjectNode withoutHash = ((ObjectNode) entry).deepCopy();
        withoutHash.remove("hash");
        if (!AuditKey.same(AuditEntries.hash(key, previous, withoutHash), stored)) {
            return "its hash does not match its contents under the audit key (the entry was edited, or the chain "
                    + "was recomputed without the key)";
        }
        hash[0] = stored;
        return null;
    }
}
