package io.daybreak.methods.twin;

import java.util.ArrayList;
import java.util.List;

import org.apache.arrow.memory.BufferAllocator;

import io.daybreak.core.method.InvalidParameterException;
import io.daybreak.data.ColumnType;
import io.daybreak.data.DoubleColumn;
import io.daybreak.data.NumberText;
import io.daybreak.data.Table;
import io.daybreak.data.TableBuilder;

/**
 * Reading input columns with errors that name column, row and value, and building output tables row by row
 * (NaN written as null, so an absent estimate is empty in CSV rather than "NaN").
 */
final class TwinTables {
    private TwinTables() {
    }

    /** The input table of the given name, or bad input naming it. */
    static Table input(java.util.Map<String, Table> inputs, String name) {
        Table table = inputs.get(name);
        if (table == null) {
            throw new InvalidParameterException("input table '" + name + "' is required (run with --in " + name
                    + "=file.csv)");
        }
        return table;
    }

    /** A numeric column, or bad input naming the parameter and the column. */
    static DoubleColumn numeric(Table table, String parameter, String column) {
        if (!table.hasColumn(column)) {
            throw new InvalidParameterException("parameter '" + parameter + "': the data have no column '" + column
                    + "'; columns: " + String.join(", ", table.columnNames()));
        }
        ColumnType type = table.columnType(column);
        if (type == null || !type.isNumeric()) {
            throw new InvalidParameterException("parameter '" + parameter + "': column '" + column + "' is not numeric");
        }
        return table.doubles(column);
    }

    /** Row {@code row} of a column as text (numbers as R prints them), for ids; null for a missing value. */
    static String text(Table table, String column, int row) {
        ColumnType type = table.columnType(column);
        if (type == ColumnType.STRING) {
            return table.strings(column).isNull(row) ? null : table.strings(column).get(row);
        }
        if (type != null && type.isNumeric()) {
            DoubleColumn values = table.doubles(column);
            return values.isNull(row) ? null : NumberText.text(values.get(row));
        }
        throw new InvalidParameterException("column '" + column + "' must be text or numeric");
    }

    /** Columns of an output table, filled row by row. */
    static final class Rows {
        private final List<String> names = new ArrayList<>();
        private final List<ColumnType> types = new ArrayList<>();
        private final List<List<Object>> values = new ArrayList<>();

        Rows column(String name, ColumnType type) {
            names.add(name);
            types.add(type);
            values.add(new ArrayList<>());
            return this;
        }

        /** One row, in column order; NaN doubles become null. */
        void add(Object... row) {
            for (int c = 0; c < row.length; c++) {
                Object value = row[c];
                if (value instanceof Double d && Double.isNaN(d)) {
                    value = null;
                }
                values.get(c).add(value);
            }
        }

        int size() {
            return values.isEmpty() ? 0 : values.get(0).size();
        }

        Table build(BufferAllocator allocator) {
            TableBuilder builder = Table.builder(allocator);
            for (int c = 0; c < names.size(); c++) {
                builder.add(names.get(c), types.get(c), values.get(c));
            }
            return builder.build();
        }
    }

    /** A positive finite number, or bad input naming the parameter. */
    static void check(boolean ok, String parameter, Object value, String allowed) {
        if (!ok) {
            throw new InvalidParameterException("parameter '" + parameter + "' = " + value + " is out of range; allowed: "
                    + allowed);
        }
    }
}
