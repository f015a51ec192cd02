package io.daybreak.methods.design.simon;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Designs from R clinfun 1.1.5 {@code ph2simon} (via methods.md); PET0, EN0 and error rates of those designs
 * recomputed exactly in R 4.2.2 with base R:
 * {@code pet <- pbinom(r1, n1, p); en <- n1 + (1 - pet) * (n - n1);
 *  rej <- sum(dbinom((r1+1):n1, n1, p) * pbinom(r - (r1+1):n1, n - n1, p, lower.tail = FALSE))}.
 */
class SimonSearchTest {

    private static void assertDesign(SimonDesign d, int r1, int n1, int r, int n) {
        assertEquals(r1 + "/" + n1 + ", " + r + "/" + n, d.r1() + "/" + d.n1() + ", " + d.r() + "/" + d.n());
    }

    @Test
    void p0FivePercentP1TwentyFivePercent() {
        SimonSearch.Result result = SimonSearch.search(0.05, 0.25, 0.05, 0.2, 100);
        assertDesign(result.optimal(), 0, 9, 2, 17);
        assertEquals(0.6302494097246092, result.optimal().pet0(), 1e-13);
        assertEquals(11.9580047222031265, result.optimal().en0(), 1e-12);
        assertEquals(0.0466049572389627, result.optimal().alpha(), 1e-13);
        assertEquals(0.8121611114474947, result.optimal().power(), 1e-13);
        assertDesign(result.minimax(), 0, 12, 2, 16);
        assertEquals(0.540360087662637, result.minimax().pet0(), 1e-13);
        assertEquals(13.838559649349452, result.minimax().en0(), 1e-12);
        assertEquals(0.042677805193585, result.minimax().alpha(), 1e-13);
        assertEquals(0.8012803853489459, result.minimax().power(), 1e-13);
    }

    @Test
    void p0TenPercentP1ThirtyPercent() {
        SimonSearch.Result result = SimonSearch.search(0.10, 0.30, 0.05, 0.2, 100);
        assertDesign(result.optimal(), 1, 10, 5, 29);
        assertEquals(0.7360989290999997, result.optimal().pet0(), 1e-13);
        assertEquals(15.0141203471000040, result.optimal().en0(), 1e-12);
        assertEquals(0.805062913150325, result.optimal().power(), 1e-13);
        assertDesign(result.minimax(), 1, 15, 5, 25);
        assertEquals(0.5490430189190637, result.minimax().pet0(), 1e-13);
        assertEquals(19.5095698108093636, result.minimax().en0(), 1e-12);
        assertEquals(0.0328086668152239, result.minimax().alpha(), 1e-13);
    }

    @Test
    void noDesignWhenNmaxIsTooSmall() {
        SimonSearch.Result result = SimonSearch.search(0.10, 0.30, 0.05, 0.2, 12);
        assertEquals(null, result.optimal());
    }
}
