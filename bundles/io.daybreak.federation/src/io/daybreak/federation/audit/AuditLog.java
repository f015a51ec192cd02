package io.daybreak.federation.audit;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A site node's append-only audit log, kept so that a hospital can show an inspector every request, release
 * and refusal, and show that none was edited, removed or added afterwards.
 *
 * <p>One JSON object per line: sequence number, time, kind (request, release, refusal, list, error, and the
 * log's own {@code recovery} and {@code started-anew}), fields, the previous entry's hash and its own hash,
 * HMAC-SHA256 under the node's audit key ({@link AuditEntries}). Field values are bounded before anything is
 * written ({@link AuditFields}): no entry exceeds {@link #MAX_ENTRY_BYTES}. Each append is one write of one
 * complete line, forced to disk before {@code append} returns, then the anchor ({@link AuditAnchor}: entries
 * and head, MAC'd) is replaced atomically. {@link #open} checks the log against its key and anchor: a deleted,
 * truncated, rolled-back or replaced log is refused unless a new log is asked for explicitly, and a torn last
 * line (a crash or full disk during an append) is cut and the cut recorded in a {@code recovery} entry.
 *
 * <p>If an entry cannot be written durably (the write or the force fails, e.g. on a full disk), the log is
 * <em>failed</em>: that append and every later one throws, so that a node that cannot audit releases nothing,
 * until the log is recovered: {@link #recover()}, tried again by every {@code append}, cuts whatever the
 * failed append left after the last good entry, records that in a {@code recovery} entry and returns the log
 * to service once the disk takes writes again. An append that throws never leaves its entry in the log.
 *
 * <p>Thread-safe: appends are serialised on this object. Whoever opens the log closes it. One process may
 * append to a log at a time; this class does not lock the file against a second process.
 */
public final class AuditLog implements AutoCloseable {
    /** The hash that precedes the first entry, and the head of an empty log. */
    public static final String GENESIS = "0".repeat(64);
    /** The most bytes one entry takes in the file, its newline included. */
    public static final int MAX_ENTRY_BYTES = 8192;
    private static final Pattern KIND = Pattern.compile("[a-z][a-z0-9-]{0,31}");

    /**
     * The log's state at one moment.
     *
     * @param entries the number of entries
     * @param hash    the last entry's hash, {@link #GENESIS} if there is none
     */
    public record Head(long entries, String hash) {
    }

    private final Path file;
    private final Path anchorFile;
    private final AuditKey key;
    private final Clock clock;
    private final AuditStorage storage;
    private final AuditStorage.Channel channel;
    private final Path pendingFile;
    private long sequence;
    private String lastHash;
    /** Where the last entry that was acknowledged (returned by append) ends: everything after is cut. */
    private long goodBytes;
    private volatile boolean failed;
    private String failure;
    private Instant failedSince;
    private long refusedWhileFailed;
    private boolean closed;

    AuditLog(Path file, AuditKey key, Clock clock, AuditStorage storage, AuditStorage.Channel channel, Head head,
            long goodBytes) {
        this.file = file;
        this.anchorFile = AuditAnchor.fileOf(file);
        this.pendingFile = AuditTail.pendingFile(file);
        this.key = key;
        this.clock = clock;
        this.storage = storage;
        this.channel = channel;
        this.sequence = head.entries();
        this.lastHash = head.hash();
        this.goodBytes = goodBytes;
    }

    /** Opens the log at {@code file} with its key at {@link #defaultKeyFile}, refusing to start a new log. */
    public static AuditLog open(Path file, Clock clock) throws IOException {
        return open(file, defaultKeyFile(file), clock, false);
    }

    /**
     * Opens the log at {@code file}, its anchor at {@code file + ".anchor"} and its key at {@code keyFile}. A
     * brand-new node (no key, no log) gets a new key (owner-only) and an empty log. An existing log is scanned
     * against the key and the anchor: a torn last line is cut and recorded; a log that is missing, broken
     * before its last line, behind its anchor, or not under this key is refused with an IOException naming the
     * file and what was found. With {@code startNew}, such a log is instead moved aside (to
     * {@code file.replaced-<time>}) and a new log begins with a {@code started-anew} entry recording why and
     * the previous anchor; an intact log is never set aside, so {@code startNew} on one is refused too.
     */
    public static AuditLog open(Path file, Path keyFile, Clock clock, boolean startNew) throws IOException {
        return open(file, keyFile, clock, startNew, null);
    }

    /**
     * As {@link #open(Path, Path, Clock, boolean)}; {@code requestedBy} (e.g. the command and flag that asked
     * for a new log) is recorded in the {@code started-anew} entry.
     */
    public static AuditLog open(Path file, Path keyFile, Clock clock, boolean startNew, String requestedBy)
            throws IOException {
        return AuditOpen.open(file, keyFile, clock, startNew, requestedBy, AuditStorage.FILES);
    }

    /** The key file used when none is named: the log's path with {@code .key} appended. */
    public static Path defaultKeyFile(Path log) {
        return log.resolveSibling(log.getFileName() + ".key");
    }

    /**
     * Appends an entry and returns its hash, once the entry is on disk. Field values are strings, numbers,
     * booleans, lists or maps (anything else is written as its {@code toString()}), bounded as
     * {@link AuditFields} says. Throws if the entry could not be written durably; the log is then failed
     * ({@link #failed()}) and this and every later append throws until the log can be recovered, which every
     * append tries first.
     *
     * @param kind a lower-case word (letters, digits, dashes; at most 32), e.g. {@code request}
     */
    public synchronized String append(String kind, Map<String, ?> fields) throws IOException {
        if (kind == null || !KIND.matcher(kind).matches()) {
            throw new IllegalArgumentException("audit entry kind must be a lower-case word of at most 32 characters, "
                    + "got " + (kind == null ? null : "'" + kind.substring(0, Math.min(kind.length(), 40)) + "'"));
        }
        ensureOpen();
        if (failed) {
            recoverOrRefuse();
        }
        return write(kind, AuditFields.bound(fields));
    }

    /**
     * Returns a failed log to service: checks that the file still ends with the last acknowledged entry, cuts
     * what the failed append left after it, and appends a {@code recovery} entry saying what was cut and why.
     * Does nothing if the log is not failed; throws (and stays failed) if the disk still refuses the write.
     */
    public synchronized void recover() throws IOException {
        ensureOpen();
        if (failed) {
            recoverOrRefuse();
        }
    }

    /** True while the log is failed: an entry could not be written durably and it has not been recovered. */
    public boolean failed() {
        return failed;
    }

    /** The number of entries and the last hash, taken together. */
    public synchronized Head head() {
        return new Head(sequence, lastHash);
    }

    public synchronized String lastHash() {
        return lastHash;
    }

    public synchronized long entries() {
        return sequence;
    }

    public Path file() {
        return file;
    }

    @Override
    public synchronized void close() throws IOException {
        if (!closed) {
            closed = true;
            channel.close();
        }
    }

    /**
     * At open: cuts a torn last line found by {@link AuditOpen} and records the cut, and records a cut that an
     * earlier process made but could not record ({@link AuditTail#pendingFile}).
     */
    void recoverAtOpen(AuditScan.Problem problem) throws IOException {
        Map<String, Object> pending = AuditTail.readPending(pendingFile);
        if (pending != null && number(pending.get("afterEntry")) != sequence) {
            long after = number(pending.get("afterEntry"));
            JsonNode recorded = after < sequence ? AuditTail.entry(file, after + 1) : null;
            if (recorded == null || !"recovery".equals(recorded.path("kind").asText()) || !recorded.path("fields")
                    .path("cutSha256").asText().equals(pending.get("cutSha256"))) {
                throw new IOException("pending recovery record " + pendingFile + " is about a cut after entry " + after
                        + ", which the log (" + sequence + " entries) does not record");
            }
            Files.delete(pendingFile); // recorded by entry after + 1; only its removal was missed
            pending = null;
        }
        if (problem == null && pending == null) {
            return;
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("reason", "torn-tail");
        fields.put("found", "when the log was opened");
        if (problem != null) {
            fields.put("line", problem.line());
            fields.put("problem", problem.why());
        }
        cutAndRecord(fields);
    }

    /** The first entry of a log started anew: why, and what happened to the previous one. */
    synchronized void startedAnew(Map<String, Object> fields) throws IOException {
        write("started-anew", AuditFields.bound(fields));
    }

    /** Brings the anchor up to the log when the log is ahead of it (a crash between the two writes). */
    void anchorIfBehind(AuditAnchor anchor) throws IOException {
        if (anchor == null || anchor.entries() != sequence || !anchor.head().equals(lastHash)) {
            AuditAnchor.of(sequence, lastHash, key).write(anchorFile, storage);
        }
    }

    private String write(String kind, ObjectNode fields) throws IOException {
        long seq = sequence + 1;
        String time = clock.instant().toString();
        ObjectNode entry = entry(seq, time, kind, fields);
        byte[] line = line(entry);
        while (line.length > MAX_ENTRY_BYTES) {
            if (!AuditFields.shrinkLargest(fields)) {
                fields = AuditFields.summarizeAll(fields);
            }
            entry = entry(seq, time, kind, fields);
            line = line(entry);
        }
        String hash = entry.get("hash").asText();
        try {
            ByteBuffer buffer = ByteBuffer.wrap(line);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force();
        } catch (IOException e) {
            throw fail(e, "entry " + seq + " could not be written to disk");
        }
        try {
            AuditAnchor.of(seq, hash, key).write(anchorFile, storage);
        } catch (IOException e) {
            throw fail(e, "entry " + seq + " was written but its anchor " + anchorFile + " could not be updated");
        }
        sequence = seq;
        lastHash = hash;
        goodBytes += line.length;
        return hash;
    }

    private ObjectNode entry(long seq, String time, String kind, ObjectNode fields) throws IOException {
        ObjectNode entry = AuditEntries.CANONICAL.createObjectNode();
        entry.put("seq", seq);
        entry.put("time", time);
        entry.put("kind", kind);
        entry.set("fields", fields);
        entry.put("prev", lastHash);
        entry.put("hash", AuditEntries.hash(key, lastHash, entry));
        return entry;
    }

    private static byte[] line(ObjectNode entry) throws IOException {
        byte[] json = AuditEntries.canonicalBytes(entry);
        byte[] line = new byte[json.length + 1];
        System.arraycopy(json, 0, line, 0, json.length);
        line[json.length] = '\n';
        return line;
    }

    private IOException fail(IOException cause, String what) {
        if (!failed) {
            failed = true;
            failure = what + ": " + cause;
            failedSince = clock.instant();
        }
        return new IOException("audit log " + file + ": " + what + " (" + cause.getMessage() + "); the log is failed and "
                + "takes no entry until it is recovered", cause);
    }

    private void recoverOrRefuse() throws IOException {
        try {
            checkEndsWithHead();
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("reason", "failed-append");
            fields.put("failedSince", failedSince.toString());
            fields.put("cause", shorten(failure));
            fields.put("refusedAppends", refusedWhileFailed);
            cutAndRecord(fields);
        } catch (IOException e) {
            refusedWhileFailed++;
            throw new IOException("audit log " + file + " is failed since " + failedSince + " (" + failure
                    + ") and cannot be recovered yet: " + e.getMessage() + "; nothing appended", e);
        }
        failed = false;
        failure = null;
        failedSince = null;
        refusedWhileFailed = 0;
    }

    /**
     * Cuts the file back to the last good entry and appends a {@code recovery} entry with the cut's size, hash
     * and first bytes. What is cut is first written to the pending recovery record, so that it is recorded
     * even if this recovery entry cannot be written now; a cut made while a record is pending (the remains of
     * an earlier attempt's recovery entry) is counted in it.
     */
    private void cutAndRecord(Map<String, Object> fields) throws IOException {
        long size = channel.size();
        if (size < goodBytes) {
            throw new IOException("the file has " + size + " bytes but its last good entry ends at byte " + goodBytes
                    + ": it was truncated by someone else");
        }
        AuditTail.Cut cut = AuditTail.cut(file, goodBytes, size);
        Map<String, Object> record = AuditTail.readPending(pendingFile);
        if (record == null) {
            record = new LinkedHashMap<>(fields);
            record.put("afterEntry", sequence);
            record.put("cutBytes", cut.bytes());
            record.put("cutSha256", cut.sha256());
            record.put("cutStart", cut.start());
            AuditTail.writePending(pendingFile, record, storage);
        } else {
            if (fields.containsKey("refusedAppends")) {
                record.put("refusedAppends", fields.get("refusedAppends"));
            }
            if (cut.bytes() > 0) {
                record.put("laterCuts", number(record.get("laterCuts")) + 1);
                record.put("laterCutBytes", number(record.get("laterCutBytes")) + cut.bytes());
                AuditTail.writePending(pendingFile, record, storage);
            }
        }
        channel.truncate(goodBytes);
        channel.force();
        write("recovery", AuditFields.bound(record));
        try {
            Files.deleteIfExists(pendingFile);
        } catch (IOException e) {
            // harmless: the next open finds the record already in the log and removes it then
        }
    }

    /** Checks that the file still ends, at {@link #goodBytes}, with the last acknowledged entry. */
    private void checkEndsWithHead() throws IOException {
        if (sequence == 0) {
            return;
        }
        JsonNode entry = AuditTail.entryEndingAt(file, goodBytes);
        boolean same = entry != null && entry.isObject() && entry.path("seq").asLong() == sequence
                && lastHash.equals(entry.path("hash").asText()) && entry.path("prev").isTextual();
        if (same) {
            ObjectNode withoutHash = ((ObjectNode) entry).deepCopy();
            withoutHash.remove("hash");
            same = AuditKey.same(AuditEntries.hash(key, entry.get("prev").asText(), withoutHash), lastHash);
        }
        if (!same) {
            throw new IOException("the file no longer ends with entry " + sequence + " (head " + lastHash + ") at byte "
                    + goodBytes + ": it was changed by someone else; close and reopen it to have it checked");
        }
    }

    private static long number(Object value) {
        return value instanceof Number n ? n.longValue() : 0;
    }

    private void ensureOpen() throws IOException {
        if (closed) {
            throw new IOException("audit log " + file + " is closed");
        }
    }

    private static String shorten(String text) {
        return text.length() <= AuditFields.MAX_STRING ? text : text.substring(0, AuditFields.MAX_STRING - 3) + "...";
    }
}
