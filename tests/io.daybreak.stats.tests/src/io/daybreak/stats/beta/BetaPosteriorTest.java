package io.daybreak.stats.beta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Reference values from R 4.2.2 (Debian 12), run once with {@code options(digits = 17)}; the R call
 * is given next to each value.
 */
class BetaPosteriorTest {
    private static final double TOL = 1e-12;

    @Test
    void uniformPriorThreeEventsInTen() {
        BetaPosterior posterior = BetaPosterior.update(1, 1, 3, 10); // Beta(4, 8)
        assertEquals(4, posterior.alpha());
        assertEquals(8, posterior.beta());
        assertEquals(1.0 / 3, posterior.mean(), TOL);
        assertEquals(0.13074409009212271, posterior.standardDeviation(), TOL); // sqrt(4*8/(12^2*13))
        double[] ci = posterior.equalTailedInterval(0.95);
        assertEquals(0.1092634438190981, ci[0], TOL); // qbeta(0.025, 4, 8)
        assertEquals(0.60974255957242118, ci[1], TOL); // qbeta(0.975, 4, 8)
        assertEquals(0.56956233880000029, posterior.probabilityAbove(0.3), TOL); // pbeta(0.3, 4, 8, lower.tail = FALSE)
        assertEquals(1 - 0.56956233880000029, posterior.probabilityAtMost(0.3), TOL);
        assertEquals(0.3, posterior.mode(), TOL); // (4 - 1) / (4 + 8 - 2)
    }

    @Test
    void jeffreysPriorNoEventsInTwelve() {
        BetaPosterior posterior = BetaPosterior.update(0.5, 0.5, 0, 12); // Beta(0.5, 12.5)
        double[] ci = posterior.equalTailedInterval(0.90);
        assertEquals(0.0001604492086230059, ci[0], 1e-15); // qbeta(0.05, 0.5, 12.5)
        assertEquals(0.14505651819287646, ci[1], TOL); // qbeta(0.95, 0.5, 12.5)
        assertEquals(0.019343127569942695, posterior.probabilityAbove(0.2), TOL); // pbeta(0.2, 0.5, 12.5, lower.tail = FALSE)
        assertTrue(Double.isNaN(posterior.mode()), "no interior mode when a < 1");
    }

    @Test
    void farUpperTailKeepsRelativeAccuracy() {
        // pbeta(0.2, 51, 951, lower.tail = FALSE) = 9.7729604334861882e-43: 1 - cdf would give 0
        double p = BetaPosterior.update(1, 1, 50, 1000).probabilityAbove(0.2);
        assertEquals(9.7729604334861882e-43, p, 9.7729604334861882e-43 * 1e-9);
    }

    @Test
    void invalidArgumentsAreRejectedWithTheValues() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BetaPosterior.update(1, 1, 5, 4));
        assertTrue(e.getMessage().contains("events=5") && e.getMessage().contains("patients=4"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> BetaPosterior.update(0, 1, 0, 4));
        assertThrows(IllegalArgumentException.class, () -> BetaPosterior.update(1, Double.NaN, 0, 4));
        assertThrows(IllegalArgumentException.class, () -> BetaPosterior.update(1, 1, 0, 4).equalTailedInterval(1));
    }
}
