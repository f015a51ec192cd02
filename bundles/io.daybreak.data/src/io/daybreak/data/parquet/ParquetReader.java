package io.daybreak.data.parquet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

import io.daybreak.data.ColumnType;
import io.daybreak.data.DataFormatException;
import io.daybreak.data.Table;
import io.daybreak.data.cdisc.DatasetJson;

/** Reads a Parquet file into a table through DuckDB's {@code read_parquet}, row by row into Arrow vectors. */
final class ParquetReader {
    /** Rows allocated up front at most; vectors grow past it as rows arrive (a damaged footer may claim any count). */
    private static final int INITIAL_ROWS = 1 << 16;

    private ParquetReader() {
    }

    /** How a Parquet column becomes a Daybreak column. */
    private enum Kind {
        BOOLEAN(ColumnType.BOOLEAN, null), INT32(ColumnType.INT32, null), INT64(ColumnType.INT64, null),
        FLOAT64(ColumnType.FLOAT64, null), STRING(ColumnType.STRING, null), DATE(ColumnType.STRING, "date"),
        DATETIME(ColumnType.STRING, "datetime"), DATETIME_UTC(ColumnType.STRING, "datetime"),
        TIME(ColumnType.STRING, "time");

        final ColumnType type;
        /** The Dataset-JSON dataType a text column holding these values gets (ADR 0020), if any. */
        final String dataType;

        Kind(ColumnType type, String dataType) {
            this.type = type;
            this.dataType = dataType;
        }
    }

    /** A column of the file: DuckDB's name for it, its name in the file, DuckDB's type, and how it is read. */
    private record Source(String duckName, String name, String duckType, Kind kind) {
        String select() {
            String column = EmbeddedDuckDb.identifier(duckName);
            return switch (kind) {
            case BOOLEAN -> column;
            case INT32 -> "CAST(" + column + " AS INTEGER)";
            case INT64 -> "CAST(" + column + " AS BIGINT)";
            case FLOAT64 -> "CAST(" + column + " AS DOUBLE)";
            case DATETIME, DATETIME_UTC -> "replace(CAST(" + column + " AS VARCHAR), ' ', 'T')";
            default -> "CAST(" + column + " AS VARCHAR)";
            };
        }
    }

    static Table read(Path file, BufferAllocator allocator) {
        try (EmbeddedDuckDb db = EmbeddedDuckDb.open()) {
            String path = db.plainPath(file);
            try {
                return read(db.connection(), file, path, allocator);
            } catch (SQLException e) {
                throw new DataFormatException(file, 0, 0, "not a readable Parquet file: "
                        + EmbeddedDuckDb.message(e).replace(" '" + path + "'", ""), e);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("DuckDB: " + EmbeddedDuckDb.message(e), e);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    private static Table read(Connection connection, Path file, String path, BufferAllocator allocator)
            throws SQLException {
        List<Source> sources = describe(connection, file, path);
        Map<String, byte[]> keyValues = keyValues(connection, path);
        Schema arrow = ArrowSchemaMetadata.decode(keyValues.remove(ArrowSchemaMetadata.KEY));
        long rows = single(connection, "SELECT count(*) FROM read_parquet(?)", path);
        if (rows > Integer.MAX_VALUE) {
            throw new DataFormatException(file, 0, 0, rows + " rows; a table holds at most " + Integer.MAX_VALUE);
        }
        List<Field> fields = new ArrayList<>();
        for (Source source : sources) {
            fields.add(field(source, arrow));
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        if (arrow != null && arrow.getCustomMetadata() != null) {
            metadata.putAll(arrow.getCustomMetadata());
        }
        keyValues.forEach((key, value) -> metadata.put(key, new String(value, StandardCharsets.UTF_8)));
        return load(connection, file, path, sources, new Schema(fields, metadata.isEmpty() ? null : metadata),
                (int) Math.min(rows, INITIAL_ROWS), allocator);
    }

    private static List<Source> describe(Connection connection, Path file, String path) throws SQLException {
        List<String> duckNames = new ArrayList<>();
        List<String> duckTypes = new ArrayList<>();
        try (PreparedStatement describe = connection.prepareStatement(
                "DESCRIBE SELECT * FROM read_parquet(?, binary_as_string = true)")) {
            describe.setString(1, path);
            try (ResultSet result = describe.executeQuery()) {
                while (result.next()) {
                    duckNames.add(result.getString("column_name"));
                    duckTypes.add(result.getString("column_type"));
                }
            }
        }
        List<String> names = fileNames(connection, path, duckNames);
        List<Source> sources = new ArrayList<>();
        for (int i = 0; i < duckNames.size(); i++) {
            Kind kind = kind(duckTypes.get(i));
            if (kind == null) {
                throw new DataFormatException(file, 0, 0, "column '" + names.get(i) + "' has type " + duckTypes.get(i)
                        + ", which a Daybreak table cannot hold; supported: integers, floating point and decimal numbers, "
                        + "strings, booleans, dates, timestamps and times (no nested, binary or interval columns)");
            }
            sources.add(new Source(duckNames.get(i), names.get(i), duckTypes.get(i), kind));
        }
        if (sources.isEmpty()) {
            throw new DataFormatException(file, 0, 0, "the file has no columns");
        }
        return sources;
    }

    /**
     * The top-level column names as the file spells them: DuckDB renames columns whose names differ only in case
     * ({@code A} beside {@code a} becomes {@code A_1}). Falls back to DuckDB's names if the schema cannot be matched.
     */
    private static List<String> fileNames(Connection connection, String path, List<String> duckNames) throws SQLException {
        List<String> names = new ArrayList<>();
        List<Long> children = new ArrayList<>();
        try (PreparedStatement schema = connection.prepareStatement(
                "SELECT name, num_children FROM parquet_schema(?)")) {
            schema.setString(1, path);
            try (ResultSet result = schema.executeQuery()) {
                while (result.next()) {
                    names.add(result.getString(1));
                    long count = result.getLong(2);
                    children.add(result.wasNull() ? 0L : count);
                }
            }
        }
        List<String> topLevel = new ArrayList<>();
        int element = 1; // element 0 is the root
        while (element < names.size()) {
            topLevel.add(names.get(element));
            element = skipSubtree(children, element);
        }
        return topLevel.size() == duckNames.size() ? topLevel : duckNames;
    }

    /** The index after the schema element at {@code element} and all its descendants. */
    private static int skipSubtree(List<Long> children, int element) {
        int next = element + 1;
        for (long child = 0; child < children.get(element) && next < children.size(); child++) {
            next = skipSubtree(children, next);
        }
        return next;
    }

    private static Kind kind(String duckType) {
        switch (duckType) {
        case "BOOLEAN":
            return Kind.BOOLEAN;
        case "TINYINT", "SMALLINT", "INTEGER", "UTINYINT", "USMALLINT":
            return Kind.INT32;
        case "BIGINT", "UINTEGER", "UBIGINT", "HUGEINT", "UHUGEINT":
            return Kind.INT64;
        case "FLOAT", "DOUBLE":
            return Kind.FLOAT64;
        case "VARCHAR", "UUID":
            return Kind.STRING;
        case "DATE":
            return Kind.DATE;
        case "TIMESTAMP", "TIMESTAMP_S", "TIMESTAMP_MS", "TIMESTAMP_NS":
            return Kind.DATETIME;
        case "TIMESTAMP WITH TIME ZONE":
            return Kind.DATETIME_UTC;
        case "TIME", "TIME_NS", "TIME WITH TIME ZONE":
            return Kind.TIME;
        default:
            if (duckType.startsWith("DECIMAL(")) {
                return Kind.FLOAT64;
            }
            if (duckType.startsWith("ENUM(")) {
                return Kind.STRING;
            }
            return null;
        }
    }

    /** The Arrow field: its Daybreak type, the metadata the file's Arrow schema has for it, the date marker. */
    private static Field field(Source source, Schema arrow) {
        Map<String, String> metadata = new HashMap<>();
        if (arrow != null) {
            for (Field field : arrow.getFields()) {
                if (field.getName().equals(source.name()) && field.getMetadata() != null) {
                    metadata.putAll(field.getMetadata());
                }
            }
        }
        if (source.kind().dataType != null) {
            metadata.put(DatasetJson.DATA_TYPE, source.kind().dataType);
        }
        return new Field(source.name(), new FieldType(true, source.kind().type.arrowType(), null,
                metadata.isEmpty() ? null : metadata), null);
    }

    private static Map<String, byte[]> keyValues(Connection connection, String path) throws SQLException {
        Map<String, byte[]> keyValues = new LinkedHashMap<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT key, value FROM parquet_kv_metadata(?)")) {
            statement.setString(1, path);
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    keyValues.put(new String(result.getBytes(1), StandardCharsets.UTF_8), result.getBytes(2));
                }
            }
        }
        return keyValues;
    }

    private static long single(Connection connection, String sql, String path) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, path);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    private static Table load(Connection connection, Path file, String path, List<Source> sources, Schema schema,
            int initialRows, BufferAllocator allocator) throws SQLException {
        StringBuilder select = new StringBuilder("SELECT ");
        for (int i = 0; i < sources.size(); i++) {
            select.append(i == 0 ? "" : ", ").append(sources.get(i).select());
        }
        select.append(" FROM read_parquet(?, binary_as_string = true)");
        List<FieldVector> vectors = new ArrayList<>();
        try {
            for (Field field : schema.getFields()) {
                FieldVector vector = field.createVector(allocator);
                vectors.add(vector);
                vector.setInitialCapacity(initialRows);
                vector.allocateNew();
            }
            int row = 0;
            try (PreparedStatement statement = connection.prepareStatement(select.toString())) {
                statement.setString(1, path);
                try (ResultSet result = statement.executeQuery()) {
                    while (result.next()) {
                        if (row == Integer.MAX_VALUE) {
                            throw new DataFormatException(file, 0, 0, "more rows than a table holds");
                        }
                        for (int i = 0; i < sources.size(); i++) {
                            set(vectors.get(i), sources.get(i).kind(), result, i + 1, row);
                        }
                        row++;
                    }
                }
            }
            for (FieldVector vector : vectors) {
                vector.setValueCount(row);
            }
            return Table.adopt(new VectorSchemaRoot(schema, vectors, row));
        } catch (SQLException | RuntimeException | Error e) {
            vectors.forEach(FieldVector::close);
            throw e;
        }
    }

    private static void set(FieldVector vector, Kind kind, ResultSet result, int column, int row) throws SQLException {
        switch (kind) {
        case BOOLEAN -> {
            boolean value = result.getBoolean(column);
            if (result.wasNull()) {
                vector.setNull(row);
            } else {
                ((BitVector) vector).setSafe(row, value ? 1 : 0);
            }
        }
        case INT32 -> {
            int value = result.getInt(column);
            if (result.wasNull()) {
                vector.setNull(row);
            } else {
                ((IntVector) vector).setSafe(row, value);
            }
        }
        case INT64 -> {
            long value = result.getLong(column);
            if (result.wasNull()) {
                vector.setNull(row);
            } else {
                ((BigIntVector) vector).setSafe(row, value);
            }
        }
        case FLOAT64 -> {
            double value = result.getDouble(column);
            if (result.wasNull()) {
                vector.setNull(row);
            } else {
                ((Float8Vector) vector).setSafe(row, value);
            }
        }
        default -> {
            String value = result.getString(column);
            if (value == null) {
                vector.setNull(row);
            } else {
                if (kind == Kind.DATETIME_UTC && value.endsWith("+00")) {
                    value = value.substring(0, value.length() - 3) + "Z";
                }
                ((VarCharVector) vector).setSafe(row, value.getBytes(StandardCharsets.UTF_8));
            }
        }
        }
    }
}
