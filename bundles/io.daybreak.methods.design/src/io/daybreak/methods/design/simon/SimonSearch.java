package io.daybreak.methods.design.simon;

import org.apache.commons.statistics.distribution.BinomialDistribution;

/**
 * Search for Simon's optimal (smallest EN0) and minimax (smallest n, then smallest EN0) two-stage designs, as R's
 * {@code clinfun::ph2simon}: for every n ≤ nmax, first-stage size n1 &lt; n and futility bound r1 &lt; n1, the
 * smallest final bound r that keeps the type I error at most α; the design is admissible if its power is at least
 * 1 − β. Ranges that cannot hold a better design are skipped before any error rate is computed: n whose most
 * powerful single-stage test lacks the power, n1 at or above the best EN0, r1 whose stage-1 pass rate under p1 is
 * below 1 − β, and r1 whose EN0 is no better than the results so far. Error rates are exact binomial sums:
 * P(reject | p) = Σ_{x1 = r1+1}^{n1} b(x1; n1, p) · P(X2 &gt; r − x1), X2 ~ Bin(n − n1, p).
 */
public final class SimonSearch {
    private final double[][] pmf0;
    private final double[][] pmf1;
    private final double[][] survival0;
    private final double[][] survival1;

    SimonSearch(double p0, double p1, int nmax) {
        pmf0 = new double[nmax + 1][];
        pmf1 = new double[nmax + 1][];
        survival0 = new double[nmax + 1][];
        survival1 = new double[nmax + 1][];
        for (int m = 0; m <= nmax; m++) {
            pmf0[m] = pmf(m, p0);
            pmf1[m] = pmf(m, p1);
            survival0[m] = survival(pmf0[m]);
            survival1[m] = survival(pmf1[m]);
        }
    }

    /** The optimal and minimax designs, or nulls where no design with n ≤ nmax meets α and β. */
    public record Result(SimonDesign optimal, SimonDesign minimax) {
    }

    public static Result search(double p0, double p1, double alpha, double beta, int nmax) {
        if (!(0 < p0 && p0 < p1 && p1 < 1)) {
            throw new IllegalArgumentException("need 0 < p0 < p1 < 1, got p0=" + p0 + ", p1=" + p1);
        }
        SimonSearch search = new SimonSearch(p0, p1, nmax);
        SimonDesign optimal = null;
        SimonDesign minimax = null;
        for (int n = 2; n <= nmax; n++) {
            if (!search.singleStagePossible(n, alpha, beta)) {
                continue; // not even the most powerful level-alpha test of n patients has the power
            }
            for (int n1 = 1; n1 < n; n1++) {
                if (optimal != null && n1 >= optimal.en0() && minimax != null && minimax.n() < n) {
                    break; // EN0 >= n1: no better optimal here, and the minimax has a smaller n
                }
                // a design improves a result only if its EN0 is below the optimal's, or below the minimax's while
                // the minimax's n is still being searched; EN0 falls as r1 rises, the first-stage pass rate under
                // p1 (an upper bound on the power) falls too: both bound r1
                double bound = minimax == null ? Double.POSITIVE_INFINITY
                        : minimax.n() == n ? Math.max(optimal.en0(), minimax.en0()) : optimal.en0();
                int n2 = n - n1;
                double pet0 = 0;
                for (int r1 = 0; r1 < n1; r1++) {
                    pet0 += search.pmf0[n1][r1];
                    if (search.survival1[n1][r1] < 1 - beta) {
                        break; // P(X1 > r1 | p1) < 1 - beta, and it only falls with r1
                    }
                    if (n1 + (1 - pet0) * n2 >= bound) {
                        continue;
                    }
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
                    bound = minimax.n() == n ? Math.max(optimal.en0(), minimax.en0()) : optimal.en0();
                }
            }
        }
        return new Result(optimal, minimax);
    }

    /**
     * Whether the most powerful level-α test of n patients (Neyman–Pearson: reject for large totals, randomised at
     * the boundary) reaches power 1 − β. A two-stage design with n patients is a non-randomised level-α test of
     * those n outcomes, so where this fails no two-stage design with this n exists.
     */
    private boolean singleStagePossible(int n, double alpha, double beta) {
        double[] tail0 = survival0[n];
        int r = 0;
        while (r < n && tail0[r] > alpha) {
            r++;
        }
        // reject when X > r, and with probability gamma when X = r
        double atR0 = pmf0[n][r];
        double gamma = atR0 > 0 ? Math.min(1, (alpha - tail0[r]) / atR0) : 0;
        double power = survival1[n][r] + gamma * pmf1[n][r];
        return power >= (1 - beta) * (1 - 1e-12);
    }

    /** The design with the smallest r meeting α for (n, n1, r1), if it also meets the power; else null. */
    SimonDesign best(int n, int n1, int r1, double alpha, double beta) {
        int low = r1;
        int high = n; // reject(n) = 0 <= alpha
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (reject(pmf0[n1], survival0[n - n1], r1, mid) <= alpha) {
                high = mid;
            } else {
                low = mid + 1;
            }
        }
        int r = low;
        if (r >= n) {
            return null;
        }
        double power = reject(pmf1[n1], survival1[n - n1], r1, r);
        if (power < 1 - beta) {
            return null;
        }
        double pet0 = 0;
        for (int x = 0; x <= r1; x++) {
            pet0 += pmf0[n1][x];
        }
        double en0 = n1 + (1 - pet0) * (n - n1);
        return new SimonDesign(r1, n1, r, n, pet0, en0, reject(pmf0[n1], survival0[n - n1], r1, r), power);
    }

    /** P(X1 &gt; r1 and X1 + X2 &gt; r). */
    private static double reject(double[] pmfStage1, double[] survivalStage2, int r1, int r) {
        double sum = 0;
        for (int x1 = r1 + 1; x1 < pmfStage1.length; x1++) {
            int k = r - x1;
            double tail = k < 0 ? 1 : k >= survivalStage2.length ? 0 : survivalStage2[k];
            sum += pmfStage1[x1] * tail;
        }
        return sum;
    }

    private static double[] pmf(int m, double p) {
        BinomialDistribution distribution = BinomialDistribution.of(m, p);
        double[] values = new double[m + 1];
        for (int x = 0; x <= m; x++) {
            values[x] = distribution.probability(x);
        }
        return values;
    }

    /**
     * survival[k] = P(X &gt; k), summed from the top of the distribution: positive terms only, so no 1 − cdf
     * cancellation, and no incomplete beta function per value.
     */
    private static double[] survival(double[] pmf) {
        double[] values = new double[pmf.length];
        double tail = 0;
        for (int k = pmf.length - 1; k >= 0; k--) {
            values[k] = tail;
            tail += pmf[k];
        }
        return values;
    }
}
