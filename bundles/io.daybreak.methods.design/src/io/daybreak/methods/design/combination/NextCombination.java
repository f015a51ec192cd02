package io.daybreak.methods.design.combination;

import java.util.List;

/**
 * The next combination from the data so far, as R's exported {@code BOIN::next.comb} decides it (which differs in
 * places from the copy of the rules inside {@code get.oc.comb}): the boundaries are those of
 * {@code get.boundary(ncohort = 150, cohortsize = 1, n.earlystop)}, so none exists beyond n.earlystop patients; stop
 * once the current combination has n.earlystop patients, or when the lowest combination reaches its elimination
 * boundary (or the extra-safe rule); every combination at or above one that reached its elimination boundary is
 * eliminated; escalation to (j + 1, k) is barred when any observed rate y/n in row j + 1 up to column k is ≥ λd,
 * and to (j, k + 1) when any in column k + 1 up to row j is; among the allowed neighbours the one with the larger
 * P(p ∈ (λe, λd) | data) + 0.0005 n is chosen, equal scores at random (reported as two options).
 */
final class NextCombination {
    /** Stop: the trial ends (R's next_dc = NA). */
    static final List<Integer> STOP = List.of();

    private NextCombination() {
    }

    /**
     * The next combination(s), each as row × cols + col: one, or two when BOIN chooses at random between equally
     * scored neighbours; {@link #STOP} to end the trial.
     */
    static List<Integer> next(int rows, int cols, int[] n, int[] y, int current, double target, double pSafe, double pTox,
            double cutoff, boolean extraSafe, double offset, int earlyStop, CombinationRules.Tables tables) {
        BoundaryTable b = tables.boundaries();
        int limit = Math.min(150, earlyStop);
        int nc = n[current];
        int a = current / cols;
        int k = current % cols;
        if (nc >= earlyStop) {
            return STOP;
        }
        int elimAt = nc <= limit ? b.eliminateIfAtLeast(nc) : BoundaryTable.NONE;
        if (elimAt != BoundaryTable.NONE) {
            if (current == 0 && y[0] >= elimAt) {
                return STOP;
            }
            if (extraSafe && current == 0 && n[0] >= 3
                    && 1 - org.apache.commons.statistics.distribution.BetaDistribution.of(y[0] + 1, n[0] - y[0] + 1)
                            .cumulativeProbability(target) > cutoff - offset) {
                return STOP;
            }
        }
        boolean[] eliminated = new boolean[rows * cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                int c = i * cols + j;
                int e = n[c] > 0 && n[c] <= limit ? b.eliminateIfAtLeast(n[c]) : BoundaryTable.NONE;
                if (e != BoundaryTable.NONE && y[c] >= e) {
                    for (int ii = i; ii < rows; ii++) {
                        for (int jj = j; jj < cols; jj++) {
                            eliminated[ii * cols + jj] = true;
                        }
                    }
                }
            }
        }
        double[][] score = tables.score();
        if (y[current] <= b.escalateIfAtMost(nc)) {
            double up = 0;
            double right = 0;
            if (a + 1 < rows && !eliminated[current + cols]) {
                boolean toxicRow = false;
                for (int j = 0; j <= k; j++) {
                    toxicRow |= rate(n, y, (a + 1) * cols + j) >= b.lambdaD;
                }
                up = toxicRow ? 0 : score(score, n, y, current + cols);
            }
            if (k + 1 < cols && !eliminated[current + 1]) {
                boolean toxicCol = false;
                for (int i = 0; i <= a; i++) {
                    toxicCol |= rate(n, y, i * cols + k + 1) >= b.lambdaD;
                }
                right = toxicCol ? 0 : score(score, n, y, current + 1);
            }
            return pick(current, up, current + cols, right, current + 1);
        } else if (y[current] >= b.deescalateIfAtLeast(nc)) {
            double down = a > 0 ? score(score, n, y, current - cols) : 0;
            double left = k > 0 ? score(score, n, y, current - 1) : 0;
            return pick(current, down, current - cols, left, current - 1);
        }
        return List.of(current);
    }

    private static double score(double[][] table, int[] n, int[] y, int c) {
        return n[c] < table.length ? table[n[c]][y[c]] : Double.NaN;
    }

    private static double rate(int[] n, int[] y, int c) {
        return (double) y[c] / Math.max(1, n[c]);
    }

    private static List<Integer> pick(int current, double first, int firstCell, double second, int secondCell) {
        double max = Math.max(first, second);
        if (max == 0) {
            return List.of(current);
        }
        if (first == second) {
            return List.of(firstCell, secondCell);
        }
        return List.of(first == max ? firstCell : secondCell);
    }
}
