package io.daybreak.data.parquet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.daybreak.data.ArrowTestSupport;
import io.daybreak.data.ColumnType;
import io.daybreak.data.DataFormatException;
import io.daybreak.data.DoubleColumn;
import io.daybreak.data.Table;
import io.daybreak.data.cdisc.DatasetJson;
import io.daybreak.data.files.TableFiles;

/**
 * Parquet files written by other implementations (Impala, parquet-mr, pyarrow), from the Apache Parquet project's
 * test files, https://github.com/apache/parquet-testing (checked at commit 1a2a75127be06fc0123f03ebd36c966f7beda27d,
 * folder {@code data/}): {@code alltypes_plain.parquet} (Impala), {@code byte_stream_split.zstd.parquet} and
 * {@code sort_columns.parquet} (pyarrow), {@code int32_decimal.parquet}, {@code fixed_length_decimal.parquet} and
 * {@code datapage_v2.snappy.parquet} (parquet-mr). The expected values are the ones the files are documented to hold
 * (that repository's data/README.md, other implementations' test suites), not what our reader returned.
 *
 * <p>The files are not part of this repository (third-party data stays out of it): the tests run when
 * {@code DAYBREAK_PARQUET_TESTING} names a folder holding them (docs/data.md, "Parquet"), and are skipped otherwise.
 * The interoperability test that runs everywhere is {@link ParquetWasmInteropTest} (files exchanged with npm's
 * parquet-wasm in both directions).
 */
class ParquetReferenceFilesTest extends ArrowTestSupport {
    private static final String FOLDER = System.getenv("DAYBREAK_PARQUET_TESTING");

    @org.junit.jupiter.api.BeforeEach
    void filesAreThere() {
        org.junit.jupiter.api.Assumptions.assumeTrue(FOLDER != null && !FOLDER.isBlank(),
                "DAYBREAK_PARQUET_TESTING names no folder of apache/parquet-testing's data files");
    }

    private static Path reference(String name) {
        return Path.of(FOLDER, name);
    }

    @Test
    void impalaAllTypes() {
        try (Table table = TableFiles.read(reference("alltypes_plain.parquet"), allocator)) {
            assertEquals(8, table.rowCount());
            assertEquals(List.of("id", "bool_col", "tinyint_col", "smallint_col", "int_col", "bigint_col", "float_col",
                    "double_col", "date_string_col", "string_col", "timestamp_col"), table.columnNames());
            assertEquals(List.of(4L, 5L, 6L, 7L, 2L, 3L, 0L, 1L), longs(table, "id"));
            assertEquals(ColumnType.INT32, table.columnType("id"));
            assertEquals(ColumnType.INT32, table.columnType("tinyint_col"));
            assertEquals(ColumnType.INT64, table.columnType("bigint_col"));
            assertEquals(ColumnType.FLOAT64, table.columnType("float_col"));
            for (int row = 0; row < 8; row++) {
                boolean even = row % 2 == 0;
                assertEquals(even, table.booleans("bool_col").get(row));
                assertEquals(even ? 0 : 1, table.longs("smallint_col").get(row));
                assertEquals(even ? 0 : 10, table.longs("bigint_col").get(row));
                assertEquals(even ? 0.0 : (double) 1.1f, table.doubles("float_col").get(row)); // float widened exactly
                assertEquals(even ? 0.0 : 10.1, table.doubles("double_col").get(row));
                assertEquals(even ? "0" : "1", table.strings("string_col").get(row)); // un-annotated binary as text
            }
            assertEquals(List.of("03/01/09", "03/01/09", "04/01/09", "04/01/09", "02/01/09", "02/01/09", "01/01/09",
                    "01/01/09"), strings(table, "date_string_col"));
            // INT96 timestamps (Impala's and Spark's legacy encoding) as ISO 8601 datetimes
            assertEquals(List.of("2009-03-01T00:00:00", "2009-03-01T00:01:00", "2009-04-01T00:00:00",
                    "2009-04-01T00:01:00", "2009-02-01T00:00:00", "2009-02-01T00:01:00", "2009-01-01T00:00:00",
                    "2009-01-01T00:01:00"), strings(table, "timestamp_col"));
            assertEquals("datetime", table.columnMetadata("timestamp_col").get(DatasetJson.DATA_TYPE));
        }
    }

    @Test
    void pyarrowByteStreamSplitFloatsWithZstd() {
        // data/README.md: np.random.seed(0); f32 = normal(300).astype(float32); f64 = normal(300); values from numpy
        try (Table table = TableFiles.read(reference("byte_stream_split.zstd.parquet"), allocator)) {
            assertEquals(300, table.rowCount());
            DoubleColumn f32 = table.doubles("f32");
            DoubleColumn f64 = table.doubles("f64");
            assertEquals(1.764052391052246, f32.get(0));
            assertEquals(0.3700558841228485, f32.get(299));
            assertEquals(-1.3065268517353166, f64.get(0));
            assertEquals(-0.17858909208732915, f64.get(299));
            double sum = 0;
            for (int row = 0; row < 300; row++) {
                sum += f64.get(row);
            }
            assertEquals(-41.22919022747558, sum, 1e-12);
        }
    }

    @Test
    void pyarrowRowGroupsWithNullsAndAnArrowSchema() {
        try (Table table = TableFiles.read(reference("sort_columns.parquet"), allocator)) {
            assertEquals(6, table.rowCount());
            assertEquals(ColumnType.INT64, table.columnType("a"));
            assertEquals(ColumnType.STRING, table.columnType("b"));
            List<Long> a = new ArrayList<>();
            for (int row = 0; row < 6; row++) {
                a.add(table.longs("a").isNull(row) ? null : table.longs("a").get(row));
            }
            assertEquals(java.util.Arrays.asList(null, 2L, 1L, null, 2L, 1L), a); // nulls first, descending, twice
            assertEquals(List.of("a", "b", "c", "a", "b", "c"), strings(table, "b"));
            assertTrue(table.metadata().isEmpty(), "the ARROW:schema entry is read, not kept as metadata");
        }
    }

    @Test
    void parquetMrDecimalsAreDoubles() {
        for (String name : List.of("int32_decimal.parquet", "fixed_length_decimal.parquet")) {
            try (Table table = TableFiles.read(reference(name), allocator)) {
                assertEquals(24, table.rowCount(), name);
                assertEquals(ColumnType.FLOAT64, table.columnType("value"), name);
                for (int row = 0; row < 24; row++) {
                    assertEquals(row + 1.0, table.doubles("value").get(row), name);
                }
                assertNull(table.columnMetadata("value").get(DatasetJson.DATA_TYPE));
            }
        }
    }

    @Test
    void aNestedColumnIsRefusedByName() {
        Path file = reference("datapage_v2.snappy.parquet");
        DataFormatException e = assertThrows(DataFormatException.class, () -> TableFiles.read(file, allocator));
        assertTrue(e.getMessage().startsWith(file + ": column 'e' has type INTEGER[], which a Daybreak table cannot hold"),
                e.getMessage());
    }

    private static List<Long> longs(Table table, String column) {
        List<Long> values = new ArrayList<>();
        for (int row = 0; row < table.rowCount(); row++) {
            values.add(table.longs(column).get(row));
        }
        return values;
    }

    private static List<String> strings(Table table, String column) {
        List<String> values = new ArrayList<>();
        for (int row = 0; row < table.rowCount(); row++) {
            values.add(table.strings(column).get(row));
        }
        return values;
    }
}
