package io.daybreak.core.study;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.daybreak.data.AtomicFiles;
import io.daybreak.data.InvalidInputException;

/** Reads and writes {@link Study} files (JSON). A problem names the file, and line and column when it has them. */
public final class StudyFiles {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private StudyFiles() {
    }

    public static Study read(Path file) {
        JsonNode root;
        try {
            root = JSON.readTree(Files.readString(file));
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new InvalidInputException(file + (at == null ? "" : ":" + at.getLineNr() + ":" + at.getColumnNr())
                    + ": not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new InvalidInputException("cannot read study file " + file + ": " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new InvalidInputException(file + ": a study file is a JSON object");
        }
        if (root.path("daybreakStudy").asInt(-1) != Study.FORMAT) {
            throw new InvalidInputException(file + ": not a Daybreak study file of format " + Study.FORMAT
                    + " (it needs \"daybreakStudy\": " + Study.FORMAT + ")");
        }
        String method = text(file, root, "method", true);
        Long seed = root.hasNonNull("seed") ? number(file, root.get("seed")) : null;
        Study.Federation federation = null;
        if (root.has("federation")) {
            JsonNode fed = root.get("federation");
            federation = new Study.Federation(strings(file, fed, "nodes"), text(file, fed, "dataset", true),
                    text(file, fed, "certificate", true), text(file, fed, "key", true), text(file, fed, "trust", true),
                    fed.path("allowPartial").asBoolean(false), strings(file, fed, "datasetDigests"));
            if (federation.nodes().isEmpty()) {
                throw new InvalidInputException(file + ": federation.nodes names no site");
            }
        }
        return new Study(method, strings(file, root, "parameters"), seed, strings(file, root, "inputs"), federation);
    }

    /** Writes a study file atomically (nothing half-written on failure). */
    public static void write(Study study, Path file) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("daybreakStudy", Study.FORMAT);
        root.put("method", study.method());
        root.set("parameters", JSON.valueToTree(study.parameters()));
        if (study.seed() != null) {
            root.put("seed", study.seed());
        }
        if (!study.inputs().isEmpty()) {
            root.set("inputs", JSON.valueToTree(study.inputs()));
        }
        if (study.federation() != null) {
            ObjectNode federation = JSON.valueToTree(study.federation());
            if (study.federation().datasetDigests().isEmpty()) {
                federation.remove("datasetDigests");
            }
            root.set("federation", federation);
        }
        AtomicFiles.write(file, out -> out.write(JSON.writeValueAsBytes(root)));
    }

    private static String text(Path file, JsonNode node, String field, boolean required) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                throw new InvalidInputException(file + ": field '" + field + "' is required");
            }
            return null;
        }
        if (!value.isTextual()) {
            throw new InvalidInputException(file + ": field '" + field + "' must be text");
        }
        return value.asText();
    }

    private static Long number(Path file, JsonNode value) {
        if (!value.canConvertToLong() || !value.isIntegralNumber()) {
            throw new InvalidInputException(file + ": field 'seed' must be a whole number");
        }
        return value.asLong();
    }

    /** An object of scalars as text (numbers and booleans as written). */
    private static Map<String, String> strings(Path file, JsonNode node, String field) {
        Map<String, String> values = new LinkedHashMap<>();
        JsonNode object = node.get(field);
        if (object == null || object.isNull()) {
            return values;
        }
        if (!object.isObject()) {
            throw new InvalidInputException(file + ": field '" + field + "' must be an object of name: value");
        }
        object.fields().forEachRemaining(entry -> {
            if (!entry.getValue().isValueNode() || entry.getValue().isNull()) {
                throw new InvalidInputException(file + ": " + field + "." + entry.getKey() + " must be text, a number "
                        + "or true/false");
            }
            values.put(entry.getKey(), entry.getValue().asText());
        });
        return values;
    }
}
