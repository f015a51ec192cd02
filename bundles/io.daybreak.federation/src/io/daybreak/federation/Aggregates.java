package io.daybreak.federation;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.arrow.memory.BufferAllocator;

import io.daybreak.data.ColumnType;
import io.daybreak.data.Table;
import io.daybreak.data.ipc.ArrowIpc;

/**
 * What a site releases for one step of a federated method: named arrays of numbers, nothing else. On the
 * wire it is an Arrow IPC stream of a long table (name, index, value), so a release can be inspected, hashed
 * and audited as the exact bytes that left the node.
 */
public final class Aggregates {
    private final Map<String, double[]> values;
    /** The site that released these aggregates, when known (a coordinator's errors then name it). */
    private final String source;

    private Aggregates(Map<String, double[]> values, String source) {
        this.values = values;
        this.source = source;
    }

    /** The same aggregates, marked as released by {@code site}: a missing aggregate is then blamed on it. */
    public Aggregates from(String site) {
        return new Aggregates(values, site);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds aggregates in insertion order. */
    public static final class Builder {
        private final Map<String, double[]> values = new LinkedHashMap<>();

        public Builder put(String name, double... array) {
            if (values.put(name, array.clone()) != null) {
                throw new IllegalArgumentException("duplicate aggregate " + name);
            }
            return this;
        }

        /** A matrix, row by row, with its shape in {@code name.shape}. */
        public Builder putMatrix(String name, double[][] matrix) {
            int rows = matrix.length;
            int columns = rows == 0 ? 0 : matrix[0].length;
            double[] flat = new double[rows * columns];
            for (int r = 0; r < rows; r++) {
                System.arraycopy(matrix[r], 0, flat, r * columns, columns);
            }
            put(name + ".shape", rows, columns);
            return put(name, flat);
        }

        public Aggregates build() {
            return new Aggregates(Collections.unmodifiableMap(new LinkedHashMap<>(values)), null);
        }
    }

    public double[] get(String name) {
        double[] array = values.get(name);
        if (array == null) {
            throw new IllegalArgumentException((source == null ? "" : "site '" + source + "' released ")
                    + "no aggregate '" + name + "' in the release; it has " + values.keySet());
        }
        return array.clone();
    }

    public double[][] getMatrix(String name) {
        double[] shape = get(name + ".shape");
        double[] flat = get(name);
        int rows = (int) shape[0];
        int columns = (int) shape[1];
        double[][] matrix = new double[rows][columns];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(flat, r * columns, matrix[r], 0, columns);
        }
        return matrix;
    }

    public double scalar(String name) {
        return get(name)[0];
    }

    public List<String> names() {
        return List.copyOf(values.keySet());
    }

    /** The release as the bytes a node sends: an Arrow IPC stream of (name, index, value). */
    public byte[] toBytes(BufferAllocator allocator) {
        List<Object> names = new ArrayList<>();
        List<Object> indices = new ArrayList<>();
        List<Object> numbers = new ArrayList<>();
        values.forEach((name, array) -> {
            for (int i = 0; i < array.length; i++) {
                names.add(name);
                indices.add((long) i);
                numbers.add(array[i]);
            }
        });
        try (Table table = Table.builder(allocator).add("name", ColumnType.STRING, names)
                .add("index", ColumnType.INT64, indices).add("value", ColumnType.FLOAT64, numbers).build()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ArrowIpc.writeStream(table, out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory cannot fail", e);
        }
    }

    /** Reads released bytes back (the coordinator's side). */
    public static Aggregates fromBytes(byte[] bytes, BufferAllocator allocator) {
        try (Table table = ArrowIpc.readStream(new ByteArrayInputStream(bytes), allocator)) {
            Map<String, List<Double>> lists = new LinkedHashMap<>();
            for (int row = 0; row < table.rowCount(); row++) {
                lists.computeIfAbsent(table.strings("name").get(row), k -> new ArrayList<>())
                        .add(table.doubles("value").get(row));
            }
            Builder builder = builder();
            lists.forEach((name, list) -> builder.put(name, list.stream().mapToDouble(Double::doubleValue).toArray()));
            return builder.build();
        }
    }

    /** SHA-256 of released bytes, hex. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
