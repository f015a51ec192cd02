package io.daybreak.methods.causal;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import io.daybreak.core.method.Method;
import io.daybreak.core.testing.MethodTestSupport;
import io.daybreak.data.Table;
import io.daybreak.data.csv.CsvReader;

/**
 * Runs the causal methods on R's veteran data (a copy in this bundle's resources) or on generated tables. The
 * veteran analysis: A = (trt == 2), covariates age, karno, diagtime, prior10 = (prior == 10); binary outcome
 * dead100 = death within 100 days; continuous outcome logTime (docs/validation/r/causal/causal.R).
 */
abstract class CausalTestSupport extends MethodTestSupport {
    static final String COVARIATES = "age,karno,diagtime,prior10";

    /** The veteran data with the derived columns of causal.R. */
    Table veteran() throws Exception {
        Path file = Path.of(System.getProperty("daybreak.testdata.dir", "resources"), "survival_veteran.csv");
        try (Table raw = CsvReader.read(file, allocator)) {
            int n = raw.rowCount();
            double[] prior10 = new double[n];
            double[] dead100 = new double[n];
            double[] logTime = new double[n];
            double[] trt = new double[n];
            double[] age = new double[n];
            double[] karno = new double[n];
            double[] diagtime = new double[n];
            double[] time = new double[n];
            double[] status = new double[n];
            for (int i = 0; i < n; i++) {
                trt[i] = number(raw, "trt", i);
                age[i] = number(raw, "age", i);
                karno[i] = number(raw, "karno", i);
                diagtime[i] = number(raw, "diagtime", i);
                prior10[i] = number(raw, "prior", i) == 10 ? 1 : 0;
                time[i] = number(raw, "time", i);
                status[i] = number(raw, "status", i);
                dead100[i] = time[i] <= 100 && status[i] == 1 ? 1 : 0;
                logTime[i] = Math.log(time[i]);
            }
            return Table.builder(allocator).addFloat64("trt", trt).addFloat64("age", age).addFloat64("karno", karno)
                    .addFloat64("diagtime", diagtime).addFloat64("prior10", prior10).addFloat64("time", time)
                    .addFloat64("status", status).addFloat64("dead100", dead100).addFloat64("logTime", logTime).build();
        }
    }

    private static double number(Table table, String column, int row) {
        return switch (table.columnType(column)) {
        case INT64, INT32 -> table.longs(column).get(row);
        case FLOAT64 -> table.doubles(column).get(row);
        default -> throw new IllegalArgumentException(column);
        };
    }

    /** causal.weighting's balance table on veteran: covariate → {difference before, after}. */
    Map<String, double[]> balance(String estimand) throws Exception {
        Map<String, double[]> rows = new HashMap<>();
        try (Table data = veteran()) {
            run(new WeightingMethod(), data, Map.of("treatment", "trt", "treatedValue", "2", "covariates", COVARIATES,
                    "estimand", estimand), outputs -> {
                    Table table = outputs.get("balance");
                    for (int i = 0; i < table.rowCount(); i++) {
                        rows.put(table.strings("covariate").get(i), new double[] {
                            table.doubles("differenceBefore").get(i), table.doubles("differenceAfter").get(i)});
                    }
                });
        }
        return rows;
    }

    /** causal.effect's rows on veteran: "estimator measure" → {estimate, SE, lower, upper, treated, control}. */
    Map<String, double[]> effects(String outcome, String type, String estimand) throws Exception {
        return effects(outcome, type, estimand, Map.of());
    }

    /** As {@link #effects(String, String, String)} with further parameters. */
    Map<String, double[]> effects(String outcome, String type, String estimand, Map<String, String> extra)
            throws Exception {
        Map<String, double[]> rows = new HashMap<>();
        Map<String, Object> raw = new HashMap<>(Map.of("treatment", "trt", "treatedValue", "2", "covariates",
                COVARIATES, "outcome", outcome, "outcomeType", type, "estimand", estimand));
        raw.putAll(extra);
        try (Table data = veteran()) {
            run(new EffectMethod(), data, raw,
                    outputs -> rows.putAll(SyntheticEffectTest.effects(outputs.get("effects"))));
        }
        return rows;
    }

    /** Runs a method on a table; returns the summary and, through {@code outputs}, reads its output tables. */
    Map<String, Object> run(Method method, Table data, Map<String, ?> raw,
            java.util.function.Consumer<Map<String, Table>> outputs) throws Exception {
        return run(method, data == null ? Map.of() : Map.of("data", data), raw, 1, outputs);
    }
}
