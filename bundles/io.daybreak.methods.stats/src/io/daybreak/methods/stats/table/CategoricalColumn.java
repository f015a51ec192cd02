package io.daybreak.methods.stats.table;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import io.daybreak.data.ColumnType;
import io.daybreak.data.DoubleColumn;
import io.daybreak.data.StringColumn;
import io.daybreak.data.Table;

/**
 * A column read as categories: each row's label, or {@code null} when missing. Numbers are labelled as R
 * prints factor levels of whole numbers ({@code 1}, not {@code 1.0}), so labels agree between sites and with
 * {@code table()} in R.
 *
 * @param name    the column
 * @param labels  one label per row, {@code null} for a missing value
 * @param numeric whether the column holds numbers (its levels then sort by value)
 */
record CategoricalColumn(String name, String[] labels, boolean numeric) {

    /** @throws IllegalArgumentException naming the column when it is absent or not categorical */
    static CategoricalColumn read(Table data, String name) {
        if (!data.hasColumn(name)) {
            throw new IllegalArgumentException(io.daybreak.stats.models.columns.NumericColumns.noColumn(name));
        }
        ColumnType type = data.columnType(name);
        String[] labels = new String[data.rowCount()];
        if (type == ColumnType.STRING) {
            StringColumn column = data.strings(name);
            for (int i = 0; i < labels.length; i++) {
                labels[i] = column.isNull(i) ? null : column.get(i);
            }
            return new CategoricalColumn(name, labels, false);
        }
        if (type == null || !type.isNumeric()) {
            throw new IllegalArgumentException("column '" + name + "' is " + (type == null ? "of another type"
                    : type.alias()) + "; a table needs numbers or text");
        }
        DoubleColumn column = data.doubles(name);
        for (int i = 0; i < labels.length; i++) {
            labels[i] = column.isNull(i) || Double.isNaN(column.get(i)) ? null : label(column.get(i));
        }
        return new CategoricalColumn(name, labels, true);
    }

    /** A number as a level label: whole numbers without a decimal point. */
    static String label(double value) {
        return io.daybreak.stats.models.columns.SummaryValues.level(value);
    }

    /** The distinct labels present, in level order (by value for numbers, by text otherwise). */
    List<String> levels() {
        TreeSet<String> distinct = new TreeSet<>(LevelOrder.of(numeric));
        for (String label : labels) {
            if (label != null) {
                distinct.add(label);
            }
        }
        return new ArrayList<>(distinct);
    }

    /** The rows at each of {@code levels} (missing values not counted). */
    long[] levelCounts(List<String> levels) {
        java.util.Map<String, Integer> index = new java.util.HashMap<>();
        for (String level : levels) {
            index.put(level, index.size());
        }
        long[] counts = new long[levels.size()];
        for (String label : labels) {
            Integer at = label == null ? null : index.get(label);
            if (at != null) {
                counts[at]++;
            }
        }
        return counts;
    }
}
