package io.daybreak.methods.biomarker.roc;

import java.util.ArrayList;
import java.util.List;

import io.daybreak.core.method.InvalidParameterException;
import io.daybreak.data.ColumnType;
import io.daybreak.data.DoubleColumn;
import io.daybreak.data.StringColumn;
import io.daybreak.data.Table;
import io.daybreak.stats.models.columns.SummaryValues;

/** Reading the input columns of the ROC and cut-point methods, with errors that name the input, column and row. */
final class Columns {
    private Columns() {
    }

    static ColumnType type(Table table, String input, String name) {
        if (!table.hasColumn(name)) {
            throw new InvalidParameterException("input '" + input + "' has no column '" + name + "'; it has "
                    + String.join(", ", table.columnNames()));
        }
        return table.columnType(name);
    }

    /** A numeric column as doubles, NaN for missing. */
    static double[] numbers(Table table, String input, String name) {
        ColumnType type = type(table, input, name);
        if (type == null || !type.isNumeric()) {
            throw new InvalidParameterException("input '" + input + "' column '" + name + "' is "
                    + (type == null ? "of another type" : type.alias()) + "; it must hold numbers");
        }
        DoubleColumn column = table.doubles(name);
        double[] out = new double[table.rowCount()];
        for (int i = 0; i < out.length; i++) {
            out[i] = column.isNull(i) ? Double.NaN : column.get(i);
        }
        return out;
    }

    /** Values as an output column's list, NaN as missing. */
    static List<Double> nullable(double[] values) {
        List<Double> out = new ArrayList<>(values.length);
        for (double v : values) {
            out.add(Double.isNaN(v) ? null : v);
        }
        return out;
    }

    /** A text or numeric column as labels (numbers as R prints them), null for missing. */
    static String[] labels(Table table, String input, String name) {
        ColumnType type = type(table, input, name);
        String[] labels = new String[table.rowCount()];
        if (type == ColumnType.STRING) {
            StringColumn column = table.strings(name);
            for (int i = 0; i < labels.length; i++) {
                labels[i] = column.isNull(i) ? null : column.get(i);
            }
        } else if (type != null && type.isNumeric()) {
            DoubleColumn column = table.doubles(name);
            for (int i = 0; i < labels.length; i++) {
                labels[i] = column.isNull(i) || Double.isNaN(column.get(i)) ? null : SummaryValues.level(column.get(i));
            }
        } else {
            throw new InvalidParameterException("input '" + input + "' column '" + name + "' is "
                    + (type == null ? "of another type" : type.alias()) + "; a name column holds text or numbers");
        }
        return labels;
    }
}
