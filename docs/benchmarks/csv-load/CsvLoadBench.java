import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.memory.unsafe.UnsafeAllocationManager;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import io.daybreak.data.Table;
import io.daybreak.data.csv.CsvReader;

/**
 * Loads the benchmark CSV (id,time,status,age,sex,arm,biomarker) into Arrow vectors with one of the parsers compared
 * in ADR 0021, in a plain JVM (no OSGi): {@code CsvLoadBench PARSER FILE [RUNS]}, PARSER one of
 * daybreak (io.daybreak.data.csv.CsvReader: the streaming byte scanner), commons (Apache Commons CSV streaming from a
 * Reader, each cell a String parsed into the vector), fastcsv (FastCSV 3.x the same way), duckdb (DuckDB's read_csv
 * through JDBC, each value read from the ResultSet into the vector). Prints each run's wall time, the table's
 * Arrow buffer bytes, and the process's peak resident size (VmHWM) at the end.
 */
public final class CsvLoadBench {
    public static void main(String[] args) throws Exception {
        String parser = args[0];
        Path file = Path.of(args[1]);
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        try (BufferAllocator allocator = new RootAllocator(RootAllocator.configBuilder()
                .allocationManagerFactory(UnsafeAllocationManager.FACTORY).build())) {
            for (int run = 0; run < runs; run++) {
                long start = System.nanoTime();
                long rows;
                long bytes;
                switch (parser) {
                case "daybreak" -> {
                    try (Table table = CsvReader.read(file, allocator)) {
                        rows = table.rowCount();
                        bytes = table.bufferBytes();
                    }
                }
                case "commons" -> {
                    try (Vectors v = new Vectors(allocator)) {
                        rows = commons(file, v);
                        bytes = v.bytes();
                    }
                }
                case "fastcsv" -> {
                    try (Vectors v = new Vectors(allocator)) {
                        // by reflection, so that the other parsers run without FastCSV on the class path
                        rows = (long) Class.forName("FastCsvLoad").getDeclaredMethod("load", Path.class, Vectors.class)
                                .invoke(null, file, v);
                        bytes = v.bytes();
                    }
                }
                case "duckdb" -> {
                    try (Vectors v = new Vectors(allocator)) {
                        rows = duckdb(file, v);
                        bytes = v.bytes();
                    }
                }
                default -> throw new IllegalArgumentException(parser);
                }
                System.out.printf("%s run %d: %d rows, %.1f ms, Arrow buffers %.1f MB%n", parser, run + 1, rows,
                        (System.nanoTime() - start) / 1e6, bytes / 1e6);
            }
        }
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM") || line.startsWith("VmRSS")) {
                System.out.println(line.replaceAll("\\s+", " "));
            }
        }
    }

    private static long commons(Path file, Vectors v) throws IOException {
        long row = 0;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(Files.newInputStream(file),
                StandardCharsets.UTF_8), 1 << 16);
                CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                        .parse(reader)) {
            for (CSVRecord record : parser) {
                v.set((int) row++, record.get(0), record.get(1), record.get(2), record.get(3), record.get(4),
                        record.get(5), record.get(6));
            }
        }
        v.count((int) row);
        return row;
    }

    private static long duckdb(Path file, Vectors v) throws Exception {
        Class.forName("org.duckdb.DuckDBDriver");
        long row = 0;
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT * FROM read_csv('" + file + "')")) {
            while (result.next()) {
                int r = (int) row++;
                v.id.setSafe(r, result.getLong(1));
                v.time.setSafe(r, result.getDouble(2));
                v.status.setSafe(r, result.getLong(3));
                v.age.setSafe(r, result.getLong(4));
                v.sex.setSafe(r, result.getString(5).getBytes(StandardCharsets.UTF_8));
                v.arm.setSafe(r, result.getString(6).getBytes(StandardCharsets.UTF_8));
                v.biomarker.setSafe(r, result.getDouble(7));
            }
        }
        v.count((int) row);
        return row;
    }

    /** The seven columns as Arrow vectors, for the parsers that do not build a Table themselves. */
    static final class Vectors implements AutoCloseable {
        final BigIntVector id;
        final Float8Vector time;
        final BigIntVector status;
        final BigIntVector age;
        final VarCharVector sex;
        final VarCharVector arm;
        final Float8Vector biomarker;

        Vectors(BufferAllocator allocator) {
            id = new BigIntVector("id", allocator);
            time = new Float8Vector("time", allocator);
            status = new BigIntVector("status", allocator);
            age = new BigIntVector("age", allocator);
            sex = new VarCharVector("sex", allocator);
            arm = new VarCharVector("arm", allocator);
            biomarker = new Float8Vector("biomarker", allocator);
        }

        void set(int r, String... cells) {
            id.setSafe(r, Long.parseLong(cells[0]));
            time.setSafe(r, Double.parseDouble(cells[1]));
            status.setSafe(r, Long.parseLong(cells[2]));
            age.setSafe(r, Long.parseLong(cells[3]));
            sex.setSafe(r, cells[4].getBytes(StandardCharsets.UTF_8));
            arm.setSafe(r, cells[5].getBytes(StandardCharsets.UTF_8));
            biomarker.setSafe(r, Double.parseDouble(cells[6]));
        }

        void count(int rows) {
            id.setValueCount(rows);
            time.setValueCount(rows);
            status.setValueCount(rows);
            age.setValueCount(rows);
            sex.setValueCount(rows);
            arm.setValueCount(rows);
            biomarker.setValueCount(rows);
        }

        long bytes() {
            return (long) id.getBufferSize() + time.getBufferSize() + status.getBufferSize() + age.getBufferSize()
                    + sex.getBufferSize() + arm.getBufferSize() + biomarker.getBufferSize();
        }

        @Override
        public void close() {
            id.close();
            time.close();
            status.close();
            age.close();
            sex.close();
            arm.close();
            biomarker.close();
        }
    }
}
