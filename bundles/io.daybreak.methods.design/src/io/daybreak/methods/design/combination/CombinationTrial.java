package io.daybreak.methods.design.combination;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * One simulated BOIN combination trial (Lin &amp; Yin 2017) as R's {@code BOIN::get.oc.comb(mtd.contour = FALSE)}
 * runs it. After each cohort at the current combination (j, k) with y DLTs in n patients: if y reaches the
 * elimination boundary, (j, k) and every combination above it in both drugs are eliminated, and the trial stops
 * without an MTD if (j, k) is the lowest; the trial ends once n ≥ n.earlystop where BOIN would stay (y between
 * the boundaries, or escalation impossible); escalate (y ≤ ⌊nλe⌋) to whichever of (j + 1, k) and (j, k + 1),
 * among those on the grid and not eliminated, has the larger P(p ∈ (λe, λd) | data) + 0.0005 n; de-escalate
 * (y ≥ λd boundary) likewise among (j − 1, k) and (j, k − 1); ties at random. Toxicity outcomes come from one
 * stream, one uniform per patient in enrolment order; random choices from another. Not thread-safe.
 */
final class CombinationTrial {
    final int[] n;
    final int[] y;
    private final boolean[] eliminated;
    private final CombinationRules rules;
    private final int rows;
    private final int cols;
    boolean stoppedForToxicity;
    /** Ended before its last cohort: the lowest combination too toxic, or n.earlystop reached. */
    boolean endedEarly;

    CombinationTrial(CombinationRules rules) {
        this.rules = rules;
        this.rows = rules.rows();
        this.cols = rules.cols();
        n = new int[rows * cols];
        y = new int[rows * cols];
        eliminated = new boolean[rows * cols];
    }

    /** Runs the trial to its end; truth is row-major. */
    void run(double[] truth, UniformRandomProvider outcomes, UniformRandomProvider choices) {
        int a = rules.startRow();
        int b = rules.startCol();
        boolean firstTopUp = false;
        if (rules.titration()) {
            int c = a * cols + b;
            y[c] = outcomes.nextDouble() < truth[c] ? 1 : 0;
            n[c] = 1;
            boolean toxicity = y[c] == 1;
            while (!(a == rows - 1 && b == cols - 1) && !toxicity) {
                if (a < rows - 1 && b < cols - 1) {
                    if (choices.nextDouble() < 0.5) {
                        a++;
                    } else {
                        b++;
                    }
                } else if (a == rows - 1) {
                    b++;
                } else {
                    a++;
                }
                c = a * cols + b;
                y[c] = outcomes.nextDouble() < truth[c] ? 1 : 0;
                n[c] = 1;
                toxicity = y[c] == 1;
            }
            firstTopUp = true;
        }
        BoundaryTable table = rules.boundaries();
        double[][] score = rules.tables().score();
        for (int cohort = 0; cohort < rules.cohorts(); cohort++) {
            int d = a * cols + b;
            int size = rules.cohortSize();
            if (firstTopUp && n[d] < size) {
                size--;
            }
            firstTopUp = false;
            for (int patient = 0; patient < size; patient++) {
                if (outcomes.nextDouble() < truth[d]) {
                    y[d]++;
                }
            }
            n[d] += size;
            int nc = n[d];
            int yc = y[d];
            int elim = table.eliminateIfAtLeast(nc);
            if (elim != BoundaryTable.NONE) {
                if (yc >= elim) {
                    for (int i = a; i < rows; i++) {
                        for (int j = b; j < cols; j++) {
                            eliminated[i * cols + j] = true;
                        }
                    }
                    if (d == 0) {
                        stoppedForToxicity = true;
                        endedEarly = cohort < rules.cohorts() - 1;
                        return;
                    }
                }
                if (rules.extraSafe() && d == 0 && nc >= 3 && rules.extraSafeStop(yc, nc)) {
                    stoppedForToxicity = true;
                    endedEarly = cohort < rules.cohorts() - 1;
                    return;
                }
            }
            int escalateIfAtMost = table.escalateIfAtMost(nc);
            int deescalateIfAtLeast = table.deescalateIfAtLeast(nc);
            if (nc >= rules.earlyStop() && (yc > escalateIfAtMost || cannotEscalate(a, b))
                    && (yc < deescalateIfAtLeast || d == 0)) {
                endedEarly = cohort < rules.cohorts() - 1;
                return;
            }
            if (yc <= escalateIfAtMost) {
                double up = a + 1 < rows && !eliminated[d + cols] ? score[n[d + cols]][y[d + cols]] : 0;
                double right = b + 1 < cols && !eliminated[d + 1] ? score[n[d + 1]][y[d + 1]] : 0;
                int move = choose(up, right, choices);
                if (move == 1) {
                    a++;
                } else if (move == 2) {
                    b++;
                }
            } else if (yc >= deescalateIfAtLeast) {
                double down = a > 0 ? score[n[d - cols]][y[d - cols]] : 0;
                double left = b > 0 ? score[n[d - 1]][y[d - 1]] : 0;
                int move = choose(down, left, choices);
                if (move == 1) {
                    a--;
                } else if (move == 2) {
                    b--;
                }
            }
        }
    }

    /** The top corner, or every higher neighbour eliminated. */
    private boolean cannotEscalate(int a, int b) {
        int d = a * cols + b;
        boolean topRow = a == rows - 1;
        boolean lastCol = b == cols - 1;
        return (topRow && lastCol) || (topRow && eliminated[d + 1]) || (lastCol && eliminated[d + cols])
                || (!topRow && !lastCol && eliminated[d + cols] && eliminated[d + 1]);
    }

    /** 0: stay (both scores 0); 1: the first; 2: the second; equal scores at random, as R's which(max)[runif]. */
    static int choose(double first, double second, UniformRandomProvider choices) {
        double max = Math.max(first, second);
        if (max == 0) {
            return 0;
        }
        if (first == second) {
            return choices.nextDouble() < 0.5 ? 1 : 2;
        }
        return first == max ? 1 : 2;
    }
}
