package io.daybreak.methods.causal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import io.daybreak.core.method.InvalidParameterException;
import io.daybreak.data.DoubleColumn;
import io.daybreak.data.StringColumn;
import io.daybreak.data.Table;

/**
 * Synthetic patients with a known effect and confounding by two covariates: every estimator recovers the effect
 * within its standard error, while the naive difference does not; and bad input is named.
 */
class SyntheticEffectTest extends CausalTestSupport {
    private final EffectMethod effect = new EffectMethod();

    /**
     * x1, x2 ~ N(0, 1); P(A = 1) = expit(0.8 x1 − 0.6 x2); continuous Y = 1 + 2A + 1.5 x1 − x2 + N(0, 1), so the
     * ATE and the ATT are 2, and the naive difference is biased by the confounding.
     */
    private Table continuous(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] a = new double[n];
        double[] x1 = new double[n];
        double[] x2 = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x1[i] = gaussian(random);
            x2[i] = gaussian(random);
            double e = 1 / (1 + Math.exp(-(0.8 * x1[i] - 0.6 * x2[i])));
            a[i] = random.nextDouble() < e ? 1 : 0;
            y[i] = 1 + 2 * a[i] + 1.5 * x1[i] - x2[i] + gaussian(random);
        }
        return Table.builder(allocator).addFloat64("A", a).addFloat64("x1", x1).addFloat64("x2", x2)
                .addFloat64("y", y).build();
    }

    @Test
    void everyEstimatorRecoversAKnownEffect() throws Exception {
        try (Table data = continuous(20_000, 1)) {
            Map<String, double[]> rows = new HashMap<>();
            Map<String, Object> s = run(effect, data, Map.of("treatment", "A", "covariates", "x1,x2", "outcome", "y"),
                    outputs -> rows.putAll(effects(outputs.get("effects"))));
            for (String estimator : List.of("iptw", "gcomp", "aipw", "tmle")) {
                double[] row = rows.get(estimator + " difference");
                // within 4 standard errors of the truth, and the standard error is of the expected size
                assertTrue(Math.abs(row[0] - 2) < 4 * row[1], estimator + ": " + row[0] + " (se " + row[1] + ")");
                assertTrue(row[1] > 0.005 && row[1] < 0.1, estimator + " se " + row[1]);
                assertTrue(row[2] < row[0] && row[0] < row[3], estimator + " interval");
            }
            assertEquals(20_000L, s.get("n"));
            // the naive difference of means is far off: the confounding is real
            double naive = naive(data);
            assertTrue(Math.abs(naive - 2) > 0.5, "naive " + naive);
        }
        try (Table data = continuous(20_000, 2)) {
            Map<String, double[]> rows = new HashMap<>();
            run(effect, data, Map.of("treatment", "A", "covariates", "x1,x2", "outcome", "y", "estimand", "ATT"),
                    outputs -> rows.putAll(effects(outputs.get("effects"))));
            assertEquals(2, rows.size(), "ATT: iptw and gcomp only " + rows.keySet());
            for (double[] row : rows.values()) {
                assertTrue(Math.abs(row[0] - 2) < 4 * row[1], "ATT " + row[0] + " (se " + row[1] + ")");
            }
        }
    }

    /**
     * Over 200 replicate trials of 2,000 patients, the AIPW estimates average to the truth within Monte Carlo
     * error, and their influence-function standard errors match the estimates' spread.
     */
    @Test
    void aipwIsUnbiasedAndItsStandardErrorIsCalibrated() throws Exception {
        int replicates = 200;
        double[] estimates = new double[replicates];
        double meanSe = 0;
        for (int r = 0; r < replicates; r++) {
            try (Table data = continuous(2_000, 100 + r)) {
                Map<String, double[]> rows = new HashMap<>();
                run(effect, data, Map.of("treatment", "A", "covariates", "x1,x2", "outcome", "y", "estimators", "aipw"),
                        outputs -> rows.putAll(effects(outputs.get("effects"))));
                estimates[r] = rows.get("aipw difference")[0];
                meanSe += rows.get("aipw difference")[1] / replicates;
            }
        }
        double mean = 0;
        for (double v : estimates) {
            mean += v / replicates;
        }
        double var = 0;
        for (double v : estimates) {
            var += (v - mean) * (v - mean) / (replicates - 1);
        }
        double sd = Math.sqrt(var);
        // bias within 4 Monte Carlo standard errors
        assertTrue(Math.abs(mean - 2) < 4 * sd / Math.sqrt(replicates), "mean " + mean + ", sd " + sd);
        // the mean SE estimates the spread: ratio within 20% (the SD of 200 replicates is known to ~5%)
        assertTrue(Math.abs(meanSe / sd - 1) < 0.2, "mean se " + meanSe + " vs sd " + sd);
    }

    @Test
    void badInputIsNamed() throws Exception {
        try (Table data = continuous(500, 3)) {
            InvalidParameterException notBinary = assertThrows(InvalidParameterException.class, () -> run(effect, data,
                    Map.of("treatment", "x1", "covariates", "x2", "outcome", "y"), null));
            assertTrue(notBinary.getMessage().contains("column 'x1' has the values"), notBinary.getMessage());
            InvalidParameterException binaryOutcome = assertThrows(InvalidParameterException.class, () -> run(effect,
                    data, Map.of("treatment", "A", "covariates", "x1,x2", "outcome", "y", "outcomeType", "binary"),
                    null));
            assertTrue(binaryOutcome.getMessage().contains("a binary outcome holds 0 and 1"), binaryOutcome.getMessage());
            InvalidParameterException stabilized = assertThrows(InvalidParameterException.class, () -> run(effect, data,
                    Map.of("treatment", "A", "covariates", "x1,x2", "outcome", "y", "estimand", "ATT", "stabilize",
                            "true", "estimators", "iptw"), null));
            assertTrue(stabilized.getMessage().contains("'stabilize'"), stabilized.getMessage());
            InvalidParameterException aipwAtt = assertThrows(InvalidParameterException.class, () -> run(effect, data,
                    Map.of("treatment", "A", "covariates", "x1,x2", "outcome", "y", "estimand", "ATT", "estimators",
                            "aipw"), null));
            assertTrue(aipwAtt.getMessage().contains("estimate the ATE"), aipwAtt.getMessage());
        }
        // a covariate that separates the arms: no overlap, said so instead of infinite weights
        int n = 200;
        double[] a = new double[n];
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = i < n / 2 ? 1 : 0;
            x[i] = a[i] == 1 ? 10 + i % 7 : i % 5;
            y[i] = i % 3;
        }
        try (Table separated = Table.builder(allocator).addFloat64("A", a).addFloat64("x", x).addFloat64("y", y)
                .build()) {
            InvalidParameterException e = assertThrows(InvalidParameterException.class, () -> run(effect, separated,
                    Map.of("treatment", "A", "covariates", "x", "outcome", "y"), null));
            assertTrue(e.getMessage().contains("perfect separation"), e.getMessage());
        }
        // missing covariates: rows left out and counted, with a warning
        try (Table gaps = Table.builder(allocator).addFloat64("A", alternate(n)).addFloat64("x", normals(n, 9))
                .addFloat64("y", normals(n, 10)).build()) {
            double[] holes = normals(n, 11);
            holes[3] = Double.NaN;
            holes[17] = Double.NaN;
            try (Table withHoles = withNulls(gaps, holes)) {
                Map<String, Object> s = run(effect, withHoles, Map.of("treatment", "A", "covariates", "x,z",
                        "outcome", "y"), null);
                assertEquals(2L, s.get("droppedRows"));
                assertEquals(198L, s.get("n"));
                assertTrue(s.get("warnings").toString().contains("2 row(s) left out"), s.get("warnings").toString());
            }
        }
    }

    private Table withNulls(Table base, double[] z) {
        var builder = Table.builder(allocator);
        for (String column : base.columnNames()) {
            double[] values = new double[base.rowCount()];
            for (int i = 0; i < values.length; i++) {
                values[i] = base.doubles(column).get(i);
            }
            builder.addFloat64(column, values);
        }
        List<Double> boxed = new java.util.ArrayList<>();
        for (double v : z) {
            boxed.add(Double.isNaN(v) ? null : v);
        }
        return builder.add("z", io.daybreak.data.ColumnType.FLOAT64, boxed).build();
    }

    private static double[] alternate(int n) {
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = i % 2;
        }
        return a;
    }

    private static double[] normals(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = gaussian(random);
        }
        return values;
    }

    private static double naive(Table data) {
        double[] sum = new double[2];
        double[] count = new double[2];
        for (int i = 0; i < data.rowCount(); i++) {
            int a = (int) data.doubles("A").get(i);
            sum[a] += data.doubles("y").get(i);
            count[a]++;
        }
        return sum[1] / count[1] - sum[0] / count[0];
    }

    /** estimator + " " + measure to {estimate, se, lower, upper}. */
    static Map<String, double[]> effects(Table table) {
        Map<String, double[]> rows = new HashMap<>();
        StringColumn estimator = table.strings("estimator");
        StringColumn measure = table.strings("measure");
        DoubleColumn[] columns = {table.doubles("estimate"), table.doubles("stdError"), table.doubles("lower"),
            table.doubles("upper"), table.doubles("meanTreated"), table.doubles("meanControl")};
        for (int i = 0; i < table.rowCount(); i++) {
            double[] row = new double[columns.length];
            for (int c = 0; c < columns.length; c++) {
                row[c] = columns[c].get(i);
            }
            rows.put(estimator.get(i) + " " + measure.get(i), row);
        }
        return rows;
    }

    private static double gaussian(SplittableRandom random) {
        // Box-Muller: enough for test data
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}
