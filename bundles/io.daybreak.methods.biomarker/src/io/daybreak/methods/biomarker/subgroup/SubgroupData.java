package io.daybreak.methods.biomarker.subgroup;

import static io.daybreak.core.method.TableSpec.column;
import static io.daybreak.data.ColumnType.FLOAT64;
import static io.daybreak.data.ColumnType.STRING;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.apache.arrow.memory.BufferAllocator;

import io.daybreak.core.method.InvalidParameterException;
import io.daybreak.core.method.TableSpec;
import io.daybreak.data.BooleanColumn;
import io.daybreak.data.ColumnType;
import io.daybreak.data.DoubleColumn;
import io.daybreak.data.Table;
import io.daybreak.stats.biomarker.subgroup.BiasCorrection;
import io.daybreak.stats.biomarker.subgroup.Condition;
import io.daybreak.stats.biomarker.subgroup.Effect;

/**
 * The complete cases of a subgroup analysis (markers column-major, treatment, outcome) read from the input with
 * errors naming the column and row, and the shared "subgroups" output: rule text, naive and bias-corrected effects.
 */
final class SubgroupData {
    static final String INPUT = "data";
    static final String OUTPUT = "subgroups";

    /** The "subgroups" table both methods write (the contract the report's forest plot reads), in their row order. */
    static TableSpec output(String order) {
        return TableSpec.of(OUTPUT, order,
                column("subgroup", STRING), column("n", FLOAT64), column("n_treatment", FLOAT64),
                column("n_control", FLOAT64), column("effect_naive", FLOAT64), column("naive_lower", FLOAT64),
                column("naive_upper", FLOAT64), column("effect_adjusted", FLOAT64),
                column("adjusted_lower", FLOAT64), column("adjusted_upper", FLOAT64),
                column("p_value", FLOAT64), column("effect_scale", STRING), column("p_adjusted", FLOAT64));
    }

    /** Outcome kinds. */
    enum Outcome {
        CONTINUOUS, BINARY
    }

    /** Which outcome values are favourable. */
    enum Favourable {
        HIGHER, LOWER
    }

    final List<String> markers;
    final double[][] x;
    final boolean[] t;
    final double[] y;
    /** The event indicator of a survival outcome (y is then the time), else null. */
    final boolean[] event;
    final int skipped;

    private SubgroupData(List<String> markers, double[][] x, boolean[] t, double[] y, boolean[] event, int skipped) {
        this.markers = markers;
        this.x = x;
        this.t = t;
        this.y = y;
        this.event = event;
        this.skipped = skipped;
    }

    static SubgroupData read(Table table, String markerList, String treatment, String outcome, Outcome kind) {
        return read(table, markerList, treatment, outcome, kind, null);
    }

    /**
     * The complete cases; with {@code eventColumn} (a survival outcome) the outcome column is the time (&gt;= 0) and
     * the event column must hold 0/1 (or booleans).
     */
    static SubgroupData read(Table table, String markerList, String treatment, String outcome, Outcome kind,
            String eventColumn) {
        List<String> markers = new ArrayList<>();
        for (String m : markerList.split(",")) {
            if (!m.isBlank()) {
                markers.add(m.strip());
            }
        }
        if (markers.isEmpty()) {
            throw new InvalidParameterException("parameter 'markers' names no column; give marker columns, "
                    + "comma-separated");
        }
        int n = table.rowCount();
        double[][] raw = new double[markers.size()][];
        for (int j = 0; j < raw.length; j++) {
            raw[j] = numbers(table, markers.get(j));
        }
        double[] tr = treatment(table, treatment);
        double[] out = numbers(table, outcome);
        double[] ev = eventColumn == null ? null : zeroOne(table, eventColumn);
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            boolean ok = !Double.isNaN(tr[i]) && Double.isFinite(out[i]) && (ev == null || !Double.isNaN(ev[i]));
            for (double[] m : raw) {
                ok &= Double.isFinite(m[i]);
            }
            if (!ok) {
                continue;
            }
            if (kind == Outcome.BINARY && out[i] != 0 && out[i] != 1) {
                throw new InvalidParameterException("input '" + INPUT + "' row " + (i + 1) + ": " + outcome + " = "
                        + out[i] + "; a binary outcome must be 0 or 1");
            }
            if (ev != null && out[i] < 0) {
                throw new InvalidParameterException("input '" + INPUT + "' row " + (i + 1) + ": " + outcome + " = "
                        + out[i] + "; survival times must be >= 0");
            }
            rows.add(i);
        }
        int m = rows.size();
        double[][] x = new double[raw.length][m];
        boolean[] t = new boolean[m];
        double[] y = new double[m];
        boolean[] e = ev == null ? null : new boolean[m];
        int arm1 = 0;
        for (int i = 0; i < m; i++) {
            int r = rows.get(i);
            for (int j = 0; j < raw.length; j++) {
                x[j][i] = raw[j][r];
            }
            t[i] = tr[r] == 1;
            arm1 += t[i] ? 1 : 0;
            y[i] = out[r];
            if (e != null) {
                e[i] = ev[r] == 1;
            }
        }
        if (arm1 < 5 || m - arm1 < 5) {
            throw new InvalidParameterException("input '" + INPUT + "' has " + arm1 + " treated and " + (m - arm1)
                    + " control patients with complete data; a subgroup search needs at least 5 in each arm");
        }
        return new SubgroupData(List.copyOf(markers), x, t, y, e, n - m);
    }

    int[] all() {
        int[] all = new int[y.length];
        Arrays.setAll(all, i -> i);
        return all;
    }

    /** The rule as text, e.g. "marker1 >= 0.42 &amp; marker3 &lt; 1.1"; "all patients" for no condition. */
    String text(List<Condition> rule) {
        if (rule.isEmpty()) {
            return "all patients";
        }
        List<String> parts = new ArrayList<>();
        for (Condition c : rule) {
            parts.add(markers.get(c.feature()) + (c.atLeast() ? " >= " : " < ") + String.format(Locale.ROOT, "%.6g",
                    c.cut()).replaceAll("(\\.\\d*?)0+$", "$1").replaceAll("\\.$", ""));
        }
        return String.join(" & ", parts);
    }

    /** One output row per rule: naive effect and the effect with the rank's optimism subtracted. */
    record Row(String subgroup, Effect naive, Effect adjusted, double pAdjusted) {
    }

    List<Row> rows(List<List<Condition>> rules, BiasCorrection.Optimism optimism, double[] pAdjusted, boolean binary,
            double level) {
        return rows(rules, optimism, pAdjusted, (members, lev) -> Effect.of(y, t, members, binary, lev), level);
    }

    /** The effect among rows at a confidence level. */
    @FunctionalInterface
    interface EffectFunction {
        Effect of(int[] rows, double level);
    }

    List<Row> rows(List<List<Condition>> rules, BiasCorrection.Optimism optimism, double[] pAdjusted,
            EffectFunction effect, double level) {
        List<Row> out = new ArrayList<>();
        for (int k = 0; k < rules.size(); k++) {
            Effect naive = effect.of(BiasCorrection.members(rules.get(k), x, all()), level);
            double o = optimism.optimism()[k];
            out.add(new Row(text(rules.get(k)), naive, naive.shifted(-o), pAdjusted == null ? Double.NaN
                    : pAdjusted[k]));
        }
        return out;
    }

    /** The "subgroups" table (column names are the family's contract) plus p_adjusted. */
    static Table table(BufferAllocator allocator, List<Row> rows, String scale) {
        List<Double> n = new ArrayList<>();
        List<Double> n1 = new ArrayList<>();
        List<Double> n0 = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<String> scales = new ArrayList<>();
        double[][] v = new double[8][rows.size()];
        for (int k = 0; k < rows.size(); k++) {
            Row r = rows.get(k);
            names.add(r.subgroup());
            scales.add(scale);
            n.add((double) (r.naive().nTreatment() + r.naive().nControl()));
            n1.add((double) r.naive().nTreatment());
            n0.add((double) r.naive().nControl());
            double[] values = {r.naive().estimate(), r.naive().lower(), r.naive().upper(), r.adjusted().estimate(),
                r.adjusted().lower(), r.adjusted().upper(), r.naive().pValue(), r.pAdjusted()};
            for (int c = 0; c < values.length; c++) {
                v[c][k] = values[c];
            }
        }
        return Table.builder(allocator).add("subgroup", ColumnType.STRING, names).add("n", ColumnType.FLOAT64, n)
                .add("n_treatment", ColumnType.FLOAT64, n1).add("n_control", ColumnType.FLOAT64, n0)
                .add("effect_naive", ColumnType.FLOAT64, nullable(v[0]))
                .add("naive_lower", ColumnType.FLOAT64, nullable(v[1]))
                .add("naive_upper", ColumnType.FLOAT64, nullable(v[2]))
                .add("effect_adjusted", ColumnType.FLOAT64, nullable(v[3]))
                .add("adjusted_lower", ColumnType.FLOAT64, nullable(v[4]))
                .add("adjusted_upper", ColumnType.FLOAT64, nullable(v[5]))
                .add("p_value", ColumnType.FLOAT64, nullable(v[6]))
                .add("effect_scale", ColumnType.STRING, scales)
                .add("p_adjusted", ColumnType.FLOAT64, nullable(v[7])).build();
    }

    private static List<Double> nullable(double[] values) {
        List<Double> out = new ArrayList<>(values.length);
        for (double d : values) {
            out.add(Double.isNaN(d) ? null : d);
        }
        return out;
    }

    private static double[] numbers(Table table, String name) {
        ColumnType type = type(table, name);
        if (type == null || !type.isNumeric()) {
            throw new InvalidParameterException("input '" + INPUT + "' column '" + name + "' is "
                    + (type == null ? "of another type" : type.alias()) + "; it must hold numbers");
        }
        DoubleColumn column = table.doubles(name);
        double[] out = new double[table.rowCount()];
        for (int i = 0; i < out.length; i++) {
            out[i] = column.isNull(i) ? Double.NaN : column.get(i);
        }
        return out;
    }

    private static double[] zeroOne(Table table, String name) {
        return indicator(table, name, "the event indicator must be 1 (event) or 0 (censored)");
    }

    private static double[] treatment(Table table, String name) {
        return indicator(table, name, "the treatment indicator must be 1 (treatment) or 0 (control)");
    }

    /** A 0/1 column (boolean, or numbers that must be 0 or 1; missing as NaN); {@code allowed} words the error. */
    private static double[] indicator(Table table, String name, String allowed) {
        if (type(table, name) == ColumnType.BOOLEAN) {
            BooleanColumn column = table.booleans(name);
            double[] out = new double[table.rowCount()];
            for (int i = 0; i < out.length; i++) {
                out[i] = column.isNull(i) ? Double.NaN : column.get(i) ? 1 : 0;
            }
            return out;
        }
        double[] v = numbers(table, name);
        for (int i = 0; i < v.length; i++) {
            if (!Double.isNaN(v[i]) && v[i] != 0 && v[i] != 1) {
                throw new InvalidParameterException("input '" + INPUT + "' row " + (i + 1) + ": " + name + " = " + v[i]
                        + "; " + allowed);
            }
        }
        return v;
    }

    private static ColumnType type(Table table, String name) {
        if (!table.hasColumn(name)) {
            throw new InvalidParameterException("input '" + INPUT + "' has no column '" + name + "'; it has "
                    + String.join(", ", table.columnNames()));
        }
        return table.columnType(name);
    }
}
