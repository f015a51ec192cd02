package io.daybreak.federation.audit;

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
        try (Lines lines = new Lines(Files.newInputStream(file))) {
            while (lines.next()) {
                offset += lines.bytes;
                long lineNumber = count + 1;
                String[] hash = new String[1];
                String why = check(lines, count, previous, key, hash);
                if (why != null) {
                    boolean tail = lines.atEnd();
                    long size = tail ? offset : Files.size(file);
                    return new Outcome(count, previous, good, size, markedHash, new Problem(lineNumber, why, tail));
                }
                previous = hash[0];
                count++;
                good = offset;
                if (count == mark) {
                    markedHash = previous;
                }
            }
        }
        return new Outcome(count, previous, good, offset, markedHash, null);
    }

    /** Lines of a stream, each kept up to one entry's length (the rest is counted, not kept). */
    private static final class Lines implements AutoCloseable {
        private final InputStream in;
        private final byte[] buffer = new byte[1 << 16];
        private int position;
        private int limit;
        final byte[] line = new byte[AuditLog.MAX_ENTRY_BYTES];
        /** Bytes of the line, newline excluded, kept or not. */
        long length;
        /** Bytes the line took in the file, newline included. */
        long bytes;
        boolean newline;

        Lines(InputStream in) {
            this.in = in;
        }

        /** Reads the next line; false at the end of the file. */
        boolean next() throws IOException {
            length = 0;
            bytes = 0;
            newline = false;
            while (fill()) {
                int start = position;
                while (position < limit && buffer[position] != '\n') {
                    position++;
                }
                int n = position - start;
                if (length < line.length) {
                    System.arraycopy(buffer, start, line, (int) length, (int) Math.min(n, line.length - length));
                }
                length += n;
                bytes += n;
                if (position < limit) {
                    position++;
                    bytes++;
                    newline = true;
                    return true;
                }
            }
            return bytes > 0;
        }

        boolean atEnd() throws IOException {
            return !fill();
        }

        private boolean fill() throws IOException {
            if (position < limit) {
                return true;
            }
            limit = in.read(buffer);
            position = 0;
            if (limit < 0) {
                limit = 0;
                return false;
            }
            return true;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    /** Why the line is not the next entry, or null if it is (its hash then in {@code hash[0]}). */
    private static String check(Lines lines, long count, String previous, AuditKey key, String[] hash)
            throws IOException {
        if (lines.length + 1 > AuditLog.MAX_ENTRY_BYTES) {
            return "longer than " + AuditLog.MAX_ENTRY_BYTES + " bytes, which no audit entry is";
        }
        if (!lines.newline) {
            return "incomplete last line (no newline at the end of the file): an append that did not finish";
        }
        JsonNode entry = AuditEntries.parse(lines.line, (int) lines.length);
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
