package io.daybreak.methods.biomarker.predictive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.daybreak.core.method.InvalidParameterException;
import io.daybreak.core.testing.MethodTestSupport;
import io.daybreak.data.Table;
import io.daybreak.stats.biomarker.penalized.ElasticNet;
import io.daybreak.stats.biomarker.penalized.Family;
import io.daybreak.stats.biomarker.penalized.PenalizedData;
import io.daybreak.stats.biomarker.penalized.PenalizedPath;

/**
 * biomarker.modified-covariate: the modified covariates W = [T/2, X·T/2] fitted by the elastic-net engine against R
 * 4.2.2 glmnet 4.1-6 on the same W ({@code docs/validation/r/biomarker/modified-covariate.R}, which simulates the
 * committed {@code modified-covariate-data.csv}: 150 patients, markers m1..m8, m1 prognostic, m3 predictive), and a
 * seeded simulation showing the predictive marker is selected.
 */
class ModifiedCovariateTest extends MethodTestSupport {
    static final int P = 8;

    /** The CSV's columns by name. */
    static Map<String, double[]> csv() throws IOException {
        List<String[]> rows = new ArrayList<>();
        String[] header;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                ModifiedCovariateTest.class.getResourceAsStream("modified-covariate-data.csv"), StandardCharsets.UTF_8))) {
            header = in.readLine().split(",");
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                rows.add(line.split(","));
            }
        }
        Map<String, double[]> out = new HashMap<>();
        for (int c = 0; c < header.length; c++) {
            int column = c;
            out.put(header[c], rows.stream().mapToDouble(r -> Double.parseDouble(r[column])).toArray());
        }
        return out;
    }

    private static Table table(org.apache.arrow.memory.BufferAllocator allocator, Map<String, double[]> d) {
        var builder = Table.builder(allocator);
        for (String name : List.of("m1", "m2", "m3", "m4", "m5", "m6", "m7", "m8", "trt", "y", "yb", "time", "status")) {
            builder.addFloat64(name, d.get(name));
        }
        return builder.build();
    }

    private static PenalizedPath fit(Map<String, double[]> d, Family family) {
        double[][] x = new double[P][];
        for (int j = 0; j < P; j++) {
            x[j] = d.get("m" + (j + 1));
        }
        double[] trt = d.get("trt");
        boolean[] treated = new boolean[trt.length];
        boolean[] event = new boolean[trt.length];
        for (int i = 0; i < trt.length; i++) {
            treated[i] = trt[i] == 1;
            event[i] = d.get("status")[i] == 1;
        }
        double[][] w = ModifiedCovariateMethod.design(x, treated);
        PenalizedData data = switch (family) {
            case GAUSSIAN -> new PenalizedData(family, w, d.get("y"), null, null);
            case BINOMIAL -> new PenalizedData(family, w, d.get("yb"), null, null);
            case COX -> new PenalizedData(family, w, null, d.get("time"), event);
        };
        return ElasticNet.fit(data, ModifiedCovariateMethod.settings(1, P).withThresh(1e-12));
    }

    /** Asserts λ (1e-7 relative) and glmnet's coef(fit)[, step] (1e-5, the engine's tolerance against glmnet). */
    private static void assertStep(PenalizedPath path, int step, double lambda, double[] coef, boolean intercept) {
        int m = step - 1;
        assertEquals(lambda, path.lambda()[m], 1e-7 * lambda, "lambda " + step);
        int k = 0;
        if (intercept) {
            assertEquals(coef[k++], path.intercept()[m], 1e-5, "intercept at step " + step);
        }
        for (int j = 0; j <= P; j++) {
            assertEquals(coef[k++], path.beta()[m][j], 1e-5, "W" + j + " at step " + step);
        }
    }

    @Test
    void modifiedCovariatesAsGlmnet() throws Exception {
        Map<String, double[]> d = csv();
        // glmnet(W, y, penalty.factor = c(0, rep(1, 8)), thresh = 1e-12); coef(fit)[, c(5, 10, 20)]
        PenalizedPath g = fit(d, Family.GAUSSIAN);
        assertStep(g, 5, 0.46330061035063763, new double[] {0.44563208028061324, 0.48234215960506616, 0, 0,
            0.52868741756871385, 0, 0, 0, 0, 0}, true);
        assertStep(g, 10, 0.29096628581816958, new double[] {0.46253944808184411, 0.40600487282335129, 0, 0,
            0.96489806046764481, 0, 0, 0, 0, 0}, true);
        assertStep(g, 20, 0.11476309876160931, new double[] {0.46602978720174226, 0.3366628083002885,
            -0.16282709858871955, 0.053823948487030635, 1.4213782070901801, 0, 0, 0.082870231359655031,
            -0.092346680001759621, 0}, true);
        // glmnet(W, yb, family = "binomial", penalty.factor = pf, thresh = 1e-12)
        PenalizedPath b = fit(d, Family.BINOMIAL);
        assertStep(b, 5, 0.090609463902939502, new double[] {0.032398123352881003, 0.52343125851908401, 0, 0,
            0.4251233717401155, 0, 0, 0, 0, 0}, true);
        assertStep(b, 20, 0.022444656066305586, new double[] {0.079971467620715816, 0.41449108622863995, 0, 0,
            1.1734936969650447, 0, 0, -0.29871937638635332, -0.045639119702897329, 0.00050507343007864336}, true);
        // glmnet(W, Surv(time, status), family = "cox", penalty.factor = pf, thresh = 1e-12)
        PenalizedPath c = fit(d, Family.COX);
        assertStep(c, 5, 0.16019381915562492, new double[] {-0.5720477198828342, 0, 0, -0.23430480634898729, 0, 0, 0,
            0, -0.013130855685190849}, false);
        assertStep(c, 20, 0.039681232232213419, new double[] {-0.47795291816378899, 0, 0.014254059478608038,
            -0.62764060741190209, 0, -0.0058093164593092973, -0.21296872767413294, -0.11722196019091301,
            -0.42784153016418064}, false);
    }

    @Test
    void methodTablesAndScores() throws Exception {
        Map<String, double[]> d = csv();
        try (Table data = table(allocator, d)) {
            for (String outcome : new String[] {"continuous", "binary", "survival"}) {
                Map<String, Object> raw = new HashMap<>(Map.of("outcome", outcome, "treatmentColumn", "trt",
                        "markers", "m1,m2,m3,m4,m5,m6,m7,m8"));
                if (outcome.equals("survival")) {
                    raw.put("timeColumn", "time");
                    raw.put("eventColumn", "status");
                } else {
                    raw.put("outcomeColumn", outcome.equals("binary") ? "yb" : "y");
                }
                boolean survival = outcome.equals("survival");
                Map<String, Object> summary = run(new ModifiedCovariateMethod(),
                        Map.of(ModifiedCovariateMethod.INPUT, data), raw, 11, outputs -> {
                            Table coef = outputs.get(ModifiedCovariateMethod.COEFFICIENTS);
                            assertEquals(survival ? 9 : 10, coef.rowCount());
                            int t = survival ? 0 : 1;
                            assertEquals("treatment", coef.strings("term").get(t));
                            assertEquals("m3", coef.strings("term").get(t + 3));
                            // the predictive marker m3 is selected at lambda.min (its W coefficient is the largest)
                            assertTrue(coef.doubles("lambda_min").get(t + 3) != 0, outcome + ": m3 selected");
                            Table scores = outputs.get(ModifiedCovariateMethod.SCORES);
                            assertEquals(150, scores.rowCount());
                            for (int i = 0; i < 150; i += 37) {
                                double s = coef.doubles("lambda_min").get(t);
                                for (int j = 0; j < P; j++) {
                                    s += coef.doubles("lambda_min").get(t + 1 + j) * d.get("m" + (j + 1))[i];
                                }
                                assertEquals(s, scores.doubles("score").get(i), 1e-12, "score row " + i);
                                assertEquals(survival ? s < 0 : s > 0, scores.booleans("recommended").get(i));
                                assertEquals(i + 1.0, scores.doubles("row").get(i));
                            }
                        });
                assertTrue(((List<?>) summary.get("selected")).contains("m3"), outcome + " " + summary.get("selected"));
                assertTrue((Double) summary.get("lambda1se") >= (Double) summary.get("lambdaMin"));
                // seeded: the same seed, the same folds and lambda
                assertEquals(summary.get("lambdaMin"), run(new ModifiedCovariateMethod(),
                        Map.of(ModifiedCovariateMethod.INPUT, data), raw, 11, null).get("lambdaMin"));
            }
            InvalidParameterException e = assertThrows(InvalidParameterException.class, () -> run(
                    new ModifiedCovariateMethod(), Map.of(ModifiedCovariateMethod.INPUT, data), Map.of("outcome", "binary",
                            "outcomeColumn", "yb", "treatmentColumn", "trt", "markers", "m1", "augment", true), 1, null));
            assertTrue(e.getMessage().contains("augment"), e.getMessage());
            e = assertThrows(InvalidParameterException.class, () -> run(new ModifiedCovariateMethod(),
                    Map.of(ModifiedCovariateMethod.INPUT, data), Map.of("outcome", "continuous", "outcomeColumn", "y",
                            "treatmentColumn", "trt", "markers", "m1,m9"), 1, null));
            assertTrue(e.getMessage().contains("no column 'm9'"), e.getMessage());
        }
    }

    /**
     * 100 seeded trials (n 200, 10 markers N(0, 1), 1:1 randomised, y = 1 + m1 + 0.25 T + 0.5 T m3 + N(0, 1): m1
     * prognostic only, m3 predictive): the lasso on the modified covariates selects m3 at lambda.min in at least 90%
     * (observed rate and its binomial SE in the message), with and without augmentation, and selects the prognostic m1
     * less often than m3.
     */
    @Test
    void selectsThePredictiveMarkerInSimulation() throws Exception {
        int trials = 100;
        int n = 200;
        int p = 10;
        Random random = new Random(20261203L);
        int[][] selected = new int[2][p];
        for (int trial = 0; trial < trials; trial++) {
            double[][] m = new double[p][n];
            double[] trt = new double[n];
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < p; j++) {
                    m[j][i] = random.nextGaussian();
                }
                trt[i] = i % 2;
                double t = 2 * trt[i] - 1;
                y[i] = 1 + m[0][i] + 0.25 * t + 0.5 * t * m[2][i] + random.nextGaussian();
            }
            var builder = Table.builder(allocator).addFloat64("trt", trt).addFloat64("y", y);
            StringBuilder names = new StringBuilder();
            for (int j = 0; j < p; j++) {
                builder.addFloat64("m" + (j + 1), m[j]);
                names.append(j == 0 ? "" : ",").append("m").append(j + 1);
            }
            try (Table data = builder.build()) {
                for (int a = 0; a < 2; a++) {
                    Map<String, Object> summary = run(new ModifiedCovariateMethod(),
                            Map.of(ModifiedCovariateMethod.INPUT, data), Map.of("outcome", "continuous", "outcomeColumn",
                                    "y", "treatmentColumn", "trt", "markers", names.toString(), "augment", a == 1),
                            1000 + trial, null);
                    for (Object name : (List<?>) summary.get("selected")) {
                        selected[a][Integer.parseInt(((String) name).substring(1)) - 1]++;
                    }
                }
            }
        }
        for (int a = 0; a < 2; a++) {
            double rate = (double) selected[a][2] / trials;
            double se = Math.sqrt(rate * (1 - rate) / trials);
            String what = (a == 1 ? "augmented" : "plain") + ": m3 selected in " + rate + " (SE " + se + "), m1 in "
                    + (double) selected[a][0] / trials + ", all " + java.util.Arrays.toString(selected[a]);
            System.out.println("modified covariate simulation " + what);
            assertTrue(rate >= 0.9, what);
            assertTrue(selected[a][0] < selected[a][2], what);
        }
    }
}
