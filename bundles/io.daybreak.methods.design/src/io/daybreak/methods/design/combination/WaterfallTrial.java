package io.daybreak.methods.design.combination;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * One simulated waterfall trial (Zhang &amp; Yuan 2016) as R's {@code BOIN::get.oc.comb(mtd.contour = TRUE)} runs
 * it: a sequence of single-agent BOIN sub-trials. The first runs along (1, 1), (2, 1), …, (J, 1), (J, 2), …, (J, K);
 * if it selects (i, 1) with i &lt; J, rows above i are eliminated and, when its data say escalate, a sub-trial runs
 * along row i from column 2. Then, for each lower row i − 1 down to row 1, a sub-trial runs along columns 2 … K of
 * that row, starting one column to the right of the column selected in the row above (at K if that was K), with the
 * combinations right of the selection in the row above eliminated. Each sub-trial has its own number of cohorts,
 * stops when n.earlystop patients are at the dose it moves to, and selects by isotonic regression with weights
 * 1/var (BOIN's single-agent rule). At the end the whole grid is fitted by bivariate isotonic regression and each
 * row's MTD is the tried, non-eliminated combination closest to the target, kept to the right of the next row's
 * (R's rule). Sub-trials use get.boundary's default φ1 = 0.6 φ and φ2 = 1.4 φ, as the package does. Not thread-safe.
 */
final class WaterfallTrial {
    final int[] n;
    final int[] y;
    final boolean[] eliminated;
    /** Per row, the selected column (0-based) or −1. */
    final int[] mtdColumn;
    private final WaterfallRules rules;
    private final int rows;
    private final int cols;
    private final CombinationRules.Tables tables;
    // per sub-trial work arrays, at most rows − 1 + cols long
    private final int[] sn;
    private final int[] sy;
    private final boolean[] selm;
    private final double[] phat;
    private final double[] wt;
    private final int[] level;
    private final int[] admissible;

    WaterfallTrial(WaterfallRules rules) {
        this.rules = rules;
        this.rows = rules.rows();
        this.cols = rules.cols();
        this.tables = rules.tables();
        n = new int[rows * cols];
        y = new int[rows * cols];
        eliminated = new boolean[rows * cols];
        mtdColumn = new int[rows];
        int m = rows - 1 + cols;
        sn = new int[m];
        sy = new int[m];
        selm = new boolean[m];
        phat = new double[m];
        wt = new double[m];
        level = new int[m];
        admissible = new int[m];
    }

    /** The outcome of one sub-trial: the selected index into its path (−1: none) and whether to escalate. */
    private record Sub(int selected, boolean escalate) {
    }

    void run(double[] truth, UniformRandomProvider outcomes, CombinationSelection finalFit) {
        int[] cohorts = rules.cohorts();
        int cohortSize = rules.cohortSize();
        int totalPlanned = 0;
        for (int c : cohorts) {
            totalPlanned += c * cohortSize;
        }
        int[] path = new int[rows - 1 + cols];
        for (int i = 0; i < rows - 1; i++) {
            path[i] = i * cols;
        }
        for (int j = 0; j < cols; j++) {
            path[rows - 1 + j] = (rows - 1) * cols + j;
        }
        int pathLength = rows - 1 + cols;
        int start = 0;
        int sub = 0;
        int totaln = 0;
        while (totaln < totalPlanned) {
            Sub s = subtrial(path, pathLength, cohorts[sub], start, rules.titration() && sub == 0, truth, outcomes, false);
            if (s.selected() < 0) {
                break; // R leaves this sub-trial's patients out of the trial's data (it breaks before copying them)
            }
            int selected = path[s.selected()];
            int di = selected / cols;
            int dj = selected % cols;
            totaln = total();
            if (sub == 0 && dj == 0 && di < rows - 1) {
                for (int a = di + 1; a < rows; a++) {
                    for (int b = 0; b < cols; b++) {
                        eliminated[a * cols + b] = true;
                    }
                }
                if (s.escalate()) {
                    int[] rowPath = new int[cols - 1];
                    for (int j = 1; j < cols; j++) {
                        rowPath[j - 1] = di * cols + j;
                    }
                    sub++;
                    Sub s1 = subtrial(rowPath, cols - 1, cohorts[sub], 0, false, truth, outcomes, true);
                    int selected1 = s1.selected() < 0 ? selected : rowPath[s1.selected()];
                    di = selected1 / cols;
                    dj = selected1 % cols;
                    totaln = total();
                }
            }
            if (di == 0) {
                break;
            }
            sub++;
            for (int b = dj + 1; b < cols; b++) {
                eliminated[di * cols + b] = true;
            }
            start = dj == cols - 1 ? cols - 2 : dj; // one column right of the row above's MTD (R: startdose = dj)
            pathLength = cols - 1;
            path = new int[pathLength];
            for (int j = 1; j < cols; j++) {
                path[j - 1] = (di - 1) * cols + j;
            }
        }
        finalFit.contour(n, y, eliminated, rules.target(), mtdColumn);
    }

    private int total() {
        int t = 0;
        for (int v : n) {
            t += v;
        }
        return t;
    }

    /**
     * R's waterfall.subtrial: single-agent BOIN along {@code path} from index {@code start}. Its patients, DLTs and
     * eliminations are copied into the trial's grid when it selects a dose, or always if {@code keepIfNone} (R copies
     * them for the sub-trial along the first MTD's row, but not for the others when they end without an MTD).
     */
    private Sub subtrial(int[] path, int m, int cohorts, int start, boolean titration, double[] truth,
            UniformRandomProvider outcomes, boolean keepIfNone) {
        java.util.Arrays.fill(sn, 0, m, 0);
        java.util.Arrays.fill(sy, 0, m, 0);
        java.util.Arrays.fill(selm, 0, m, false);
        BoundaryTable b = tables.boundaries();
        int cohortSize = rules.cohortSize();
        int d = start;
        if (titration) {
            int first = -1;
            for (int i = 0; i < m; i++) {
                boolean toxic = outcomes.nextDouble() < truth[path[i]];
                if (toxic && first < 0) {
                    first = i;
                }
            }
            if (first < 0) {
                d = m - 1;
                java.util.Arrays.fill(sn, 0, m, 1);
            } else {
                d = first;
                java.util.Arrays.fill(sn, 0, d + 1, 1);
                sy[d] = 1;
            }
        }
        boolean firstTopUp = titration;
        boolean stopped = false;
        for (int cohort = 0; cohort < cohorts; cohort++) {
            int size = cohortSize;
            if (firstTopUp && sn[d] < cohortSize) {
                size--;
                firstTopUp = false;
            }
            double p = truth[path[d]];
            for (int patient = 0; patient < size; patient++) {
                if (outcomes.nextDouble() < p) {
                    sy[d]++;
                }
            }
            sn[d] += size;
            int elim = b.eliminateIfAtLeast(sn[d]);
            if (elim != BoundaryTable.NONE) {
                if (sy[d] >= elim) {
                    for (int i = d; i < m; i++) {
                        selm[i] = true;
                    }
                    if (d == 0) {
                        stopped = true;
                        break;
                    }
                }
                if (rules.extraSafe() && d == 0 && sn[0] >= 3 && 1 - org.apache.commons.statistics.distribution
                        .BetaDistribution.of(sy[0] + 0.05, sn[0] - sy[0] + 0.1).cumulativeProbability(rules.target())
                        > rules.cutoff() - rules.offset()) {
                    stopped = true; // the package's own (y + 0.05, n − y + 0.1) here
                    break;
                }
            }
            if (sy[d] <= b.escalateIfAtMost(sn[d]) && d != m - 1) {
                if (!selm[d + 1]) {
                    d++;
                }
            } else if (sy[d] >= b.deescalateIfAtLeast(sn[d]) && d != 0) {
                d--;
            }
            if (sn[d] >= rules.earlyStop()) {
                break;
            }
            int sum = 0;
            for (int i = 0; i < m; i++) {
                sum += sn[i];
            }
            if (sum >= cohorts * cohortSize) {
                break;
            }
        }
        Sub result;
        if (stopped) {
            java.util.Arrays.fill(selm, 0, m, true);
            result = new Sub(-1, false);
        } else {
            result = subtrialMtd(m);
        }
        if (result.selected() >= 0 || keepIfNone) {
            for (int i = 0; i < m; i++) {
                n[path[i]] = sn[i];
                y[path[i]] = sy[i];
                eliminated[path[i]] = selm[i];
            }
        }
        return result;
    }

    /** R's waterfall.subtrial.mtd: BOIN's single-agent isotonic selection on the sub-trial's data. */
    private Sub subtrialMtd(int m) {
        boolean[] elim = new boolean[m];
        for (int i = 0; i < m; i++) {
            if (sn[i] >= 3 && rules.eliminated(sy[i], sn[i])) {
                for (int k = i; k < m; k++) {
                    elim[k] = true;
                }
                break;
            }
        }
        if (rules.extraSafe() && sn[0] >= 3 && rules.extraSafeStop(sy[0], sn[0])) {
            java.util.Arrays.fill(elim, true);
        }
        int open = 0;
        for (int i = 0; i < m; i++) {
            if (!elim[i]) {
                open += sn[i];
            }
        }
        if (elim[0] || open == 0) {
            return new Sub(-1, false);
        }
        int count = 0;
        for (int i = 0; i < m; i++) {
            if (sn[i] != 0 && !elim[i]) {
                admissible[count] = i;
                double yy = sy[i];
                double nn = sn[i];
                phat[count] = (yy + 0.05) / (nn + 0.1);
                double variance = (yy + 0.05) * (nn - yy + 0.05) / ((nn + 0.1) * (nn + 0.1) * (nn + 0.1 + 1));
                wt[count] = 1 / variance;
                count++;
            }
        }
        pava(count);
        double lambdaD = tables.boundaries().lambdaD;
        int best = -1;
        double bestDistance = Double.POSITIVE_INFINITY;
        boolean anyBelow = false;
        for (int i = 0; i < count; i++) {
            phat[i] += (i + 1) * 1e-10;
            anyBelow |= phat[i] < lambdaD;
        }
        if (rules.boundMtd() && !anyBelow) {
            return new Sub(-1, false);
        }
        // with boundMTD, R keeps phat < lambda_d and then (a quirk kept here) indexes adm.index by the position in
        // that shorter vector
        int kept = 0;
        for (int i = 0; i < count; i++) {
            if (rules.boundMtd() && !(phat[i] < lambdaD)) {
                continue;
            }
            double distance = Math.abs(phat[i] - rules.target());
            if (distance < bestDistance) {
                bestDistance = distance;
                best = kept;
            }
            kept++;
        }
        int selected = admissible[best];
        BoundaryTable b = tables.boundaries();
        return new Sub(selected, sy[selected] <= b.escalateIfAtMost(sn[selected]));
    }

    /** R's pava inside waterfall.subtrial.mtd: merge the first violating pair of level sets until none is left. */
    private void pava(int count) {
        for (int i = 0; i < count; i++) {
            level[i] = i;
        }
        while (true) {
            int v = -1;
            for (int i = 0; i < count - 1; i++) {
                if (phat[i + 1] - phat[i] < 0) {
                    v = i;
                    break;
                }
            }
            if (v < 0) {
                return;
            }
            int l1 = level[v];
            int l2 = level[v + 1];
            double sxw = 0;
            double sw = 0;
            for (int i = 0; i < count; i++) {
                if (level[i] == l1 || level[i] == l2) {
                    sxw += phat[i] * wt[i];
                    sw += wt[i];
                }
            }
            double pooled = sxw / sw;
            for (int i = 0; i < count; i++) {
                if (level[i] == l1 || level[i] == l2) {
                    phat[i] = pooled;
                    level[i] = l1;
                }
            }
        }
    }
}
