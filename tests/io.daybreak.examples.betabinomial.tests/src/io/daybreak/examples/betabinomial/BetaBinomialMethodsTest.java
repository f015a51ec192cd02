package io.daybreak.examples.betabinomial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;

import org.junit.jupiter.api.Test;
import org.osgi.framework.FrameworkUtil;

import io.daybreak.core.method.InvalidParameterException;
import io.daybreak.core.method.MethodResult;
import io.daybreak.core.method.RunCancelledException;
import io.daybreak.core.registry.MethodRegistry;
import io.daybreak.core.testing.Await;
import io.daybreak.core.testing.MethodTestSupport;
import io.daybreak.core.testing.TestMethodContext;
import io.daybreak.data.ColumnType;
import io.daybreak.data.Table;

/**
 * The example methods against R 4.2.2 reference values (computed once, {@code options(digits = 17)}; the
 * R expression is next to each value).
 */
class BetaBinomialMethodsTest extends MethodTestSupport {
    private static final double TOL = 1e-12;

    private static void closeOutputs(MethodResult result) {
        result.outputs().values().forEach(Table::close);
    }

    @Test
    void posteriorMatchesR() throws Exception {
        MethodResult result = apply(new BetaBinomialPosteriorMethod(), Map.of("events", "3", "patients", "10"), Map.of(),
                new TestMethodContext(allocator, 1));
        try {
            Map<String, Object> s = result.summary();
            assertEquals(4.0, s.get("posteriorA"));
            assertEquals(8.0, s.get("posteriorB"));
            assertEquals(0.1092634438190981, (Double) s.get("lower"), TOL); // qbeta(0.025, 4, 8)
            assertEquals(0.60974255957242118, (Double) s.get("upper"), TOL); // qbeta(0.975, 4, 8)
            assertEquals(0.56956233880000029, (Double) s.get("probAboveThreshold"), TOL); // pbeta(0.3, 4, 8, lower.tail = FALSE)
            assertEquals(0.13074409009212271, (Double) s.get("sd"), TOL);
            Table grid = result.outputs().get("posterior");
            assertEquals(101, grid.rowCount());
            assertEquals(0.25, grid.doubles("rate").get(25), 0);
            assertEquals(2.7531051635742192, grid.doubles("density").get(25), TOL); // dbeta(0.25, 4, 8)
            assertEquals(1.0, grid.doubles("cdf").get(100), 0);
        } finally {
            closeOutputs(result);
        }
    }

    @Test
    void countsComeFromAnOutcomesTableWhenGiven() throws Exception {
        try (Table outcomes = Table.builder(allocator)
                .add("AVAL", ColumnType.FLOAT64, Arrays.asList(1.0, 0.0, null, 1.0, 0.0, 0.0)).build()) {
            MethodResult result = apply(new BetaBinomialPosteriorMethod(), Map.of("priorA", "0.5", "priorB", "0.5"),
                    Map.of("outcomes", outcomes), new TestMethodContext(allocator, 1));
            closeOutputs(result);
            assertEquals(2L, result.summary().get("events"));
            assertEquals(5L, result.summary().get("patients"), "the null row is not evaluable");
            assertEquals(2.5, result.summary().get("posteriorA"));
        }
    }

    @Test
    void inconsistentInputIsRejectedBeforeWork() throws Exception {
        BetaBinomialPosteriorMethod method = new BetaBinomialPosteriorMethod();
        TestMethodContext context = new TestMethodContext(allocator, 1);
        InvalidParameterException tooMany = assertThrows(InvalidParameterException.class,
                () -> apply(method, Map.of("events", "11", "patients", "10"), Map.of(), context));
        assertTrue(tooMany.getMessage().contains("'events' = 11 exceeds 'patients' = 10"), tooMany.getMessage());
        assertThrows(InvalidParameterException.class, () -> apply(method, Map.of("events", "1"), Map.of(), context));
        try (Table outcomes = Table.builder(allocator).addFloat64("AVAL", 1, 2).build()) {
            InvalidParameterException notBinary = assertThrows(InvalidParameterException.class,
                    () -> apply(method, Map.of(), Map.of("outcomes", outcomes), context));
            assertTrue(notBinary.getMessage().contains("row 2") && notBinary.getMessage().contains("2.0"),
                    notBinary.getMessage());
            assertThrows(InvalidParameterException.class,
                    () -> apply(method, Map.of("events", "1", "patients", "2"), Map.of("outcomes", outcomes), context));
        }
    }

    @Test
    void operatingCharacteristicsMatchREnumeration() throws Exception {
        BetaBinomialSimulationMethod method = new BetaBinomialSimulationMethod();
        // x <- 0:20; d <- pbeta(0.3, 1 + x, 1 + 20 - x, lower.tail = FALSE) > 0.9
        // min(x[d]) = 9; sum(dbinom(x[d], 20, 0.35)) = 0.23762235731089607
        MethodResult a = apply(method, Map.of("trueRate", "0.35", "patients", "20", "trials", "200000"), Map.of(),
                new TestMethodContext(allocator, 11));
        closeOutputs(a);
        assertEquals(9L, a.summary().get("minEventsToDeclare"));
        assertEquals(0.23762235731089607, (Double) a.summary().get("probDeclareExact"), TOL);
        assertWithinStandardErrors(a, 4);
        // x <- 0:40; d <- pbeta(0.3, 0.5 + x, 0.5 + 40 - x, lower.tail = FALSE) > 0.8
        // min(x[d]) = 15; sum(dbinom(x[d], 40, 0.2)) = 0.0079158538735194447
        MethodResult b = apply(method, Map.of("trueRate", "0.2", "patients", "40", "priorA", "0.5", "priorB", "0.5",
                "cutoff", "0.8", "trials", "200000"), Map.of(), new TestMethodContext(allocator, 12));
        closeOutputs(b);
        assertEquals(15L, b.summary().get("minEventsToDeclare"));
        assertEquals(0.0079158538735194447, (Double) b.summary().get("probDeclareExact"), 1e-15);
        assertWithinStandardErrors(b, 4);
    }

    private static void assertWithinStandardErrors(MethodResult result, double k) {
        double exact = (Double) result.summary().get("probDeclareExact");
        double simulated = (Double) result.summary().get("probDeclareSimulated");
        long trials = (Long) result.summary().get("trials");
        double se = Math.sqrt(exact * (1 - exact) / trials); // the SE under the true probability
        assertTrue(Math.abs(simulated - exact) < k * se,
                "simulated " + simulated + " vs exact " + exact + ": more than " + k + " SE (" + se + ")");
    }

    @Test
    void simulationDoesNotDependOnTheNumberOfThreads() throws Exception {
        Map<String, Object> one = simulateOn(1);
        Map<String, Object> three = simulateOn(3);
        assertEquals(one, three);
    }

    private Map<String, Object> simulateOn(int threads) throws Exception {
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            MethodResult result = pool.submit(() -> apply(new BetaBinomialSimulationMethod(),
                    Map.of("trueRate", "0.3", "patients", "25", "trials", "50000"), Map.of(),
                    new TestMethodContext(allocator, 2026))).get();
            closeOutputs(result);
            return result.summary();
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void simulationStopsWhenCancelledAndReportsProgress() throws Exception {
        TestMethodContext cancelled = new TestMethodContext(allocator, 1);
        cancelled.cancel();
        assertThrows(RunCancelledException.class, () -> apply(new BetaBinomialSimulationMethod(),
                Map.of("trueRate", "0.3", "patients", "25"), Map.of(), cancelled));
        TestMethodContext watched = new TestMethodContext(allocator, 1);
        closeOutputs(apply(new BetaBinomialSimulationMethod(), Map.of("trueRate", "0.3", "patients", "25", "trials",
                "20000"), Map.of(), watched));
        assertFalse(watched.progressReports().isEmpty());
        assertTrue(watched.logLines().stream()
                .anyMatch(line -> line.contains("simulating") && line.contains("trials of 25 patients")),
                watched.logLines().toString());
        assertEquals(1.0, watched.progressReports().stream().mapToDouble(Double::doubleValue).max().orElseThrow(), 1e-12);
    }

    @Test
    void bothMethodsAreRegisteredByDeclarativeServices() {
        MethodRegistry registry = Await.service(
                FrameworkUtil.getBundle(BetaBinomialMethodsTest.class).getBundleContext(), MethodRegistry.class);
        Await.until(() -> registry.find(BetaBinomialPosteriorMethod.ID).isPresent()
                && registry.find(BetaBinomialSimulationMethod.ID).isPresent(), "both example methods are registered");
        assertEquals("io.daybreak.examples.betabinomial",
                registry.require(BetaBinomialPosteriorMethod.ID).bundleSymbolicName());
    }

    @Test
    void inversionSamplingHandlesTiesAndDegenerateRates() {
        // p = 1: all mass at x = n, so even u = 0 must give n (several CDF entries are exactly 0)
        double[] certain = BetaBinomialSimulationMethod.cumulative(new double[] {0, 0, 0, 1});
        assertEquals(3, BetaBinomialSimulationMethod.invert(certain, 0.0));
        double[] none = BetaBinomialSimulationMethod.cumulative(new double[] {1, 0, 0});
        assertEquals(0, BetaBinomialSimulationMethod.invert(none, 0.999999));
        double[] fair = BetaBinomialSimulationMethod.cumulative(new double[] {0.25, 0.5, 0.25});
        assertEquals(0, BetaBinomialSimulationMethod.invert(fair, 0.0));
        assertEquals(1, BetaBinomialSimulationMethod.invert(fair, 0.25));
        assertEquals(1, BetaBinomialSimulationMethod.invert(fair, 0.7499));
        assertEquals(2, BetaBinomialSimulationMethod.invert(fair, 0.75));
    }
}
