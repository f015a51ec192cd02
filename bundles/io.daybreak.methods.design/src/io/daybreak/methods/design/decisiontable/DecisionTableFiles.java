package io.daybreak.methods.design.decisiontable;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.daybreak.core.method.InvalidParameterException;

/**
 * Decision tables as files a protocol can attach, and back.
 *
 * <p><b>CSV</b>: a header {@code n,0,1,…,maxN} (the DLT counts), then one line per n (any order): n, then the
 * cell for y = 0 … n (E, S, D or DU); cells for y &gt; n are empty. The CSV carries the cells only: cohort size
 * (and target) are given when it is imported.
 *
 * <p><b>JSON</b> (schema {@value #SCHEMA}, docs/designs.md): an object with {@code schema}, {@code design} (the
 * method id or a name), {@code parameters} (an object, for the record), {@code target} (a number, or null),
 * {@code cohortSize}, {@code maxN}, {@code legend} (the codes in words; ignored when read) and {@code cells}: an array
 * of {@code {"n": n, "decisions": ["E", …]}} with n + 1 decisions, for y = 0 … n.
 */
public final class DecisionTableFiles {
    /** The JSON document's schema id. */
    public static final String SCHEMA = "daybreak-decision-table/1";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private DecisionTableFiles() {
    }

    /** The table as CSV text. */
    public static String csv(DecisionTable table) {
        StringBuilder out = new StringBuilder("n");
        for (int y = 0; y <= table.maxN(); y++) {
            out.append(',').append(y);
        }
        out.append('\n');
        for (int n = 1; n <= table.maxN(); n++) {
            if (!table.hasRow(n)) {
                continue;
            }
            out.append(n);
            for (int y = 0; y <= table.maxN(); y++) {
                out.append(',');
                if (y <= n) {
                    out.append(table.at(n, y).name());
                }
            }
            out.append('\n');
        }
        return out.toString();
    }

    /** The table as the JSON document described above. */
    public static String json(DecisionTable table) {
        ObjectNode root = JSON.createObjectNode();
        root.put("schema", SCHEMA);
        root.put("design", table.design());
        ObjectNode parameters = root.putObject("parameters");
        table.parameters().forEach((name, value) -> parameters.set(name, JSON.valueToTree(value)));
        if (Double.isNaN(table.target())) {
            root.putNull("target");
        } else {
            root.put("target", table.target());
        }
        root.put("cohortSize", table.cohortSize());
        root.put("maxN", table.maxN());
        ObjectNode legend = root.putObject("legend");
        for (Decision decision : Decision.values()) {
            legend.put(decision.name(), decision.meaning());
        }
        ArrayNode rows = root.putArray("cells");
        for (int n = 1; n <= table.maxN(); n++) {
            if (table.hasRow(n)) {
                ObjectNode row = rows.addObject();
                row.put("n", n);
                ArrayNode decisions = row.putArray("decisions");
                for (int y = 0; y <= n; y++) {
                    decisions.add(table.at(n, y).name());
                }
            }
        }
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes the table as CSV or JSON, by the file's extension. */
    public static void write(DecisionTable table, Path file) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        Files.writeString(file, name.endsWith(".json") ? json(table) : csv(table), StandardCharsets.UTF_8);
    }

    /**
     * Reads a table from a .csv or .json file. For CSV, {@code cohortSize} must be given (null: an error); for JSON
     * a given one must equal the file's. Every problem is an {@link InvalidParameterException} naming the file, the
     * row, the column and the value.
     */
    public static DecisionTable read(Path file, Integer cohortSize) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InvalidParameterException("decision table " + file + ": cannot be read (" + e.getMessage() + ")");
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".json")) {
            return fromJson(text, file.toString(), cohortSize);
        }
        if (name.endsWith(".csv")) {
            if (cohortSize == null) {
                throw new InvalidParameterException("decision table " + file + ": a CSV table carries no cohort size; "
                        + "give parameter 'cohortSize'");
            }
            return fromCsv(text, file.toString(), cohortSize);
        }
        throw new InvalidParameterException("decision table " + file + ": unknown extension; allowed: .csv, .json");
    }

    /** Parses CSV text (see the class comment); {@code source} names the file in errors. */
    public static DecisionTable fromCsv(String text, String source, int cohortSize) {
        List<String> lines = new ArrayList<>();
        for (String line : text.split("\r?\n")) {
            if (!line.isBlank()) {
                lines.add(line);
            }
        }
        if (lines.isEmpty()) {
            throw new InvalidParameterException("decision table " + source + ": the file is empty");
        }
        String[] header = fields(lines.get(0));
        if (!header[0].equalsIgnoreCase("n")) {
            throw new InvalidParameterException("decision table " + source + ", line 1, column 1: '" + header[0]
                    + "'; the header must start with n, then the DLT counts 0, 1, 2, ...");
        }
        for (int c = 1; c < header.length; c++) {
            if (!header[c].equals(Integer.toString(c - 1))) {
                throw new InvalidParameterException("decision table " + source + ", line 1, column " + (c + 1) + ": '"
                        + header[c] + "'; expected the DLT count " + (c - 1) + " (columns 0, 1, 2, ... in order)");
            }
        }
        int maxN = header.length - 2;
        Map<Integer, String[]> rows = new LinkedHashMap<>();
        Map<Integer, Integer> lineOf = new LinkedHashMap<>();
        for (int l = 1; l < lines.size(); l++) {
            String[] row = fields(lines.get(l));
            String where = "decision table " + source + ", line " + (l + 1);
            int n;
            try {
                n = Integer.parseInt(row[0]);
            } catch (NumberFormatException e) {
                throw new InvalidParameterException(where + ", column n: '" + row[0] + "' is not a whole number");
            }
            if (n < 1 || n > maxN) {
                throw new InvalidParameterException(where + ", column n: " + n + "; allowed: 1 to " + maxN
                        + " (the header's largest DLT count)");
            }
            if (rows.containsKey(n)) {
                throw new InvalidParameterException(where + ", column n: n = " + n + " repeats line " + lineOf.get(n));
            }
            if (row.length > header.length) {
                throw new InvalidParameterException(where + ": " + row.length + " fields but the header has "
                        + header.length);
            }
            rows.put(n, row);
            lineOf.put(n, l + 1);
        }
        Decision[][] cells = new Decision[maxN + 1][];
        for (Map.Entry<Integer, String[]> entry : rows.entrySet()) {
            int n = entry.getKey();
            String[] row = entry.getValue();
            String where = "decision table " + source + ", line " + lineOf.get(n) + " (n = " + n + ")";
            cells[n] = new Decision[n + 1];
            for (int y = 0; y <= maxN; y++) {
                String value = y + 1 < row.length ? row[y + 1] : "";
                if (y > n) {
                    if (!value.isEmpty()) {
                        throw new InvalidParameterException(where + ", column " + y + ": '" + value + "' but y = " + y
                                + " > n = " + n + "; cells with more DLTs than patients must be empty");
                    }
                    continue;
                }
                cells[n][y] = cell(value, where + ", column " + y);
            }
        }
        return table(cells, maxN, "decision table " + source, "imported", Map.of(), Double.NaN, cohortSize);
    }

    /** Parses the JSON document (see the class comment); {@code source} names the file in errors. */
    public static DecisionTable fromJson(String text, String source, Integer cohortSize) {
        String where = "decision table " + source;
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new InvalidParameterException(where + ": not valid JSON (" + e.getOriginalMessage() + ")");
        }
        if (root == null || !root.isObject()) {
            throw new InvalidParameterException(where + ": expected a JSON object");
        }
        JsonNode schema = root.get("schema");
        if (schema != null && !SCHEMA.equals(schema.asText())) {
            throw new InvalidParameterException(where + ", field schema: '" + schema.asText() + "'; allowed: " + SCHEMA);
        }
        int size = whole(root, "cohortSize", where);
        if (cohortSize != null && cohortSize != size) {
            throw new InvalidParameterException("parameter 'cohortSize' = " + cohortSize + " differs from the "
                    + "cohortSize " + size + " of " + source + "; leave it out or make them equal");
        }
        int maxN = whole(root, "maxN", where);
        if (maxN < 1 || maxN > 10_000) {
            throw new InvalidParameterException(where + ", field maxN: " + maxN + "; allowed: 1 to 10000");
        }
        JsonNode target = root.get("target");
        double targetValue = Double.NaN;
        if (target != null && !target.isNull()) {
            if (!target.isNumber() || !(target.asDouble() > 0 && target.asDouble() < 1)) {
                throw new InvalidParameterException(where + ", field target: " + target + "; allowed: a number in "
                        + "(0, 1) or null");
            }
            targetValue = target.asDouble();
        }
        JsonNode design = root.get("design");
        Map<String, Object> parameters = new LinkedHashMap<>();
        JsonNode given = root.get("parameters");
        if (given != null && given.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = given.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> field = it.next();
                parameters.put(field.getKey(), field.getValue().isNumber() ? field.getValue().numberValue()
                        : field.getValue().asText());
            }
        }
        JsonNode rows = root.get("cells");
        if (rows == null || !rows.isArray()) {
            throw new InvalidParameterException(where + ": no array 'cells' of {\"n\": ..., \"decisions\": [...]}");
        }
        Decision[][] cells = new Decision[maxN + 1][];
        for (int r = 0; r < rows.size(); r++) {
            JsonNode row = rows.get(r);
            String at = where + ", cells[" + r + "]";
            int n = whole(row, "n", at);
            if (n < 1 || n > maxN) {
                throw new InvalidParameterException(at + ", field n: " + n + "; allowed: 1 to maxN = " + maxN);
            }
            if (cells[n] != null) {
                throw new InvalidParameterException(at + ", field n: n = " + n + " appears twice");
            }
            JsonNode decisions = row.get("decisions");
            if (decisions == null || !decisions.isArray() || decisions.size() != n + 1) {
                throw new InvalidParameterException(at + " (n = " + n + "), field decisions: need an array of n + 1 = "
                        + (n + 1) + " decisions (y = 0 ... n), got " + (decisions == null ? "none" : decisions.toString()));
            }
            cells[n] = new Decision[n + 1];
            for (int y = 0; y <= n; y++) {
                JsonNode value = decisions.get(y);
                cells[n][y] = cell(value.isTextual() ? value.asText() : value.toString(), at + " (n = " + n
                        + "), decisions[" + y + "] (y = " + y + ")");
            }
        }
        return table(cells, maxN, where, design == null || design.isNull() ? "imported" : design.asText(), parameters,
                targetValue, size);
    }

    private static DecisionTable table(Decision[][] cells, int maxN, String where, String design,
            Map<String, Object> parameters, double target, int cohortSize) {
        if (cohortSize < 1 || cohortSize > maxN) {
            throw new InvalidParameterException(where + ": cohort size " + cohortSize + "; allowed: 1 to maxN = " + maxN);
        }
        for (int n = cohortSize; n <= maxN; n += cohortSize) {
            if (cells[n] == null) {
                throw new InvalidParameterException(where + ": no row for n = " + n + "; every multiple of the cohort "
                        + "size " + cohortSize + " up to maxN = " + maxN + " must have one (a trial can reach it)");
            }
        }
        return new DecisionTable(design, parameters, target, cohortSize, maxN, cells);
    }

    private static Decision cell(String value, String where) {
        Decision decision = Decision.parse(value);
        if (decision == null) {
            throw new InvalidParameterException(where + ": '" + value + "'; allowed: E, S, D, DU");
        }
        return decision;
    }

    private static int whole(JsonNode object, String field, String where) {
        JsonNode value = object.get(field);
        if (value == null || !value.canConvertToInt() || !value.isIntegralNumber()) {
            throw new InvalidParameterException(where + ", field " + field + ": " + (value == null ? "missing" : value)
                    + "; expected a whole number");
        }
        return value.intValue();
    }

    /** The fields of a CSV line, trimmed, with surrounding double quotes removed (the cells never contain commas). */
    private static String[] fields(String line) {
        String[] fields = line.split(",", -1);
        for (int i = 0; i < fields.length; i++) {
            String field = fields[i].strip();
            if (field.length() >= 2 && field.startsWith("\"") && field.endsWith("\"")) {
                field = field.substring(1, field.length() - 1).strip();
            }
            fields[i] = field;
        }
        return fields;
    }
}
