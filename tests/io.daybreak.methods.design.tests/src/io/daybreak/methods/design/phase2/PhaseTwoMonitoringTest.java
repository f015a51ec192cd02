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

    /**
     * Lee &amp; Liu (2008), Table 1: with 16 responses in 23 patients, nmax 40, p0 = 0.6, Beta(0.6, 0.4) and
     * thetaT = 0.9, B_i exceeds 0.9 from i = 12 future responses on (28 in 40), PP = 0.5656. Values from R 4.2.2,
     * docs/validation/r/signal/efficacy.R: {@code prob = exp(lchoose(17, i) + lbeta(16.6 + i, 7.4 + 17 - i) -
     * lbeta(16.6, 7.4))}, {@code post = pbeta(0.6, 16.6 + i, 24.4 - i, lower.tail = FALSE)}, i = 0..17; PP also
     * equals {@code ph2bayes::predprob(16, 23, 40, 0.6, 0.4, 0.6, 0.9)} = 0.56555889752480315.
     */
    private static final double[] LEE_LIU_PROB = {1.8851962733286747e-06, 2.2735144800570584e-05,
        1.4290662446072940e-04, 6.2104280723587952e-04, 2.0884086557049751e-03, 5.7657302886369955e-03,
        1.3536931982017272e-02, 2.7629567247368737e-02, 4.9699526451059670e-02, 7.9390152642601963e-02,
        1.1291043931392226e-01, 1.4263177612111499e-01, 1.5873536374769309e-01, 1.5316570186180886e-01,
        1.2455232898652610e-01, 8.1091516318886767e-02, 3.8132320173762335e-02, 9.8816664361260145e-03};
    private static final double[] LEE_LIU_POST = {0.0058583966592226549, 0.0137820462864135709, 0.0295843248042771574,
        0.0581303763204180299, 0.1048818178340977236, 0.1743281338689808835, 0.2678877540826425929,
        0.3821464053170267050, 0.5085087272330179875, 0.6348710491490097141, 0.7488933005653930497,
        0.8414827979561406712, 0.9089121058385328800, 0.9527647326431655239, 0.9780985136688147286,
        0.9910137745838517587, 0.9967765967010042694, 0.9990039451266521375};

    @Test
    void ppMonitorReportsTheMinimumFutureResponsesAndLeeLiuTable() throws Exception {
        Map<String, Object> summary = run(new PpMonitorMethod(), Map.of(), Map.of("nmax", "40", "patients", "23",
                "responses", "16", "p0", "0.6", "priorA", "0.6", "priorB", "0.4"), 1, outputs -> {
                    io.daybreak.data.Table t = outputs.get("predictive");
                    assertEquals(18, t.rowCount());
                    double pp = 0;
                    for (int i = 0; i < 18; i++) {
                        assertEquals(i, t.longs("futureResponses").get(i));
                        assertEquals(16 + i, t.longs("totalResponses").get(i));
                        assertRelative(LEE_LIU_PROB[i], t.doubles("probability").get(i), 1e-12, "P(Y = " + i + ")");
                        assertRelative(LEE_LIU_POST[i], t.doubles("posteriorAtEnd").get(i), 1e-12, "B_" + i);
                        assertEquals(i >= 12, t.booleans("success").get(i), "success at i = " + i);
                        pp += t.booleans("success").get(i) ? t.doubles("probability").get(i) : 0;
                    }
                    assertEquals(0.56555889752480315, pp, 1e-14);
                    assertEquals(39, outputs.get("futilityBoundary").rowCount(), "the boundary table is unchanged");
                });
        assertEquals(0.56555889752480315, (Double) summary.get("predictiveProbability"), 1e-14);
        assertEquals(true, summary.get("successReachable"));
        assertEquals(28L, summary.get("minFinalResponses"));
        assertEquals(12L, summary.get("minFutureResponses"));
        // x = 10 of 20: 18 more among the remaining 20 (PP = predprob(10, 20, 40, 0.6, 0.4, 0.6, 0.9) = 0.0049036258)
        Map<String, Object> low = summary(new PpMonitorMethod(), Map.of("nmax", "40", "patients", "20", "responses", "10",
                "p0", "0.6", "priorA", "0.6", "priorB", "0.4"), 1);
        assertEquals(18L, low.get("minFutureResponses"));
        assertEquals(0.0049036258038679201, (Double) low.get("predictiveProbability"), 1e-15);
        // x = 0 of 30: 28 needed, 10 left: success is out of reach, PP = 0
        Map<String, Object> lost = summary(new PpMonitorMethod(), Map.of("nmax", "40", "patients", "30", "responses", "0",
                "p0", "0.6", "priorA", "0.6", "priorB", "0.4"), 1);
        assertEquals(false, lost.get("successReachable"));
        assertTrue(!lost.containsKey("minFutureResponses"));
        assertEquals(0.0, (Double) lost.get("predictiveProbability"), 0);
        // x = 28 of 35: success already certain
        Map<String, Object> won = summary(new PpMonitorMethod(), Map.of("nmax", "40", "patients", "35", "responses", "28",
                "p0", "0.6", "priorA", "0.6", "priorB", "0.4"), 1);
        assertEquals(0L, won.get("minFutureResponses"));
        assertEquals(1.0, (Double) won.get("predictiveProbability"), 1e-14);
        // nmax 25, p0 0.3, Beta(1, 1), thetaT 0.95, x = 8 of 12: min(which(pbeta(0.3, 1 + 0:25, 1 + 25 - 0:25,
        // lower.tail = FALSE) > 0.95)) - 1 = 12, so 4 more; PP = predprob(8, 12, 25, 1, 1, 0.3, 0.95)
        Map<String, Object> other = summary(new PpMonitorMethod(), Map.of("nmax", "25", "patients", "12", "responses",
                "8", "p0", "0.3", "thetaT", "0.95"), 1);
        assertEquals(12L, other.get("minFinalResponses"));
        assertEquals(4L, other.get("minFutureResponses"));
        assertEquals(0.97641001480683742, (Double) other.get("predictiveProbability"), 1e-14);
        assertEquals(12, PredictiveProbability.minFinalResponses(25, 1, 1, 0.3, 0.95));
        assertEquals(-1, PredictiveProbability.minFinalResponses(5, 1, 1, 0.9, 0.99), "5/5 cannot show p > 0.9");
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
