package io.daybreak.data.parquet;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.duckdb.DuckDBAppender;

import io.daybreak.data.AtomicFiles;
import io.daybreak.data.ColumnType;
import io.daybreak.data.InvalidInputException;
import io.daybreak.data.Table;
import io.daybreak.data.cdisc.DatasetJson;

/**
 * Writes a table as Parquet: the rows go into a table of an embedded DuckDB through its appender, which DuckDB then
 * writes with {@code COPY ... (FORMAT parquet)}, with the table's metadata and its Arrow schema as key-value metadata.
 */
final class ParquetWriter {
    private static final String TABLE = "daybreak_table";

    private ParquetWriter() {
    }

    /** How a column is stored: its DuckDB (and so Parquet) type and the Arrow type that describes it. */
    private enum Kind {
        BOOLEAN("BOOLEAN", ArrowType.Bool.INSTANCE), INT32("INTEGER", new ArrowType.Int(32, true)),
        INT64("BIGINT", new ArrowType.Int(64, true)), FLOAT64("DOUBLE", ColumnType.FLOAT64.arrowType()),
        STRING("VARCHAR", ArrowType.Utf8.INSTANCE), DATE("DATE", new ArrowType.Date(DateUnit.DAY)),
        DATETIME("TIMESTAMP", new ArrowType.Timestamp(TimeUnit.MICROSECOND, null)),
        DATETIME_UTC("TIMESTAMPTZ", new ArrowType.Timestamp(TimeUnit.MICROSECOND, "UTC")),
        TIME("TIME", new ArrowType.Time(TimeUnit.MICROSECOND, 64));

        final String sql;
        final ArrowType arrow;

        Kind(String sql, ArrowType arrow) {
            this.sql = sql;
            this.arrow = arrow;
        }
    }

    private record Target(String name, FieldVector vector, Kind kind) {
    }

    static void write(Table table, Path file) throws IOException {
        List<Target> targets = plan(table);
        List<Field> fields = new ArrayList<>();
        for (Target target : targets) {
            Map<String, String> metadata = table.columnMetadata(target.name());
            fields.add(new Field(target.name(), new FieldType(true, target.kind().arrow, null,
                    metadata.isEmpty() ? null : metadata), null));
        }
        Map<String, String> tableMetadata = table.metadata();
        Map<String, String> keyValues = new LinkedHashMap<>(tableMetadata);
        keyValues.remove(ArrowSchemaMetadata.KEY);
        keyValues.put(ArrowSchemaMetadata.KEY,
                ArrowSchemaMetadata.encode(new Schema(fields, tableMetadata.isEmpty() ? null : tableMetadata)));
        int rows = table.rowCount();
        AtomicFiles.writeFile(file, temp -> {
            try (EmbeddedDuckDb db = EmbeddedDuckDb.open()) {
                try (Statement statement = db.connection().createStatement()) {
                    statement.execute(createTable(targets));
                }
                try (DuckDBAppender appender = db.connection().createAppender(TABLE)) {
                    for (int row = 0; row < rows; row++) {
                        appender.beginRow();
                        for (Target target : targets) {
                            append(appender, target, row);
                        }
                        appender.endRow();
                    }
                }
                try (Statement statement = db.connection().createStatement()) {
                    statement.execute("COPY " + TABLE + " TO " + EmbeddedDuckDb.literal(temp.toString())
                            + " (FORMAT parquet, COMPRESSION snappy, USE_TMP_FILE false, KV_METADATA "
                            + struct(keyValues) + ")");
                }
            } catch (SQLException e) {
                throw new IOException("DuckDB: " + EmbeddedDuckDb.message(e), e);
            }
        });
    }

    /** Each column's storage, checked before anything is written. */
    private static List<Target> plan(Table table) {
        if (table.columnCount() == 0) {
            throw new InvalidInputException("a table without columns cannot be written as Parquet");
        }
        Map<String, String> folded = new HashMap<>();
        List<Target> targets = new ArrayList<>();
        for (String name : table.columnNames()) {
            String clash = folded.putIfAbsent(name.toLowerCase(Locale.ROOT), name);
            if (clash != null) {
                throw new InvalidInputException("columns '" + clash + "' and '" + name + "' differ only in case, which "
                        + "Parquet files written through DuckDB cannot hold; rename one");
            }
            ColumnType type = table.columnType(name);
            if (type == null) {
                throw new InvalidInputException("column '" + name + "' has Arrow type "
                        + table.vector(name).getField().getType() + ", which is not written to Parquet; allowed: "
                        + "int64, int32, float64, string, boolean");
            }
            FieldVector vector = table.vector(name);
            Kind kind = switch (type) {
            case BOOLEAN -> Kind.BOOLEAN;
            case INT32 -> Kind.INT32;
            case INT64 -> Kind.INT64;
            case FLOAT64 -> Kind.FLOAT64;
            case STRING -> textKind((VarCharVector) vector, table.columnMetadata(name).get(DatasetJson.DATA_TYPE));
            };
            targets.add(new Target(name, vector, kind));
        }
        return targets;
    }

    /**
     * A text column marked as dates, datetimes or times (Dataset-JSON's {@code dataType}, which Parquet dates read as
     * text also get) is stored as a Parquet date, timestamp or time if every value is a complete ISO 8601 one that the
     * type holds exactly (microseconds); otherwise, e.g. with partial dates such as {@code 2014-01}, as text.
     */
    private static Kind textKind(VarCharVector vector, String dataType) {
        if (dataType == null) {
            return Kind.STRING;
        }
        return switch (dataType) {
        case "date" -> all(vector, LocalDate::parse) ? Kind.DATE : Kind.STRING;
        case "time" -> all(vector, text -> micros(LocalTime.parse(text).getNano())) ? Kind.TIME : Kind.STRING;
        case "datetime" -> {
            if (all(vector, text -> micros(LocalDateTime.parse(text).getNano()))) {
                yield Kind.DATETIME;
            }
            yield all(vector, text -> micros(OffsetDateTime.parse(text).getNano())) ? Kind.DATETIME_UTC : Kind.STRING;
        }
        default -> Kind.STRING;
        };
    }

    private static Object micros(int nanos) {
        if (nanos % 1000 != 0) {
            throw new DateTimeParseException("finer than microseconds", "", 0);
        }
        return nanos;
    }

    private static boolean all(VarCharVector vector, Function<String, Object> parse) {
        for (int row = 0; row < vector.getValueCount(); row++) {
            if (!vector.isNull(row)) {
                try {
                    parse.apply(new String(vector.get(row), StandardCharsets.UTF_8));
                } catch (DateTimeParseException e) {
                    return false;
                }
            }
        }
        return true;
    }

    private static String createTable(List<Target> targets) {
        StringBuilder sql = new StringBuilder("CREATE TABLE ").append(TABLE).append(" (");
        for (int i = 0; i < targets.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append(EmbeddedDuckDb.identifier(targets.get(i).name())).append(' ')
                    .append(targets.get(i).kind().sql);
        }
        return sql.append(')').toString();
    }

    private static String struct(Map<String, String> keyValues) {
        StringBuilder struct = new StringBuilder("{");
        keyValues.forEach((key, value) -> struct.append(struct.length() == 1 ? "" : ", ")
                .append(EmbeddedDuckDb.literal(key)).append(": ").append(EmbeddedDuckDb.literal(value)));
        return struct.append('}').toString();
    }

    private static void append(DuckDBAppender appender, Target target, int row) throws SQLException {
        FieldVector vector = target.vector();
        if (vector.isNull(row)) {
            appender.appendNull();
            return;
        }
        switch (target.kind()) {
        case BOOLEAN -> appender.append(((BitVector) vector).get(row) != 0);
        case INT32 -> appender.append(((IntVector) vector).get(row));
        case INT64 -> appender.append(((BigIntVector) vector).get(row));
        case FLOAT64 -> appender.append(((Float8Vector) vector).get(row));
        default -> {
            String text = new String(((VarCharVector) vector).get(row), StandardCharsets.UTF_8);
            switch (target.kind()) {
            case DATE -> appender.append(LocalDate.parse(text));
            case DATETIME -> appender.append(LocalDateTime.parse(text));
            case DATETIME_UTC -> appender.append(OffsetDateTime.parse(text));
            case TIME -> appender.append(LocalTime.parse(text));
            default -> appender.append(text);
            }
        }
        }
    }
}
