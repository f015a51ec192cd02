package io.daybreak.stats.signal.efficacy;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import java.util.function.IntPredicate;

/**
 * Thall &amp; Simon (1994) posterior monitoring boundaries for a single-arm trial against a standard-of-care prior,
 * with the conventions of {@code ph2bayes::stopbound_post}: after y responses in n patients the trial stops for
 * futility when P(p_E &gt; p_S + δ | y, n) &le; θ_L, and for efficacy when P(p_E &gt; p_S + δ_U | y, n) &ge; θ_U
 * ({@code stopbound_post} uses δ_U = 0). For each n = 1..nmax the futility boundary is the largest y with the
 * first, the efficacy boundary the smallest y with the second (none: no y qualifies).
 *
 * <p>The criterion is increasing in y (the posterior of p_E is stochastically increasing in y), so each boundary
 * is found by bisection on y; {@link #boundaries} then agrees with the package's linear scans.
 */
public final class ThallSimon {
    private ThallSimon() {
    }

    /**
     * One row of the boundary table; a boundary that does not exist at this n is {@code -1} and its probability
     * NaN.
     *
     * @param patients n
     * @param futilityMax largest y that stops for futility, or -1
     * @param futilityProbability P(p_E &gt; p_S + δ | futilityMax, n)
     * @param efficacyMin smallest y that stops for efficacy, or -1
     * @param efficacyProbability P(p_E &gt; p_S + δ_U | efficacyMin, n)
     */
    public record Boundary(int patients, int futilityMax, double futilityProbability, int efficacyMin,
            double efficacyProbability) {
    }

    /** The boundary table and the largest quadrature discrepancy seen at its boundaries. */
    public record Result(List<Boundary> boundaries, double quadratureDiscrepancy) {
    }

    /**
     * @param maxPatients nmax &ge; 1
     * @param futility the criterion with δ, compared with θ_L
     * @param thetaFutility θ_L in [0, 1]
     * @param efficacy the criterion with δ_U, compared with θ_U
     * @param thetaEfficacy θ_U in [0, 1]
     */
    public static Result boundaries(int maxPatients, SuperiorityProbability futility, double thetaFutility,
            SuperiorityProbability efficacy, double thetaEfficacy) {
        return boundaries(maxPatients, futility, thetaFutility, efficacy, thetaEfficacy, n -> { });
    }

    /**
     * As {@link #boundaries(int, SuperiorityProbability, double, SuperiorityProbability, double)}, calling
     * {@code afterRow} with n after each row (for progress and cancellation; an exception it throws ends the
     * computation).
     */
    public static Result boundaries(int maxPatients, SuperiorityProbability futility, double thetaFutility,
            SuperiorityProbability efficacy, double thetaEfficacy, IntConsumer afterRow) {
        if (maxPatients < 1) {
            throw new IllegalArgumentException("nmax must be >= 1, got " + maxPatients);
        }
        if (!(thetaFutility >= 0 && thetaFutility <= 1) || !(thetaEfficacy >= 0 && thetaEfficacy <= 1)) {
            throw new IllegalArgumentException("thresholds must be in [0, 1], got " + thetaFutility + ", " + thetaEfficacy);
        }
        List<Boundary> rows = new ArrayList<>(maxPatients);
        double discrepancy = 0;
        for (int n = 1; n <= maxPatients; n++) {
            int finalN = n;
            // largest y with P <= θ_L: the number of y in 0..n with P(y) <= θ_L, minus one
            int lower = countWhile(n, y -> futility.probability(y, finalN) <= thetaFutility) - 1;
            // smallest y with P >= θ_U: the number of y with P(y) < θ_U
            int upper = countWhile(n, y -> efficacy.probability(y, finalN) < thetaEfficacy);
            double lowerP = Double.NaN;
            double upperP = Double.NaN;
            if (lower >= 0) {
                lowerP = futility.probability(lower, n);
                discrepancy = Math.max(discrepancy, futility.discrepancy(lower, n));
            }
            if (upper <= n) {
                upperP = efficacy.probability(upper, n);
                discrepancy = Math.max(discrepancy, efficacy.discrepancy(upper, n));
            } else {
                upper = -1;
            }
            rows.add(new Boundary(n, lower, lowerP, upper, upperP));
            afterRow.accept(n);
        }
        return new Result(List.copyOf(rows), discrepancy);
    }

    /** The number of y in 0..n, from 0 up, for which a condition that holds for a prefix of 0..n holds. */
    private static int countWhile(int n, IntPredicate holds) {
        int lo = 0; // holds for all y < lo
        int hi = n + 1; // fails for all y >= hi
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (holds.test(mid)) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
