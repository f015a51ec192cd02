package io.daybreak.federation.audit;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reading the end of a log: what lies after the last good entry (to be cut), and the last entry itself. Also
 * the pending recovery record ({@code <log>.recovery}): what is about to be cut, written durably before the
 * cut, so that a cut is recorded in the log even if the recovery entry cannot be written at once (a full disk)
 * or the process stops in between; it is removed once the recovery entry is on disk. Stateless.
 */
final class AuditTail {
    private static final int START = 120;

    /**
     * @param bytes  how many bytes are cut
     * @param sha256 their SHA-256
     * @param start  their first bytes, as UTF-8 text (undecodable bytes replaced), to show what they were
     */
    record Cut(long bytes, String sha256, String start) {
    }

    private AuditTail() {
    }

    static Path pendingFile(Path log) {
        return log.resolveSibling(log.getFileName() + ".recovery");
    }

    /** The bytes of {@code file} from {@code from} to {@code to}, hashed without holding them. */
    static Cut cut(Path file, long from, long to) throws IOException {
        MessageDigest sha = sha256();
        byte[] start = new byte[(int) Math.min(START, to - from)];
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer buffer = ByteBuffer.allocate(1 << 16);
            long position = from;
            int read;
            while (position < to && (read = in.read(buffer.clear(), position)) > 0) {
                int usable = (int) Math.min(read, to - position);
                if (position - from < start.length) {
                    int n = (int) Math.min(usable, start.length - (position - from));
                    System.arraycopy(buffer.array(), 0, start, (int) (position - from), n);
                }
                sha.update(buffer.array(), 0, usable);
                position += usable;
            }
        }
        String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE).decode(ByteBuffer.wrap(start)).toString();
        return new Cut(to - from, HexFormat.of().formatHex(sha.digest()), text);
    }

    /** The entry on the line that ends (with its newline) at byte {@code end}, or null if there is none. */
    static JsonNode entryEndingAt(Path file, long end) throws IOException {
        int length = (int) Math.min(AuditLog.MAX_ENTRY_BYTES, end);
        if (length == 0) {
            return null;
        }
        ByteBuffer buffer = ByteBuffer.allocate(length);
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            while (buffer.hasRemaining() && in.read(buffer, end - length + buffer.position()) > 0) {
                // reads until the buffer is full
            }
        }
        byte[] bytes = buffer.array();
        int last = buffer.position() - 1;
        if (last < 0 || bytes[last] != '\n') {
            return null;
        }
        int start = last - 1;
        while (start >= 0 && bytes[start] != '\n') {
            start--;
        }
        return AuditEntries.parse(Arrays.copyOfRange(bytes, start + 1, last), last - start - 1);
    }

    /** Entry number {@code n} (its line, parsed), or null if the file has fewer lines. */
    static JsonNode entry(Path file, long n) throws IOException {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line = null;
            for (long i = 0; i < n; i++) {
                line = reader.readLine();
                if (line == null) {
                    return null;
                }
            }
            byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
            return AuditEntries.parse(bytes, bytes.length);
        }
    }

    /** The pending recovery record, or null if there is none. */
    static Map<String, Object> readPending(Path file) throws IOException {
        if (!Files.exists(file)) {
            return null;
        }
        if (Files.size(file) > AuditLog.MAX_ENTRY_BYTES) {
            throw new IOException("pending recovery record " + file + " is larger than any record the log writes");
        }
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> record = AuditEntries.CANONICAL.readValue(file.toFile(), Map.class);
            return new LinkedHashMap<>(record);
        } catch (IOException e) {
            throw new IOException("pending recovery record " + file + " cannot be read: " + e.getMessage(), e);
        }
    }

    static void writePending(Path file, Map<String, Object> record, AuditStorage storage) throws IOException {
        storage.replace(file, AuditEntries.CANONICAL.writeValueAsBytes(record));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
