package io.daybreak.data.csv;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import io.daybreak.data.AtomicFiles;
import io.daybreak.data.ColumnType;
import io.daybreak.data.Table;

/**
 * Writes a {@link Table} as CSV (header line, RFC 4180 quoting, UTF-8, {@code \n} line ends). Doubles are
 * written in Java's shortest round-trip form, infinities as {@code Inf}/{@code -Inf}, so reading the
 * file back yields the same values. Files are written atomically.
 */
public final class CsvWriter {
    private CsvWriter() {
    }

    public static void write(Table table, Path file) throws IOException {
        write(table, file, CsvOptions.DEFAULTS);
    }

    public static void write(Table table, Path file, CsvOptions options) throws IOException {
        AtomicFiles.write(file, out -> {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            write(table, writer, options);
            writer.flush();
        });
    }

    public static void write(Table table, Writer writer, CsvOptions options) throws IOException {
        CSVFormat format = CSVFormat.RFC4180.builder()
                .setDelimiter(options.delimiter())
                .setRecordSeparator("\n")
                .get();
        CSVPrinter printer = new CSVPrinter(writer, format);
        List<String> names = table.columnNames();
        printer.printRecord(names);
        List<FieldVector> vectors = new ArrayList<>();
        for (String name : names) {
            vectors.add(table.vector(name));
        }
        String nullText = options.nullOutput();
        List<String> record = new ArrayList<>(names.size());
        for (int row = 0; row < table.rowCount(); row++) {
            record.clear();
            for (FieldVector vector : vectors) {
                record.add(vector.isNull(row) ? nullText : format(vector, row));
            }
            printer.printRecord(record);
        }
        printer.flush();
    }

    private static String format(FieldVector vector, int row) {
        if (ColumnType.of(vector.getField().getType()) == ColumnType.FLOAT64) {
            double value = ((Float8Vector) vector).get(row);
            if (Double.isInfinite(value)) {
                return value > 0 ? "Inf" : "-Inf";
            }
            return Double.toString(value);
        }
        return String.valueOf(vector.getObject(row));
    }
}
