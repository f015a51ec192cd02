package io.daybreak.methods.signal.efficacy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.daybreak.core.method.InvalidParameterException;
import io.daybreak.core.method.MethodResult;
import io.daybreak.core.method.RunCancelledException;
import io.daybreak.core.testing.MethodTestSupport;
import io.daybreak.core.testing.TestMethodContext;
import io.daybreak.data.DoubleColumn;
import io.daybreak.data.Table;
import io.daybreak.stats.signal.efficacy.SuperiorityProbability;
import io.daybreak.stats.signal.efficacy.ThallSimon;

/**
 * Thall &amp; Simon boundaries against R 4.2.2 with ph2bayes 0.0.2 ({@code docs/validation/r/signal/efficacy.R}):
 * the criterion against R's {@code integrate} run to rel.tol = 1e-13 (ph2bayes::postprob itself uses the default
 * tolerance, about 1e-4 relative, and is shown beside it), and the boundaries against {@code stopbound_post}
 * expanded to one value per n with the package's own loop (the package drops repeated boundaries).
 */
class ThallSimonTest extends MethodTestSupport {

    /** y, n, a_E, b_E, a_S, b_S, delta, and the reference. */
    private static final double[][] CRITERION = {
        // integrate(function(x) pbeta(x + d, aE + y, bE + n - y, lower.tail = FALSE) * dbeta(x, aS, bS), 0, 1 - d,
        //           rel.tol = 1e-13, subdivisions = 10000L)$value ; ph2bayes::postprob(y, n, aE, bE, aS, bS, d)
        {5, 20, 0.6, 1.4, 15, 35, 0, 0.33089588698708711}, // postprob 0.33089588699012279
        {12, 40, 0.6, 1.4, 15, 35, 0, 0.49786151220778369}, // postprob 0.49786151220778385
        {3, 10, 0.4, 1.6, 10, 40, 0.1, 0.42629988253324319}, // postprob 0.42629988253313716
        {0, 1, 0.6, 1.4, 15, 35, 0, 0.26480727382153335}, // postprob 0.26480727382149472
        {25, 30, 0.6, 1.4, 15, 35, 0.15, 0.99952712008332734}, // postprob 0.99952712008333366
        {7, 25, 0.5, 0.5, 0.7, 0.8, 0, 0.35762905575209192}, // postprob 0.35762905575173976 (SOC density unbounded)
        {2, 15, 1, 1, 0.5, 3, 0.05, 0.55247281256144254}, // postprob 0.55247281487369615
        {40, 40, 0.6, 1.4, 15, 35, 0, 0.99999999999974909}, // postprob 0.99999999999974887
    };

    @Test
    void criterionMatchesRsIntegrateAtTightTolerance() {
        for (double[] c : CRITERION) {
            SuperiorityProbability p = new SuperiorityProbability(c[2], c[3], c[4], c[5], c[6]);
            assertEquals(c[7], p.probability((int) c[0], (int) c[1]), 1e-13, () -> java.util.Arrays.toString(c));
            assertTrue(p.discrepancy((int) c[0], (int) c[1]) < 1e-9, "the coarse rule agrees too");
        }
    }

    @Test
    void boundariesMatchStopboundPost() {
        // stopbound_post(0.05, "futility", 40, 0.6, 1.4, 15, 35, 0): n 1 6 13 18 24 29 35 40, bound NA 0 1 2 3 4 5 6
        int[] futility = {-1, -1, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3, 4, 4,
            4, 4, 4, 4, 5, 5, 5, 5, 5, 6};
        // stopbound_post(0.95, "superiority", 40, 0.6, 1.4, 15, 35, 0)
        int[] efficacy = {-1, -1, 3, 4, 4, 5, 5, 6, 6, 7, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 11, 12, 12, 13, 13, 14, 14, 14,
            15, 15, 16, 16, 16, 17, 17, 18, 18, 19, 19, 19};
        assertBoundaries(40, 0.6, 1.4, 15, 35, 0, 0.05, 0.95, futility, efficacy);
        // stopbound_post(0.05, "futility", 30, 0.4, 1.6, 10, 40, 0); stopbound_post(0.99, "superiority", 30, ...)
        assertBoundaries(30, 0.4, 1.6, 10, 40, 0, 0.05, 0.99,
                new int[] {-1, -1, -1, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2},
                new int[] {-1, -1, -1, 4, 5, 5, 5, 6, 6, 7, 7, 7, 8, 8, 9, 9, 9, 10, 10, 10, 11, 11, 12, 12, 12, 13, 13, 13,
                    14, 14});
        // stopbound_post(0.10, "futility", 50, 0.3, 0.7, 6, 14, 0.15); stopbound_post(0.90, "superiority", 50, ...)
        assertBoundaries(50, 0.3, 0.7, 6, 14, 0.15, 0.10, 0.90,
                new int[] {-1, 0, 0, 0, 0, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 4, 4, 4, 5, 5, 5, 6, 6, 6, 7, 7, 7, 7, 8, 8, 8, 9, 9,
                    9, 10, 10, 10, 11, 11, 11, 12, 12, 12, 13, 13, 13, 14, 14, 14, 15},
                new int[] {-1, 2, 3, 3, 4, 4, 5, 5, 6, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 10, 11, 11, 12, 12, 13, 13, 14, 14, 14,
                    15, 15, 16, 16, 17, 17, 18, 18, 18, 19, 19, 20, 20, 21, 21, 21, 22, 22, 23, 23, 24});
    }

    private static void assertBoundaries(int nmax, double aE, double bE, double aS, double bS, double delta,
            double thetaL, double thetaU, int[] futility, int[] efficacy) {
        ThallSimon.Result result = ThallSimon.boundaries(nmax, new SuperiorityProbability(aE, bE, aS, bS, delta), thetaL,
                new SuperiorityProbability(aE, bE, aS, bS, 0), thetaU);
        assertArrayEquals(futility, result.boundaries().stream().mapToInt(ThallSimon.Boundary::futilityMax).toArray());
        assertArrayEquals(efficacy, result.boundaries().stream().mapToInt(ThallSimon.Boundary::efficacyMin).toArray());
        assertTrue(result.quadratureDiscrepancy() < 1e-9);
    }

    @Test
    void methodTabulatesBoundariesAndDecides() throws Exception {
        Map<String, String> raw = new HashMap<>(Map.of("nmax", "40", "standardA", "15", "standardB", "35",
                "patients", "20", "responses", "5"));
        Map<String, Object> summary = run(new ThallSimonMethod(), Map.of(), raw, 1, outputs -> {
            Table t = outputs.get(ThallSimonMethod.BOUNDARIES);
            assertEquals(40, t.rowCount());
            DoubleColumn lower = t.doubles("futility_max_responses");
            DoubleColumn upper = t.doubles("efficacy_min_responses");
            assertTrue(lower.isNull(0) && upper.isNull(0), "n = 1: neither rule can stop");
            assertEquals(0, lower.get(5)); // n = 6
            assertEquals(6, lower.get(39)); // n = 40
            assertEquals(3, upper.get(2)); // n = 3
            assertEquals(19, upper.get(39));
            assertEquals(6.0, t.doubles("n").get(5));
            assertTrue(t.doubles("futility_probability").get(39) <= 0.05);
            assertTrue(t.doubles("efficacy_probability").get(39) >= 0.95);
        });
        // default experimental prior: the SOC mean 0.3 with effective sample size 2, Beta(0.6, 1.4)
        assertEquals(0.6, (Double) summary.get("priorA"), 1e-15);
        assertEquals(1.4, (Double) summary.get("priorB"), 1e-15);
        assertEquals(0.33089588698708711, (Double) summary.get("futilityProbability"), 1e-13);
        assertEquals("continue", summary.get("decision"));
        raw.put("responses", "2"); // at n = 20 the futility boundary is 2
        assertEquals("stop-futility", run(new ThallSimonMethod(), Map.of(), raw, 1, null).get("decision"));
        raw.put("responses", "11"); // and the efficacy boundary 11
        assertEquals("stop-efficacy", run(new ThallSimonMethod(), Map.of(), raw, 1, null).get("decision"));
    }

    @Test
    void cancellationStopsTheRunAndProgressReachesOne() throws Exception {
        Map<String, String> raw = Map.of("nmax", "30", "standardA", "10", "standardB", "40");
        TestMethodContext cancelled = new TestMethodContext(allocator, 1);
        cancelled.cancel();
        assertThrows(RunCancelledException.class, () -> apply(new ThallSimonMethod(), raw, Map.of(), cancelled));
        TestMethodContext context = new TestMethodContext(allocator, 1);
        MethodResult result = apply(new ThallSimonMethod(), raw, Map.of(), context);
        result.outputs().values().forEach(Table::close);
        List<Double> reports = context.progressReports();
        assertEquals(1.0, reports.get(reports.size() - 1), 0);
    }

    @Test
    void badInputIsRefusedWithTheParameterNamed() {
        Map<String, String> base = Map.of("nmax", "40", "standardA", "15", "standardB", "35");
        InvalidParameterException e = assertThrows(InvalidParameterException.class,
                () -> summary(new ThallSimonMethod(), with(base, "priorA", "0.6"), 1));
        assertTrue(e.getMessage().contains("priorB"), e.getMessage());
        e = assertThrows(InvalidParameterException.class,
                () -> summary(new ThallSimonMethod(), with(base, "thetaFutility", "0.96"), 1));
        assertTrue(e.getMessage().contains("thetaFutility < thetaEfficacy"), e.getMessage());
        e = assertThrows(InvalidParameterException.class, () -> summary(new ThallSimonMethod(),
                with(with(base, "patients", "41"), "responses", "3"), 1));
        assertTrue(e.getMessage().contains("'patients' = 41"), e.getMessage());
        e = assertThrows(InvalidParameterException.class, () -> summary(new ThallSimonMethod(),
                with(with(base, "patients", "10"), "responses", "11"), 1));
        assertTrue(e.getMessage().contains("'responses' = 11"), e.getMessage());
        assertThrows(InvalidParameterException.class, () -> summary(new ThallSimonMethod(), with(base, "delta", "1"), 1));
        assertThrows(InvalidParameterException.class,
                () -> summary(new ThallSimonMethod(), with(base, "standardA", "0"), 1));
    }

    static Map<String, String> with(Map<String, String> base, String key, String value) {
        Map<String, String> copy = new HashMap<>(base);
        copy.put(key, value);
        return copy;
    }
}
