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

    /**
     * clinfun 1.1.5's own ph2simon in R 4.2.2 over 48 settings (docs/validation/r/design/simon-designs.R, output
     * simon-designs.out): {@code .libPaths("/work/rlib-design"); library(clinfun); x <- ph2simon(p0, p1, alpha, beta,
     * nmax = 100)$out}; optimal = {@code x[which.min(x[, 5]), 1:4]}, minimax = {@code x[1, 1:4]} (r1 n1 r n).
     */
    private static final String CLINFUN = """
            0.05 0.2 0.05 0.1 | 1 21 4 41 | 1 29 4 38
            0.05 0.2 0.05 0.2 | 0 10 3 29 | 0 13 3 27
            0.05 0.2 0.1 0.1 | 0 12 3 37 | 0 18 3 32
            0.05 0.2 0.1 0.2 | 0 9 2 24 | 0 12 2 21
            0.05 0.25 0.05 0.1 | 0 9 3 30 | 0 15 3 25
            0.05 0.25 0.05 0.2 | 0 9 2 17 | 0 12 2 16
            0.05 0.25 0.1 0.1 | 0 9 2 24 | 0 13 2 20
            0.05 0.25 0.1 0.2 | 0 6 2 23 | 0 12 2 16
            0.1 0.25 0.05 0.1 | 2 21 10 66 | 3 31 9 55
            0.1 0.25 0.05 0.2 | 2 18 7 43 | 2 22 7 40
            0.1 0.25 0.1 0.1 | 2 21 7 50 | 2 27 6 40
            0.1 0.25 0.1 0.2 | 1 13 5 34 | 1 16 5 31
            0.1 0.3 0.05 0.1 | 2 18 6 35 | 2 22 6 33
            0.1 0.3 0.05 0.2 | 1 10 5 29 | 1 15 5 25
            0.1 0.3 0.1 0.1 | 1 12 5 35 | 1 16 4 25
            0.1 0.3 0.1 0.2 | 0 7 3 18 | 0 7 3 18
            0.2 0.35 0.05 0.1 | 8 37 22 83 | 8 42 21 77
            0.2 0.35 0.05 0.2 | 5 22 19 72 | 6 31 15 53
            0.2 0.35 0.1 0.1 | 5 27 16 63 | 6 33 15 58
            0.2 0.35 0.1 0.2 | 2 13 12 46 | 4 22 11 41
            0.2 0.4 0.05 0.1 | 4 19 15 54 | 5 24 13 45
            0.2 0.4 0.05 0.2 | 3 13 12 43 | 4 18 10 33
            0.2 0.4 0.1 0.1 | 3 17 10 37 | 3 19 10 36
            0.2 0.4 0.1 0.2 | 2 12 7 25 | 2 14 7 24
            0.3 0.45 0.05 0.1 | 12 39 37 100 | 27 77 33 88
            0.3 0.45 0.05 0.2 | 9 27 30 81 | 16 46 25 65
            0.3 0.45 0.1 0.1 | 9 30 29 82 | 16 50 25 69
            0.3 0.45 0.1 0.2 | 6 20 20 55 | 6 23 18 48
            0.3 0.5 0.05 0.1 | 8 24 24 63 | 7 24 21 53
            0.3 0.5 0.05 0.2 | 5 15 18 46 | 6 19 16 39
            0.3 0.5 0.1 0.1 | 7 22 17 46 | 7 28 15 39
            0.3 0.5 0.1 0.2 | 5 15 12 32 | 3 12 11 28
            0.4 0.55 0.05 0.1 | 22 52 47 99 | 24 62 45 94
            0.4 0.55 0.05 0.2 | 11 26 40 84 | 28 59 34 70
            0.4 0.55 0.1 0.1 | 16 38 40 88 | 18 45 34 73
            0.4 0.55 0.1 0.2 | 9 22 28 60 | 11 30 24 50
            0.4 0.6 0.05 0.1 | 11 25 32 66 | 12 29 27 54
            0.4 0.6 0.05 0.2 | 7 16 23 46 | 17 34 20 39
            0.4 0.6 0.1 0.1 | 7 18 22 46 | 11 28 20 41
            0.4 0.6 0.1 0.2 | 5 12 18 38 | 6 16 14 28
            0.6 0.75 0.05 0.1 | 21 34 64 95 | 48 72 57 84
            0.6 0.75 0.05 0.2 | 17 27 46 67 | 18 30 43 62
            0.6 0.75 0.1 0.1 | 21 34 47 71 | 25 43 43 64
            0.6 0.75 0.1 0.2 | 10 17 33 49 | 14 24 30 44
            0.6 0.8 0.05 0.1 | 12 19 37 53 | 15 26 32 45
            0.6 0.8 0.05 0.2 | 7 11 30 43 | 8 13 25 35
            0.6 0.8 0.1 0.1 | 6 11 26 38 | 18 27 24 35
            0.6 0.8 0.1 0.2 | 7 11 21 31 | 6 11 17 24
            """;

    @Test
    void designsOfClinfunPh2simonOverAGrid() {
        StringBuilder differences = new StringBuilder();
        for (String line : CLINFUN.strip().split("\n")) {
            String[] parts = line.split("\\|");
            String[] setting = parts[0].trim().split(" ");
            SimonSearch.Result result = SimonSearch.search(Double.parseDouble(setting[0]), Double.parseDouble(setting[1]),
                    Double.parseDouble(setting[2]), Double.parseDouble(setting[3]), 100);
            String ours = text(result.optimal()) + " | " + text(result.minimax());
            String expected = parts[1].trim() + " | " + parts[2].trim();
            if (!ours.equals(expected)) {
                differences.append(parts[0]).append(": ours ").append(ours).append(", clinfun ").append(expected)
                        .append('\n');
            }
        }
        assertEquals("", differences.toString());
    }

    private static String text(SimonDesign d) {
        return d.r1() + " " + d.n1() + " " + d.r() + " " + d.n();
    }

    /**
     * The pruned search finds the designs the exhaustive one (every n, n1 and r1, the search before the pruning)
     * finds, on a grid that includes settings where nmax cuts the search.
     */
    @Test
    void prunedSearchEqualsExhaustiveSearch() {
        for (double p0 : new double[] {0.02, 0.1, 0.25, 0.5, 0.7, 0.85}) {
            for (double delta : new double[] {0.1, 0.2, 0.3}) {
                double p1 = p0 + delta;
                if (p1 >= 1) {
                    continue;
                }
                for (double[] errors : new double[][] {{0.05, 0.2}, {0.1, 0.1}, {0.01, 0.05}}) {
                    for (int nmax : new int[] {30, 70}) {
                        SimonSearch.Result pruned = SimonSearch.search(p0, p1, errors[0], errors[1], nmax);
                        SimonSearch.Result full = exhaustive(p0, p1, errors[0], errors[1], nmax);
                        String what = p0 + " " + p1 + " " + errors[0] + " " + errors[1] + " nmax " + nmax;
                        assertEquals(full.optimal(), pruned.optimal(), what);
                        assertEquals(full.minimax(), pruned.minimax(), what);
                    }
                }
            }
        }
    }

    private static SimonSearch.Result exhaustive(double p0, double p1, double alpha, double beta, int nmax) {
        SimonSearch search = new SimonSearch(p0, p1, nmax);
        SimonDesign optimal = null;
        SimonDesign minimax = null;
        for (int n = 2; n <= nmax; n++) {
            for (int n1 = 1; n1 < n; n1++) {
                for (int r1 = 0; r1 < n1; r1++) {
                    SimonDesign design = search.best(n, n1, r1, alpha, beta);
                    if (design == null) {
                        continue;
                    }
                    if (optimal == null || design.en0() < optimal.en0()) {
                        optimal = design;
                    }
                    if (minimax == null || design.n() < minimax.n()
                            || design.n() == minimax.n() && design.en0() < minimax.en0()) {
                        minimax = design;
                    }
                }
            }
        }
        return new SimonSearch.Result(optimal, minimax);
    }

    @Test
    void noDesignWhenNmaxIsTooSmall() {
        SimonSearch.Result result = SimonSearch.search(0.10, 0.30, 0.05, 0.2, 12);
        assertEquals(null, result.optimal());
    }
}
