package io.daybreak.methods.signal.disproportionality;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.daybreak.data.ColumnType;
import io.daybreak.data.DoubleColumn;
import io.daybreak.data.StringColumn;
import io.daybreak.data.Table;
import io.daybreak.stats.signal.disproportionality.PairCounter;
import io.daybreak.stats.signal.disproportionality.PairCounts;

/**
 * Report rows coded straight from the table's columns into dictionary indices (no per-row label strings), then
 * counted by {@link PairCounter}: the local method's fast path. Stratum labels are the stratum columns' values
 * joined by "|" as in {@link ReportRows}; rows with a missing value in any column used are skipped.
 */
public final class CodedRows {
    private CodedRows() {
    }

    /** A column coded to 0, 1, … in order of first appearance; −1 where missing. */
    private record Coded(int[] codes, String[] levels) {
    }

    /**
     * The report rows of {@code data} counted into pairs (also {@code signal.ebgm}'s reading of report rows).
     *
     * @return the counts, and the number of rows skipped in {@code skipped[0]}
     */
    public static PairCounts count(Table data, ReportColumns columns, long[] skipped) {
        Coded drug = code(data, "drug", columns.drug());
        Coded event = code(data, "event", columns.event());
        Coded report = columns.report() == null ? null : code(data, "report", columns.report());
        List<Coded> strata = new ArrayList<>();
        for (String name : columns.strataColumns()) {
            strata.add(code(data, "strata", name));
        }
        int n = data.rowCount();
        int[] stratum = strata.isEmpty() ? null : new int[n];
        List<String> stratumLabels = new ArrayList<>();
        if (stratum != null) {
            long radix = 1;
            for (Coded c : strata) {
                radix = Math.multiplyExact(radix, c.levels().length + 1L);
            }
            // mixed-radix key of the columns' codes, mapped to dense stratum numbers through a small array when it fits
            int[] dense = radix <= 1 << 24 ? new int[(int) radix] : null;
            if (dense != null) {
                Arrays.fill(dense, -1);
            }
            Map<Long, Integer> sparse = new HashMap<>();
            for (int i = 0; i < n; i++) {
                long key = 0;
                boolean missing = false;
                for (Coded c : strata) {
                    int code = c.codes()[i];
                    missing |= code < 0;
                    key = key * (c.levels().length + 1L) + code + 1;
                }
                if (missing) {
                    stratum[i] = -1;
                    continue;
                }
                int s = dense != null ? dense[(int) key] : sparse.getOrDefault(key, -1);
                if (s < 0) {
                    s = stratumLabels.size();
                    StringBuilder label = new StringBuilder();
                    for (Coded c : strata) {
                        label.append(label.length() == 0 ? "" : "|").append(c.levels()[c.codes()[i]]);
                    }
                    stratumLabels.add(label.toString());
                    if (dense != null) {
                        dense[(int) key] = s;
                    } else {
                        sparse.put(key, s);
                    }
                }
                stratum[i] = s;
            }
        }
        int used = 0;
        for (int i = 0; i < n; i++) {
            if (drug.codes()[i] >= 0 && event.codes()[i] >= 0 && (report == null || report.codes()[i] >= 0)
                    && (stratum == null || stratum[i] >= 0)) {
                used++;
            }
        }
        int[] d = drug.codes();
        int[] e = event.codes();
        int[] r = report == null ? null : report.codes();
        int[] s = stratum;
        if (used < n) {
            int[] keep = new int[used];
            int k = 0;
            for (int i = 0; i < n; i++) {
                if (d[i] >= 0 && e[i] >= 0 && (r == null || r[i] >= 0) && (s == null || s[i] >= 0)) {
                    keep[k++] = i;
                }
            }
            d = pick(d, keep);
            e = pick(e, keep);
            r = r == null ? null : pick(r, keep);
            s = s == null ? null : pick(s, keep);
        }
        skipped[0] = n - used;
        return PairCounter.count(d, e, r, s, drug.levels(), event.levels(), s == null ? 1 : Math.max(1,
                stratumLabels.size()));
    }

    private static int[] pick(int[] values, int[] rows) {
        int[] out = new int[rows.length];
        for (int k = 0; k < rows.length; k++) {
            out[k] = values[rows[k]];
        }
        return out;
    }

    private static Coded code(Table data, String parameter, String name) {
        if (!data.hasColumn(name)) {
            throw new IllegalArgumentException("parameter '" + parameter + "': column '" + name + "' is not in the data "
                    + "(columns: " + String.join(", ", data.columnNames()) + ")");
        }
        int n = data.rowCount();
        int[] codes = new int[n];
        Map<String, Integer> index = new HashMap<>();
        List<String> levels = new ArrayList<>();
        ColumnType type = data.columnType(name);
        if (type == ColumnType.STRING) {
            StringColumn column = data.strings(name);
            for (int i = 0; i < n; i++) {
                String value = column.get(i);
                codes[i] = value == null ? -1 : index.computeIfAbsent(value, v -> {
                    levels.add(v);
                    return levels.size() - 1;
                });
            }
        } else if (type.isNumeric()) {
            DoubleColumn column = data.doubles(name);
            Map<Double, Integer> numbers = new HashMap<>();
            for (int i = 0; i < n; i++) {
                if (column.isNull(i)) {
                    codes[i] = -1;
                    continue;
                }
                codes[i] = numbers.computeIfAbsent(column.get(i) + 0.0, v -> { // + 0.0: -0 is 0
                    levels.add(ReportRows.label(v));
                    return levels.size() - 1;
                });
            }
        } else {
            throw new IllegalArgumentException("parameter '" + parameter + "': column '" + name + "' is " + type
                    + "; text or numbers expected");
        }
        return new Coded(codes, levels.toArray(String[]::new));
    }
}
