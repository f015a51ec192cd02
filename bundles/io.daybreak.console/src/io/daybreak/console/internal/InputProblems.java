package io.daybreak.console.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.daybreak.core.text.Suggestions;
import io.daybreak.data.ColumnType;
import io.daybreak.data.InvalidInputException;
import io.daybreak.data.StringColumn;
import io.daybreak.data.Table;
import io.daybreak.data.csv.CsvReader;

/**
 * Turns a bad-input failure of a local run into one the user can act on, from the input files they gave: where a
 * column was read as text but numbers were wanted, the file, row and value of the first entry that is not a number;
 * where a parameter names a column that no input has, the closest column ("did you mean 'time'?").
 *
 * <p>Why here and not where the failure is raised: the methods' checks are shared with site nodes, whose refusals
 * must never carry a value or a hidden column, and only the console knows which file a table came from. The phrases
 * recognised are the platform's own ({@code column 'x' is string} from {@code Table} and {@code TableSpec},
 * {@code no column 'x'} from {@code Table} and the models' column readers).
 */
final class InputProblems {
    private static final Pattern TEXT_COLUMN = Pattern.compile("column '([^']+)' is string");
    private static final Pattern NO_COLUMN = Pattern.compile("no column '([^']+)'");
    private static final Pattern DECIMAL_COMMA = Pattern.compile("[+-]?\\d*,\\d+");

    /** An input table and the file it was read from. */
    record Source(String file, Table table) {
    }

    private InputProblems() {
    }

    /**
     * The failure with the details added (a new bad input whose cause is the original), or the failure itself when
     * it is not bad input or there is nothing to add. The tables must still be open.
     */
    static RuntimeException explain(RuntimeException failure, Map<String, Source> inputs) {
        if (inputs.isEmpty() || Failures.exitCode(failure) != Failures.BAD_INPUT) {
            return failure;
        }
        String message = Failures.message(failure);
        Matcher text = TEXT_COLUMN.matcher(message);
        if (text.find()) {
            String value = firstNonNumber(text.group(1), inputs);
            return value == null ? failure : new InvalidInputException(value + "; " + message, failure);
        }
        Matcher missing = NO_COLUMN.matcher(message);
        if (missing.find() && !message.contains("did you mean") && !message.contains("rename it")) {
            List<String> columns = new ArrayList<>();
            inputs.values().forEach(source -> columns.addAll(source.table().columnNames()));
            String suggestion = Suggestions.didYouMean(missing.group(1), columns.stream().distinct().toList());
            return suggestion.isEmpty() ? failure : new InvalidInputException(message + "; " + suggestion, failure);
        }
        return failure;
    }

    /** "data.csv, row 17, column 'age': 'abc' is not a number", for the first input with such a value. */
    private static String firstNonNumber(String column, Map<String, Source> inputs) {
        for (Source source : inputs.values()) {
            Table table = source.table();
            if (!table.hasColumn(column) || table.columnType(column) != ColumnType.STRING) {
                continue;
            }
            StringColumn values = table.strings(column);
            int first = -1;
            int count = 0;
            for (int row = 0; row < values.size(); row++) {
                if (!values.isNull(row) && !CsvReader.isNumber(values.get(row))) {
                    first = first < 0 ? row : first;
                    count++;
                }
            }
            if (first >= 0) {
                String value = values.get(first);
                return source.file() + ", row " + (first + 1) + ", column '" + column + "': '" + abbreviate(value)
                        + "' is not a number" + (DECIMAL_COMMA.matcher(value).matches()
                                ? " (decimal commas are not read: write " + value.strip().replace(',', '.') + ")" : "")
                        + (count > 1 ? " (and " + (count - 1) + " more such value" + (count > 2 ? "s" : "")
                                + " in that column)" : "");
            }
        }
        return null;
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 37) + "...";
    }
}
