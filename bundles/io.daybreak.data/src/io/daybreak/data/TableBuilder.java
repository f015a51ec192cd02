package io.daybreak.data;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntConsumer;

import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * Builds a {@link Table} column by column. Values are kept on the heap until {@link #build()}, which
 * allocates the Arrow vectors from the builder's allocator in one go (so a failed build leaves nothing
 * allocated). A builder is single-use and not thread-safe.
 */
public final class TableBuilder {
    private final BufferAllocator allocator;
    private final List<PendingColumn> columns = new ArrayList<>();
    private final Set<String> names = new HashSet<>();
    private boolean built;

    TableBuilder(BufferAllocator allocator) {
        this.allocator = allocator;
    }

    private record PendingColumn(String name, ColumnType type, List<?> values) {
    }

    public TableBuilder addFloat64(String name, double... values) {
        List<Double> boxed = new ArrayList<>(values.length);
        for (double value : values) {
            boxed.add(value);
        }
        return add(name, ColumnType.FLOAT64, boxed);
    }

    public TableBuilder addInt64(String name, long... values) {
        return add(name, ColumnType.INT64, Arrays.stream(values).boxed().toList());
    }

    public TableBuilder addInt32(String name, int... values) {
        return add(name, ColumnType.INT32, Arrays.stream(values).boxed().toList());
    }

    public TableBuilder addString(String name, String... values) {
        return add(name, ColumnType.STRING, Arrays.asList(values));
    }

    public TableBuilder addBoolean(String name, boolean... values) {
        List<Boolean> boxed = new ArrayList<>(values.length);
        for (boolean value : values) {
            boxed.add(value);
        }
        return add(name, ColumnType.BOOLEAN, boxed);
    }

    /**
     * Adds a column of boxed values ({@link Long}/{@link Integer} for integers, {@link Number} for float64,
     * {@link String}, {@link Boolean}); {@code null} elements become Arrow nulls.
     */
    public TableBuilder add(String name, ColumnType type, List<?> values) {
        if (built) {
            throw new IllegalStateException("builder already used");
        }
        if (name == null || name.isEmpty()) {
            throw new InvalidInputException("column name must not be empty");
        }
        if (!names.add(name)) {
            throw new InvalidInputException("duplicate column name '" + name + "'");
        }
        if (!columns.isEmpty() && columns.get(0).values().size() != values.size()) {
            throw new InvalidInputException("column '" + name + "' has " + values.size() + " values but column '"
                    + columns.get(0).name() + "' has " + columns.get(0).values().size());
        }
        columns.add(new PendingColumn(name, type, Collections.unmodifiableList(new ArrayList<>(values))));
        return this;
    }

    /** Allocates the vectors and returns the table; the caller owns (and closes) it. */
    public Table build() {
        if (built) {
            throw new IllegalStateException("builder already used");
        }
        built = true;
        List<FieldVector> vectors = new ArrayList<>();
        try {
            for (PendingColumn column : columns) {
                vectors.add(fill(column));
            }
            int rows = columns.isEmpty() ? 0 : columns.get(0).values().size();
            List<Field> fields = vectors.stream().map(FieldVector::getField).toList();
            return Table.adopt(new VectorSchemaRoot(fields, vectors, rows));
        } catch (RuntimeException e) {
            vectors.forEach(FieldVector::close);
            throw e;
        }
    }

    private FieldVector fill(PendingColumn column) {
        Field field = new Field(column.name(), column.type().nullableFieldType(), null);
        FieldVector vector = field.createVector(allocator);
        try {
            List<?> values = column.values();
            int n = values.size();
            switch (column.type()) {
            case FLOAT64 -> {
                Float8Vector v = (Float8Vector) vector;
                v.allocateNew(n);
                fill(values, v::setNull, (row, value) -> v.set(row, ((Number) value).doubleValue()));
            }
            case INT64 -> {
                BigIntVector v = (BigIntVector) vector;
                v.allocateNew(n);
                fill(values, v::setNull, (row, value) -> v.set(row, ((Number) value).longValue()));
            }
            case INT32 -> {
                IntVector v = (IntVector) vector;
                v.allocateNew(n);
                fill(values, v::setNull, (row, value) -> v.set(row, ((Number) value).intValue()));
            }
            case BOOLEAN -> {
                BitVector v = (BitVector) vector;
                v.allocateNew(n);
                fill(values, v::setNull, (row, value) -> v.set(row, ((Boolean) value) ? 1 : 0));
            }
            case STRING -> {
                VarCharVector v = (VarCharVector) vector;
                v.allocateNew(n);
                fill(values, v::setNull, (row, value) -> v.setSafe(row, value.toString().getBytes(StandardCharsets.UTF_8)));
            }
            default -> throw new IllegalStateException(column.type().toString());
            }
            vector.setValueCount(n);
            return vector;
        } catch (RuntimeException e) {
            vector.close();
            throw e;
        }
    }

    /** Sets one non-null value into a vector. */
    @FunctionalInterface
    private interface RowSetter {
        void set(int row, Object value);
    }

    /** Writes each value with {@code set}, or marks the row null. */
    private static void fill(List<?> values, IntConsumer setNull, RowSetter set) {
        for (int row = 0; row < values.size(); row++) {
            Object value = values.get(row);
            if (value == null) {
                setNull.accept(row);
            } else {
                set.set(row, value);
            }
        }
    }
}
