package io.daybreak.methods.biomarker.selection;

import static io.daybreak.core.method.TableSpec.column;
import static io.daybreak.data.ColumnType.FLOAT64;
import static io.daybreak.data.ColumnType.STRING;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.osgi.service.component.annotations.Component;

import io.daybreak.core.method.InvalidParameterException;
import io.daybreak.core.method.Method;
import io.daybreak.core.method.MethodContext;
import io.daybreak.core.method.MethodDescriptor;
import io.daybreak.core.method.MethodResult;
import io.daybreak.core.method.Setting;
import io.daybreak.core.method.SettingsMethod;
import io.daybreak.core.method.TableSpec;
import io.daybreak.data.ColumnType;
import io.daybreak.data.Table;
import io.daybreak.methods.biomarker.InputColumns;
import io.daybreak.stats.biomarker.selection.PValueAdjustment;
import io.daybreak.stats.biomarker.selection.QValues;

/**
 * {@code biomarker.adjust}: p-values adjusted for multiplicity (Bonferroni, Holm, Hochberg, Benjamini–Hochberg,
 * Benjamini–Yekutieli as R {@code p.adjust}) and Storey q-values (as Bioconductor {@code qvalue}), with flags at a
 * chosen error level.
 */
@Component(service = Method.class)
public final class AdjustMethod extends SettingsMethod<AdjustMethod.AdjustSettings> {
    static final String ID = "biomarker.adjust";
    static final String INPUT = "pvalues";
    static final String OUTPUT = "adjusted";
    private static final List<String> ALL = List.of("bonferroni", "holm", "hochberg", "bh", "by", "qvalue");

    /** How pi0 is estimated for q-values. */
    enum Pi0 {
        SMOOTHER, BOOTSTRAP
    }

    /** What biomarker.adjust takes. */
    record AdjustSettings(
            @Setting(defaultValue = "p", doc = "input column holding the p-values (missing values stay missing and "
                    + "do not count as tests)")
            String pColumn,
            @Setting(optional = true, doc = "input column naming each test (marker); default: row numbers")
            String nameColumn,
            @Setting(min = 0, max = 1, optional = true, doc = "p-values, comma-separated (instead of an input table)")
            double[] pValues,
            @Setting(optional = true, doc = "names of the p-values, comma-separated (with 'pValues')")
            String names,
            @Setting(defaultValue = "bh,by,holm,bonferroni,qvalue", doc = "adjustments, comma-separated, from: "
                    + "bonferroni, holm, hochberg, bh, by, qvalue")
            String methods,
            @Setting(min = 0, minInclusive = false, max = 1, defaultValue = "0.05", doc = "error level: a test is "
                    + "flagged when its adjusted p-value (FWER for bonferroni/holm/hochberg, FDR for bh/by) or "
                    + "q-value is <= level")
            double level,
            @Setting(defaultValue = "smoother", doc = "q-values: pi0 by the cubic smoothing spline over the lambda "
                    + "grid (qvalue default) or by the bootstrap-MSE choice")
            Pi0 pi0Method,
            @Setting(min = 0, max = 1, maxInclusive = false, optional = true, doc = "q-values: the lambda grid "
                    + "(default 0.05,0.10,...,0.95), or one value for Storey's pi0 at that lambda")
            double[] lambda,
            @Setting(min = 0, minInclusive = false, max = 1, optional = true, doc = "q-values: a fixed pi0 instead "
                    + "of its estimate (1 gives the BH adjusted p-values)")
            Double pi0) {

        AdjustSettings {
            if (names != null && pValues == null) {
                throw new InvalidParameterException("parameter 'names' labels the p-values in 'pValues'; give those "
                        + "too, or use nameColumn with an input table");
            }
        }
    }

    public AdjustMethod() {
        super(AdjustSettings.class, MethodDescriptor.builder(ID, "Multiplicity adjustment: FWER, FDR and q-values")
                .category("biomarker")
                .reference("R stats::p.adjust; Holm, Scand J Stat 6:65-70 (1979); Hochberg, Biometrika 75:800-802 "
                        + "(1988); Benjamini & Hochberg, JRSS-B 57:289-300 (1995); Benjamini & Yekutieli, Ann Stat "
                        + "29:1165-1188 (2001); Storey & Tibshirani, PNAS 100:9440-9445 (2003), as Bioconductor qvalue")
                .description("Adjusts p-values for the number of tests: Bonferroni, Holm and Hochberg control the "
                        + "family-wise error rate, Benjamini-Hochberg (bh) and Benjamini-Yekutieli (by) the false "
                        + "discovery rate (identical to R p.adjust, including ties and missing values), and Storey "
                        + "q-values estimate the FDR of each threshold using the proportion pi0 of true nulls (as "
                        + "qvalue::qvalue). One output row per input p-value, with a column per method and a flag "
                        + "'<method>_selected' (adjusted value <= level).")
                .input(TableSpec.optional(INPUT, "one row per test: a p-value column and optionally a name column"))
                .output(TableSpec.of(OUTPUT, "one row per test, in input order: name, p, one column per chosen "
                        + "method (bonferroni, holm, hochberg, bh, by, q) and its flag <method>_selected",
                        column("name", STRING), column("p", FLOAT64))));
    }

    @Override
    protected MethodResult run(Map<String, Table> inputs, AdjustSettings s, MethodContext context) {
        List<String> methods = methods(s.methods());
        Table table = inputs.get(INPUT);
        double[] p;
        String[] names;
        if (table != null) {
            if (s.pValues() != null) {
                throw new InvalidParameterException("give either an input table '" + INPUT + "' or the parameter "
                        + "'pValues', not both");
            }
            p = InputColumns.numbers(table, INPUT, s.pColumn());
            names = s.nameColumn() == null ? null : InputColumns.labels(table, INPUT, s.nameColumn());
            for (int i = 0; i < p.length; i++) {
                if (!Double.isNaN(p[i]) && !(p[i] >= 0 && p[i] <= 1)) {
                    throw new InvalidParameterException("input '" + INPUT + "' row " + (i + 1) + ": " + s.pColumn()
                            + " = " + p[i] + " is not a p-value; p-values must lie in [0, 1]");
                }
            }
        } else if (s.pValues() != null) {
            p = s.pValues();
            names = s.names() == null ? null : s.names().split(",", -1);
            if (names != null && names.length != p.length) {
                throw new InvalidParameterException("parameter 'names' has " + names.length + " names for "
                        + p.length + " values in 'pValues'");
            }
        } else {
            throw new InvalidParameterException("no data: give an input table '" + INPUT + "' with a p-value column "
                    + "or the parameter 'pValues' (comma-separated)");
        }
        if (names == null) {
            names = new String[p.length];
            for (int i = 0; i < p.length; i++) {
                names[i] = Integer.toString(i + 1);
            }
        }
        long tests = Arrays.stream(p).filter(v -> !Double.isNaN(v)).count();
        if (tests == 0) {
            throw new InvalidParameterException("no p-values: every value in " + (table != null ? "column '"
                    + s.pColumn() + "'" : "'pValues'") + " is missing");
        }
        Map<String, double[]> adjusted = new LinkedHashMap<>();
        QValues q = null;
        for (String m : methods) {
            if (m.equals("qvalue")) {
                q = qValues(p, s);
                adjusted.put("q", q.qValues());
            } else {
                adjusted.put(m, PValueAdjustment.adjust(p, PValueAdjustment.Method.valueOf(m.toUpperCase(Locale.ROOT))));
            }
        }
        var builder = Table.builder(context.allocator()).add("name", ColumnType.STRING, Arrays.asList(names))
                .add("p", ColumnType.FLOAT64, InputColumns.nullable(p));
        MethodResult.Builder result = MethodResult.builder();
        for (Map.Entry<String, double[]> e : adjusted.entrySet()) {
            builder.add(e.getKey(), ColumnType.FLOAT64, InputColumns.nullable(e.getValue()));
            List<Boolean> flags = new ArrayList<>(p.length);
            long selected = 0;
            for (double v : e.getValue()) {
                flags.add(Double.isNaN(v) ? null : v <= s.level());
                selected += v <= s.level() ? 1 : 0;
            }
            builder.add(e.getKey() + "_selected", ColumnType.BOOLEAN, flags);
            result.summary("selected_" + e.getKey(), selected);
        }
        result.output(OUTPUT, builder.build())
                .summary("tests", tests)
                .summary("missing", (long) p.length - tests)
                .summary("level", s.level());
        if (q != null) {
            result.summary("pi0", q.pi0());
        }
        return result.build();
    }

    private static QValues qValues(double[] p, AdjustSettings s) {
        try {
            if (s.pi0() != null) {
                return QValues.withPi0(p, s.pi0());
            }
            double[] lambda = s.lambda() == null ? QValues.defaultLambda() : s.lambda();
            return QValues.estimate(p, lambda, s.pi0Method() == Pi0.SMOOTHER ? QValues.Pi0Method.SMOOTHER
                    : QValues.Pi0Method.BOOTSTRAP);
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterException("q-values (parameters 'lambda', 'pi0'): " + e.getMessage());
        }
    }

    private static List<String> methods(String text) {
        List<String> out = new ArrayList<>();
        for (String word : text.split(",")) {
            String m = word.trim().toLowerCase(Locale.ROOT);
            if (!ALL.contains(m)) {
                throw new InvalidParameterException("parameter 'methods': '" + word.trim() + "' is not one of "
                        + String.join(", ", ALL));
            }
            if (!out.contains(m)) {
                out.add(m);
            }
        }
        return out;
    }
}
