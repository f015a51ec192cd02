package io.daybreak.federation.sources;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Strict reading of the node's configuration files: every object names the fields it allows, and every error names
 * the file and the path of the field ({@code datasets.nsclc.cohort.inclusion[1].window}).
 */
final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build());
    static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{0,63}");
    static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

    private final String file;
    private final String path;
    private final JsonNode node;

    private Json(String file, String path, JsonNode node) {
        this.file = file;
        this.path = path;
        this.node = node;
    }

    /** Parses a whole file's text; it must be one JSON object. */
    static Json parse(String file, String text) throws DatasetSourceException {
        JsonNode root;
        try (JsonParser parser = MAPPER.createParser(text)) {
            root = MAPPER.readTree(parser);
            if (parser.nextToken() != null) {
                throw new DatasetSourceException(file + ": unexpected content after the JSON object");
            }
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            throw new DatasetSourceException(file + (at == null ? "" : ":" + at.getLineNr() + ":" + at.getColumnNr())
                    + ": not valid JSON: " + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            throw new DatasetSourceException(file + ": " + e.getMessage());
        }
        Json json = new Json(file, "", root);
        json.requireObject();
        return json;
    }

    /** A JSON value already parsed (an inline cohort definition), read with its own path. */
    static Json of(String file, String path, JsonNode node) {
        return new Json(file, path, node);
    }

    String path() {
        return path.isEmpty() ? "(top level)" : path;
    }

    JsonNode node() {
        return node;
    }

    DatasetSourceException error(String message) {
        return new DatasetSourceException(file + ": " + path() + ": " + message);
    }

    private String child(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    Json requireObject() throws DatasetSourceException {
        if (node == null || !node.isObject()) {
            throw error("must be a JSON object");
        }
        return this;
    }

    /** Refuses any field not in {@code allowed}, naming it and the allowed ones. */
    Json allow(String... allowed) throws DatasetSourceException {
        requireObject();
        Set<String> known = Set.of(allowed);
        for (Iterator<String> names = node.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!known.contains(name)) {
                throw error("unknown field '" + name + "'; allowed: " + String.join(", ", new TreeSet<>(known)));
            }
        }
        return this;
    }

    boolean has(String key) {
        return node.has(key) && !node.get(key).isNull();
    }

    Json get(String key) throws DatasetSourceException {
        if (!has(key)) {
            throw error("field '" + key + "' is required");
        }
        return new Json(file, child(key), node.get(key));
    }

    /** The fields of an object, in file order. */
    List<Map.Entry<String, Json>> fields() throws DatasetSourceException {
        requireObject();
        List<Map.Entry<String, Json>> fields = new ArrayList<>();
        node.fields().forEachRemaining(e -> fields.add(Map.entry(e.getKey(), new Json(file, child(e.getKey()),
                e.getValue()))));
        return fields;
    }

    List<Json> items() throws DatasetSourceException {
        if (!node.isArray()) {
            throw error("must be a JSON list");
        }
        List<Json> items = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            items.add(new Json(file, path + "[" + i + "]", node.get(i)));
        }
        return items;
    }

    String text() throws DatasetSourceException {
        if (!node.isTextual() || node.asText().isBlank()) {
            throw error("must be a non-empty string");
        }
        return node.asText();
    }

    String string(String key) throws DatasetSourceException {
        return get(key).text();
    }

    String string(String key, String otherwise) throws DatasetSourceException {
        return has(key) ? get(key).text() : otherwise;
    }

    /** A whole number in [min, max]; a quoted number or a fraction is an error. */
    long integer(long min, long max) throws DatasetSourceException {
        if (!node.isIntegralNumber() || !node.canConvertToLong() || node.asLong() < min || node.asLong() > max) {
            throw error("must be a whole number from " + min + " to " + max);
        }
        return node.asLong();
    }

    long integer(String key, long min, long max, long otherwise) throws DatasetSourceException {
        return has(key) ? get(key).integer(min, max) : otherwise;
    }

    Double number(String key) throws DatasetSourceException {
        if (!has(key)) {
            return null;
        }
        Json value = get(key);
        if (!value.node.isNumber() || !Double.isFinite(value.node.asDouble())) {
            throw value.error("must be a number");
        }
        return value.node.asDouble();
    }

    boolean flag(String key, boolean otherwise) throws DatasetSourceException {
        if (!has(key)) {
            return otherwise;
        }
        Json value = get(key);
        if (!value.node.isBoolean()) {
            throw value.error("must be true or false");
        }
        return value.node.asBoolean();
    }

    /** A name used in messages and as a column or dataset name. */
    String name(Pattern pattern, String what) throws DatasetSourceException {
        String text = text();
        if (!pattern.matcher(text).matches()) {
            throw error("'" + text + "' is not a valid " + what + " (" + pattern.pattern() + ")");
        }
        return text;
    }
}
