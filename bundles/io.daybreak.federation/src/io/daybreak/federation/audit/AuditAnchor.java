package io.daybreak.federation.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The latest sequence number and head hash of a log, MAC'd with the node's key, kept beside the log
 * ({@code <log>.anchor}). The log is forced before the anchor is replaced, so after a crash the anchor is at
 * most behind the log, never ahead of it: a log that ends before its anchor was truncated, rolled back or
 * replaced. The anchor is replaced atomically (temporary file, force, rename); the rename is not followed by
 * a force of the directory, so after a power loss the anchor may lag the log by a few entries, which is
 * harmless for the same reason.
 *
 * @param entries the number of entries in the log
 * @param head    the hash of the last entry ({@link AuditLog#GENESIS} for an empty log)
 * @param mac     HMAC-SHA256 of both under the key ({@link AuditKey#anchorMac}); null if read without a key
 */
record AuditAnchor(long entries, String head, String mac) {
    private static final Pattern FORMAT = Pattern.compile(
            "\\{\"entries\":(\\d{1,18}),\"head\":\"([0-9a-f]{64})\",\"mac\":\"([0-9a-f]{64})\"}\n?");

    static Path fileOf(Path log) {
        return log.resolveSibling(log.getFileName() + ".anchor");
    }

    static AuditAnchor of(long entries, String head, AuditKey key) {
        return new AuditAnchor(entries, head, key.anchorMac(entries, head));
    }

    /** Reads an anchor; its MAC is not checked here ({@link #validUnder}). */
    static AuditAnchor read(Path file) throws IOException {
        String text = new String(Files.readAllBytes(file), StandardCharsets.US_ASCII);
        Matcher matcher = FORMAT.matcher(text);
        if (!matcher.matches()) {
            throw new IOException("audit anchor " + file + " is not an anchor (damaged or not written by Daybreak)");
        }
        return new AuditAnchor(Long.parseLong(matcher.group(1)), matcher.group(2), matcher.group(3));
    }

    boolean validUnder(AuditKey key) {
        return AuditKey.same(mac, key.anchorMac(entries, head));
    }

    /** Replaces {@code file} with this anchor: temporary file, forced, then renamed over it. */
    void write(Path file, AuditStorage storage) throws IOException {
        storage.replace(file, ("{\"entries\":" + entries + ",\"head\":\"" + head + "\",\"mac\":\"" + mac + "\"}\n")
                .getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public String toString() {
        return entries + " entries, head " + head;
    }
}
