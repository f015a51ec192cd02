package io.daybreak.data.csv;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import io.daybreak.data.ColumnType;

/**
 * How to read and write CSV. The first line is always the header.
 *
 * @param delimiter  field separator
 * @param nullTokens field values read as missing (unquoted or quoted alike); the first is written for nulls
 * @param schema     explicit column types; columns not listed are inferred. Every listed column must be
 *                   present in the file.
 */
public record CsvOptions(char delimiter, Set<String> nullTokens, Map<String, ColumnType> schema) {

    /** Comma-separated, empty fields and {@code NA} are missing, all column types inferred. */
    public static final CsvOptions DEFAULTS = new CsvOptions(',', Set.of("", "NA"), Map.of());

    public CsvOptions {
        if (delimiter == '"' || delimiter == '\n' || delimiter == '\r') {
            throw new IllegalArgumentException("delimiter must not be a quote or line break");
        }
        nullTokens = Set.copyOf(nullTokens);
        schema = Collections.unmodifiableMap(new LinkedHashMap<>(schema));
    }

    /** These options with another delimiter. */
    public CsvOptions withDelimiter(char newDelimiter) {
        return new CsvOptions(newDelimiter, nullTokens, schema);
    }

    /** These options with the given explicit column types. */
    public CsvOptions withSchema(Map<String, ColumnType> explicitSchema) {
        return new CsvOptions(delimiter, nullTokens, explicitSchema);
    }

    /** The token written for a null: the empty string if it is a null token, else any null token. */
    String nullOutput() {
        return nullTokens.contains("") ? "" : nullTokens.stream().sorted().findFirst().orElse("");
    }
}
