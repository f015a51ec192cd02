package io.daybreak.stats.models.columns;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

import io.daybreak.core.method.InvalidParameterException;
import io.daybreak.data.ColumnType;
import io.daybreak.data.DoubleColumn;
import io.daybreak.data.Table;

/**
 * Numeric columns of a table copied into arrays, complete cases only (a row with a null in any of the
 * columns is dropped, as R's default {@code na.action = na.omit}), with the indices of the rows kept (the row
 * set a site's disclosure checks need).
 *
 * <p>Messages name the parameter and the column, never a value: "the data have no column 'x'" is the same for
 * a column that does not exist and one the site hides.
 */
public final class NumericColumns {
    private final List<String> names;
    private final double[][] values;
    private final int rows;
    private final int dropped;
    /** For each row kept, its index in the table. */
    private final int[] tableRows;

    private NumericColumns(List<String> names, double[][] values, int rows, int dropped, int[] tableRows) {
        this.names = names;
        this.values = values;
        this.rows = rows;
        this.dropped = dropped;
        this.tableRows = tableRows;
    }

    /** The message for a column the data do not have (or that the site hides): the same words everywhere. */
    public static String noColumn(String name) {
        return "the data have no column '" + name + "'";
    }

    /**
     * Reads the named columns; a missing or non-numeric column is bad input naming the parameter and
     * column.
     *
     * @param parameter the parameter that named the columns, for error messages
     */
    public static NumericColumns completeCases(Table table, String parameter, List<String> names) {
        List<DoubleColumn> columns = new ArrayList<>();
        for (String name : names) {
            if (!table.hasColumn(name)) {
                throw new InvalidParameterException("parameter '" + parameter + "': " + noColumn(name));
            }
            ColumnType type = table.columnType(name);
            if (type != ColumnType.FLOAT64 && type != ColumnType.INT64 && type != ColumnType.INT32) {
                throw new InvalidParameterException("parameter '" + parameter + "': column '" + name + "' is "
                        + (type == null ? "of another type" : type.alias()) + ", not numeric");
            }
            columns.add(table.doubles(name));
        }
        int n = table.rowCount();
        boolean[] keep = new boolean[n];
        int kept = 0;
        for (int row = 0; row < n; row++) {
            boolean complete = true;
            for (DoubleColumn column : columns) {
                complete &= !column.isNull(row) && Double.isFinite(column.get(row));
            }
            keep[row] = complete;
            kept += complete ? 1 : 0;
        }
        double[][] values = new double[names.size()][kept];
        for (int c = 0; c < names.size(); c++) {
            int out = 0;
            for (int row = 0; row < n; row++) {
                if (keep[row]) {
                    values[c][out++] = columns.get(c).get(row);
                }
            }
        }
        int[] tableRows = new int[kept];
        int out = 0;
        for (int row = 0; row < n; row++) {
            if (keep[row]) {
                tableRows[out++] = row;
            }
        }
        return new NumericColumns(List.copyOf(names), values, kept, n - kept, tableRows);
    }

    /** The indices (in the table read) of the rows kept. */
    public BitSet rowSet() {
        BitSet set = new BitSet();
        for (int row : tableRows) {
            set.set(row);
        }
        return set;
    }

    public int rows() {
        return rows;
    }

    /** Rows dropped for a missing value in one of the columns. */
    public int dropped() {
        return dropped;
    }

    public double[] column(String name) {
        int index = names.indexOf(name);
        if (index < 0) {
            throw new IllegalArgumentException(noColumn(name));
        }
        return values[index];
    }

    /** The rows whose {@code key} column equals {@code value}, as a new set of columns. */
    public NumericColumns subset(String key, double value) {
        double[] keys = column(key);
        int count = 0;
        for (double k : keys) {
            count += k == value ? 1 : 0;
        }
        double[][] subset = new double[values.length][count];
        for (int c = 0; c < values.length; c++) {
            int out = 0;
            for (int row = 0; row < rows; row++) {
                if (keys[row] == value) {
                    subset[c][out++] = values[c][row];
                }
            }
        }
        int[] subsetRows = new int[count];
        int out = 0;
        for (int row = 0; row < rows; row++) {
            if (keys[row] == value) {
                subsetRows[out++] = tableRows[row];
            }
        }
        return new NumericColumns(names, subset, count, 0, subsetRows);
    }

    /** The distinct values of a column, ascending. */
    public double[] distinct(String name) {
        // sorted on primitives: DoubleStream.distinct() boxes every value, slow on large columns
        double[] sorted = column(name).clone();
        java.util.Arrays.sort(sorted);
        int count = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (i == 0 || Double.compare(sorted[i], sorted[count - 1]) != 0) {
                sorted[count++] = sorted[i];
            }
        }
        return java.util.Arrays.copyOf(sorted, count);
    }

    /** Parses a comma-separated list of column names (blank entries are bad input). */
    public static List<String> names(String parameter, String list) {
        List<String> names = new ArrayList<>();
        for (String part : list.split(",")) {
            String name = part.strip();
            if (name.isEmpty()) {
                throw new InvalidParameterException("parameter '" + parameter + "': empty column name in '" + list + "'");
            }
            names.add(name);
        }
        return names;
    }
}
