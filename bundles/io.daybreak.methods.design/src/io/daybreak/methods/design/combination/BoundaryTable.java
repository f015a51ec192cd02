package io.daybreak.methods.design.combination;

import org.apache.commons.statistics.distribution.BetaDistribution;

/**
 * BOIN's boundary table as R's {@code BOIN::get.boundary} builds it, for n = 1 … {@link #maxPatients} patients at
 * a combination: escalate if y ≤ ⌊nλe⌋; de-escalate if y ≥ ⌈nλd⌉ (⌊nλd⌉ + 1 when nλd is within 1e-12 of a
 * whole number), lowered to the elimination boundary; eliminate if y ≥ the smallest y ≥ 1 with
 * 1 − pbeta(target, y + 1, n − y + 1) &gt; cutoff (none for n &lt; 3). Immutable.
 */
final class BoundaryTable {
    /** No boundary at this n (R's NA). */
    static final int NONE = -1;

    final double target;
    final double lambdaE;
    final double lambdaD;
    final int maxPatients;
    private final int[] escalate;
    private final int[] deescalate;
    private final int[] eliminate;

    BoundaryTable(double target, double pSafe, double pTox, double cutoff, int maxPatients) {
        this.target = target;
        this.lambdaE = lambdaE(target, pSafe);
        this.lambdaD = lambdaD(target, pTox);
        this.maxPatients = maxPatients;
        escalate = new int[maxPatients + 1];
        deescalate = new int[maxPatients + 1];
        eliminate = new int[maxPatients + 1];
        eliminate[0] = NONE;
        for (int n = 1; n <= maxPatients; n++) {
            escalate[n] = (int) Math.floor(lambdaE * n);
            double d = lambdaD * n;
            deescalate[n] = Math.abs(Math.rint(d) - d) < 1e-12 ? (int) Math.rint(d) + 1 : (int) Math.ceil(d);
            eliminate[n] = NONE;
            if (n >= 3) {
                for (int y = 1; y <= n; y++) {
                    if (1 - BetaDistribution.of(y + 1, n - y + 1).cumulativeProbability(target) > cutoff) {
                        eliminate[n] = y;
                        break;
                    }
                }
            }
            if (eliminate[n] != NONE && deescalate[n] > eliminate[n]) {
                deescalate[n] = eliminate[n];
            }
        }
    }

    static double lambdaE(double target, double pSafe) {
        return Math.log((1 - pSafe) / (1 - target)) / Math.log(target * (1 - pSafe) / (pSafe * (1 - target)));
    }

    static double lambdaD(double target, double pTox) {
        return Math.log((1 - target) / (1 - pTox)) / Math.log(pTox * (1 - target) / (target * (1 - pTox)));
    }

    int escalateIfAtMost(int n) {
        return escalate[check(n)];
    }

    int deescalateIfAtLeast(int n) {
        return deescalate[check(n)];
    }

    /** The elimination boundary at n, or {@link #NONE}. */
    int eliminateIfAtLeast(int n) {
        return n > maxPatients ? NONE : eliminate[n];
    }

    private int check(int n) {
        if (n < 1 || n > maxPatients) {
            throw new IllegalStateException("no boundary for " + n + " patients; the table has 1 to " + maxPatients);
        }
        return n;
    }
}
