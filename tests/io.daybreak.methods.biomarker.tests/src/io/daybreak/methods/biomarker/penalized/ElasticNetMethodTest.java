package io.daybreak.methods.biomarker.penalized;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.daybreak.core.method.InvalidParameterException;
import io.daybreak.core.testing.MethodTestSupport;
import io.daybreak.data.DoubleColumn;
import io.daybreak.data.StringColumn;
import io.daybreak.data.Table;
import io.daybreak.methods.biomarker.penalized.GlmnetReference.CvRef;
import io.daybreak.methods.biomarker.penalized.GlmnetReference.PathRef;

/**
 * biomarker.elastic-net end to end on elastic-net-data.csv with the script's foldid column, against the glmnet and
 * cv.glmnet values of {@link GlmnetReference} (R calls there): the lambdas table (λ, %dev), the long path table, the
 * CV curve and λ_min/λ_1se, read through columns or a formula, with penalty factors by term name.
 */
class ElasticNetMethodTest extends MethodTestSupport {
    private Table data;

    @BeforeEach
    void table() {
        var builder = Table.builder(allocator);
        for (int j = 0; j < EnetData.P; j++) {
            builder.addFloat64("x" + (j + 1), EnetData.X[j]);
        }
        boolean[] status = EnetData.EVENT;
        double[] fold = new double[EnetData.N];
        for (int i = 0; i < EnetData.N; i++) {
            fold[i] = EnetData.FOLD[i];
        }
        data = builder.addFloat64("y", EnetData.Y).addFloat64("yb", EnetData.YB).addFloat64("time", EnetData.TIME)
                .addBoolean("status", status).addFloat64("fold", fold).build();
    }

    @AfterEach
    void close() {
        data.close();
    }

    private Map<String, Object> runChecked(Map<String, Object> parameters, PathRef path, CvRef cv, boolean intercept)
            throws Exception {
        Map<String, Object> raw = new HashMap<>(parameters);
        raw.put("thresh", "1e-12");
        raw.put("foldid", "fold");
        Map<String, Object> summary = run(new ElasticNetMethod(), Map.of(ElasticNetMethod.INPUT, data), raw, 1,
                outputs -> {
                    Table lambdas = outputs.get("lambdas");
                    assertEquals(path.lambda().length, lambdas.rowCount(), path.call());
                    DoubleColumn lambda = lambdas.doubles("lambda");
                    DoubleColumn dev = lambdas.doubles("pct_dev");
                    for (int m = 0; m < lambdas.rowCount(); m++) {
                        assertEquals(path.lambda()[m], lambda.get(m), 1e-7 * path.lambda()[m], "lambda " + m);
                        assertEquals(100 * path.devRatio()[m], dev.get(m), 1e-4, "pct_dev " + m);
                    }
                    Table long_ = outputs.get("path");
                    DoubleColumn steps = long_.doubles("step");
                    StringColumn term = long_.strings("term");
                    DoubleColumn coef = long_.doubles("coefficient");
                    int checked = 0;
                    for (int k = 0; k < path.at().length; k++) {
                        double[] expected = path.coefficients()[k];
                        for (int r = 0; r < long_.rowCount(); r++) {
                            if (steps.get(r) != path.at()[k]) {
                                continue;
                            }
                            String name = term.get(r);
                            int index = name.equals("(Intercept)") ? 0 : Integer.parseInt(name.substring(1))
                                    - (intercept ? 0 : 1);
                            assertEquals(expected[index], coef.get(r), 1e-5, name + " at step " + path.at()[k]);
                            checked++;
                        }
                    }
                    assertTrue(checked >= path.at().length * 10, "path rows checked: " + checked);
                    Table curve = outputs.get("cv");
                    DoubleColumn cvm = curve.doubles("cvm");
                    DoubleColumn cvsd = curve.doubles("cvsd");
                    DoubleColumn up = curve.doubles("cvup");
                    for (int m = 0; m < cv.cvm().length; m++) {
                        assertEquals(cv.cvm()[m], cvm.get(m), 1e-5, "cvm " + m);
                        assertEquals(cv.cvsd()[m], cvsd.get(m), 1e-5, "cvsd " + m);
                        assertEquals(cv.cvm()[m] + cv.cvsd()[m], up.get(m), 2e-5, "cvup " + m);
                        assertEquals(cv.nzero()[m], curve.doubles("nzero").get(m), "nzero " + m);
                    }
                    Table coefficients = outputs.get("coefficients");
                    assertEquals(EnetData.P + (intercept ? 1 : 0), coefficients.rowCount());
                });
        assertEquals(cv.lambdaMin(), (Double) summary.get("lambdaMin"), 1e-7 * cv.lambdaMin(), "lambda.min");
        assertEquals(cv.lambda1se(), (Double) summary.get("lambda1se"), 1e-7 * cv.lambda1se(), "lambda.1se");
        return summary;
    }

    @Test
    void gaussianFromColumnsAsGlmnetAndCvGlmnet() throws Exception {
        // all numeric columns except the outcome, the fold and those excluded: x1..x10
        Map<String, Object> summary = runChecked(Map.of("response", "y", "exclude", "yb,time,status"),
                GlmnetReference.GAUSSIAN_LASSO, GlmnetReference.CV_GAUSSIAN, true);
        assertEquals(10L, summary.get("features"));
        assertEquals(5L, summary.get("folds"));
    }

    @Test
    void binomialFromAFormulaWithAucAsGlmnet() throws Exception {
        Map<String, Object> raw = new HashMap<>();
        raw.put("formula", "yb ~ x1 + x2 + x3 + x4 + x5 + x6 + x7 + x8 + x9 + x10");
        raw.put("family", "binomial");
        raw.put("typeMeasure", "auc");
        runChecked(raw, GlmnetReference.BINOMIAL_LASSO, GlmnetReference.CV_BINOMIAL_AUC, true);
    }

    @Test
    void coxFromAFormulaWithCIndexAsGlmnet() throws Exception {
        Map<String, Object> raw = new HashMap<>();
        raw.put("formula", "Surv(time, status) ~ x1 + x2 + x3 + x4 + x5 + x6 + x7 + x8 + x9 + x10");
        raw.put("family", "cox");
        raw.put("typeMeasure", "C");
        runChecked(raw, GlmnetReference.COX_LASSO, GlmnetReference.CV_COX_C, false);
        raw.put("typeMeasure", "deviance");
        raw.remove("formula");
        raw.put("time", "time");
        raw.put("status", "status");
        raw.put("features", "x1,x2,x3,x4,x5,x6,x7,x8,x9,x10");
        runChecked(raw, GlmnetReference.COX_LASSO, GlmnetReference.CV_COX_DEVIANCE, false);
    }

    @Test
    void penaltyFactorsByTermName() {
        assertEquals(java.util.List.of(0.0, 1.0, 1.0, 2.0, 1.0, 1.0, 0.5, 1.0, 1.0, 1.0),
                java.util.Arrays.stream(ElasticNetMethod.penaltyFactors("x1=0, x4=2,x7=0.5",
                        java.util.stream.IntStream.rangeClosed(1, 10).mapToObj(j -> "x" + j).toList())).boxed().toList());
    }

    @Test
    void badInputNamesTheParameterOrColumn() {
        Map<String, Table> inputs = Map.of(ElasticNetMethod.INPUT, data);
        ElasticNetMethod method = new ElasticNetMethod();
        InvalidParameterException e = assertThrows(InvalidParameterException.class, () -> run(method, inputs,
                Map.of("family", "cox", "features", "x1"), 1, null));
        assertTrue(e.getMessage().contains("time= and status="), e.getMessage());
        e = assertThrows(InvalidParameterException.class, () -> run(method, inputs,
                Map.of("response", "y", "features", "x1,x2", "penaltyFactors", "x9=0"), 1, null));
        assertTrue(e.getMessage().contains("no term 'x9'"), e.getMessage());
        e = assertThrows(InvalidParameterException.class, () -> run(method, inputs,
                Map.of("response", "y", "family", "binomial", "features", "x1,x2"), 1, null));
        assertTrue(e.getMessage().contains("column 'y'") && e.getMessage().contains("0/1"), e.getMessage());
        e = assertThrows(InvalidParameterException.class, () -> run(method, inputs,
                Map.of("response", "y", "features", "x1,nothere"), 1, null));
        assertTrue(e.getMessage().contains("nothere"), e.getMessage());
        e = assertThrows(InvalidParameterException.class, () -> run(method, inputs,
                Map.of("response", "y", "features", "x1,x2", "typeMeasure", "C"), 1, null));
        assertTrue(e.getMessage().contains("not available"), e.getMessage());
        assertThrows(InvalidParameterException.class, () -> run(method, inputs,
                Map.of("response", "y", "alpha", "1.5"), 1, null));
    }

    @Test
    void seededFoldsAreReproducible() throws Exception {
        Map<String, Object> raw = Map.of("response", "y", "exclude", "yb,time,status,fold", "nfolds", "4");
        Map<String, Object> a = run(new ElasticNetMethod(), Map.of(ElasticNetMethod.INPUT, data), raw, 7, null);
        Map<String, Object> b = run(new ElasticNetMethod(), Map.of(ElasticNetMethod.INPUT, data), raw, 7, null);
        assertEquals(a.get("lambdaMin"), b.get("lambdaMin"));
        assertEquals(4L, a.get("folds"));
    }
}
