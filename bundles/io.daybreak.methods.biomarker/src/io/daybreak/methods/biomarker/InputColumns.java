package io.daybreak.methods.biomarker;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.daybreak.core.method.InvalidParameterException;
import io.daybreak.data.BooleanColumn;
import io.daybreak.data.ColumnType;
import io.daybreak.data.DoubleColumn;
import io.daybreak.data.StringColumn;
import io.daybreak.data.Table;
import io.daybreak.stats.models.columns.SummaryValues;
import io.daybreak.stats.models.formula.ModelFrame;

/** Reading the input columns of the biomarker methods, with errors that name the input, column and row. */
public final class InputColumns {
    private InputColumns() {
    }

    public static ColumnType type(Table table, String input, String name) {
        if (!table.hasColumn(name)) {
            throw new InvalidParameterException("input '" + input + "' has no column '" + name + "'; it has "
                    + String.join(", ", table.columnNames()));
        }
        return table.columnType(name);
    }

    /** A numeric column as doubles, NaN for missing. */
    public static double[] numbers(Table table, String input, String name) {
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
    public static List<Double> nullable(double[] values) {
        List<Double> out = new ArrayList<>(values.length);
        for (double v : values) {
            out.add(Double.isNaN(v) ? null : v);
        }
        return out;
    }

    /** A 0/1 (or boolean) column as 0/1 doubles, NaN for missing; any other value is an error naming the row. */
    public static double[] zeroOne(Table table, String input, String name, String what) {
        ColumnType type = type(table, input, name);
        double[] out = new double[table.rowCount()];
        if (type == ColumnType.BOOLEAN) {
            BooleanColumn column = table.booleans(name);
            for (int i = 0; i < out.length; i++) {
                out[i] = column.isNull(i) ? Double.NaN : column.get(i) ? 1 : 0;
            }
            return out;
        }
        double[] v = numbers(table, input, name);
        for (int i = 0; i < out.length; i++) {
            if (!Double.isNaN(v[i]) && v[i] != 0 && v[i] != 1) {
                throw new InvalidParameterException("input '" + input + "' row " + (i + 1) + ": " + name + " = " + v[i]
                        + "; " + what + " must be 0 or 1 (or true/false)");
            }
        }
        return v;
    }

    /** A text, boolean or numeric column as labels (numbers as R prints them), null for missing. */
    public static String[] labels(Table table, String input, String name) {
        ColumnType type = type(table, input, name);
        String[] labels = new String[table.rowCount()];
        if (type == ColumnType.STRING) {
            StringColumn column = table.strings(name);
            for (int i = 0; i < labels.length; i++) {
                labels[i] = column.isNull(i) ? null : column.get(i);
            }
        } else if (type == ColumnType.BOOLEAN) {
            BooleanColumn column = table.booleans(name);
            for (int i = 0; i < labels.length; i++) {
                labels[i] = column.isNull(i) ? null : column.get(i) ? "TRUE" : "FALSE";
            }
        } else if (type != null && type.isNumeric()) {
            DoubleColumn column = table.doubles(name);
            for (int i = 0; i < labels.length; i++) {
                labels[i] = column.isNull(i) || Double.isNaN(column.get(i)) ? null : SummaryValues.level(column.get(i));
            }
        } else {
            throw new InvalidParameterException("input '" + input + "' column '" + name + "' is "
                    + (type == null ? "of another type" : type.alias()) + "; it must hold text, booleans or numbers");
        }
        return labels;
    }

    /**
     * The treated and control values of a two-valued treatment column: {@code treatedLevel}, or by default the second
     * of the two in R's level order.
     */
    public static String[] arms(Set<String> present, boolean numeric, String treatedLevel, String input, String column) {
        List<String> levels = ModelFrame.sortLevels(present, numeric);
        if (levels.size() != 2) {
            throw new InvalidParameterException("input '" + input + "' column '" + column + "' has " + levels.size()
                    + " values " + levels + " in the complete rows; the treatment needs exactly 2");
        }
        String treated = treatedLevel == null ? levels.get(1) : treatedLevel;
        if (!levels.contains(treated)) {
            throw new InvalidParameterException("parameter 'treatedLevel' = '" + treated + "' is not a value of column '"
                    + column + "'; it has " + levels);
        }
        return new String[] {treated, levels.get(0).equals(treated) ? levels.get(1) : levels.get(0)};
    }
}
