package io.daybreak.core.method;

import java.util.List;
import java.util.Objects;

import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

import io.daybreak.core.text.Suggestions;
import io.daybreak.data.ColumnType;
import io.daybreak.data.InvalidInputException;
import io.daybreak.data.Table;

/**
 * An input or output table of a method: a name, the Arrow fields of the columns it must have (extra
 * columns are allowed), whether it is required, and documentation.
 *
 * <p>The columns are kept as a list of Arrow {@link Field}s rather than a {@link Schema}: Arrow's
 * {@code Schema} class initialises Jackson when loaded, a third of a second that every registry lookup
 * would otherwise pay at start-up. {@link #schema()} builds the Schema when it is wanted.
 */
public record TableSpec(String name, List<Field> columns, boolean required, String doc) {

    public TableSpec {
        Objects.requireNonNull(name, "name");
        columns = List.copyOf(columns);
        doc = doc == null ? "" : doc;
    }

    /** A nullable column of a Daybreak column type, for declaring table specs without Arrow type plumbing. */
    public static Field column(String name, ColumnType type) {
        return new Field(name, type.nullableFieldType(), null);
    }

    /** A required table with the given columns. */
    public static TableSpec of(String name, String doc, Field... fields) {
        return new TableSpec(name, List.of(fields), true, doc);
    }

    /** An optional table with the given columns. */
    public static TableSpec optional(String name, String doc, Field... fields) {
        return new TableSpec(name, List.of(fields), false, doc);
    }

    /** The columns as an Arrow schema. */
    public Schema schema() {
        return new Schema(columns);
    }

    /**
     * Checks an input table: bad input ({@link InvalidInputException}) unless {@code table} has every column
     * with a compatible type (equal Arrow types; a float64 column also accepts int32/int64 data).
     */
    public void checkInput(Table table) {
        String problem = problem(table, "input");
        if (problem != null) {
            throw new InvalidInputException(problem);
        }
    }

    /**
     * Checks a table a method returned: a broken method contract ({@link IllegalStateException}), not the
     * user's fault, unless it has every declared column with a compatible type.
     */
    public void checkOutput(Table table) {
        String problem = problem(table, "output");
        if (problem != null) {
            throw new IllegalStateException("the method broke its contract: " + problem);
        }
    }

    private String problem(Table table, String role) {
        for (Field wanted : columns) {
            if (!table.hasColumn(wanted.getName())) {
                // the user did not type the wanted name, the file did: point at the near miss in the table
                List<String> close = Suggestions.closest(wanted.getName(), table.columnNames());
                return role + " '" + name + "' has no column '" + wanted.getName() + "'"
                        + (close.isEmpty() ? "" : " (it has '" + close.get(0) + "': rename it if that is the one)")
                        + "; it needs " + describe()
                        + " and has " + String.join(", ", table.columnNames());
            }
            ColumnType want = ColumnType.of(wanted.getType());
            ColumnType have = table.columnType(wanted.getName());
            boolean compatible = wanted.getType().equals(table.vector(wanted.getName()).getField().getType())
                    || (want == ColumnType.FLOAT64 && have != null && have.isNumeric());
            if (!compatible) {
                return role + " '" + name + "' column '" + wanted.getName() + "' is "
                        + (have == null ? table.vector(wanted.getName()).getField().getType() : have.alias())
                        + ", expected " + (want == null ? wanted.getType() : want.alias());
            }
        }
        return null;
    }

    /** The columns in words, e.g. {@code "AVAL (float64), USUBJID (string)"}. */
    public String describe() {
        return columns.stream().map(f -> {
            ColumnType type = ColumnType.of(f.getType());
            return f.getName() + " (" + (type == null ? f.getType().toString() : type.alias()) + ")";
        }).reduce((a, b) -> a + ", " + b).orElse("no particular columns");
    }
}
