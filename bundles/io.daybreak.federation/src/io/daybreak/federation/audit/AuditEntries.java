package io.daybreak.federation.audit;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The entry format: one JSON object per line with {@code seq}, {@code time}, {@code kind}, {@code fields},
 * {@code prev} and {@code hash}, keys sorted at every level (canonical JSON). An entry's hash is HMAC-SHA256
 * under the node's key of the previous hash, a newline and the canonical JSON of the entry without its hash.
 * Stateless.
 */
final class AuditEntries {
    static final ObjectMapper CANONICAL = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS,
            true);
    /** Reads entries rejecting duplicate keys, so a line cannot show one value and verify with another. */
    private static final ObjectMapper STRICT = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    static final List<String> KEYS = List.of("fields", "hash", "kind", "prev", "seq", "time");

    private AuditEntries() {
    }

    /** The entry's hash: HMAC-SHA256 of the previous hash, a newline and the canonical entry without hash. */
    static String hash(AuditKey key, String previous, JsonNode entryWithoutHash) throws IOException {
        return key.entryMac(previous, canonicalBytes(entryWithoutHash));
    }

    static byte[] canonicalBytes(JsonNode node) throws IOException {
        return CANONICAL.writeValueAsBytes(sorted(node));
    }

    /** Parses one line; null if it is not JSON (or repeats a key). */
    static JsonNode parse(byte[] line, int length) {
        try {
            return STRICT.readTree(line, 0, length);
        } catch (IOException e) {
            return null;
        }
    }

    /** A copy with object keys sorted at every level, so the bytes hashed do not depend on insertion order. */
    static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            ObjectNode copy = CANONICAL.createObjectNode();
            List<String> names = new ArrayList<>();
            node.properties().forEach(property -> names.add(property.getKey()));
            names.sort(null);
            for (String name : names) {
                copy.set(name, sorted(node.get(name)));
            }
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = CANONICAL.createArrayNode();
            node.forEach(element -> copy.add(sorted(element)));
            return copy;
        }
        return node;
    }
}
