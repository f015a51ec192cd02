package io.daybreak.data.csv;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;

import io.daybreak.data.DataFormatException;
import io.daybreak.data.InvalidInputException;
import io.daybreak.data.Table;

/**
 * Reads a CSV file (RFC 4180 quoting, header line first, UTF-8) into a {@link Table}, in one streaming pass: the
 * bytes are read in blocks and each value is parsed from them straight into its Arrow vector, with no text or
 * boxed value per cell (ADR 0021).
 *
 * <p><b>Types.</b> A column of the explicit schema ({@link CsvOptions#schema()}) has that type. Any other column's
 * type is inferred from its first {@value #SAMPLE} non-missing values (all of them in a smaller file): the narrowest
 * of boolean ({@code true}/{@code false}, any case), int64, float64 (decimal, plus {@code Inf}, {@code -Inf},
 * {@code Infinity}, {@code NaN}) and string that holds each of them; string if the column has no value. A later
 * value must fit that type, with one widening: an int64 column that meets a number that is not a 64-bit integer
 * becomes float64 (its earlier values converted exactly). Any other misfit (text in a numeric or boolean column, a
 * number in a boolean one) is a {@link DataFormatException} naming file, line, column, row, value and the inferred
 * type, with the hint to give the column an explicit type.
 *
 * <p><b>Errors.</b> A malformed file yields a {@link DataFormatException} naming file, line and column, at the first
 * problem in file order; everything already allocated is released, so nothing partially loaded remains. Blank
 * lines are skipped, and a UTF-8 byte order mark (which Excel writes) is dropped rather than becoming part of the
 * first column's name. Without explicit options the delimiter is detected from the header line: comma,
 * semicolon (Excel in locales with a decimal comma) or tab.
 */
public final class CsvReader {
    /** Non-missing values of a column from which its type is inferred. */
    public static final int SAMPLE = 10_000;

    private CsvReader() {
    }

    /** Reads with the {@link CsvOptions#DEFAULTS}, except that the delimiter is detected from the header line. */
    public static Table read(Path file, BufferAllocator allocator) {
        return read(file, allocator, CsvOptions.DEFAULTS, true, SAMPLE);
    }

    /** Reads with exactly these options (the delimiter is not detected). */
    public static Table read(Path file, BufferAllocator allocator, CsvOptions options) {
        return read(file, allocator, options, false, SAMPLE);
    }

    /** Reads with these options, the delimiter detected if {@code detect}, types inferred from samples of this size. */
    static Table read(Path file, BufferAllocator allocator, CsvOptions options, boolean detect, int sampleSize) {
        long size;
        InputStream in;
        try {
            in = Files.newInputStream(file);
            size = Files.size(file);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(file + ": no such file");
        } catch (IOException e) {
            throw new InvalidInputException(file + ": cannot read: " + e.getMessage(), e);
        }
        try (in) {
            CsvScanner scanner = new CsvScanner(in, file, options.delimiter());
            if (detect) {
                char delimiter = scanner.detectDelimiter();
                scanner.delimiter(delimiter);
                options = options.withDelimiter(delimiter);
            }
            return new Load(file, size, scanner, allocator, options, detect, sampleSize).run();
        } catch (IOException e) {
            throw new InvalidInputException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    /**
     * The delimiter of a CSV text, judged from its header line (the first line that is not blank): whichever of
     * comma, semicolon and tab occurs most often outside quotes; comma when none occurs or on a tie with it, so a
     * one-column file reads as before.
     */
    public static char detectDelimiter(String text) {
        try {
            return new CsvScanner(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), null, ',')
                    .detectDelimiter();
        } catch (IOException e) {
            throw new UncheckedIOException("reading bytes in memory cannot fail", e);
        }
    }

    /**
     * The delimiter of a CSV file's header line, by the rule of {@link #detectDelimiter(String)}, reading no further
     * than that line.
     *
     * @throws InvalidInputException naming the file when it cannot be read
     */
    public static char detectDelimiter(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return new CsvScanner(in, file, ',').detectDelimiter();
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(file + ": no such file");
        } catch (IOException e) {
            throw new InvalidInputException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** Whether CSV reading takes this text for a number (what type inference and explicit float64 columns accept). */
    public static boolean isNumber(String text) {
        return text != null && ValueParsers.parseDouble(text) != null;
    }

    private static String name(char delimiter) {
        return switch (delimiter) {
        case ',' -> "commas";
        case ';' -> "semicolons";
        case '\t' -> "tabs";
        default -> "'" + delimiter + "'";
        };
    }

    /** One reading of a file: the scanner's records into the columns. */
    private static final class Load {
        private final Path file;
        private final long size;
        private final CsvScanner scanner;
        private final BufferAllocator allocator;
        private final CsvOptions options;
        private final boolean detected;
        private final int sampleSize;
        private final byte[][] nullTokens;
        private final ByteValues values = new ByteValues();

        Load(Path file, long size, CsvScanner scanner, BufferAllocator allocator, CsvOptions options, boolean detected,
                int sampleSize) {
            this.file = file;
            this.size = size;
            this.scanner = scanner;
            this.allocator = allocator;
            this.options = options;
            this.detected = detected;
            this.sampleSize = sampleSize;
            this.nullTokens = options.nullTokens().stream().map(token -> token.getBytes(StandardCharsets.UTF_8))
                    .toArray(byte[][]::new);
        }

        Table run() throws IOException {
            if (!scanner.next()) {
                throw new DataFormatException(file, 1, 0, "empty file: a header line is required");
            }
            List<String> header = header();
            for (String name : options.schema().keySet()) {
                if (!header.contains(name)) {
                    throw new DataFormatException(file, scanner.recordLine(), 0, "column '" + name
                            + "' of the schema is missing; header: " + String.join(", ", header));
                }
            }
            int n = header.size();
            CsvColumn[] columns = new CsvColumn[n];
            for (int c = 0; c < n; c++) {
                columns[c] = new CsvColumn(file, header.get(c), c, options.schema().get(header.get(c)), sampleSize,
                        allocator);
            }
            try {
                int rows = rows(columns);
                List<FieldVector> vectors = new ArrayList<>(n);
                for (CsvColumn column : columns) {
                    column.finish(rows, values);
                    vectors.add(column.vector());
                }
                List<Field> fields = vectors.stream().map(FieldVector::getField).toList();
                return Table.adopt(new VectorSchemaRoot(fields, vectors, rows));
            } catch (IOException | RuntimeException | Error e) {
                for (CsvColumn column : columns) {
                    column.close();
                }
                throw e;
            }
        }

        /** Reads the data records into the columns; returns their number. */
        private int rows(CsvColumn[] columns) throws IOException {
            int n = columns.length;
            long headerEnd = scanner.consumed();
            int row = 0;
            while (scanner.next()) {
                if (scanner.fields() != n) {
                    throw new DataFormatException(file, scanner.recordLine(), Math.min(scanner.fields(), n) + 1,
                            "expected " + n + " fields as in the header, found " + scanner.fields()
                                    + (detected ? " (fields separated by " + name(options.delimiter())
                                            + ", as detected from the header line)" : ""));
                }
                if (row == Integer.MAX_VALUE - 8) {
                    throw new DataFormatException(file, scanner.recordLine(), 0,
                            "more than " + row + " rows: too many for one table");
                }
                long line = scanner.recordLine();
                byte[] b = scanner.buffer();
                for (int c = 0; c < n; c++) {
                    scanner.unescape(c);
                    int from = scanner.start(c);
                    int to = scanner.end(c);
                    if (missing(b, from, to)) {
                        continue;
                    }
                    CsvColumn column = columns[c];
                    column.add(row, line, b, from, to, values);
                    if (column.sampling() && column.sampleFull()) {
                        decide(column, row + 1, headerEnd, n);
                    }
                }
                row++;
            }
            return row;
        }

        /** Fixes a column's type after {@code rows} rows, its vector sized for the rows the file is likely to have. */
        private void decide(CsvColumn column, int rows, long headerEnd, int fieldsPerRow) {
            double bytesPerRow = Math.max(1.0, (double) (scanner.consumed() - headerEnd) / rows);
            // a row takes at least one byte per column (its delimiters and line end): the most rows the rest can hold
            double most = rows + Math.max(0, size - scanner.consumed()) / (double) Math.max(1, fieldsPerRow) + 16;
            double expected = Math.max(rows, Math.min(most, (size - headerEnd) / bytesPerRow * 1.02 + 16));
            int expectedRows = (int) Math.min(Integer.MAX_VALUE - 8, expected);
            double filled = (double) column.sampled() / rows;
            long stringBytes = (long) Math.min(Integer.MAX_VALUE, column.averageBytes() * filled * expected * 1.05 + 64);
            column.decide(expectedRows, stringBytes, values);
        }

        private boolean missing(byte[] b, int from, int to) {
            int length = to - from;
            for (byte[] token : nullTokens) {
                if (token.length == length && Arrays.equals(b, from, to, token, 0, length)) {
                    return true;
                }
            }
            return false;
        }

        private List<String> header() {
            List<String> header = new ArrayList<>();
            Map<String, Integer> seen = new HashMap<>();
            byte[] b = scanner.buffer();
            for (int i = 0; i < scanner.fields(); i++) {
                scanner.unescape(i);
                String name = ByteValues.text(b, scanner.start(i), scanner.end(i)).strip();
                if (name.isEmpty()) {
                    throw new DataFormatException(file, scanner.recordLine(), i + 1, "empty column name in header");
                }
                Integer previous = seen.put(name, i + 1);
                if (previous != null) {
                    throw new DataFormatException(file, scanner.recordLine(), i + 1,
                            "duplicate column name '" + name + "' (also column " + previous + ")");
                }
                header.add(name);
            }
            return header;
        }
    }
}
