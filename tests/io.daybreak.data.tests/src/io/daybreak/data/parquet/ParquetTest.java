package io.daybreak.data.parquet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

import io.daybreak.data.ArrowTestSupport;
import io.daybreak.data.ColumnType;
import io.daybreak.data.DataFormatException;
import io.daybreak.data.InvalidInputException;
import io.daybreak.data.Table;
import io.daybreak.data.TableDigest;
import io.daybreak.data.cdisc.DatasetJson;
import io.daybreak.data.files.TableFiles;

/**
 * Parquet read and write in the OSGi runtime the build starts (Tycho): DuckDB's bundle and its native library, round
 * trips of every column type with nulls and metadata, dates, damaged files, and no temporary files left behind.
 */
class ParquetTest extends ArrowTestSupport {
    @TempDir
    Path dir;

    /** A table of every Daybreak type, with nulls, extreme values and metadata on the table and on columns. */
    private Table sample() {
        Table plain = Table.builder(allocator)
                .add("USUBJID", ColumnType.STRING, Arrays.asList("S-001", null, "S-ü03", "", "it's \"quoted\""))
                .add("AGE", ColumnType.INT64, Arrays.asList(61L, 47L, null, 9_007_199_254_740_993L, Long.MIN_VALUE))
                .add("DOSE", ColumnType.INT32, Arrays.asList(10, null, -3, Integer.MAX_VALUE, Integer.MIN_VALUE))
                .add("AVAL", ColumnType.FLOAT64, Arrays.asList(1.5, null, Double.NaN, Double.NEGATIVE_INFINITY, 4.9e-324))
                .add("CNSR", ColumnType.BOOLEAN, Arrays.asList(true, false, null, true, false))
                .add("TRTSDT", ColumnType.STRING, Arrays.asList("2024-01-02", null, "1969-12-31", "2000-02-29", "1900-01-01"))
                .add("ADTM", ColumnType.STRING, Arrays.asList("2024-01-02T03:04:05.25", "1970-01-01T00:00:00", null,
                        "2013-11-18T10:05:00.123456", "1999-12-31T23:59:59"))
                .add("ATM", ColumnType.STRING, Arrays.asList("01:02:03", null, "23:59:59.5", "00:00:00", "12:00:00"))
                .add("RFSTDTC", ColumnType.STRING, Arrays.asList("2014-01", "2014-01-02", null, "2014", "2014-01-02T10"))
                .build();
        Map<String, Map<String, String>> columns = new HashMap<>();
        columns.put("USUBJID", Map.of(DatasetJson.LABEL, "Unique Subject Identifier"));
        columns.put("AVAL", Map.of(DatasetJson.LABEL, "Analysis Value", "units", "mm"));
        columns.put("TRTSDT", Map.of(DatasetJson.DATA_TYPE, "date", DatasetJson.LABEL, "Date of First Exposure"));
        columns.put("ADTM", Map.of(DatasetJson.DATA_TYPE, "datetime"));
        columns.put("ATM", Map.of(DatasetJson.DATA_TYPE, "time"));
        columns.put("RFSTDTC", Map.of(DatasetJson.DATA_TYPE, "date")); // partial dates: must stay text
        return withMetadata(plain, columns, Map.of("cdisc.name", "ADSL", "study", "DAYBREAK-01"));
    }

    /** {@code table}'s columns moved into a new table whose schema carries the metadata given. */
    private Table withMetadata(Table table, Map<String, Map<String, String>> columns, Map<String, String> metadata) {
        List<Field> fields = new ArrayList<>();
        List<FieldVector> vectors = new ArrayList<>();
        for (String name : table.columnNames()) {
            FieldVector vector = table.vector(name);
            Field field = new Field(name, new FieldType(true, vector.getField().getType(), null, columns.get(name)), null);
            FieldVector moved = field.createVector(allocator);
            vector.makeTransferPair(moved).transfer();
            fields.add(field);
            vectors.add(moved);
        }
        int rows = table.rowCount();
        table.close();
        return Table.adopt(new VectorSchemaRoot(new Schema(fields, metadata), vectors, rows));
    }

    @Test
    void roundTripKeepsTypesValuesNullsAndMetadata() throws IOException {
        Path file = dir.resolve("sample.parquet");
        try (Table written = sample()) {
            Parquet.write(written, file);
            try (Table read = Parquet.read(file, allocator)) {
                assertEquals(written.columnNames(), read.columnNames());
                for (String column : written.columnNames()) {
                    assertEquals(written.columnType(column), read.columnType(column), column);
                    for (int row = 0; row < written.rowCount(); row++) {
                        assertEquals(written.vector(column).getObject(row), read.vector(column).getObject(row),
                                column + " row " + row);
                    }
                }
                assertEquals(TableDigest.sha256(written), TableDigest.sha256(read));
                assertEquals("Unique Subject Identifier", read.columnMetadata("USUBJID").get(DatasetJson.LABEL));
                assertEquals(Map.of(DatasetJson.LABEL, "Analysis Value", "units", "mm"), read.columnMetadata("AVAL"));
                assertEquals("date", read.columnMetadata("TRTSDT").get(DatasetJson.DATA_TYPE));
                assertEquals("Date of First Exposure", read.columnMetadata("TRTSDT").get(DatasetJson.LABEL));
                assertEquals("datetime", read.columnMetadata("ADTM").get(DatasetJson.DATA_TYPE));
                assertEquals("time", read.columnMetadata("ATM").get(DatasetJson.DATA_TYPE));
                assertEquals("date", read.columnMetadata("RFSTDTC").get(DatasetJson.DATA_TYPE));
                assertTrue(read.columnMetadata("DOSE").isEmpty());
                assertEquals("ADSL", read.metadata().get("cdisc.name"));
                assertEquals("DAYBREAK-01", read.metadata().get("study"));
                assertFalse(read.metadata().containsKey("ARROW:schema"), "the Arrow schema is not table metadata");
            }
        }
    }

    @Test
    void datetimesWithAnOffsetAreStoredAsUtcInstants() throws IOException {
        Path file = dir.resolve("utc.parquet");
        try (Table written = withMetadata(Table.builder(allocator)
                .add("ADTM", ColumnType.STRING, Arrays.asList("2024-01-02T03:04:05+02:00", null, "2024-06-30T23:00:00Z"))
                .build(), Map.of("ADTM", Map.of(DatasetJson.DATA_TYPE, "datetime")), Map.of())) {
            Parquet.write(written, file);
        }
        try (Table read = Parquet.read(file, allocator)) {
            assertEquals("2024-01-02T01:04:05Z", read.strings("ADTM").get(0));
            assertNull(read.strings("ADTM").get(1));
            assertEquals("2024-06-30T23:00:00Z", read.strings("ADTM").get(2));
        }
    }

    @Test
    void emptyTablesAndTableFilesDispatchByExtension() throws IOException {
        Path file = dir.resolve("EMPTY.PARQUET");
        assertTrue(TableFiles.isSupported(file));
        try (Table empty = Table.builder(allocator).addFloat64("AVAL").addString("ARM").build()) {
            TableFiles.write(empty, file);
        }
        try (Table read = TableFiles.read(file, allocator)) {
            assertEquals(0, read.rowCount());
            assertEquals(List.of("AVAL", "ARM"), read.columnNames());
            assertEquals(ColumnType.FLOAT64, read.columnType("AVAL"));
            assertEquals(ColumnType.STRING, read.columnType("ARM"));
        }
    }

    @Test
    void csvAndParquetOfTheSameDataHaveTheSameContentDigest() throws IOException {
        Path file = dir.resolve("lung.parquet");
        try (Table csv = TableFiles.read(testData("survival_lung.csv"), allocator)) {
            TableFiles.write(csv, file);
            try (Table parquet = TableFiles.read(file, allocator)) {
                assertEquals(csv.rowCount(), parquet.rowCount());
                assertEquals(TableDigest.sha256(csv), TableDigest.sha256(parquet));
            }
        }
    }

    @Test
    void datasetJsonThroughParquetKeepsValuesLabelsAndAttributes() throws IOException {
        Path parquet = dir.resolve("adsl.parquet");
        Path json = dir.resolve("adsl.json");
        try (Table adsl = DatasetJson.read(testData("dataset-json/adsl.json"), allocator)) {
            Parquet.write(adsl, parquet);
            try (Table read = Parquet.read(parquet, allocator)) {
                assertEquals(adsl.columnNames(), read.columnNames());
                for (String column : adsl.columnNames()) {
                    assertEquals(adsl.columnType(column), read.columnType(column), column);
                    assertEquals(adsl.columnMetadata(column), read.columnMetadata(column), column);
                    for (int row = 0; row < adsl.rowCount(); row++) {
                        assertEquals(adsl.vector(column).getObject(row), read.vector(column).getObject(row),
                                column + " row " + row);
                    }
                }
                assertEquals(adsl.metadata(), read.metadata());
                DatasetJson.write(read, json);
            }
        }
        try (Table again = DatasetJson.read(json, allocator)) {
            assertEquals("Date of First Exposure to Treatment", again.columnMetadata("TRTSDT").get(DatasetJson.LABEL));
            assertEquals("date", again.columnMetadata("TRTSDT").get(DatasetJson.DATA_TYPE));
            assertEquals("Subject-Level Analysis Dataset", again.metadata().get("cdisc.label")); // the source file's label
        }
    }

    @Test
    void pathsWithGlobCharactersAreReadAsTheOneFileTheyName() throws IOException {
        Path file = dir.resolve("site[1]*?.parquet");
        Path other = dir.resolve("site1x.parquet");
        try (Table one = Table.builder(allocator).addInt64("N", 1).build();
                Table two = Table.builder(allocator).addInt64("N", 2, 3).build()) {
            Parquet.write(one, file);
            Parquet.write(two, other);
        }
        try (Table read = Parquet.read(file, allocator)) {
            assertEquals(1, read.rowCount());
            assertEquals(1, read.longs("N").get(0));
        }
    }

    @Test
    void columnsDifferingOnlyInCaseAreRefusedBeforeWriting() {
        Path file = dir.resolve("case.parquet");
        try (Table table = Table.builder(allocator).addInt64("a", 1).addInt64("A", 2).build()) {
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> Parquet.write(table, file));
            assertTrue(e.getMessage().contains("'a' and 'A' differ only in case"), e.getMessage());
        }
        assertFalse(Files.exists(file));
    }

    @Test
    void truncatedEmptyAndForeignFilesAreNamedAndLoadNothing() throws IOException {
        Path good = dir.resolve("good.parquet");
        try (Table table = sample()) {
            Parquet.write(table, good);
        }
        byte[] bytes = Files.readAllBytes(good);
        Path truncated = Files.write(dir.resolve("truncated.parquet"), Arrays.copyOf(bytes, bytes.length / 2));
        Path empty = Files.write(dir.resolve("empty.parquet"), new byte[0]);
        Path text = Files.writeString(dir.resolve("text.parquet"), "USUBJID,AGE\nS-001,61\n");
        for (Path bad : List.of(truncated, empty, text)) {
            DataFormatException e = assertThrows(DataFormatException.class, () -> TableFiles.read(bad, allocator));
            assertTrue(e.getMessage().startsWith(bad + ": not a readable Parquet file: "), e.getMessage());
            assertEquals(bad.toString(), e.file());
            assertEquals(0, allocator.getAllocatedMemory());
        }
    }

    @Test
    void aFileDamagedAfterItsFirstRowsLoadsNothing() throws IOException {
        Path file = dir.resolve("big.parquet");
        int rows = 300_000; // three row groups of DuckDB's 122,880 rows
        double[] values = new double[rows];
        String[] labels = new String[rows];
        for (int i = 0; i < rows; i++) {
            values[i] = Math.sin(i) * 1e6;
            labels[i] = "patient-" + Integer.toHexString(i * 7919);
        }
        try (Table table = Table.builder(allocator).addFloat64("AVAL", values).addString("ID", labels).build()) {
            Parquet.write(table, file);
        }
        long length = Files.size(file);
        try (RandomAccessFile damaged = new RandomAccessFile(file.toFile(), "rw")) {
            byte[] garbage = new byte[4096];
            Arrays.fill(garbage, (byte) 0xA5);
            damaged.seek(length * 3 / 4); // the data of the last row group
            damaged.write(garbage);
        }
        DataFormatException e = assertThrows(DataFormatException.class, () -> Parquet.read(file, allocator));
        assertTrue(e.getMessage().startsWith(file + ": not a readable Parquet file: "), e.getMessage());
        assertEquals(0, allocator.getAllocatedMemory());
    }

    @Test
    void duckDbRunsFromItsOwnBundleAndLeavesNoTemporaryFiles() throws IOException {
        Bundle duckdb = FrameworkUtil.getBundle(org.duckdb.DuckDBConnection.class);
        assertNotNull(duckdb, "DuckDB is loaded by an OSGi bundle");
        assertEquals("org.duckdb.duckdb_jdbc", duckdb.getSymbolicName());
        assertEquals("io.daybreak.data", FrameworkUtil.getBundle(Parquet.class).getSymbolicName());

        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        Set<String> before = duckDbDirectories(tmp);
        boolean dotTmpBefore = Files.exists(Path.of(".tmp"));
        Path file = dir.resolve("sample.parquet");
        try (Table table = sample()) {
            Parquet.write(table, file);
        }
        try (Table read = Parquet.read(file, allocator)) {
            assertEquals(5, read.rowCount());
        }
        assertEquals(List.of("sample.parquet"), list(dir), "only the written file is left in its directory");
        assertEquals(before, duckDbDirectories(tmp), "DuckDB's private temporary directories are deleted");
        assertEquals(dotTmpBefore, Files.exists(Path.of(".tmp")), "DuckDB's default spill directory is not used");
        Path maps = Path.of("/proc/self/maps");
        if (Files.isReadable(maps)) {
            List<String> mapped = Files.readAllLines(maps).stream().filter(line -> line.contains("libduckdb_java"))
                    .toList();
            assertFalse(mapped.isEmpty(), "the native library is loaded");
            for (String line : mapped) {
                assertTrue(line.endsWith("(deleted)"), "the extracted native library is unlinked once loaded: " + line);
            }
        }
    }

    private static Set<String> duckDbDirectories(Path tmp) throws IOException {
        try (Stream<Path> entries = Files.list(tmp)) {
            return entries.map(p -> p.getFileName().toString()).filter(name -> name.startsWith("daybreak-duckdb-"))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }

    private static List<String> list(Path directory) throws IOException {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
