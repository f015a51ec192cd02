package io.daybreak.methods.signal.efficacy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.daybreak.core.method.InvalidParameterException;
import io.daybreak.data.BooleanColumn;
import io.daybreak.data.ColumnType;
import io.daybreak.data.DoubleColumn;
import io.daybreak.data.StringColumn;
import io.daybreak.data.Table;
import io.daybreak.stats.models.columns.SummaryValues;

/**
 * Response counts per group, read from one row per patient (a group and a 0/1 response), from one row per group
 * (a group, its responses and its patients), or from parameters. Groups that are numbers (dose levels) are
 * labelled as R prints whole numbers and listed by value; text groups are listed in order of first appearance.
 *
 * @param labels the groups, in output order
 * @param responses responses per group
 * @param patients patients per group
 * @param skippedRows rows left out because their group or response was missing
 */
record ResponseGroups(List<String> labels, long[] responses, long[] patients, long skippedRows) {

    /** One row per patient: {@code groupColumn} (text or numbers) and {@code responseColumn} (0/1 or boolean). */
    static ResponseGroups perPatient(Table table, String input, String groupColumn, String responseColumn) {
        String[] groups = labels(table, input, groupColumn);
        Map<String, long[]> counts = new LinkedHashMap<>();
        long skipped = 0;
        ColumnType type = column(table, input, responseColumn);
        for (int row = 0; row < table.rowCount(); row++) {
            Boolean response = response(table, input, responseColumn, type, row);
            if (groups[row] == null || response == null) {
                skipped++;
                continue;
            }
            long[] c = counts.computeIfAbsent(groups[row], g -> new long[2]);
            c[0] += response ? 1 : 0;
            c[1]++;
        }
        return of(counts, isNumeric(table, groupColumn), skipped, input);
    }

    /** One row per group: the group, its number of responses and of patients (whole numbers). */
    static ResponseGroups perGroup(Table table, String input, String groupColumn, String responseColumn,
            String patientsColumn) {
        String[] groups = labels(table, input, groupColumn);
        DoubleColumn r = numbers(table, input, responseColumn);
        DoubleColumn n = numbers(table, input, patientsColumn);
        Map<String, long[]> counts = new LinkedHashMap<>();
        long skipped = 0;
        for (int row = 0; row < table.rowCount(); row++) {
            if (groups[row] == null || r.isNull(row) || n.isNull(row)) {
                skipped++;
                continue;
            }
            long responses = whole(r.get(row), input, responseColumn, row);
            long patients = whole(n.get(row), input, patientsColumn, row);
            check(groups[row], responses, patients, "input '" + input + "' row " + (row + 1));
            if (counts.put(groups[row], new long[] {responses, patients}) != null) {
                throw new InvalidParameterException("input '" + input + "' row " + (row + 1) + ": group '" + groups[row]
                        + "' appears twice in column '" + groupColumn + "'; give one row per group");
            }
        }
        return of(counts, isNumeric(table, groupColumn), skipped, input);
    }

    /** From parameters: responses and patients per group, labels given or 1, 2, .... */
    static ResponseGroups fromParameters(double[] responses, double[] patients, String groups) {
        if (responses.length != patients.length) {
            throw new InvalidParameterException("parameters 'responses' and 'patients' must have the same length; got "
                    + responses.length + " and " + patients.length);
        }
        List<String> labels = new ArrayList<>();
        if (groups != null) {
            for (String g : groups.split(",", -1)) {
                labels.add(g.strip());
            }
            if (labels.size() != responses.length) {
                throw new InvalidParameterException("parameter 'groups' has " + labels.size() + " labels but 'responses' "
                        + "has " + responses.length + " counts");
            }
        } else {
            for (int i = 1; i <= responses.length; i++) {
                labels.add(Integer.toString(i));
            }
        }
        Map<String, long[]> counts = new LinkedHashMap<>();
        for (int i = 0; i < responses.length; i++) {
            long r = wholeParameter(responses[i], "responses", i);
            long n = wholeParameter(patients[i], "patients", i);
            check(labels.get(i), r, n, "group " + (i + 1) + " ('" + labels.get(i) + "')");
            if (counts.put(labels.get(i), new long[] {r, n}) != null) {
                throw new InvalidParameterException("parameter 'groups': label '" + labels.get(i) + "' appears twice");
            }
        }
        return of(counts, false, 0, null);
    }

    private static ResponseGroups of(Map<String, long[]> counts, boolean numeric, long skipped, String input) {
        if (counts.isEmpty()) {
            throw new InvalidParameterException(input == null ? "no groups given"
                    : "input '" + input + "' has no row with both a group and a response");
        }
        Map<String, long[]> ordered = counts;
        if (numeric) {
            ordered = new TreeMap<>((x, y) -> Double.compare(Double.parseDouble(x), Double.parseDouble(y)));
            ordered.putAll(counts);
        }
        List<String> labels = new ArrayList<>(ordered.keySet());
        long[] r = new long[labels.size()];
        long[] n = new long[labels.size()];
        int i = 0;
        for (long[] c : ordered.values()) {
            r[i] = c[0];
            n[i] = c[1];
            i++;
        }
        return new ResponseGroups(List.copyOf(labels), r, n, skipped);
    }

    private static void check(String group, long responses, long patients, String where) {
        if (patients < 1 || responses > patients) {
            throw new InvalidParameterException(where + ": group '" + group + "' has " + responses + " responses in "
                    + patients + " patients; allowed: patients >= 1 and 0 <= responses <= patients");
        }
    }

    private static ColumnType column(Table table, String input, String name) {
        if (!table.hasColumn(name)) {
            throw new InvalidParameterException("input '" + input + "' has no column '" + name + "'; it has "
                    + String.join(", ", table.columnNames()));
        }
        return table.columnType(name);
    }

    private static boolean isNumeric(Table table, String name) {
        ColumnType type = table.columnType(name);
        return type != null && type.isNumeric();
    }

    private static String[] labels(Table table, String input, String name) {
        ColumnType type = column(table, input, name);
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
                    + (type == null ? "of another type" : type.alias()) + "; a group column holds text or numbers");
        }
        return labels;
    }

    private static DoubleColumn numbers(Table table, String input, String name) {
        ColumnType type = column(table, input, name);
        if (type == null || !type.isNumeric()) {
            throw new InvalidParameterException("input '" + input + "' column '" + name + "' is "
                    + (type == null ? "of another type" : type.alias()) + "; it must hold whole numbers");
        }
        return table.doubles(name);
    }

    private static Boolean response(Table table, String input, String name, ColumnType type, int row) {
        if (type == ColumnType.BOOLEAN) {
            BooleanColumn column = table.booleans(name);
            return column.isNull(row) ? null : column.get(row);
        }
        if (type == null || !type.isNumeric()) {
            throw new InvalidParameterException("input '" + input + "' column '" + name + "' is "
                    + (type == null ? "of another type" : type.alias()) + "; a response column holds 0/1 or true/false");
        }
        DoubleColumn column = table.doubles(name);
        if (column.isNull(row) || Double.isNaN(column.get(row))) {
            return null;
        }
        double value = column.get(row);
        if (value != 0 && value != 1) {
            throw new InvalidParameterException("input '" + input + "' row " + (row + 1) + ": " + name + " = " + value
                    + "; allowed: 0 (no response), 1 (response) or missing");
        }
        return value == 1;
    }

    private static long whole(double value, String input, String name, int row) {
        if (value < 0 || value != Math.rint(value) || value > 1e15) {
            throw new InvalidParameterException("input '" + input + "' row " + (row + 1) + ": " + name + " = " + value
                    + "; allowed: a whole number >= 0");
        }
        return (long) value;
    }

    private static long wholeParameter(double value, String name, int index) {
        if (value < 0 || value != Math.rint(value) || value > 1e15) {
            throw new InvalidParameterException("parameter '" + name + "' element " + (index + 1) + " = " + value
                    + "; allowed: a whole number >= 0");
        }
        return (long) value;
    }
}
