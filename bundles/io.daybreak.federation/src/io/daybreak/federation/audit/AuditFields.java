package io.daybreak.federation.audit;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Bounds an entry's fields before anything is written, so no request can make the log grow by more than
 * {@link AuditLog#MAX_ENTRY_BYTES} per entry. A value that is too big is replaced by a summary object with the
 * key {@value #SUMMARY}: strings longer than {@value #MAX_STRING} characters by their first {@value #PREFIX}
 * characters, length and SHA-256 (of the UTF-8 bytes); lists longer than {@value #MAX_ELEMENTS} elements by
 * their first {@value #KEPT} elements, length and SHA-256; maps with more than {@value #MAX_ELEMENTS} entries by
 * their size, first {@value #KEPT} keys and SHA-256; lists and maps nested deeper than {@value #MAX_DEPTH}
 * levels (the fields themselves are level 1) by their size and SHA-256. Map keys longer than
 * {@value #MAX_STRING} characters are shortened to their prefix, length and the start of their SHA-256. The
 * SHA-256 of a list or map is that of its canonical JSON (keys sorted; levels beyond {@value #DIGEST_DEPTH} are
 * cut), so whoever holds the original request can show that it is the one summarised. Values of other types
 * (and big integers and decimals, which JSON readers would not give back exactly) are written as their
 * {@code toString()}, bounded like strings. Stateless.
 */
final class AuditFields {
    static final String SUMMARY = "$summary";
    static final int MAX_STRING = 200;
    static final int PREFIX = 64;
    static final int MAX_ELEMENTS = 64;
    static final int KEPT = 8;
    static final int MAX_DEPTH = 4;
    static final int DIGEST_DEPTH = 64;
    /** Characters of bounded output after which lists and maps are only summarised: twice an entry's size. */
    static final int BUDGET = 2 * AuditLog.MAX_ENTRY_BYTES;
    static final String TOO_LARGE = "too large for one entry";
    private static final int SUMMARY_COST = 160;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private AuditFields() {
    }

    /** The bounded fields, as a JSON object. */
    static ObjectNode bound(Map<String, ?> fields) {
        ObjectNode node = NODES.objectNode();
        if (fields == null) {
            return node;
        }
        int[] budget = {BUDGET};
        if (fields.size() > MAX_ELEMENTS) {
            node.set(SUMMARY + "Fields", mapSummary(fields, true));
            return node;
        }
        fields.forEach((key, value) -> node.set(key(String.valueOf(key)), value(value, 2, budget)));
        return node;
    }

    /**
     * Replaces the biggest field of {@code fields} that is not already summarised this way by a summary of its
     * JSON; false if there is none left to replace.
     */
    static boolean shrinkLargest(ObjectNode fields) throws IOException {
        String largest = null;
        int largestSize = -1;
        for (Map.Entry<String, JsonNode> field : fields.properties()) {
            JsonNode value = field.getValue();
            if (value.isObject() && TOO_LARGE.equals(value.path(SUMMARY).asText(null))) {
                continue;
            }
            int size = AuditEntries.canonicalBytes(value).length;
            if (size > largestSize) {
                largest = field.getKey();
                largestSize = size;
            }
        }
        if (largest == null) {
            return false;
        }
        byte[] json = AuditEntries.canonicalBytes(fields.get(largest));
        ObjectNode summary = NODES.objectNode();
        summary.put(SUMMARY, TOO_LARGE);
        summary.put("jsonBytes", json.length);
        summary.put("sha256", sha256(json));
        fields.set(largest, summary);
        return true;
    }

    /** The whole of the fields summarised, when even their summaries do not fit one entry. */
    static ObjectNode summarizeAll(ObjectNode fields) throws IOException {
        byte[] json = AuditEntries.canonicalBytes(fields);
        ObjectNode summary = NODES.objectNode();
        summary.put(SUMMARY, "fields too large for one entry");
        summary.put("fields", fields.size());
        summary.put("jsonBytes", json.length);
        summary.put("sha256", sha256(json));
        ObjectNode node = NODES.objectNode();
        node.set(SUMMARY + "Fields", summary);
        return node;
    }

    /**
     * One value, bounded. {@code budget[0]} counts down the characters written so far: once it is spent, lists
     * and maps are summarised without their first elements, so the work stays proportional to the input and
     * the result to a few entries' worth, however the input is nested.
     */
    private static JsonNode value(Object value, int level, int[] budget) {
        if (value == null) {
            budget[0] -= 4;
            return NODES.nullNode();
        }
        if (value instanceof CharSequence || value instanceof Character || value instanceof Enum<?>) {
            return string(value instanceof Enum<?> e ? e.name() : value.toString(), budget);
        }
        if (value instanceof Boolean b) {
            budget[0] -= 5;
            return NODES.booleanNode(b);
        }
        if (value instanceof Byte || value instanceof Short || value instanceof Integer || value instanceof Long) {
            budget[0] -= 20;
            return NODES.numberNode(((Number) value).longValue());
        }
        if (value instanceof Float || value instanceof Double) {
            budget[0] -= 24;
            return NODES.numberNode(((Number) value).doubleValue());
        }
        if (value instanceof BigInteger || value instanceof BigDecimal) {
            // as text: a number beyond double's range would not read back as the bytes that were hashed
            return string(value.toString(), budget);
        }
        if (value instanceof Map<?, ?> map) {
            if (budget[0] <= 0 || level > MAX_DEPTH || map.size() > MAX_ELEMENTS) {
                budget[0] -= SUMMARY_COST;
                return mapSummary(map, budget[0] > 0 && level <= MAX_DEPTH);
            }
            ObjectNode node = NODES.objectNode();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (budget[0] <= 0) {
                    return mapSummary(map, false);
                }
                String key = key(String.valueOf(entry.getKey()));
                budget[0] -= key.length() + 4;
                node.set(key, value(entry.getValue(), level + 1, budget));
            }
            return node;
        }
        List<?> list = asList(value);
        if (list != null) {
            if (budget[0] <= 0 || level > MAX_DEPTH || list.size() > MAX_ELEMENTS) {
                budget[0] -= SUMMARY_COST;
                return listSummary(list, budget[0] > 0 && level <= MAX_DEPTH ? level : -1, budget);
            }
            ArrayNode node = NODES.arrayNode();
            for (Object element : list) {
                if (budget[0] <= 0) {
                    return listSummary(list, -1, budget);
                }
                budget[0] -= 1;
                node.add(value(element, level + 1, budget));
            }
            return node;
        }
        return string(String.valueOf(value), budget);
    }

    private static JsonNode string(String text, int[] budget) {
        if (text.length() <= MAX_STRING) {
            budget[0] -= text.length() + 2;
            return NODES.textNode(text);
        }
        budget[0] -= SUMMARY_COST;
        ObjectNode summary = NODES.objectNode();
        summary.put(SUMMARY, "string");
        summary.put("length", text.length());
        summary.put("prefix", prefix(text));
        summary.put("sha256", sha256(text.getBytes(StandardCharsets.UTF_8)));
        return summary;
    }

    private static String key(String key) {
        if (key.length() <= MAX_STRING) {
            return key;
        }
        return prefix(key) + "...(" + key.length() + " chars, sha256 "
                + sha256(key.getBytes(StandardCharsets.UTF_8)).substring(0, 16) + ")";
    }

    /** A list's length and SHA-256, and its first elements (bounded at {@code level}) unless level is -1. */
    private static ObjectNode listSummary(List<?> list, int level, int[] budget) {
        ObjectNode summary = NODES.objectNode();
        summary.put(SUMMARY, "list");
        summary.put("length", list.size());
        if (level > 0) {
            ArrayNode first = summary.putArray("first");
            list.stream().limit(KEPT).forEach(element -> first.add(value(element, level + 1, budget)));
        }
        summary.put("sha256", digest(list));
        return summary;
    }

    /** A map's size and SHA-256, and its first keys in order if asked for. */
    private static ObjectNode mapSummary(Map<?, ?> map, boolean withKeys) {
        ObjectNode summary = NODES.objectNode();
        summary.put(SUMMARY, "map");
        summary.put("size", map.size());
        if (withKeys) {
            ArrayNode keys = summary.putArray("firstKeys");
            stringKeys(map).keySet().stream().limit(KEPT).forEach(key -> keys.add(key(key)));
        }
        summary.put("sha256", digest(map));
        return summary;
    }

    /** The first {@value #PREFIX} characters, not splitting a surrogate pair. */
    private static String prefix(String text) {
        int end = Character.isHighSurrogate(text.charAt(PREFIX - 1)) ? PREFIX - 1 : PREFIX;
        return text.substring(0, end);
    }

    private static List<?> asList(Object value) {
        if (value instanceof List<?> list) {
            return list;
        }
        if (value instanceof Collection<?> collection) {
            return new ArrayList<>(collection);
        }
        if (value.getClass().isArray()) {
            int length = Array.getLength(value);
            return new java.util.AbstractList<Object>() {
                @Override
                public Object get(int index) {
                    return Array.get(value, index);
                }

                @Override
                public int size() {
                    return length;
                }
            };
        }
        return null;
    }

    private static Map<String, Object> stringKeys(Map<?, ?> map) {
        Map<String, Object> sorted = new TreeMap<>();
        map.forEach((key, value) -> sorted.put(String.valueOf(key), value));
        return sorted;
    }

    /** SHA-256 of the value's canonical JSON, streamed (the value is never held as one string). */
    static String digest(Object value) {
        MessageDigest sha = sha256();
        try (DigestOutputStream out = new DigestOutputStream(OutputStream.nullOutputStream(), sha);
                JsonGenerator generator = AuditEntries.CANONICAL.getFactory().createGenerator(out)) {
            write(generator, value, 0);
        } catch (IOException e) {
            throw new IllegalStateException("writing to a digest cannot fail", e);
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static void write(JsonGenerator out, Object value, int depth) throws IOException {
        if (depth > DIGEST_DEPTH) {
            out.writeString("(deeper than " + DIGEST_DEPTH + " levels)");
            return;
        }
        if (value instanceof Map<?, ?> map) {
            out.writeStartObject();
            for (Map.Entry<String, Object> entry : stringKeys(map).entrySet()) {
                out.writeFieldName(entry.getKey());
                write(out, entry.getValue(), depth + 1);
            }
            out.writeEndObject();
            return;
        }
        List<?> list = value == null ? null : asList(value);
        if (list != null) {
            out.writeStartArray();
            for (Object element : list) {
                write(out, element, depth + 1);
            }
            out.writeEndArray();
            return;
        }
        if (value == null) {
            out.writeNull();
        } else if (value instanceof Boolean b) {
            out.writeBoolean(b);
        } else if (value instanceof Byte || value instanceof Short || value instanceof Integer || value instanceof Long) {
            out.writeNumber(((Number) value).longValue());
        } else if (value instanceof Float || value instanceof Double) {
            out.writeNumber(((Number) value).doubleValue());
        } else if (value instanceof BigInteger i) {
            out.writeNumber(i);
        } else if (value instanceof BigDecimal d) {
            out.writeNumber(d);
        } else {
            out.writeString(value instanceof Enum<?> e ? e.name() : value.toString());
        }
    }

    static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(sha256().digest(bytes));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
