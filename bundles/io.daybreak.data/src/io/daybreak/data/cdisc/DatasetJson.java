package io.daybreak.data.cdisc;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.apache.arrow.memory.BufferAllocator;

import io.daybreak.data.Table;

/**
 * CDISC Dataset-JSON v1.1 ({@code .json}) files.
 *
 * <p>Type mapping on read: {@code string} and {@code URI} become utf8; {@code integer} int64; {@code decimal},
 * {@code float} and {@code double} float64 (a decimal exchanged as a string is parsed, so digits beyond a
 * double's precision and trailing zeros are lost); {@code boolean} bool; {@code date}, {@code datetime} and
 * {@code time} stay ISO 8601 text (utf8). Each column's attributes are kept as Arrow field metadata under the
 * keys {@code cdisc.<attribute>} (e.g. {@link #LABEL}, {@link #DATA_TYPE}), the dataset's under the same
 * prefix as schema metadata ({@code cdisc.name}, {@code cdisc.itemGroupOID}, {@code cdisc.sourceSystem.name},
 * ...), so that a read followed by a write keeps them.
 *
 * <p>The reader streams: values go straight into Arrow vectors, row by row. It needs {@code columns} to come
 * before {@code rows}, as the standard recommends.
 */
public final class DatasetJson {
    /** Prefix of every metadata key this package reads and writes. */
    public static final String PREFIX = "cdisc.";
    /** Column attribute: the variable's label. */
    public static final String LABEL = PREFIX + "label";
    /** Column attribute: the Dataset-JSON dataType ({@code string}, {@code integer}, {@code date}, ...). */
    public static final String DATA_TYPE = PREFIX + "dataType";
    /** Column attribute: the targetDataType ({@code integer} or {@code decimal}), if given. */
    public static final String TARGET_DATA_TYPE = PREFIX + "targetDataType";
    /** Column attribute: the maximum length, if given. */
    public static final String LENGTH = PREFIX + "length";
    /** Column attribute: the display format (a SAS format such as {@code DATE9.}), if given. */
    public static final String DISPLAY_FORMAT = PREFIX + "displayFormat";
    /** Column attribute: the position in the dataset's key, if part of it. */
    public static final String KEY_SEQUENCE = PREFIX + "keySequence";
    /** Column attribute: the item OID. */
    public static final String ITEM_OID = PREFIX + "itemOID";

    /** The Dataset-JSON data types. */
    public static final List<String> DATA_TYPES = List.of("string", "integer", "decimal", "float", "double",
            "boolean", "datetime", "date", "time", "URI");

    /** The version written. */
    public static final String VERSION = "1.1.0";

    private DatasetJson() {
    }

    /** Reads a Dataset-JSON v1.1 file; the caller owns (and closes) the table. */
    public static Table read(Path file, BufferAllocator allocator) {
        return DatasetJsonReader.read(file, allocator);
    }

    /**
     * Writes a Dataset-JSON v1.1 file atomically. Columns without {@code cdisc.*} metadata get defaults from
     * their Arrow type (utf8: string, int32/int64: integer, float64: double, bool: boolean), their name as label
     * and {@code IT.<dataset>.<column>} as item OID; the dataset's name defaults to the file name in upper case.
     */
    public static void write(Table table, Path file) throws IOException {
        DatasetJsonWriter.write(table, file);
    }
}
