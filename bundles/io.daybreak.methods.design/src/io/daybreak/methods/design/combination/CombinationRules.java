package io.daybreak.methods.design.combination;

import org.apache.commons.statistics.distribution.BetaDistribution;

/**
 * The settings of a BOIN combination trial on a J × K grid (J levels of drug A in rows, K ≥ J of drug B in columns;
 * indices 0-based here, 1-based in R and in what users see) with the tables every trial looks up, computed once:
 * the boundaries, BOIN's score for choosing among neighbours, P(toxicity in (λe, λd)) from a Beta(y + 0.5, n − y + 0.5)
 * (as {@code get.oc.comb}: pbeta(λd, ·) − pbeta(λe, ·) + 0.0005 n), and the posterior elimination and extra-safe
 * stopping tests. Immutable and shared by all threads.
 *
 * @param earlyStop  {@code n.earlystop}: stop once this many patients are at the current combination (100: off)
 * @param titration  accelerated titration with single patients first, as {@code get.oc.comb(titration = TRUE)}
 */
public record CombinationRules(int rows, int cols, double target, double pSafe, double pTox, int cohortSize, int cohorts,
        int earlyStop, int startRow, int startCol, double cutoff, boolean extraSafe, double offset, boolean boundMtd,
        boolean titration, Tables tables) {

    /** Look-up tables indexed [n][y]. */
    record Tables(BoundaryTable boundaries, double[][] score, boolean[][] eliminated, boolean[][] extraSafeStop) {
    }

    /** The rules with their tables; the grid is rows × cols with rows ≤ cols, at least 2 × 2. */
    public static CombinationRules of(int rows, int cols, double target, double pSafe, double pTox, int cohortSize,
            int cohorts, int earlyStop, int startRow, int startCol, double cutoff, boolean extraSafe, double offset,
            boolean boundMtd, boolean titration) {
        int maxPatients = Math.max(1, cohorts * cohortSize) + (titration ? rows + cols : 0);
        return new CombinationRules(rows, cols, target, pSafe, pTox, cohortSize, cohorts, earlyStop, startRow, startCol,
                cutoff, extraSafe, offset, boundMtd, titration && cohortSize > 1,
                tables(target, pSafe, pTox, cutoff, offset, maxPatients));
    }

    static Tables tables(double target, double pSafe, double pTox, double cutoff, double offset, int maxPatients) {
        BoundaryTable boundaries = new BoundaryTable(target, pSafe, pTox, cutoff, maxPatients);
        double[][] score = new double[maxPatients + 1][];
        boolean[][] eliminated = new boolean[maxPatients + 1][];
        boolean[][] extraSafeStop = new boolean[maxPatients + 1][];
        for (int n = 0; n <= maxPatients; n++) {
            score[n] = new double[n + 1];
            eliminated[n] = new boolean[n + 1];
            extraSafeStop[n] = new boolean[n + 1];
            for (int y = 0; y <= n; y++) {
                score[n][y] = inInterval(boundaries, y, n) + n * 5e-4;
                if (n >= 3) {
                    double above = 1 - BetaDistribution.of(y + 1, n - y + 1).cumulativeProbability(target);
                    eliminated[n][y] = above > cutoff;
                    extraSafeStop[n][y] = above > cutoff - offset;
                }
            }
        }
        return new Tables(boundaries, score, eliminated, extraSafeStop);
    }

    /** pbeta(λd, y + 0.5, n − y + 0.5) − pbeta(λe, y + 0.5, n − y + 0.5). */
    static double inInterval(BoundaryTable b, int y, int n) {
        BetaDistribution beta = BetaDistribution.of(y + 0.5, n - y + 0.5);
        return beta.cumulativeProbability(b.lambdaD) - beta.cumulativeProbability(b.lambdaE);
    }

    BoundaryTable boundaries() {
        return tables.boundaries();
    }

    /** The most patients a trial can have (cohorts × cohort size, plus one per combination titrated). */
    int maxPatients() {
        return tables.boundaries().maxPatients;
    }

    /** P(p &gt; target | y of n) &gt; cutoff with n ≥ 3 (select.mtd.comb's elimination). */
    boolean eliminated(int y, int n) {
        return n < tables.eliminated().length ? tables.eliminated()[n][y]
                : n >= 3 && 1 - BetaDistribution.of(y + 1, n - y + 1).cumulativeProbability(target) > cutoff;
    }

    /** P(p &gt; target | y of n) &gt; cutoff − offset with n ≥ 3 (the extra-safe stop at the lowest combination). */
    boolean extraSafeStop(int y, int n) {
        return n < tables.extraSafeStop().length ? tables.extraSafeStop()[n][y]
                : n >= 3 && 1 - BetaDistribution.of(y + 1, n - y + 1).cumulativeProbability(target) > cutoff - offset;
    }
}
