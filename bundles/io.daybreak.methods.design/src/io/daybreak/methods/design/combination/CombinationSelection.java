package io.daybreak.methods.design.combination;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * BOIN's choice of the MTD combination at the end of a trial, {@code select.mtd.comb} for one MTD: in each row, the
 * first combination with n ≥ 3 and P(p &gt; target | data) &gt; cutoff is eliminated with the rest of its row to the
 * right and of its column upwards (R: {@code elimi[i:J, j] = 1; elimi[i, j:K] = 1}); none if the lowest combination
 * is eliminated;
 * otherwise the bivariate isotonic fit of (y + 0.05)/(n + 0.1) with weights n + 0.1, eliminated combinations set to
 * 1.1, 1e-5·(row + column) added to break ties towards lower combinations, untried ones excluded, and the
 * combination whose estimate is closest to the target (the first in column-major order among equals).
 * Two variants as in the package: the one {@code get.oc.comb} runs inside its simulation (unrounded estimates;
 * boundMTD excludes estimates ≥ λd) and the exported {@code select.mtd.comb} (estimates rounded to 2 decimals;
 * boundMTD excludes estimates &gt; λd). Not thread-safe (the isotonic work arrays are reused).
 */
final class CombinationSelection {
    /** No MTD (R's 99). */
    static final int NONE = -1;

    private final int rows;
    private final int cols;
    private final BivariateIsotonic isotonic;
    private final double[] raw;
    private final double[] weights;
    private final double[] fit;
    private final boolean[] elim;

    CombinationSelection(int rows, int cols) {
        this.rows = rows;
        this.cols = cols;
        isotonic = new BivariateIsotonic(rows, cols);
        raw = new double[rows * cols];
        weights = new double[rows * cols];
        fit = new double[rows * cols];
        elim = new boolean[rows * cols];
    }

    /**
     * The selected combination as row × cols + col, or {@link #NONE}; {@code estimates}, if not null, receives the
     * isotonic estimates (NaN where untried, or all NaN when none is selected because the lowest is eliminated).
     *
     * @param exported true for {@code select.mtd.comb} (rounded estimates), false for the simulation's copy
     */
    int select(int[] n, int[] y, CombinationRules rules, boolean exported, double[] estimates) {
        java.util.Arrays.fill(elim, false);
        if (rules.extraSafe() && rules.extraSafeStop(y[0], n[0])) {
            java.util.Arrays.fill(elim, true);
        }
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                int c = i * cols + j;
                if (n[c] >= 3 && rules.eliminated(y[c], n[c])) {
                    for (int a = i; a < rows; a++) {
                        elim[a * cols + j] = true;
                    }
                    for (int b = j; b < cols; b++) {
                        elim[i * cols + b] = true;
                    }
                    break;
                }
            }
        }
        if (estimates != null) {
            java.util.Arrays.fill(estimates, Double.NaN);
        }
        if (elim[0]) {
            return NONE;
        }
        for (int c = 0; c < n.length; c++) {
            raw[c] = (y[c] + 0.05) / (n[c] + 0.1);
            weights[c] = n[c] + 0.1;
        }
        isotonic.fit(raw, weights, fit);
        if (exported) {
            for (int c = 0; c < n.length; c++) {
                fit[c] = round2(fit[c]);
            }
        }
        if (estimates != null) {
            for (int c = 0; c < n.length; c++) {
                estimates[c] = n[c] == 0 ? Double.NaN : fit[c];
            }
        }
        double lambdaD = BoundaryTable.lambdaD(rules.target(), rules.pTox());
        boolean anyBelow = false;
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                int c = i * cols + j;
                double p = elim[c] ? 1.1 : fit[c];
                p = (n[c] != 0 ? p : 0) + 1e-05 * ((i + 1) + (j + 1));
                fit[c] = p;
                if (n[c] != 0 && (exported ? p <= lambdaD : p < lambdaD)) {
                    anyBelow = true;
                }
            }
        }
        if (rules.boundMtd()) {
            if (!anyBelow) {
                return NONE;
            }
            for (int c = 0; c < n.length; c++) {
                if (exported ? fit[c] > lambdaD : fit[c] >= lambdaD) {
                    fit[c] = 10;
                }
            }
        }
        int best = NONE;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int j = 0; j < cols; j++) { // column-major, as which(..., arr.ind = TRUE)
            for (int i = 0; i < rows; i++) {
                int c = i * cols + j;
                double distance = Math.abs((n[c] == 0 ? 10 : fit[c]) - rules.target());
                if (distance < bestDistance) {
                    bestDistance = distance;
                    best = c;
                }
            }
        }
        return best;
    }

    /**
     * The waterfall design's MTD contour ({@code get.oc.comb(mtd.contour = TRUE)}): (y + 0.05)/(n + 0.1) with
     * eliminated combinations at 1.1 is fitted by bivariate isotonic regression (weights n + 0.1), 1e-5·(row + column)
     * added; from the top row down, each row's MTD is its tried, non-eliminated combination closest to the target
     * (none if the row's first combination is eliminated, or, as R computes it, if no patient is at a combination
     * whose column is open in this row — R recycles the row's flags over the whole matrix); a row whose MTD is not
     * right of the next higher row's takes that row's column.
     *
     * @param mtdColumn receives per row the selected column (0-based) or {@link #NONE}
     */
    void contour(int[] n, int[] y, boolean[] eliminated, double target, int[] mtdColumn) {
        for (int c = 0; c < n.length; c++) {
            raw[c] = eliminated[c] ? 1.1 : (y[c] + 0.05) / (n[c] + 0.1);
            weights[c] = n[c] + 0.1;
        }
        isotonic.fit(raw, weights, fit);
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                fit[i * cols + j] += 1e-05 * ((i + 1) + (j + 1));
            }
        }
        for (int k = rows - 1; k >= 0; k--) {
            int column = NONE;
            long open = 0;
            for (int m = 0; m < n.length; m++) { // column-major position m, row flags recycled
                if (!eliminated[k * cols + m % cols]) {
                    open += n[(m % rows) * cols + m / rows];
                }
            }
            if (!eliminated[k * cols] && open != 0) {
                double best = Double.POSITIVE_INFINITY;
                for (int j = 0; j < cols; j++) {
                    int c = k * cols + j;
                    if (n[c] != 0 && !eliminated[c] && Math.abs(fit[c] - target) < best) {
                        best = Math.abs(fit[c] - target);
                        column = j;
                    }
                }
            }
            if (k < rows - 1 && column != NONE && mtdColumn[k + 1] != NONE && column <= mtdColumn[k + 1]) {
                column = mtdColumn[k + 1];
            }
            mtdColumn[k] = column;
        }
    }

    /** R's round(x, 2) for the values met here (to the nearest hundredth, halves to even). */
    static double round2(double x) {
        return new BigDecimal(x).setScale(2, RoundingMode.HALF_EVEN).doubleValue();
    }
}
