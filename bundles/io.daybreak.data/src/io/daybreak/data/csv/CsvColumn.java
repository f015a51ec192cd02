package io.daybreak.data.csv;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.ipc.message.ArrowFieldNode;
import org.apache.arrow.vector.types.pojo.Field;

import io.daybreak.data.ColumnType;
import io.daybreak.data.DataFormatException;

/**
 * One column of a CSV file being read: first a sample of its non-missing values (copies of their bytes, with row
 * and line), from which its type is inferred when the sample is full or the file ends; from then on an Arrow
 * vector that values are parsed into as they come. A column with an explicit type is sampled too (the sample sizes
 * its vector) but checks each value at once. Missing values are never passed in: a row not set stays null.
 *
 * <p>After its type is fixed, an inferred int64 column that meets a number that is not a 64-bit integer becomes
 * float64 (its integers converted exactly as {@code Double.valueOf} of their text would be); any other value that
 * does not fit the type is an error naming the row, the value, the type and how it was inferred.
 */
final class CsvColumn implements AutoCloseable {
    private final Path file;
    private final String name;
    private final int index;
    private final ColumnType explicit;
    private final int sampleSize;
    private final BufferAllocator allocator;

    private ColumnType type; // null while sampling
    private int sampled;
    private int[] sampleRows = new int[16];
    private long[] sampleLines = new long[16];
    private byte[][] sampleValues = new byte[16][];
    private long sampleBytes;

    /**
     * Fixed-width types are written into raw buffers that become the vector's at the end: a vector's
     * {@code allocateNew} zeroes all the memory the allocator's rounding gives it (a power of two below 16 MiB), so
     * a column of 1,000,000 doubles would touch 16 MiB for its 8; a raw buffer's untouched tail stays unmapped.
     */
    private ArrowBuf data;
    private ArrowBuf validity;
    private int width; // bytes per value; 0 for boolean (bits)
    private int capacity;
    private int nonMissing;
    private VarCharVector strings;
    private FieldVector vector; // set by finish()

    CsvColumn(Path file, String name, int index, ColumnType explicit, int sampleSize, BufferAllocator allocator) {
        this.file = file;
        this.name = name;
        this.index = index;
        this.explicit = explicit;
        this.sampleSize = sampleSize;
        this.allocator = allocator;
    }

    String name() {
        return name;
    }

    /** True while the type is still to be inferred (the sample is not full). */
    boolean sampling() {
        return type == null;
    }

    /** Non-missing values in the sample. */
    int sampled() {
        return sampled;
    }

    /** Average bytes of a sampled value (for sizing string data). */
    double averageBytes() {
        return sampled == 0 ? 0 : (double) sampleBytes / sampled;
    }

    FieldVector vector() {
        return vector;
    }

    /** Takes a non-missing value (bytes {@code from}..{@code to} of {@code b}) of 0-based {@code row}. */
    void add(int row, long line, byte[] b, int from, int to, ByteValues values) {
        if (type == null) {
            if (explicit != null && !fits(explicit, b, from, to, values)) {
                throw notA(explicit, row, line, b, from, to);
            }
            if (sampled == sampleRows.length) {
                int size = sampled * 2;
                sampleRows = Arrays.copyOf(sampleRows, size);
                sampleLines = Arrays.copyOf(sampleLines, size);
                sampleValues = Arrays.copyOf(sampleValues, size);
            }
            sampleRows[sampled] = row;
            sampleLines[sampled] = line;
            sampleValues[sampled] = Arrays.copyOfRange(b, from, to);
            sampleBytes += to - from;
            sampled++;
            return;
        }
        write(row, line, b, from, to, values);
    }

    /** Whether the sample is full, so the type can be fixed. */
    boolean sampleFull() {
        return sampled >= sampleSize;
    }

    /**
     * Fixes the type (the explicit one, else the narrowest of boolean, int64, float64, string that holds every
     * sampled value; string if there is none), allocates the vector for {@code expectedRows} rows and
     * {@code expectedStringBytes} of text, and moves the sample into it.
     */
    void decide(int expectedRows, long expectedStringBytes, ByteValues values) {
        type = explicit != null ? explicit : infer(values);
        int rows = Math.max(expectedRows, 1);
        if (type == ColumnType.STRING) {
            strings = (VarCharVector) new Field(name, type.nullableFieldType(), null).createVector(allocator);
            strings.allocateNew(Math.max(expectedStringBytes, 1), rows);
        } else {
            width = switch (type) {
            case INT64, FLOAT64 -> 8;
            case INT32 -> 4;
            default -> 0;
            };
            allocate(rows);
        }
        for (int i = 0; i < sampled; i++) {
            byte[] value = sampleValues[i];
            write(sampleRows[i], sampleLines[i], value, 0, value.length, values);
        }
        sampleRows = null;
        sampleLines = null;
        sampleValues = null;
    }

    private ColumnType infer(ByteValues values) {
        int common = ByteValues.BOOLEAN | ByteValues.INTEGER | ByteValues.NUMBER;
        for (int i = 0; i < sampled && common != 0; i++) {
            byte[] value = sampleValues[i];
            common &= values.classify(value, 0, value.length);
        }
        if (sampled == 0 || common == 0) {
            return ColumnType.STRING;
        }
        return (common & ByteValues.BOOLEAN) != 0 ? ColumnType.BOOLEAN
                : (common & ByteValues.INTEGER) != 0 ? ColumnType.INT64 : ColumnType.FLOAT64;
    }

    private void write(int row, long line, byte[] b, int from, int to, ByteValues values) {
        if (row >= capacity && type != ColumnType.STRING) {
            grow(row);
        }
        switch (type) {
        case INT64 -> {
            if (values.parseLong(b, from, to)) {
                data.setLong(row * 8L, values.longValue);
            } else if (explicit == null && values.parseDouble(b, from, to)) {
                widen(row);
                data.setDouble(row * 8L, values.doubleValue);
            } else {
                throw notA(explicit == null ? ColumnType.FLOAT64 : type, row, line, b, from, to);
            }
        }
        case FLOAT64 -> {
            if (!values.parseDouble(b, from, to)) {
                throw notA(type, row, line, b, from, to);
            }
            data.setDouble(row * 8L, values.doubleValue);
        }
        case STRING -> strings.setSafe(row, b, from, to - from);
        case BOOLEAN -> {
            if (!values.parseBoolean(b, from, to)) {
                throw notA(type, row, line, b, from, to);
            }
            if (values.booleanValue) {
                BitVectorHelper.setBit(data, row);
            }
        }
        case INT32 -> {
            if (!values.parseLong(b, from, to) || values.longValue != (int) values.longValue) {
                throw notA(type, row, line, b, from, to);
            }
            data.setInt(row * 4L, (int) values.longValue);
        }
        default -> throw new IllegalStateException(type.toString());
        }
        if (type != ColumnType.STRING) {
            BitVectorHelper.setBit(validity, row);
        }
        nonMissing++;
    }

    /** Zeroed validity (and boolean) bits and an untouched data buffer for {@code rows} values. */
    private void allocate(int rows) {
        capacity = rows;
        validity = zeroed(bitBytes(rows));
        data = width == 0 ? zeroed(bitBytes(rows)) : allocator.buffer((long) rows * width);
    }

    private ArrowBuf zeroed(long bytes) {
        ArrowBuf buffer = allocator.buffer(bytes);
        buffer.setZero(0, bytes);
        return buffer;
    }

    private static long bitBytes(int rows) {
        return ((rows + 63L) / 64) * 8;
    }

    /** Doubles the buffers until they hold {@code row}. */
    private void grow(int row) {
        int rows = capacity;
        while (rows <= row) {
            rows = (int) Math.min(Integer.MAX_VALUE - 8, rows * 2L);
        }
        ArrowBuf oldData = data;
        ArrowBuf oldValidity = validity;
        int oldCapacity = capacity;
        data = null;
        validity = null;
        try {
            allocate(rows);
        } catch (RuntimeException | Error e) {
            oldData.close();
            oldValidity.close();
            throw e;
        }
        validity.setBytes(0, oldValidity, 0, bitBytes(oldCapacity));
        data.setBytes(0, oldData, 0, width == 0 ? bitBytes(oldCapacity) : (long) oldCapacity * width);
        oldData.close();
        oldValidity.close();
    }

    /** An inferred int64 column becomes float64 (rows before {@code row}), in place: both are 8 bytes wide. */
    private void widen(int row) {
        for (int r = 0; r < row; r++) {
            if (BitVectorHelper.get(validity, r) != 0) {
                data.setDouble(r * 8L, (double) data.getLong(r * 8L));
            }
        }
        type = ColumnType.FLOAT64;
    }

    /** Fixes the type if still sampling (with exactly {@code rows} rows) and sets the row count. */
    void finish(int rows, ByteValues values) {
        if (type == null) {
            decide(rows, sampleBytes, values);
        }
        if (type == ColumnType.STRING) {
            strings.setValueCount(rows);
            vector = strings;
            strings = null;
            return;
        }
        FieldVector loaded = new Field(name, type.nullableFieldType(), null).createVector(allocator);
        try {
            loaded.loadFieldBuffers(new ArrowFieldNode(rows, rows - nonMissing), List.of(validity, data));
        } catch (RuntimeException | Error e) {
            loaded.close();
            throw e;
        }
        vector = loaded; // it holds its own references to the buffers now
        data.close();
        validity.close();
        data = null;
        validity = null;
    }

    private static boolean fits(ColumnType type, byte[] b, int from, int to, ByteValues values) {
        return switch (type) {
        case INT64 -> values.parseLong(b, from, to);
        case INT32 -> values.parseLong(b, from, to) && values.longValue == (int) values.longValue;
        case FLOAT64 -> values.parseDouble(b, from, to);
        case BOOLEAN -> values.parseBoolean(b, from, to);
        case STRING -> true;
        };
    }

    private DataFormatException notA(ColumnType expected, int row, long line, byte[] b, int from, int to) {
        String message = "row " + (row + 1) + ", column '" + name + "': '" + abbreviate(ByteValues.text(b, from, to))
                + "' is not " + expected(expected);
        if (explicit == null) {
            message += " (column '" + name + "' was read as " + type.alias() + ", the type of its first " + sampleSize
                    + " values; give it an explicit type, e.g. string, to read other values)";
        }
        return new DataFormatException(file, line, index + 1, message);
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

    @Override
    public void close() {
        for (AutoCloseable owned : new AutoCloseable[] {vector, strings, data, validity}) {
            if (owned != null) {
                try {
                    owned.close();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        vector = null;
        strings = null;
        data = null;
        validity = null;
    }
}
