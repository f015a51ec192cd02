package io.daybreak.console.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.felix.service.command.Descriptor;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.daybreak.data.ArrowMemory;
import io.daybreak.data.InvalidInputException;
import io.daybreak.data.Table;
import io.daybreak.data.files.TableFiles;

/**
 * The data file commands: {@code inspect} shows what a file holds (as R's {@code str()} with the labels a CDISC
 * file carries), {@code convert} writes it in another format. Both read with {@link TableFiles}, so they accept
 * exactly the files {@code run --in} accepts, and fail with the same messages.
 */
@Component(service = DataCommands.class, property = {
        "osgi.command.scope=daybreak",
        "osgi.command.function=inspect",
        "osgi.command.function=convert"})
public final class DataCommands {
    /** Metadata keys shown when present (Dataset-JSON and SAS transport files carry them; ADR 0020). */
    private static final String LABEL = "cdisc.label";
    private static final String FORMAT = "cdisc.displayFormat";
    private static final int DEFAULT_ROWS = 5;

    @Reference
    private ArrowMemory memory;

    @Descriptor("show a data file's columns (type, label, format, missing values) and its first rows")
    public void inspect(@Descriptor("<file> [--rows n] [--delimiter ,|;|tab] [--types name=type,...] [--json]")
            String... args) throws Exception {
        DaybreakCommands.execute(args, () -> {
            CommandLine line = CommandLine.parse("inspect", args, Set.of("--json"), Set.of("--rows", "--delimiter", "--types"));
            line.requireNoKeyValues("inspect");
            Path file = Path.of(line.onlyPositional("inspect", "file"));
            int rows = rows(line.option("inspect", "--rows"));
            try (BufferAllocator allocator = memory.newChildAllocator("inspect");
                    Table table = TableFiles.read(file, allocator, CsvInputOptions.of(line, "inspect").forFile(file))) {
                return describe(file, table, rows);
            }
        }, DataCommands::printInspection);
    }

    @Descriptor("convert a data file to another format, chosen by the output's extension (" + TableFiles.SUPPORTED + ")")
    public void convert(@Descriptor("<input> <output> [--delimiter ,|;|tab] [--types name=type,...] [--json]")
            String... args) throws Exception {
        DaybreakCommands.execute(args, () -> {
            CommandLine line = CommandLine.parse("convert", args, Set.of("--json"), Set.of("--delimiter", "--types"));
            line.requireNoKeyValues("convert");
            List<String> files = line.positional();
            if (files.size() != 2) {
                throw new InvalidInputException("convert: expected an input file and an output file, got "
                        + (files.isEmpty() ? "none" : String.join(" ", files)));
            }
            Path in = Path.of(files.get(0));
            Path out = Path.of(files.get(1));
            if (Files.exists(in) && Files.exists(out) && Files.isSameFile(in, out)) {
                throw new InvalidInputException("convert: input and output are the same file: " + in);
            }
            TableFiles.checkWritable(out); // before reading a large input
            try (BufferAllocator allocator = memory.newChildAllocator("convert");
                    Table table = TableFiles.read(in, allocator, CsvInputOptions.of(line, "convert").forFile(in))) {
                TableFiles.write(table, out);
                Map<String, Object> document = new LinkedHashMap<>();
                document.put("input", in.toString());
                document.put("output", out.toString());
                document.put("rows", (long) table.rowCount());
                document.put("columns", (long) table.columnCount());
                return document;
            }
        }, (out, document) -> out.println(document.get("input") + " -> " + document.get("output") + ": "
                + document.get("rows") + " rows, " + document.get("columns") + " columns"));
    }

    private static int rows(String text) {
        if (text == null) {
            return DEFAULT_ROWS;
        }
        try {
            int rows = Integer.parseInt(text.strip());
            if (rows >= 0) {
                return rows;
            }
        } catch (NumberFormatException e) {
            // named below
        }
        throw new InvalidInputException("inspect: --rows must be a whole number 0 or more, got '" + text + "'");
    }

    private static Map<String, Object> describe(Path file, Table table, int rows) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("file", file.toString());
        document.put("rows", (long) table.rowCount());
        String label = table.metadata().get(LABEL);
        if (label != null) {
            document.put("label", label);
        }
        List<Object> columns = new ArrayList<>();
        List<Object> head = new ArrayList<>();
        int shown = Math.min(rows, table.rowCount());
        for (int r = 0; r < shown; r++) {
            head.add(new ArrayList<Object>());
        }
        for (String name : table.columnNames()) {
            FieldVector vector = table.vector(name);
            Map<String, Object> column = new LinkedHashMap<>();
            column.put("name", name);
            column.put("type", table.columnType(name) == null ? vector.getField().getType().toString()
                    : table.columnType(name).alias());
            Map<String, String> metadata = table.columnMetadata(name);
            column.put("label", metadata.getOrDefault(LABEL, ""));
            column.put("format", metadata.getOrDefault(FORMAT, ""));
            column.put("missing", (long) vector.getNullCount());
            columns.add(column);
            String format = metadata.getOrDefault(FORMAT, "");
            for (int r = 0; r < shown; r++) {
                Object value = vector.getObject(r);
                @SuppressWarnings("unchecked")
                List<Object> row = (List<Object>) head.get(r);
                row.add(value == null ? null : value instanceof Number number ? SasDates.display(number, format)
                        : value.toString());
            }
        }
        document.put("columns", columns);
        document.put("head", head);
        return document;
    }

    @SuppressWarnings("unchecked")
    private static void printInspection(java.io.PrintStream out, Map<String, Object> document) {
        out.println(document.get("file") + ": " + document.get("rows") + " rows"
                + (document.containsKey("label") ? " — " + document.get("label") : ""));
        List<List<String>> rows = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Object entry : (List<Object>) document.get("columns")) {
            Map<String, Object> column = (Map<String, Object>) entry;
            names.add(String.valueOf(column.get("name")));
            rows.add(List.of(String.valueOf(column.get("name")), String.valueOf(column.get("type")),
                    String.valueOf(column.get("missing")), String.valueOf(column.get("format")),
                    String.valueOf(column.get("label"))));
        }
        AlignedTable.print(out, "  ", List.of("column", "type", "missing", "format", "label"), rows, Set.of(1, 3, 4));
        List<Object> head = (List<Object>) document.get("head");
        if (!head.isEmpty()) {
            out.println("  first " + head.size() + " rows:");
            List<List<String>> values = new ArrayList<>();
            for (Object row : head) {
                List<String> cells = new ArrayList<>();
                cells.add(Integer.toString(values.size() + 1)); // row numbers, as R prints a data frame
                ((List<Object>) row).forEach(v -> cells.add(v == null ? "NA" : v.toString()));
                values.add(cells);
            }
            List<String> header = new ArrayList<>();
            header.add("");
            header.addAll(names);
            AlignedTable.print(out, "    ", header, values);
        }
    }
}
