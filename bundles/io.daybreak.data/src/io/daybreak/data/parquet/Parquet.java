package io.daybreak.data.parquet;

import java.io.IOException;
import java.nio.file.Path;

import org.apache.arrow.memory.BufferAllocator;

import io.daybreak.data.Table;

/**
 * Apache Parquet files ({@code .parquet}), the format of data lakes and of pyarrow, R arrow and Spark users, read
 * and written with an embedded DuckDB (bundle {@code org.duckdb.duckdb_jdbc}; ADR 0023).
 *
 * <p><b>Types on read.</b> Booleans stay booleans; 8-, 16- and 32-bit integers (and unsigned 8/16-bit) become int32;
 * 64-bit (and unsigned 32/64-bit) int64, failing on an unsigned value beyond int64; float, double and decimal become
 * float64 (a decimal keeps its value as a double, not its digits, as Dataset-JSON decimals do, ADR 0020); strings,
 * enums (dictionary-encoded strings, e.g. pandas categoricals), UUIDs and un-annotated binary columns (Impala and
 * older Spark write strings so) become utf8; dates, timestamps and times become ISO 8601 text ({@code 2024-01-02},
 * {@code 2024-01-02T03:04:05.25}, {@code 2024-01-02T01:04:05Z} for UTC-adjusted timestamps, {@code 01:02:03})
 * marked with the Dataset-JSON {@code cdisc.dataType} {@code date}, {@code datetime} or {@code time}, as
 * Dataset-JSON's dates are (ADR 0020). Nested (list, struct, map), binary and interval columns are refused, naming
 * the column. Nulls stay nulls.
 *
 * <p><b>Types on write.</b> int32, int64, float64, boolean and utf8 are stored as INT32, INT64, DOUBLE, BOOLEAN and
 * UTF-8 strings; a utf8 column marked {@code date}, {@code datetime} or {@code time} is stored as a Parquet DATE,
 * TIMESTAMP (microseconds; UTC-adjusted if every value has an offset) or TIME if every value is a complete ISO 8601
 * value of that kind, else as text. So a read followed by a write keeps the Parquet types of these columns. Column
 * names that differ only in case cannot be written.
 *
 * <p><b>Metadata.</b> The table's metadata and each column's metadata (labels, Dataset-JSON attributes) are written as
 * pyarrow writes them: the Arrow schema, serialised and base64-encoded, under the key-value metadata key
 * {@code ARROW:schema}, and the table's metadata also as plain key-value pairs. Reading restores both from files
 * written by Arrow implementations (pyarrow, R arrow, arrow-rs); other key-value pairs become table metadata.
 *
 * <p>Reading fails with a {@link io.daybreak.data.DataFormatException} naming the file for a truncated or damaged
 * file, allocating nothing; writing is atomic ({@link io.daybreak.data.AtomicFiles}). DuckDB runs in memory with its
 * spill directory in a private temporary directory that is deleted after each call, and loads no extensions.
 */
public final class Parquet {
    private Parquet() {
    }

    /** Reads a Parquet file; the caller owns (and closes) the table. */
    public static Table read(Path file, BufferAllocator allocator) {
        return ParquetReader.read(file, allocator);
    }

    /** Writes {@code table} as a Parquet file (Snappy-compressed), atomically. */
    public static void write(Table table, Path file) throws IOException {
        ParquetWriter.write(table, file);
    }
}
