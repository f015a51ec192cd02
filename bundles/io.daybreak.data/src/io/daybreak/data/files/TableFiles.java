package io.daybreak.data.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.apache.arrow.memory.BufferAllocator;

import io.daybreak.data.InvalidInputException;
import io.daybreak.data.Table;
import io.daybreak.data.cdisc.DatasetJson;
import io.daybreak.data.cdisc.DefineXml;
import io.daybreak.data.cdisc.Xport;
import io.daybreak.data.csv.CsvOptions;
import io.daybreak.data.csv.CsvReader;
import io.daybreak.data.csv.CsvWriter;
import io.daybreak.data.ipc.ArrowIpc;
import io.daybreak.data.parquet.Parquet;

/**
 * Chooses the format by file extension: {@code .csv} is CSV; {@code .arrow}, {@code .feather} and
 * {@code .ipc} are Arrow IPC files; {@code .arrows} is an Arrow IPC stream; {@code .json} is CDISC Dataset-JSON
 * v1.1 ({@link DatasetJson}); {@code .xpt} is a SAS transport file, version 5 or 8 ({@link Xport}; the first member
 * is read); {@code .parquet} is Apache Parquet ({@link Parquet}). A {@code define.xml} next to a {@code .json} or
 * {@code .xpt} file that describes its dataset fills in the columns' metadata ({@link DefineXml#applyNextTo}).
 */
public final class TableFiles {
    /** The extensions understood, for error messages and documentation. */
    public static final String SUPPORTED = ".csv, .arrow, .feather, .ipc, .arrows, .json, .xpt, .parquet";

    private TableFiles() {
    }

    /** Reads a table; a CSV file's delimiter is detected from its header line. */
    public static Table read(Path file, BufferAllocator allocator) {
        return read(file, allocator, null);
    }

    /**
     * Reads a table; a CSV file with these options ({@code null}: the defaults with the delimiter detected from the
     * header line). Arrow files ignore them.
     */
    public static Table read(Path file, BufferAllocator allocator, CsvOptions csv) {
        if (!Files.exists(file)) {
            throw new InvalidInputException(file + ": no such file");
        }
        if (!Files.isReadable(file) || Files.isDirectory(file)) {
            throw new InvalidInputException(file + ": not a readable file");
        }
        return switch (extension(file)) {
        case "csv" -> csv == null ? CsvReader.read(file, allocator) : CsvReader.read(file, allocator, csv);
        case "arrow", "feather", "ipc", "arrows" -> ArrowIpc.read(file, allocator);
        case "json" -> DefineXml.applyNextTo(file, DatasetJson.read(file, allocator));
        case "xpt" -> DefineXml.applyNextTo(file, Xport.read(file, allocator));
        case "parquet" -> Parquet.read(file, allocator);
        default -> throw unsupported(file);
        };
    }

    /** Writes atomically: on failure the target is left as it was. */
    public static void write(Table table, Path file) throws IOException {
        switch (extension(file)) {
        case "csv" -> CsvWriter.write(table, file);
        case "arrow", "feather", "ipc" -> ArrowIpc.writeFile(table, file);
        case "arrows" -> ArrowIpc.writeStreamFile(table, file);
        case "json" -> DatasetJson.write(table, file);
        case "xpt" -> Xport.write(table, file);
        case "parquet" -> Parquet.write(table, file);
        default -> throw unsupported(file);
        }
    }

    /** True if {@code file}'s extension (case-insensitive) is one of {@link #SUPPORTED}. */
    public static boolean isSupported(Path file) {
        return switch (extension(file)) {
        case "csv", "arrow", "feather", "ipc", "arrows", "json", "xpt", "parquet" -> true;
        default -> false;
        };
    }

    /** Fails unless {@code file} has a supported extension; lets callers check before doing work. */
    public static void checkWritable(Path file) {
        if (!isSupported(file)) {
            throw unsupported(file);
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            throw new InvalidInputException(file + ": directory " + parent + " does not exist");
        }
    }

    private static InvalidInputException unsupported(Path file) {
        return new InvalidInputException(file + ": unsupported file type; allowed extensions: " + SUPPORTED);
    }

    private static String extension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
