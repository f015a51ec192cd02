package io.daybreak.methods.design.phase2;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.daybreak.core.method.InvalidParameterException;
import io.daybreak.core.testing.MethodTestSupport;

/**
 * Predictive-probability and toxicity monitoring against R 4.2.2 (options(digits = 15)), script:
 * {@code pp <- function(x, n, nmax, a, b, p0, thetaT) { m <- nmax - n; i <- 0:m;
 *   pred <- choose(m, i) * beta(a + x + i, b + nmax - x - i) / beta(a + x, b + n - x);
 *   sum(pred * ((1 - pbeta(p0, a + x + i, b + nmax - x - i)) > thetaT)) }}; toxicity boundaries
 * {@code min y: 1 - pbeta(0.3, 1 + y, 1 + n - y) > 0.9}; exact OC by propagating the count distribution.
 */
class PhaseTwoMonitoringTest extends MethodTestSupport {

    @Test
    void leeAndLiuWorkedExample() {
        // 16 responses in 23, nmax 40, Beta(0.6, 0.4), p0 = 0.6, thetaT = 0.9: PP = 0.5656 (Lee & Liu 2008)
        assertEquals(0.565558897524797, PredictiveProbability.of(16, 23, 40, 0.6, 0.4, 0.6, 0.9), 1e-12);
        assertEquals(0.00490362580386787, PredictiveProbability.of(10, 20, 40, 0.6, 0.4, 0.6, 0.9), 1e-14);
        assertEquals(0.000288059917036461, PredictiveProbability.of(0, 5, 40, 0.6, 0.4, 0.6, 0.9), 1e-15);
    }

    @Test
    @SuppressWarnings("unchecked")
    void ppMonitorMethodDecidesAndTabulatesTheFutilityBoundary() throws Exception {
        Map<String, Object> summary = summary(new PpMonitorMethod(), Map.of("nmax", "40", "patients", "23",
                "responses", "16", "p0", "0.6", "priorA", "0.6", "priorB", "0.4", "firstLook", "10"), 1);
        assertEquals(0.565558897524797, (Double) summary.get("predictiveProbability"), 1e-12);
        assertEquals("continue", summary.get("decision"));
        Map<String, Object> futile = summary(new PpMonitorMethod(), Map.of("nmax", "40", "patients", "20",
                "responses", "10", "p0", "0.6", "priorA", "0.6", "priorB", "0.4"), 1);
        assertEquals("stop-futility", futile.get("decision"));
        assertThrows(InvalidParameterException.class, () -> summary(new PpMonitorMethod(), Map.of("nmax", "40",
                "patients", "20", "responses", "21", "p0", "0.6"), 1));
    }

    @Test
    void futilityBoundaryMatchesR() {
        // for n = 10..39: the largest x with PP < 0.05
        int[] expected = {4, 5, 5, 6, 7, 7, 8, 9, 9, 10, 11, 12, 12, 13, 14, 14, 15, 16, 17, 17, 18, 19, 20, 20, 21, 22,
            23, 24, 25, 26};
        for (int n = 10; n < 40; n++) {
            int bound = -1;
            for (int x = 0; x <= n; x++) {
                if (PredictiveProbability.of(x, n, 40, 0.6, 0.4, 0.6, 0.9) < 0.05) {
                    bound = x;
                }
            }
            assertEquals(expected[n - 10], bound, "n = " + n);
        }
    }

    @Test
    void toxicityBoundariesAndExactOperatingCharacteristics() {
        ToxicityMonitor monitor = new ToxicityMonitor(30, 0.3, 0.9, 1, 1, 1);
        int[] expected = {1, 2, 2, 3, 3, 4, 4, 4, 5, 5, 6, 6, 6, 7, 7, 8, 8, 8, 9, 9, 9, 10, 10, 10, 11, 11, 12, 12, 12,
            13};
        for (int n = 1; n <= 30; n++) {
            assertEquals(expected[n - 1], monitor.boundary(n), "n = " + n);
        }
        assertArrayEquals(new double[] {0.268764296438818, 22.592241107404543}, monitor.operatingCharacteristics(0.2),
                1e-12);
        assertArrayEquals(new double[] {0.511487515771667, 17.010150461375467}, monitor.operatingCharacteristics(0.3),
                1e-12);
        assertArrayEquals(new double[] {0.953603925183415, 6.184961160644889}, monitor.operatingCharacteristics(0.5),
                1e-12);
    }

    @Test
    @SuppressWarnings("unchecked")
    void toxMonitorMethodReportsBoundariesAndOc() throws Exception {
        Map<String, Object> summary = summary(new ToxMonitorMethod(), Map.of("maxPatients", "30", "pTox", "0.3",
                "truth", "0.2,0.4", "firstLook", "3"), 1);
        List<Long> bounds = (List<Long>) summary.get("stopIfAtLeast");
        assertEquals(-1L, bounds.get(0), "no rule before firstLook");
        assertEquals(2L, bounds.get(2));
        List<Double> stop = (List<Double>) summary.get("stopPercent");
        assertTrue(stop.get(0) < stop.get(1));
        assertThrows(InvalidParameterException.class, () -> summary(new ToxMonitorMethod(), Map.of("maxPatients", "5",
                "pTox", "0.3", "firstLook", "6"), 1));
    }
}
