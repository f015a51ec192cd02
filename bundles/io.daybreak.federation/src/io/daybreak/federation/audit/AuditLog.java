package io.daybreak.federation.audit;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A site node's append-only, hash-chained audit log: one JSON object per line with a sequence number,
 * time, kind (request, release, refusal, error), free fields, the previous entry's hash and its own hash,
 * SHA-256 of the previous hash and the entry's canonical JSON (keys sorted, without the hash). Editing,
 * deleting or reordering any entry breaks the chain ({@link AuditVerifier}); cutting off the end does not,
 * which is why the latest hash is reported to the coordinator with every release and printed by
 * {@code audit verify}. Each append is one write followed by a force to disk, under a lock.
 */
public final class AuditLog implements AutoCloseable {
    /** The hash that precedes the first entry. */
    public static final String GENESIS = "0".repeat(64);
    static final ObjectMapper CANONICAL = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private final Path file;
    private final FileChannel channel;
    private final Clock clock;
    private long sequence;
    private String lastHash;

    private AuditLog(Path file, FileChannel channel, Clock clock, long sequence, String lastHash) {
        this.file = file;
        this.channel = channel;
        this.clock = clock;
        this.sequence = sequence;
        this.lastHash = lastHash;
    }

    /**
     * Opens (or creates) the log at {@code file}. An existing log is verified first: a node must not append to
     * a log whose chain is already broken.
     */
    public static AuditLog open(Path file, Clock clock) throws IOException {
        long sequence = 0;
        String last = GENESIS;
        if (Files.exists(file)) {
            AuditVerifier.Result result = AuditVerifier.verify(file);
            if (!result.intact()) {
                throw new IOException("audit log " + file + " is not intact, refusing to append: " + result.problem());
            }
            sequence = result.entries();
            last = result.lastHash();
        }
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
        return new AuditLog(file, channel, clock, sequence, last);
    }

    /** Appends an entry and returns its hash. Field values are strings, numbers, booleans, lists or maps. */
    public synchronized String append(String kind, Map<String, ?> fields) throws IOException {
        ObjectNode entry = CANONICAL.createObjectNode();
        entry.put("seq", sequence + 1);
        entry.put("time", clock.instant().toString());
        entry.put("kind", kind);
        entry.set("fields", CANONICAL.valueToTree(fields));
        entry.put("prev", lastHash);
        String hash = hash(lastHash, entry);
        entry.put("hash", hash);
        byte[] line = (CANONICAL.writeValueAsString(sorted(entry)) + "\n").getBytes(StandardCharsets.UTF_8);
        ByteBuffer buffer = ByteBuffer.wrap(line);
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
        channel.force(false);
        sequence++;
        lastHash = hash;
        return hash;
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
    public void close() throws IOException {
        channel.close();
    }

    /** SHA-256 of the previous hash, a newline and the canonical JSON of the entry without its hash. */
    static String hash(String previous, JsonNode entryWithoutHash) throws IOException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(previous.getBytes(StandardCharsets.US_ASCII));
            digest.update((byte) '\n');
            digest.update(CANONICAL.writeValueAsBytes(sorted(entryWithoutHash)));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    /** A copy with object keys sorted at every level, so the bytes hashed do not depend on insertion order. */
    static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            ObjectNode copy = CANONICAL.createObjectNode();
            List<String> names = new java.util.ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            names.sort(null);
            for (String name : names) {
                copy.set(name, sorted(node.get(name)));
            }
            return copy;
        }
        if (node.isArray()) {
            com.fasterxml.jackson.databind.node.ArrayNode copy = CANONICAL.createArrayNode();
            node.forEach(element -> copy.add(sorted(element)));
            return copy;
        }
        return node;
    }
}
