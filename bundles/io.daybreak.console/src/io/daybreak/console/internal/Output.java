package io.daybreak.console.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

import io.daybreak.data.InvalidInputException;

/**
 * Prints a document: as one JSON document (one line, then a newline) or as readable text. Text layouts
 * are for people and may change; the JSON is the contract.
 */
final class Output {
    /**
     * Created on first JSON output only: Jackson's start-up cost is not paid by text commands. A missing value (NaN)
     * is written as JSON's {@code null}, as R's jsonlite writes NA, rather than Jackson's string "NaN", which a
     * reader would take for text.
     */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .registerModule(new SimpleModule("missing-as-null")
                        .addSerializer(Double.class, new MissingAsNull<>(Double.class))
                        .addSerializer(double[].class, new MissingAsNull<>(double[].class)));
    }

    /** Writes doubles, and arrays of them, with NaN as {@code null}. */
    private static final class MissingAsNull<T> extends StdSerializer<T> {
        MissingAsNull(Class<T> type) {
            super(type);
        }

        @Override
        public void serialize(T value, JsonGenerator generator, SerializerProvider provider) throws IOException {
            if (value instanceof double[] array) {
                generator.writeStartArray(array, array.length);
                for (double element : array) {
                    write(element, generator);
                }
                generator.writeEndArray();
            } else {
                write((Double) value, generator);
            }
        }

        private static void write(double value, JsonGenerator generator) throws IOException {
            if (Double.isNaN(value)) {
                generator.writeNull();
            } else {
                generator.writeNumber(value);
            }
        }
    }

    private Output() {
    }

    static void json(PrintStream out, Map<String, Object> document) {
        try {
            out.println(Json.MAPPER.writeValueAsString(document));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getMessage(), e);
        }
        out.flush();
    }

    /** Reads a JSON document (an object) from a file; a problem names the file, line and column. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> readJson(Path file) {
        try {
            Object value = Json.MAPPER.readValue(file.toFile(), Object.class);
            if (!(value instanceof Map<?, ?>)) {
                throw new InvalidInputException(file + ": expected a JSON object");
            }
            return (Map<String, Object>) value;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            var location = e.getLocation();
            throw new InvalidInputException(file + (location == null ? "" : ":" + location.getLineNr()
                    + ":" + location.getColumnNr()) + ": not valid JSON: " + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            throw new InvalidInputException("cannot read " + file + ": " + e.getMessage());
        }
    }

    /** Writes a document as an indented JSON file, atomically. */
    static void writeJson(Path file, Map<String, Object> document) throws java.io.IOException {
        io.daybreak.data.AtomicFiles.write(file, out -> Json.MAPPER.writerWithDefaultPrettyPrinter().writeValue(
                new java.io.FilterOutputStream(out) {
                    @Override
                    public void close() {
                        // AtomicFiles closes the stream itself
                    }
                }, document));
    }

    /** Key/value lines for a flat document; nested maps are indented, lists printed inline. */
    static void keyValues(PrintStream out, Map<String, Object> document, String indent) {
        int width = document.keySet().stream().mapToInt(String::length).max().orElse(0);
        for (Map.Entry<String, Object> entry : document.entrySet()) {
            Object value = entry.getValue();
            if (value instanceof Map<?, ?> nested) {
                out.println(indent + entry.getKey() + ":");
                @SuppressWarnings("unchecked")
                Map<String, Object> map = (Map<String, Object>) nested;
                keyValues(out, map, indent + "  ");
            } else if (isTable(value)) {
                out.println(indent + entry.getKey() + ":");
                rowsTable(out, (List<?>) value, indent + "  ");
            } else {
                out.println(indent + pad(entry.getKey(), width) + "  " + brief(value));
            }
        }
    }

    /**
     * The most values a list prints in text; a longer one (a Kaplan–Meier curve's thousands of times) prints as a
     * summary line, {@link #brief}, and the command adds {@link #LONG_LIST_NOTE}. JSON always has every value.
     */
    static final int MAX_LIST_VALUES = 20;

    /** The note under a text document in which {@link #hasLongList} found a shortened list. */
    static final String LONG_LIST_NOTE = "lists of more than " + MAX_LIST_VALUES + " values are shortened; --json prints"
            + " the whole document";

    /**
     * A value as text, with a list of more than {@link #MAX_LIST_VALUES} values shortened to its first three and last
     * values, its length and, for numbers, its range: {@code [1, 0.99, 0.98, …, 0.12] (412 values, from 0.12 to 1)}.
     */
    static String brief(Object value) {
        Object values = value instanceof double[] array ? java.util.Arrays.stream(array).boxed().toList() : value;
        if (!(values instanceof List<?> list) || list.size() <= MAX_LIST_VALUES) {
            return format(value);
        }
        String shown = format(list.subList(0, 3));
        StringBuilder text = new StringBuilder(shown.substring(0, shown.length() - 1)).append(", …, ")
                .append(format(list.get(list.size() - 1))).append("] (").append(list.size()).append(" values");
        if (list.stream().allMatch(Number.class::isInstance)) {
            java.util.DoubleSummaryStatistics range = list.stream().mapToDouble(v -> ((Number) v).doubleValue())
                    .summaryStatistics();
            text.append(", from ").append(format(range.getMin())).append(" to ").append(format(range.getMax()));
        }
        return text.append(')').toString();
    }

    /**
     * A value in a table cell: as {@link #brief}, but a long list only by its length, first and last values,
     * {@code [353 values: 2 … 730]}, so that a table of several curves stays about a line wide.
     */
    static String cell(Object value) {
        Object values = value instanceof double[] array ? java.util.Arrays.stream(array).boxed().toList() : value;
        if (!(values instanceof List<?> list) || list.size() <= MAX_LIST_VALUES) {
            return format(value);
        }
        return "[" + list.size() + " values: " + format(list.get(0)) + " … " + format(list.get(list.size() - 1)) + "]";
    }

    /** Whether text output of this value shortens a list ({@link #brief}), at any depth. */
    static boolean hasLongList(Object value) {
        if (value instanceof double[] array) {
            return array.length > MAX_LIST_VALUES;
        }
        if (value instanceof Map<?, ?> map) {
            return map.values().stream().anyMatch(Output::hasLongList);
        }
        if (value instanceof List<?> list) {
            return list.size() > MAX_LIST_VALUES && !isTable(list) || list.stream().anyMatch(Output::hasLongList);
        }
        return false;
    }

    /** A list of maps with the same keys (a coefficient table, a list of tests): printed as a table. */
    static boolean isTable(Object value) {
        return value instanceof List<?> list && !list.isEmpty() && list.stream().allMatch(Map.class::isInstance)
                && list.stream().map(row -> ((Map<?, ?>) row).keySet()).distinct().count() == 1;
    }

    /** Rows of a summary table under their keys, numbers right-aligned as R prints a coefficient matrix. */
    private static void rowsTable(PrintStream out, List<?> rows, String indent) {
        List<String> header = ((Map<?, ?>) rows.get(0)).keySet().stream().map(String::valueOf).toList();
        List<List<String>> cells = new java.util.ArrayList<>();
        for (Object row : rows) {
            cells.add(((Map<?, ?>) row).values().stream().map(Output::cell).toList());
        }
        int[] widths = new int[header.size()];
        for (int c = 0; c < widths.length; c++) {
            widths[c] = header.get(c).length();
            for (List<String> row : cells) {
                widths[c] = Math.max(widths[c], row.get(c).length());
            }
        }
        StringBuilder line = new StringBuilder(indent);
        for (int c = 0; c < widths.length; c++) {
            line.append(c == 0 ? pad(header.get(c), widths[c]) : "  " + leftPad(header.get(c), widths[c]));
        }
        out.println(line.toString().stripTrailing());
        for (List<String> row : cells) {
            line = new StringBuilder(indent);
            for (int c = 0; c < widths.length; c++) {
                line.append(c == 0 ? pad(row.get(c), widths[c]) : "  " + leftPad(row.get(c), widths[c]));
            }
            out.println(line.toString().stripTrailing());
        }
    }

    private static String leftPad(String text, int width) {
        return text.length() >= width ? text : " ".repeat(width - text.length()) + text;
    }

    /** A left-aligned table with a header row. */
    static void table(PrintStream out, List<String> header, List<List<String>> rows) {
        int[] widths = new int[header.size()];
        for (int c = 0; c < header.size(); c++) {
            widths[c] = header.get(c).length();
            for (List<String> row : rows) {
                widths[c] = Math.max(widths[c], row.get(c).length());
            }
        }
        printRow(out, header, widths);
        for (List<String> row : rows) {
            printRow(out, row, widths);
        }
    }

    private static void printRow(PrintStream out, List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < cells.size(); c++) {
            line.append(c == cells.size() - 1 ? cells.get(c) : pad(cells.get(c), widths[c]) + "  ");
        }
        out.println(line.toString().stripTrailing());
    }

    static String format(Object value) {
        return io.daybreak.data.NumberText.text(value);
    }

    private static String pad(String text, int width) {
        return text.length() >= width ? text : text + " ".repeat(width - text.length());
    }

    /** A --save path: *.json in an existing directory, checked before any work starts. */
    static Path jsonOutput(String command, String text) {
        Path path = Path.of(text);
        if (!path.getFileName().toString().endsWith(".json")) {
            throw new InvalidInputException(command + ": --save " + text
                    + ": the result is JSON; give a file name ending in .json");
        }
        Path parent = path.toAbsolutePath().getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            throw new InvalidInputException(command + ": --save " + text + ": directory " + parent
                    + " does not exist");
        }
        return path;
    }
}
