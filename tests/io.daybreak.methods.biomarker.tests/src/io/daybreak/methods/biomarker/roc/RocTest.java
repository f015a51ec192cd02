package io.daybreak.methods.biomarker.roc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import io.daybreak.core.method.InvalidParameterException;
import io.daybreak.core.testing.MethodTestSupport;
import io.daybreak.data.Table;
import io.daybreak.stats.biomarker.roc.EmpiricalRoc;

/**
 * biomarker.roc against R 4.2.2 with pROC 1.18.0 ({@code docs/validation/r/biomarker/roc.R}), on deterministic data:
 * {@code i <- 1:60; status <- as.integer(i %% 3 == 0); m1 <- ((37 * i) %% 101) / 10 + 2 * status;
 * m2 <- ((53 * i) %% 97) / 10 + 1.2 * status + ((11 * i) %% 7) / 5}.
 */
class RocTest extends MethodTestSupport {
    static final int N = 60;
    static final double[] STATUS = new double[N];
    static final double[] M1 = new double[N];
    static final double[] M2 = new double[N];

    static {
        for (int i = 1; i <= N; i++) {
            int status = i % 3 == 0 ? 1 : 0;
            STATUS[i - 1] = status;
            M1[i - 1] = ((37 * i) % 101) / 10.0 + 2 * status;
            M2[i - 1] = ((53 * i) % 97) / 10.0 + 1.2 * status + ((11 * i) % 7) / 5.0;
        }
    }

    static double[][] split(double[] marker) {
        List<Double> cases = new ArrayList<>();
        List<Double> controls = new ArrayList<>();
        for (int i = 0; i < N; i++) {
            (STATUS[i] == 1 ? cases : controls).add(marker[i]);
        }
        return new double[][] {cases.stream().mapToDouble(Double::doubleValue).toArray(),
            controls.stream().mapToDouble(Double::doubleValue).toArray()};
    }

    static EmpiricalRoc roc(double[] marker) {
        double[][] s = split(marker);
        return EmpiricalRoc.of(s[0], s[1], EmpiricalRoc.Direction.AUTO);
    }

    @Test
    void aucDelongIntervalAndCurveAsPRoc() {
        EmpiricalRoc r1 = roc(M1);
        EmpiricalRoc r2 = roc(M2);
        // auc(r1), auc(r2)
        assertRelative(0.71999999999999997, r1.auc(), 1e-14, "auc1");
        assertRelative(0.66625000000000001, r2.auc(), 1e-14, "auc2");
        // var(r1, method = "delong")
        assertRelative(0.0048215924426450747, r1.delongVariance(), 1e-12, "var1");
        // ci.auc(r1, method = "delong")
        double[] ci = r1.delongInterval(0.95);
        assertRelative(0.58390463336839471, ci[0], 1e-12, "ci1 lower");
        assertRelative(0.85609536663160524, ci[1], 1e-12, "ci1 upper");
        // ci.auc(r2, conf.level = 0.9, method = "delong")
        ci = r2.delongInterval(0.9);
        assertRelative(0.54379159453411952, ci[0], 1e-12, "ci2 lower");
        assertRelative(0.78870840546588039, ci[1], 1e-12, "ci2 upper");
        // length(r1$thresholds) = 61; r1$thresholds[c(1, 2, 30, 61)] = -Inf, 0.25, 5.65, Inf;
        // r1$sensitivities[30] = 0.7, r1$specificities[30] = 0.575
        assertEquals(61, r1.thresholds().length);
        assertEquals(Double.NEGATIVE_INFINITY, r1.thresholds()[0]);
        assertEquals(0.25, r1.thresholds()[1], 1e-15);
        assertEquals(5.6500000000000004, r1.thresholds()[29], 1e-15);
        assertEquals(Double.POSITIVE_INFINITY, r1.thresholds()[60]);
        assertEquals(0.69999999999999996, r1.sensitivity()[29], 1e-15);
        assertEquals(0.57499999999999996, r1.specificity()[29], 1e-15);
    }

    @Test
    void youdenBestAsCoords() {
        // coords(r1, "best", ret = c("threshold", "specificity", "sensitivity")): six tied thresholds
        double[] t = {2.75, 3.7999999999999998, 4.8000000000000007, 7.8000000000000007, 8.8000000000000007,
            9.8000000000000007};
        double[] sp = {0.3, 0.4, 0.5, 0.8, 0.9, 1};
        double[] se = {1, 0.9, 0.8, 0.5, 0.4, 0.3};
        EmpiricalRoc r1 = roc(M1);
        int[] best = r1.youdenBest();
        assertEquals(6, best.length);
        for (int k = 0; k < 6; k++) {
            assertEquals(t[k], r1.thresholds()[best[k]], 1e-14, "threshold " + k);
            assertEquals(sp[k], r1.specificity()[best[k]], 1e-15, "specificity " + k);
            assertEquals(se[k], r1.sensitivity()[best[k]], 1e-15, "sensitivity " + k);
        }
        // coords(r2, "best"): 7.8, specificity 0.8, sensitivity 0.5
        EmpiricalRoc r2 = roc(M2);
        assertArrayEquals(new double[] {7.8000000000000007, 0.8, 0.5}, new double[] {r2.thresholds()[r2.youdenBest()[0]],
            r2.specificity()[r2.youdenBest()[0]], r2.sensitivity()[r2.youdenBest()[0]]}, 1e-14);
        assertEquals(1, r2.youdenBest().length);
        // roc(status, -m1): direction ">" and auc 0.72; coords "best" thresholds -2.75, ..., -9.8 (in pROC's order)
        double[] neg = new double[N];
        for (int i = 0; i < N; i++) {
            neg[i] = -M1[i];
        }
        EmpiricalRoc r3 = roc(neg);
        assertTrue(!r3.higherIsCase());
        assertRelative(0.71999999999999997, r3.auc(), 1e-14, "auc3");
        int[] best3 = r3.youdenBest();
        assertEquals(6, best3.length);
        for (int k = 0; k < 6; k++) {
            assertEquals(-t[5 - k], r3.thresholds()[best3[k]], 1e-14, "threshold " + k);
        }
    }

    @Test
    void delongTestOfCorrelatedAucsAsRocTest() {
        // roc.test(r1, r2, method = "delong", paired = TRUE): Z = 0.53173129045948297, p = 0.59491211690131462
        double[] t = EmpiricalRoc.delongPairedTest(roc(M1), roc(M2));
        assertRelative(0.53173129045948297, t[0], 1e-12, "z");
        assertRelative(0.59491211690131462, t[1], 1e-12, "p");
    }

    @Test
    void sortedCountsEqualTheDefinitionOnTiedData() {
        // the engine counts by binary search; here every pair is compared directly (Mann-Whitney with ties 1/2)
        SplittableRandom random = new SplittableRandom(11);
        double[] cases = new double[300];
        double[] controls = new double[500];
        for (int i = 0; i < cases.length; i++) {
            cases[i] = random.nextInt(40) + 5;
        }
        for (int j = 0; j < controls.length; j++) {
            controls[j] = random.nextInt(40);
        }
        for (EmpiricalRoc.Direction d : EmpiricalRoc.Direction.values()) {
            EmpiricalRoc r = EmpiricalRoc.of(cases, controls, d);
            double sign = r.higherIsCase() ? 1 : -1;
            double wins = 0;
            for (double a : cases) {
                for (double b : controls) {
                    wins += sign * a > sign * b ? 1 : a == b ? 0.5 : 0;
                }
            }
            assertEquals(wins / (300.0 * 500.0), r.auc(), 1e-15, d.toString());
            for (int k = 0; k < r.thresholds().length; k++) {
                double t = r.thresholds()[k];
                long tp = Arrays.stream(cases).filter(v -> sign > 0 ? v >= t : v <= t).count();
                long tn = Arrays.stream(controls).filter(v -> sign > 0 ? v < t : v > t).count();
                assertEquals(tp / 300.0, r.sensitivity()[k], 0, "sensitivity " + k);
                assertEquals(tn / 500.0, r.specificity()[k], 0, "specificity " + k);
            }
        }
    }

    @Test
    void methodOutputsPlotReadyTables() throws Exception {
        double[] m1 = M1.clone();
        double[] status = STATUS.clone();
        try (Table data = Table.builder(allocator).addFloat64("resp", status).addFloat64("m1", m1)
                .addFloat64("m2", M2).build()) {
            Map<String, Object> summary = run(new RocMethod(), Map.of(RocMethod.INPUT, data), Map.of("statusColumn",
                    "resp", "markers", "m1, m2"), 1, outputs -> {
                        Table roc = outputs.get(RocMethod.ROC);
                        assertEquals(61 + roc(M2).thresholds().length, roc.rowCount());
                        assertEquals("m1", roc.strings("marker").get(29));
                        assertEquals(0.7, roc.doubles("sensitivity").get(29), 1e-15);
                        Table auc = outputs.get(RocMethod.AUC);
                        assertEquals(0.72, auc.doubles("auc").get(0), 1e-14);
                        assertEquals(0.78870840546588039, roc(M2).delongInterval(0.9)[1], 1e-12);
                        assertEquals(0.85609536663160524, auc.doubles("auc_upper").get(0), 1e-12);
                        assertEquals(2.75, auc.doubles("best_threshold").get(0), 1e-14);
                        assertEquals(6.0, auc.doubles("best_ties").get(0));
                        assertEquals("<", auc.strings("direction").get(1));
                        Table cmp = outputs.get(RocMethod.COMPARISON);
                        assertEquals(1, cmp.rowCount());
                        assertEquals(0.59491211690131462, cmp.doubles("p").get(0), 1e-12);
                    });
            assertEquals(20L, summary.get("cases"));
            assertEquals(40L, summary.get("controls"));
        }
    }

    @Test
    void badInputNamesTheRowColumnOrParameter() throws Exception {
        try (Table data = Table.builder(allocator).addFloat64("status", 0, 1, 2).addFloat64("m", 1, 2, 3).build()) {
            InvalidParameterException e = assertThrows(InvalidParameterException.class, () -> run(new RocMethod(),
                    Map.of(RocMethod.INPUT, data), Map.of("markers", "m"), 1, null));
            assertTrue(e.getMessage().contains("row 3") && e.getMessage().contains("status = 2.0"), e.getMessage());
        }
        try (Table data = Table.builder(allocator).addFloat64("status", 0, 1, 1).addFloat64("m", 1, 2, 3).build()) {
            InvalidParameterException e = assertThrows(InvalidParameterException.class, () -> run(new RocMethod(),
                    Map.of(RocMethod.INPUT, data), Map.of("markers", "m,x"), 1, null));
            assertTrue(e.getMessage().contains("no column 'x'"), e.getMessage());
        }
        try (Table data = Table.builder(allocator).addFloat64("status", 0, 0).addFloat64("m", 1, 2).build()) {
            InvalidParameterException e = assertThrows(InvalidParameterException.class, () -> run(new RocMethod(),
                    Map.of(RocMethod.INPUT, data), Map.of("markers", "m"), 1, null));
            assertTrue(e.getMessage().contains("0 cases and 2 controls"), e.getMessage());
        }
    }
}
