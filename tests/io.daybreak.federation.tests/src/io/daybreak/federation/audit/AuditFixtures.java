package io.daybreak.federation.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BinaryOperator;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What the audit tests share: a fixed clock, a log with a refusal in it, and an independent implementation
 * of the entry hash (javax.crypto and Jackson directly, not the classes under test) used both to check the
 * log's hashes and to forge rewritten logs as an attacker would.
 */
final class AuditFixtures {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"), ZoneOffset.UTC);
    static final ObjectMapper JSON = new ObjectMapper();

    private AuditFixtures() {
    }

    /** A log with five entries, the third a refusal. */
    static Path logWithFiveEntries(Path dir) throws IOException {
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

    static Path anchorOf(Path log) {
        return log.resolveSibling(log.getFileName() + ".anchor");
    }

    static byte[] keyBytes(Path keyFile) throws IOException {
        return HexFormat.of().parseHex(Files.readString(keyFile, StandardCharsets.US_ASCII).strip());
    }

    /** HMAC-SHA256 of previous hash, newline, canonical JSON: the documented entry hash, computed independently. */
    static String hmac(byte[] key, String previous, String canonicalJson) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((previous + "\n" + canonicalJson).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    /** Compact JSON with keys sorted at every level. */
    static String canonical(JsonNode node) throws IOException {
        return JSON.writeValueAsString(sortedValue(node));
    }

    private static Object sortedValue(JsonNode node) {
        if (node.isObject()) {
            Map<String, Object> map = new TreeMap<>();
            node.properties().forEach(p -> map.put(p.getKey(), sortedValue(p.getValue())));
            return map;
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>();
            node.forEach(e -> list.add(sortedValue(e)));
            return list;
        }
        return node;
    }

    /**
     * What an attacker who can write the log does after deleting or editing lines: renumber the entries and
     * recompute every prev and hash with {@code hash(previous, canonicalJsonWithoutHash)}.
     */
    static List<String> rechain(List<String> lines, BinaryOperator<String> hash) throws IOException {
        List<String> out = new ArrayList<>();
        String previous = AuditLog.GENESIS;
        long seq = 0;
        for (String line : lines) {
            ObjectNode entry = (ObjectNode) JSON.readTree(line);
            entry.remove("hash");
            entry.put("seq", ++seq);
            entry.put("prev", previous);
            previous = hash.apply(previous, canonical(entry));
            entry.put("hash", previous);
            out.add(canonical(entry));
        }
        return out;
    }

    static List<JsonNode> entries(Path log) throws IOException {
        List<JsonNode> entries = new ArrayList<>();
        for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
            entries.add(JSON.readTree(line));
        }
        return entries;
    }

    static JsonNode lastEntry(Path log) throws IOException {
        List<JsonNode> entries = entries(log);
        return entries.get(entries.size() - 1);
    }
}
