package io.daybreak.methods.biomarker.selection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.daybreak.core.method.InvalidParameterException;
import io.daybreak.core.testing.MethodTestSupport;
import io.daybreak.data.Table;
import io.daybreak.stats.biomarker.selection.PValueAdjustment;
import io.daybreak.stats.biomarker.selection.PValueAdjustment.Method;
import io.daybreak.stats.biomarker.selection.QValues;

/**
 * biomarker.adjust against R 4.2.2 {@code p.adjust} and Bioconductor {@code qvalue} (github:StoreyLab/qvalue), values
 * from {@code docs/validation/r/biomarker/adjust.R}.
 */
class PValueAdjustTest extends MethodTestSupport {
    private static final double NA = Double.NaN;
    /** p <- c(0.01, 0.04, 0.04, NA, 0.2, 0.001, 0.5, 0.04, 0.9, 0.03): ties and a missing value. */
    private static final double[] SMALL = {0.01, 0.04, 0.04, NA, 0.2, 0.001, 0.5, 0.04, 0.9, 0.03};

    /** i <- 1:300; u <- ((7919 * i) %% 997 + 0.5) / 997; p <- ifelse(i <= 60, u^2 / 50, u). */
    static double[] deterministicP() {
        double[] p = new double[300];
        for (int i = 1; i <= 300; i++) {
            double u = ((7919L * i) % 997 + 0.5) / 997;
            p[i - 1] = i <= 60 ? u * u / 50 : u;
        }
        return p;
    }

    @Test
    void pAdjustOnTiesAndMissing() {
        // p.adjust(p, "bonferroni")
        assertArray(new double[] {0.089999999999999997, 0.35999999999999999, 0.35999999999999999, NA, 1,
            0.0090000000000000011, 1, 0.35999999999999999, 1, 0.27000000000000002},
                PValueAdjustment.adjust(SMALL, Method.BONFERRONI), 1e-15);
        // p.adjust(p, "holm")
        assertArray(new double[] {0.080000000000000002, 0.23999999999999999, 0.23999999999999999, NA,
            0.60000000000000009, 0.0090000000000000011, 1, 0.23999999999999999, 1, 0.20999999999999999},
                PValueAdjustment.adjust(SMALL, Method.HOLM), 1e-15);
        // p.adjust(p, "hochberg")
        assertArray(new double[] {0.080000000000000002, 0.16, 0.16, NA, 0.60000000000000009, 0.0090000000000000011,
            0.90000000000000002, 0.16, 0.90000000000000002, 0.16}, PValueAdjustment.adjust(SMALL, Method.HOCHBERG), 1e-15);
        // p.adjust(p, "BH")
        assertArray(new double[] {0.044999999999999998, 0.059999999999999998, 0.059999999999999998, NA,
            0.25714285714285717, 0.0090000000000000011, 0.5625, 0.059999999999999998, 0.90000000000000002,
            0.059999999999999998}, PValueAdjustment.adjust(SMALL, Method.BH), 1e-15);
        // p.adjust(p, "BY")
        assertArray(new double[] {0.12730357142857146, 0.16973809523809524, 0.16973809523809524, NA,
            0.72744897959183685, 0.025460714285714288, 1, 0.16973809523809524, 1, 0.16973809523809524},
                PValueAdjustment.adjust(SMALL, Method.BY), 1e-15);
    }

    @Test
    void pAdjustOnThreeHundredTests() {
        double[] p = deterministicP();
        int[] at = {0, 1, 60, 299};
        // p.adjust(p, "BH")[c(1, 2, 61, 300)]
        assertAt(new double[] {0.093670681050171581, 0.088899265309791697, 0.82748244734202614, 0.96799833462652107},
                PValueAdjustment.adjust(p, Method.BH), at, 1e-14);
        // p.adjust(p, "BY")[c(1, 2, 61, 300)]
        assertAt(new double[] {0.58850140447696808, 0.55852420314699092, 1, 1}, PValueAdjustment.adjust(p, Method.BY),
                at, 1e-14);
    }

    @Test
    void qValuesAsTheQvaluePackage() {
        double[] p = deterministicP();
        // qvalue(p)$pi0.lambda: exact counts, so to rounding
        double[] pi0Lambda = {0.81403508771929822, 0.81111111111111112, 0.80392156862745101, 0.79583333333333328,
            0.81333333333333335, 0.80952380952380953, 0.80000000000000016, 0.78888888888888886, 0.81212121212121213,
            0.80666666666666664, 0.79259259259259263, 0.78333333333333355, 0.82857142857142896, 0.83333333333333348,
            0.82666666666666699, 0.81666666666666687, 0.91111111111111165, 0.93333333333333457, 0.93333333333333246};
        QValues q = QValues.estimate(p, QValues.defaultLambda(), QValues.Pi0Method.SMOOTHER);
        assertArray(pi0Lambda, q.pi0Lambda(), 1e-14);
        // qvalue(p)$pi0 = 0.91257396544184111: R's smooth.spline(df = 3) stops its spar search at df = 3.000328
        // (tolerance 1e-4 in spar); the exact df = 3 spline gives pi0 within 1e-5 relative (observed 9.0e-6).
        assertRelative(0.91257396544184111, q.pi0(), 2e-5, "smoother pi0");
        // qvalue(p)$qvalues[c(1, 2, 61, 300)]: pi0 times the BH values, so the same relative accuracy
        assertAt(new double[] {0.085481424851592991, 0.081127155068622919, 0.75513893830443213, 0.88337007877122264},
                q.qValues(), new int[] {0, 1, 60, 299}, 2e-5);
        // qvalue(p, pi0.method = "bootstrap"): pi0 0.81403508771929822, q[c(1, 61)] exact
        QValues b = QValues.estimate(p, QValues.defaultLambda(), QValues.Pi0Method.BOOTSTRAP);
        assertRelative(0.81403508771929822, b.pi0(), 1e-14, "bootstrap pi0");
        assertAt(new double[] {0.076251221065402816, 0.67359974660824573}, b.qValues(), new int[] {0, 60}, 1e-14);
        // qvalue(p, lambda = 0.5): pi0 0.80666666666666664, q[c(1, 61)]
        QValues f = QValues.estimate(p, new double[] {0.5}, QValues.Pi0Method.SMOOTHER);
        assertRelative(0.80666666666666664, f.pi0(), 1e-14, "pi0 at lambda 0.5");
        assertAt(new double[] {0.075561016047138399, 0.66750250752256768}, f.qValues(), new int[] {0, 60}, 1e-14);
    }

    @Test
    void methodFromATableWithNamesAndFlags() throws Exception {
        String[] names = {"g1", "g2", "g3", "g4", "g5", "g6", "g7", "g8", "g9", "g10"};
        try (Table data = Table.builder(allocator).addString("gene", names).addFloat64("pval", SMALL).build()) {
            Map<String, Object> summary = run(new AdjustMethod(), Map.of(AdjustMethod.INPUT, data), Map.of("pColumn",
                    "pval", "nameColumn", "gene", "methods", "bh,holm", "level", "0.05"), 1, outputs -> {
                        Table t = outputs.get(AdjustMethod.OUTPUT);
                        assertEquals(10, t.rowCount());
                        assertEquals("g6", t.strings("name").get(5));
                        assertTrue(t.doubles("bh").isNull(3));
                        assertEquals(0.25714285714285717, t.doubles("bh").get(4), 1e-15);
                        assertEquals(0.21, t.doubles("holm").get(9), 1e-15);
                        assertEquals(true, t.booleans("bh_selected").get(0)); // 0.045 <= 0.05
                        assertEquals(false, t.booleans("bh_selected").get(1)); // 0.06
                        assertTrue(t.booleans("holm_selected").isNull(3));
                    });
            assertEquals(9L, summary.get("tests"));
            assertEquals(1L, summary.get("missing"));
            assertEquals(2L, summary.get("selected_bh"));
            assertEquals(1L, summary.get("selected_holm"));
        }
    }

    @Test
    void methodFromParametersWithQValues() throws Exception {
        StringBuilder text = new StringBuilder();
        for (double v : deterministicP()) {
            text.append(text.length() == 0 ? "" : ",").append(v);
        }
        Map<String, Object> summary = summary(new AdjustMethod(), Map.of("pValues", text.toString(), "methods",
                "qvalue", "level", "0.1", "pi0Method", "bootstrap"), 1);
        assertRelative(0.81403508771929822, (Double) summary.get("pi0"), 1e-14, "pi0");
    }

    @Test
    void badInputNamesTheRowColumnOrParameter() throws Exception {
        try (Table data = Table.builder(allocator).addFloat64("p", 0.1, 1.5).build()) {
            InvalidParameterException e = assertThrows(InvalidParameterException.class, () -> run(new AdjustMethod(),
                    Map.of(AdjustMethod.INPUT, data), Map.of(), 1, null));
            assertTrue(e.getMessage().contains("row 2") && e.getMessage().contains("1.5"), e.getMessage());
            e = assertThrows(InvalidParameterException.class, () -> run(new AdjustMethod(),
                    Map.of(AdjustMethod.INPUT, data), Map.of("pColumn", "pval"), 1, null));
            assertTrue(e.getMessage().contains("no column 'pval'"), e.getMessage());
        }
        InvalidParameterException e = assertThrows(InvalidParameterException.class, () -> summary(new AdjustMethod(),
                Map.of("pValues", "0.1,0.2", "methods", "bh,fdr"), 1));
        assertTrue(e.getMessage().contains("'fdr'"), e.getMessage());
        e = assertThrows(InvalidParameterException.class, () -> summary(new AdjustMethod(),
                Map.of("pValues", "0.1,0.2,0.3,0.4", "methods", "qvalue"), 1));
        assertTrue(e.getMessage().contains("smaller than the largest lambda"), e.getMessage());
    }

    private static void assertArray(double[] expected, double[] actual, double tol) {
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            if (Double.isNaN(expected[i])) {
                assertTrue(Double.isNaN(actual[i]), "index " + i + " should be missing");
            } else {
                assertRelative(expected[i], actual[i], tol, "index " + i);
            }
        }
    }

    private static void assertAt(double[] expected, double[] actual, int[] at, double tol) {
        for (int k = 0; k < at.length; k++) {
            assertRelative(expected[k], actual[at[k]], tol, "index " + at[k]);
        }
    }
}
