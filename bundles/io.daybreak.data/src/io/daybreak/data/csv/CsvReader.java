package io.daybreak.data.csv;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.arrow.memory.BufferAllocator;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import io.daybreak.data.ColumnType;
import io.daybreak.data.DataFormatException;
import io.daybreak.data.InvalidInputException;
import io.daybreak.data.Table;
import io.daybreak.data.TableBuilder;

/**
 * Reads a CSV file (RFC 4180 quoting, header line first, UTF-8) into a {@link Table}.
 *
 * <p>The whole file is parsed and checked before any Arrow memory is allocated, so a malformed file
 * yields a {@link DataFormatException} naming file, line and column and nothing partially loaded. Blank
 * lines are skipped, and a UTF-8 byte order mark (which Excel writes) is dropped rather than becoming part of the
 * first column's name. Without explicit options the delimiter is detected from the header line: comma,
 * semicolon (Excel in locales with a decimal comma) or tab. Parsing is done by Apache Commons CSV; this class adds
 * typing and error positions.
 */
public final class CsvReader {
    private CsvReader() {
    }

    /** Reads with the {@link CsvOptions#DEFAULTS}, except that the delimiter is detected from the header line. */
    public static Table read(Path file, BufferAllocator allocator) {
        String text = readUtf8(file);
        CsvOptions options = CsvOptions.DEFAULTS.withDelimiter(detectDelimiter(text));
        return read(file, text, allocator, options, true);
    }

    /** Reads with exactly these options (the delimiter is not detected). */
    public static Table read(Path file, BufferAllocator allocator, CsvOptions options) {
        return read(file, readUtf8(file), allocator, options, false);
    }

    private static Table read(Path file, String text, BufferAllocator allocator, CsvOptions options, boolean detected) {
        List<String> header = new ArrayList<>();
        List<String[]> rows = new ArrayList<>();
        List<Long> lines = new ArrayList<>();
        parse(file, text, options, detected, header, rows, lines);
        return build(file, header, rows, lines, allocator, options);
    }

    /**
     * The delimiter of a CSV text, judged from its header line (the first line that is not blank): whichever of
     * comma, semicolon and tab occurs most often outside quotes; comma when none occurs or on a tie with it, so a
     * one-column file reads as before.
     */
    public static char detectDelimiter(String text) {
        int start = 0;
        while (start < text.length() && (text.charAt(start) == '\n' || text.charAt(start) == '\r')) {
            start++;
        }
        int commas = 0;
        int semicolons = 0;
        int tabs = 0;
        boolean quoted = false;
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                break;
            } else if (!quoted) {
                commas += c == ',' ? 1 : 0;
                semicolons += c == ';' ? 1 : 0;
                tabs += c == '\t' ? 1 : 0;
            }
        }
        if (semicolons > commas && semicolons >= tabs) {
            return ';';
        }
        return tabs > commas && tabs > semicolons ? '\t' : ',';
    }

    /** Whether CSV reading takes this text for a number (what type inference and explicit float64 columns accept). */
    public static boolean isNumber(String text) {
        return text != null && ValueParsers.parseDouble(text) != null;
    }

    private static String readUtf8(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(file + ": no such file");
        } catch (IOException e) {
            throw new InvalidInputException(file + ": cannot read: " + e.getMessage(), e);
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            // a byte order mark is not text: left in, it would become part of the first column's name
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new DataFormatException(file, 0, 0, "not valid UTF-8 text");
        }
    }

    private static void parse(Path file, String text, CsvOptions options, boolean detected, List<String> header,
            List<String[]> rows, List<Long> lines) {
        CSVFormat format = CSVFormat.RFC4180.builder()
                .setDelimiter(options.delimiter())
                .setIgnoreEmptyLines(true)
                .get();
        long lineBefore = 0;
        LineIndex lineIndex = new LineIndex(text);
        try (CSVParser parser = format.parse(new StringReader(text))) {
            for (CSVRecord record : parser) {
                long line = lineIndex.lineAt(record.getCharacterPosition());
                lineBefore = parser.getCurrentLineNumber();
                if (header.isEmpty()) {
                    readHeader(file, record, line, header);
                    continue;
                }
                if (record.size() != header.size()) {
                    throw new DataFormatException(file, line, Math.min(record.size(), header.size()) + 1,
                            "expected " + header.size() + " fields as in the header, found " + record.size()
                                    + (detected ? " (fields separated by " + name(options.delimiter())
                                            + ", as detected from the header line)" : ""));
                }
                rows.add(record.values());
                lines.add(line);
            }
        } catch (UncheckedIOException | IllegalStateException e) {
            throw malformed(file, text, lineBefore + 1, e.getCause() != null ? e.getCause() : e);
        } catch (IOException e) {
            throw malformed(file, text, lineBefore + 1, e);
        }
        if (header.isEmpty()) {
            throw new DataFormatException(file, 1, 0, "empty file: a header line is required");
        }
    }

    private static String name(char delimiter) {
        return switch (delimiter) {
        case ',' -> "commas";
        case ';' -> "semicolons";
        case '\t' -> "tabs";
        default -> "'" + delimiter + "'";
        };
    }

    private static final Pattern AT_POSITION = Pattern.compile("at line: ([\\d,]+), position: ([\\d,]+)");
    private static final Pattern START_LINE = Pattern.compile("\\(startline ([\\d,]+)\\)");

    /**
     * A structural error from the parser, with the position it reports turned into line and column:
     * Commons CSV gives the count of characters read when it stopped, so the offending character is the
     * one before.
     */
    private static DataFormatException malformed(Path file, String text, long fallbackLine, Throwable cause) {
        String message = String.valueOf(cause.getMessage());
        Matcher at = AT_POSITION.matcher(message);
        if (at.find()) {
            long line = Long.parseLong(at.group(1).replace(",", ""));
            int offset = (int) Math.min(text.length(), Long.parseLong(at.group(2).replace(",", ""))) - 1;
            int lineStart = text.lastIndexOf('\n', Math.max(0, offset - 1)) + 1;
            return new DataFormatException(file, line, offset - lineStart + 1,
                    "malformed CSV: unexpected character after a closing quote (a quote inside a quoted field "
                            + "must be doubled)", cause);
        }
        Matcher start = START_LINE.matcher(message);
        if (start.find()) {
            return new DataFormatException(file, Long.parseLong(start.group(1).replace(",", "")), 0,
                    "malformed CSV: quoted field starting on this line is never closed", cause);
        }
        return new DataFormatException(file, fallbackLine, 0, "malformed CSV: " + message, cause);
    }

    /** Maps increasing character offsets to 1-based line numbers in one pass over the text. */
    private static final class LineIndex {
        private final String text;
        private int scanned;
        private long line = 1;

        LineIndex(String text) {
            this.text = text;
        }

        /** The line of the record starting at {@code position}, past the blank lines the parser skipped. */
        long lineAt(long position) {
            int end = (int) Math.min(position, text.length());
            while (end < text.length() && (text.charAt(end) == '\n' || text.charAt(end) == '\r')) {
                end++;
            }
            for (; scanned < end; scanned++) {
                if (text.charAt(scanned) == '\n') {
                    line++;
                }
            }
            return line;
        }
    }

    private static void readHeader(Path file, CSVRecord record, long line, List<String> header) {
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < record.size(); i++) {
            String name = record.get(i).strip();
            if (name.isEmpty()) {
                throw new DataFormatException(file, line, i + 1, "empty column name in header");
            }
            Integer previous = seen.put(name, i + 1);
            if (previous != null) {
                throw new DataFormatException(file, line, i + 1,
                        "duplicate column name '" + name + "' (also column " + previous + ")");
            }
            header.add(name);
        }
    }

    private static Table build(Path file, List<String> header, List<String[]> rows, List<Long> lines,
            BufferAllocator allocator, CsvOptions options) {
        for (String name : options.schema().keySet()) {
            if (!header.contains(name)) {
                throw new DataFormatException(file, 1, 0, "column '" + name + "' of the schema is missing; header: "
                        + String.join(", ", header));
            }
        }
        TableBuilder builder = Table.builder(allocator);
        for (int c = 0; c < header.size(); c++) {
            String name = header.get(c);
            List<String> texts = new ArrayList<>(rows.size());
            for (String[] row : rows) {
                String value = row[c];
                texts.add(options.nullTokens().contains(value) ? null : value);
            }
            ColumnType type = options.schema().getOrDefault(name, ValueParsers.infer(texts));
            builder.add(name, type, convert(file, name, c, type, texts, lines));
        }
        return builder.build();
    }

    private static List<Object> convert(Path file, String name, int column, ColumnType type, List<String> texts,
            List<Long> lines) {
        List<Object> values = new ArrayList<>(texts.size());
        for (int r = 0; r < texts.size(); r++) {
            String text = texts.get(r);
            if (text == null) {
                values.add(null);
                continue;
            }
            Object value = ValueParsers.parse(text, type);
            if (value == null) {
                throw new DataFormatException(file, lines.get(r), column + 1, "row " + (r + 1) + ", column '" + name
                        + "': '" + abbreviate(text) + "' is not " + expected(type));
            }
            values.add(value);
        }
        return values;
    }

    private static String expected(ColumnType type) {
        return switch (type) {
        case INT64, INT32 -> "an integer (" + type.alias() + ")";
        case FLOAT64 -> "a number";
        case BOOLEAN -> "true or false";
        case STRING -> "text";
        };
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 37) + "...";
    }
}
