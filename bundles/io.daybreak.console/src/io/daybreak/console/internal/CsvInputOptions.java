package io.daybreak.console.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import io.daybreak.data.ColumnType;
import io.daybreak.data.InvalidInputException;
import io.daybreak.data.csv.CsvOptions;
import io.daybreak.data.csv.CsvReader;

/**
 * How a command reads its CSV inputs: {@code --delimiter ,|;|tab} (else detected from each file's header line) and
 * {@code --types name=type,...} (else each column's type is inferred from its first values; docs/data.md). A column
 * whose later values do not fit the inferred type is read with the type given here, as the reader's error suggests.
 * Other formats carry their types and ignore both.
 */
final class CsvInputOptions {
    private final Character delimiter;
    private final Map<String, ColumnType> types;

    private CsvInputOptions(Character delimiter, Map<String, ColumnType> types) {
        this.delimiter = delimiter;
        this.types = types;
    }

    /** The options of {@code command}'s line; bad input if a value is not allowed. */
    static CsvInputOptions of(CommandLine line, String command) {
        return new CsvInputOptions(delimiter(line.option(command, "--delimiter"), command),
                types(line.option(command, "--types"), command));
    }

    /** The options for one input file, or {@code null} for the reader's defaults (delimiter detected). */
    CsvOptions forFile(Path file) {
        if (delimiter == null && types.isEmpty()) {
            return null;
        }
        char chosen = delimiter != null ? delimiter : detectedDelimiter(file);
        return CsvOptions.DEFAULTS.withDelimiter(chosen).withSchema(types);
    }

    private static char detectedDelimiter(Path file) {
        if (!file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv") || !Files.isReadable(file)
                || Files.isDirectory(file)) {
            return ','; // not CSV, whose reader ignores CSV options; or unreadable, which the read that follows names
        }
        return CsvReader.detectDelimiter(file);
    }

    private static Character delimiter(String text, String command) {
        if (text == null) {
            return null;
        }
        return switch (text) {
        case ",", "comma" -> ',';
        case ";", "semicolon" -> ';';
        case "\t", "\\t", "tab" -> '\t';
        default -> throw new InvalidInputException(command + ": --delimiter must be ',' (or comma), ';' (or semicolon) or tab, "
                + "got '" + text + "'");
        };
    }

    private static Map<String, ColumnType> types(String text, String command) {
        Map<String, ColumnType> types = new LinkedHashMap<>();
        if (text == null) {
            return types;
        }
        for (String item : text.split(",")) {
            int eq = item.indexOf('=');
            if (eq <= 0 || eq == item.length() - 1) {
                throw new InvalidInputException(command + ": --types takes name=type pairs separated by commas "
                        + "(types: int64, int32, float64, string, boolean), got '" + item.strip() + "'");
            }
            String name = item.substring(0, eq).strip();
            ColumnType type;
            try {
                type = ColumnType.parse(item.substring(eq + 1).strip());
            } catch (InvalidInputException e) {
                throw new InvalidInputException(command + ": --types: column '" + name + "': " + e.getMessage());
            }
            if (types.put(name, type) != null) {
                throw new InvalidInputException(command + ": --types names column '" + name + "' twice");
            }
        }
        return types;
    }
}
