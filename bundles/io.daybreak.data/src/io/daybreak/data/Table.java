package io.daybreak.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.arrow.vector.util.TransferPair;

/**
 * An immutable table of columns held in Arrow vectors.
 *
 * <p><b>Ownership.</b> A table owns its {@link VectorSchemaRoot} and the Arrow buffers in it; whoever
 * created or received the table closes it (use try-with-resources). The buffers belong to the allocator
 * they were allocated from; {@link #transferTo(BufferAllocator)} hands them to another allocator without
 * copying. Column views and {@link #vector(String)} are read-only and valid only while the table is open:
 * callers must not modify the vectors.
 *
 * <p><b>Threads.</b> An open table may be read from several threads at once; closing it must not race
 * with reads.
 */
public final class Table implements AutoCloseable {
    private final VectorSchemaRoot root;
    private volatile boolean closed;

    private Table(VectorSchemaRoot root) {
        this.root = root;
    }

    /** Wraps {@code root}; the table takes ownership and closes it. */
    public static Table adopt(VectorSchemaRoot root) {
        return new Table(root);
    }

    /** A builder whose columns will be allocated from {@code allocator}. */
    public static TableBuilder builder(BufferAllocator allocator) {
        return new TableBuilder(allocator);
    }

    public Schema schema() {
        checkOpen();
        return root.getSchema();
    }

    public int rowCount() {
        checkOpen();
        return root.getRowCount();
    }

    public int columnCount() {
        checkOpen();
        return root.getFieldVectors().size();
    }

    public List<String> columnNames() {
        checkOpen();
        return root.getSchema().getFields().stream().map(Field::getName).collect(Collectors.toUnmodifiableList());
    }

    public boolean hasColumn(String name) {
        checkOpen();
        return root.getVector(name) != null;
    }

    /**
     * The table's metadata (Arrow schema metadata; e.g. a Dataset-JSON file's {@code cdisc.name} and
     * {@code cdisc.label}); empty if there is none. Unmodifiable.
     */
    public Map<String, String> metadata() {
        Map<String, String> metadata = schema().getCustomMetadata();
        return metadata == null ? Map.of() : Collections.unmodifiableMap(metadata);
    }

    /**
     * A column's metadata (Arrow field metadata; e.g. a Dataset-JSON variable's {@code cdisc.label}); empty if
     * there is none. Unmodifiable.
     */
    public Map<String, String> columnMetadata(String name) {
        Map<String, String> metadata = vector(name).getField().getMetadata();
        return metadata == null ? Map.of() : Collections.unmodifiableMap(metadata);
    }

    /** The Daybreak type of a column, or {@code null} if its Arrow type has no typed accessor. */
    public ColumnType columnType(String name) {
        return ColumnType.of(vector(name).getField().getType());
    }

    /** A numeric column (int32, int64 or float64) read as doubles. */
    public DoubleColumn doubles(String name) {
        ColumnType type = requireType(name, "numeric", ColumnType.FLOAT64, ColumnType.INT64, ColumnType.INT32);
        return ColumnViews.doubles(vector(name), type);
    }

    /** An integer column (int32 or int64). */
    public LongColumn longs(String name) {
        ColumnType type = requireType(name, "integer", ColumnType.INT64, ColumnType.INT32);
        return ColumnViews.longs(vector(name), type);
    }

    public StringColumn strings(String name) {
        requireType(name, "string", ColumnType.STRING);
        return ColumnViews.strings(vector(name));
    }

    public BooleanColumn booleans(String name) {
        requireType(name, "boolean", ColumnType.BOOLEAN);
        return ColumnViews.booleans(vector(name));
    }

    /** The Arrow vector of a column, for read-only use. */
    public FieldVector vector(String name) {
        checkOpen();
        FieldVector vector = root.getVector(name);
        if (vector == null) {
            throw new InvalidInputException("no column '" + name + "'; columns: " + String.join(", ", columnNames()));
        }
        return vector;
    }

    /**
     * The underlying Arrow root, for read-only interoperation (IPC writers, digests). Do not modify it or
     * close it; the table does that.
     */
    public VectorSchemaRoot arrowRoot() {
        checkOpen();
        return root;
    }

    /** Bytes of Arrow memory held by this table's buffers. */
    public long bufferBytes() {
        checkOpen();
        long bytes = 0;
        for (FieldVector vector : root.getFieldVectors()) {
            bytes += vector.getBufferSize();
        }
        return bytes;
    }

    /**
     * Moves this table's buffers to {@code target} without copying and returns the new owner; this table is
     * closed afterwards.
     */
    public Table transferTo(BufferAllocator target) {
        checkOpen();
        List<FieldVector> moved = new ArrayList<>();
        try {
            for (FieldVector vector : root.getFieldVectors()) {
                TransferPair pair = vector.getTransferPair(target);
                pair.transfer();
                moved.add((FieldVector) pair.getTo());
            }
        } catch (RuntimeException e) {
            moved.forEach(FieldVector::close);
            throw e;
        }
        VectorSchemaRoot movedRoot = new VectorSchemaRoot(root.getSchema(), moved, root.getRowCount());
        close();
        return new Table(movedRoot);
    }

    /**
     * Moves the columns not named in {@code dropped} to a new table (same allocator, no copy) and returns it; this
     * table is closed afterwards, which frees the dropped columns.
     */
    public Table without(java.util.Collection<String> dropped) {
        checkOpen();
        List<Field> fields = new ArrayList<>();
        List<FieldVector> moved = new ArrayList<>();
        try {
            for (FieldVector vector : root.getFieldVectors()) {
                if (!dropped.contains(vector.getName())) {
                    TransferPair pair = vector.getTransferPair(vector.getAllocator());
                    pair.transfer();
                    fields.add(vector.getField());
                    moved.add((FieldVector) pair.getTo());
                }
            }
        } catch (RuntimeException e) {
            moved.forEach(FieldVector::close);
            throw e;
        }
        VectorSchemaRoot kept = new VectorSchemaRoot(new Schema(fields, root.getSchema().getCustomMetadata()), moved,
                root.getRowCount());
        close();
        return new Table(kept);
    }

    public boolean isClosed() {
        return closed;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            root.close();
        }
    }

    @Override
    public String toString() {
        return closed ? "Table[closed]" : "Table[" + rowCount() + " rows x " + columnNames() + "]";
    }

    private ColumnType requireType(String name, String wanted, ColumnType... allowed) {
        ColumnType actual = columnType(name);
        for (ColumnType type : allowed) {
            if (type == actual) {
                return actual;
            }
        }
        throw new InvalidInputException("column '" + name + "' is " + describe(name, actual) + ", not " + wanted);
    }

    private String describe(String name, ColumnType type) {
        return type != null ? type.alias() : vector(name).getField().getType().toString();
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("table is closed");
        }
    }
}
