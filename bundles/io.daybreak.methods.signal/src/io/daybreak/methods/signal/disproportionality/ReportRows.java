package io.daybreak.methods.signal.disproportionality;

import java.util.ArrayList;
import java.util.List;

import io.daybreak.data.ColumnType;
import io.daybreak.data.DoubleColumn;
import io.daybreak.data.StringColumn;
import io.daybreak.data.Table;

/**
 * Report–drug–event rows read from a table as text: drug, event, report id (or null) and stratum label (the stratum
 * columns' values joined by "|", or null), for the rows where none of them is missing ({@link #used}).
 */
public record ReportRows(String[] drug, String[] event, String[] report, String[] stratum, int[] used, int rows) {

    /** @throws IllegalArgumentException naming the parameter and column when a column is absent */
    static ReportRows read(Table data, ReportColumns columns) {
        String[] drug = text(data, "drug", columns.drug());
        String[] event = text(data, "event", columns.event());
        String[] report = columns.report() == null ? null : text(data, "report", columns.report());
        List<String[]> strata = new ArrayList<>();
        for (String name : columns.strataColumns()) {
            strata.add(text(data, "strata", name));
        }
        int n = data.rowCount();
        List<Integer> used = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            boolean ok = drug[i] != null && event[i] != null && (report == null || report[i] != null);
            for (String[] s : strata) {
                ok &= s[i] != null;
            }
            if (ok) {
                used.add(i);
            }
        }
        int m = used.size();
        String[] d = new String[m];
        String[] e = new String[m];
        String[] r = report == null ? null : new String[m];
        String[] s = strata.isEmpty() ? null : new String[m];
        int[] rows = new int[m];
        for (int k = 0; k < m; k++) {
            int i = used.get(k);
            rows[k] = i;
            d[k] = drug[i];
            e[k] = event[i];
            if (r != null) {
                r[k] = report[i];
            }
            if (s != null) {
                StringBuilder label = new StringBuilder();
                for (String[] column : strata) {
                    label.append(label.length() == 0 ? "" : "|").append(column[i]);
                }
                s[k] = label.toString();
            }
        }
        return new ReportRows(d, e, r, s, rows, n);
    }

    /**
     * A column's values as text (numbers written without a trailing ".0" when whole); null where missing. Also how
     * {@code signal.ebgm} reads pre-counted pairs' names.
     */
    public static String[] text(Table data, String parameter, String name) {
        if (!data.hasColumn(name)) {
            throw new IllegalArgumentException("parameter '" + parameter + "': column '" + name + "' is not in the data "
                    + "(columns: " + String.join(", ", data.columnNames()) + ")");
        }
        int n = data.rowCount();
        String[] out = new String[n];
        ColumnType type = data.columnType(name);
        if (type == ColumnType.STRING) {
            StringColumn column = data.strings(name);
            for (int i = 0; i < n; i++) {
                out[i] = column.get(i);
            }
        } else if (type.isNumeric()) {
            DoubleColumn column = data.doubles(name);
            for (int i = 0; i < n; i++) {
                out[i] = column.isNull(i) ? null : label(column.get(i));
            }
        } else {
            throw new IllegalArgumentException("parameter '" + parameter + "': column '" + name + "' is " + type
                    + "; text or numbers expected");
        }
        return out;
    }

    static String label(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
    }
}
