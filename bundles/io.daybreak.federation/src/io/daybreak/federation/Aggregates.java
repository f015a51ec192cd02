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
 * What a site releases for one step of a federated method: named arrays of numbers and, where a method
 * releases the levels of a text column, named lists of labels; nothing else. On the wire it is an Arrow IPC
 * stream of a long table (name, index, value), so a release can be inspected, hashed and audited as the exact
 * bytes that left the node. Labels travel in one more, nullable column ({@code label}; {@code value} is null
 * in their rows), added only when a release holds labels, so the bytes of a numbers-only release are as they
 * always were. An empty array or list does not travel: the coordinator sees no such name.
 */
public final class Aggregates {
    private final Map<String, double[]> values;
    private final Map<String, List<String>> labels;
    private final List<String> names;
    /** The site that released these aggregates, when known (a coordinator's errors then name it). */
    private final String source;

    private Aggregates(Map<String, double[]> values, Map<String, List<String>> labels, List<String> names,
            String source) {
        this.values = values;
        this.labels = labels;
        this.names = names;
        this.source = source;
    }

    /** The same aggregates, marked as released by {@code site}: a missing aggregate is then blamed on it. */
    public Aggregates from(String site) {
        return new Aggregates(values, labels, names, site);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds aggregates in insertion order. */
    public static final class Builder {
        private final Map<String, double[]> values = new LinkedHashMap<>();
        private final Map<String, List<String>> labels = new LinkedHashMap<>();
        private final List<String> names = new ArrayList<>();

        public Builder put(String name, double... array) {
            if (names.contains(name)) {
                throw new IllegalArgumentException("duplicate aggregate " + name);
            }
            values.put(name, array.clone());
            names.add(name);
            return this;
        }

        /** Level labels (text, from a column that passed the site's factor rules), in order. */
        public Builder putLabels(String name, List<String> list) {
            if (names.contains(name)) {
                throw new IllegalArgumentException("duplicate aggregate " + name);
            }
            for (String label : list) {
                if (label == null) {
                    throw new IllegalArgumentException("a null label in aggregate " + name);
                }
            }
            labels.put(name, List.copyOf(list));
            names.add(name);
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
            return new Aggregates(Collections.unmodifiableMap(new LinkedHashMap<>(values)),
                    Collections.unmodifiableMap(new LinkedHashMap<>(labels)), List.copyOf(names), null);
        }
    }

    public double[] get(String name) {
        double[] array = values.get(name);
        if (array == null) {
            if (source != null) {
                // a site's release lacks what its step releases: that site's failure, named
                throw new SiteFailedException(source, "released no aggregate '" + name + "'; it released " + names);
            }
            throw new IllegalArgumentException("no aggregate '" + name + "' in the release; it has " + names);
        }
        return array.clone();
    }

    /** Whether {@code name} is a list of labels rather than numbers. */
    public boolean isLabels(String name) {
        return labels.containsKey(name);
    }

    /** A list of labels ({@link Builder#putLabels}). */
    public List<String> labels(String name) {
        List<String> list = labels.get(name);
        if (list == null) {
            if (source != null) {
                throw new SiteFailedException(source, "released no labels '" + name + "'; it released " + names);
            }
            throw new IllegalArgumentException("no labels '" + name + "' in the release; it has " + names);
        }
        return list;
    }

    /** Whether the release holds numbers or labels of this name (empty ones do not travel). */
    public boolean has(String name) {
        return values.containsKey(name) || labels.containsKey(name);
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

    /** The names of the numbers and labels, in the order put. */
    public List<String> names() {
        return names;
    }

    /**
     * The release as the bytes a node sends: an Arrow IPC stream of (name, index, value), and (name, index, label)
     * rows in a fourth column when it holds labels.
     */
    public byte[] toBytes(BufferAllocator allocator) {
        List<Object> rowNames = new ArrayList<>();
        List<Object> indices = new ArrayList<>();
        List<Object> numbers = new ArrayList<>();
        List<Object> texts = new ArrayList<>();
        for (String name : names) {
            double[] array = values.get(name);
            List<String> list = labels.get(name);
            int length = array != null ? array.length : list.size();
            for (int i = 0; i < length; i++) {
                rowNames.add(name);
                indices.add((long) i);
                numbers.add(array != null ? array[i] : null);
                texts.add(array != null ? null : list.get(i));
            }
        }
        var builder = Table.builder(allocator).add("name", ColumnType.STRING, rowNames)
                .add("index", ColumnType.INT64, indices).add("value", ColumnType.FLOAT64, numbers);
        if (!labels.isEmpty()) {
            builder.add("label", ColumnType.STRING, texts);
        }
        try (Table table = builder.build()) {
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
            Map<String, List<String>> texts = new LinkedHashMap<>();
            List<String> order = new ArrayList<>();
            boolean withLabels = table.hasColumn("label");
            for (int row = 0; row < table.rowCount(); row++) {
                String name = table.strings("name").get(row);
                if (!lists.containsKey(name) && !texts.containsKey(name)) {
                    order.add(name);
                }
                if (withLabels && !table.strings("label").isNull(row)) {
                    texts.computeIfAbsent(name, k -> new ArrayList<>()).add(table.strings("label").get(row));
                } else {
                    lists.computeIfAbsent(name, k -> new ArrayList<>()).add(table.doubles("value").get(row));
                }
            }
            Builder builder = builder();
            for (String name : order) {
                if (lists.containsKey(name) && texts.containsKey(name)) {
                    throw new IllegalArgumentException("aggregate '" + name + "' holds both numbers and labels");
                }
                if (texts.containsKey(name)) {
                    builder.putLabels(name, texts.get(name));
                } else {
                    builder.put(name, lists.get(name).stream().mapToDouble(Double::doubleValue).toArray());
                }
            }
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
