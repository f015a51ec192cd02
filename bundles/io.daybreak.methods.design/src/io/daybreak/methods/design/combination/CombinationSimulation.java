package io.daybreak.methods.design.combination;

import java.util.List;

import io.daybreak.core.method.MethodContext;
import io.daybreak.methods.design.oc.DoseFindingSimulation;

/**
 * Simulates combination trials on the common-random-numbers engine: trial r draws its toxicity outcomes from stream r
 * (one uniform per patient, in enrolment order) and its random choices (equal scores, titration's direction) from
 * stream r + {@link DoseFindingSimulation#TIE_STREAMS}; chunks run in parallel and their whole-number counts are
 * merged exactly, so the result depends on the seed only.
 */
final class CombinationSimulation {
    private CombinationSimulation() {
    }

    /** The true MTDs of a single-MTD design: every combination whose truth is closest to the target (R's pcs). */
    static boolean[] closestToTarget(double[] truth, double target) {
        double min = Double.POSITIVE_INFINITY;
        for (double p : truth) {
            min = Math.min(min, Math.abs(p - target));
        }
        boolean[] mtd = new boolean[truth.length];
        for (int c = 0; c < truth.length; c++) {
            mtd[c] = Math.abs(truth[c] - target) == min;
        }
        return mtd;
    }

    /** BOIN for one MTD: {@code get.oc.comb(mtd.contour = FALSE)}. */
    static GridOc boin(CombinationRules rules, double[] truth, long trials, MethodContext context) {
        boolean[] mtd = closestToTarget(truth, rules.target());
        List<Chunk> parts = DoseFindingSimulation.inChunks(trials, context, () -> new Chunk(rules, mtd), (chunk, r) -> {
            CombinationTrial trial = new CombinationTrial(rules);
            trial.run(truth, context.random(r), context.random(r + DoseFindingSimulation.TIE_STREAMS));
            int selected = trial.stoppedForToxicity ? CombinationSelection.NONE : chunk.select(trial, rules);
            java.util.Arrays.fill(chunk.flags, false);
            if (selected != CombinationSelection.NONE) {
                chunk.flags[selected] = true;
            }
            chunk.oc.add(chunk.flags, trial.n, trial.y, selected != CombinationSelection.NONE && mtd[selected],
                    trial.endedEarly);
        });
        GridOc total = new GridOc(rules.rows(), rules.cols(), mtd, mtd);
        parts.forEach(p -> total.merge(p.oc));
        return total;
    }

    /** The waterfall design's MTD contour: {@code get.oc.comb(mtd.contour = TRUE)}. */
    static GridOc waterfall(WaterfallRules rules, double[] truth, long trials, MethodContext context) {
        Contour contour = Contour.of(truth, rules.rows(), rules.cols(), rules.target());
        List<Chunk> parts = DoseFindingSimulation.inChunks(trials, context,
                () -> new Chunk(rules.rows(), rules.cols(), contour.mtd(), contour.at()), (chunk, r) -> {
                    WaterfallTrial trial = new WaterfallTrial(rules);
                    trial.run(truth, context.random(r), chunk.selection);
                    java.util.Arrays.fill(chunk.flags, false);
                    boolean any = false;
                    for (int i = 0; i < rules.rows(); i++) {
                        if (trial.mtdColumn[i] != CombinationSelection.NONE) {
                            chunk.flags[i * rules.cols() + trial.mtdColumn[i]] = true;
                            any = true;
                        }
                    }
                    chunk.oc.add(chunk.flags, trial.n, trial.y, any && java.util.Arrays.equals(chunk.flags, contour.mtd()),
                            false);
                });
        GridOc total = new GridOc(rules.rows(), rules.cols(), contour.mtd(), contour.at());
        parts.forEach(p -> total.merge(p.oc));
        return total;
    }

    /**
     * A chunk's accumulator, its reusable selection work arrays and a memo of selections: the selection is a function
     * of the trial's data only, and in a typical grid a third of the trials end with data an earlier trial had, so
     * looking it up saves the isotonic fit (the same answer, so results do not change).
     */
    private static final class Chunk {
        private static final int MEMO_LIMIT = 200_000;
        final GridOc oc;
        final CombinationSelection selection;
        final boolean[] flags;
        private final java.util.HashMap<Data, Integer> memo = new java.util.HashMap<>();

        int select(CombinationTrial trial, CombinationRules rules) {
            Data key = new Data(trial.n, trial.y);
            Integer known = memo.get(key);
            if (known != null) {
                return known;
            }
            int selected = selection.select(trial.n, trial.y, rules, false, null);
            if (memo.size() < MEMO_LIMIT) {
                memo.put(key, selected);
            }
            return selected;
        }

        Chunk(CombinationRules rules, boolean[] mtd) {
            this(rules.rows(), rules.cols(), mtd, mtd);
        }

        Chunk(int rows, int cols, boolean[] mtd, boolean[] counted) {
            oc = new GridOc(rows, cols, mtd, counted);
            selection = new CombinationSelection(rows, cols);
            flags = new boolean[rows * cols];
        }
    }

    /** A trial's patients and DLTs per combination, as a map key. */
    private static final class Data {
        private final int[] values;
        private final int hash;

        Data(int[] n, int[] y) {
            values = new int[n.length * 2];
            System.arraycopy(n, 0, values, 0, n.length);
            System.arraycopy(y, 0, values, n.length, y.length);
            hash = java.util.Arrays.hashCode(values);
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Data d && d.hash == hash && java.util.Arrays.equals(d.values, values);
        }
    }

    /**
     * The true MTD contour as {@code get.oc.comb(mtd.contour = TRUE)} defines it: in each row the first combination
     * closest to the target, if its truth is at most target + 0.05; and the combinations counted as "at the contour"
     * for the share of patients (R's at.contour: neither below nor above a contour combination in both drugs).
     */
    record Contour(boolean[] mtd, boolean[] at, boolean[] above) {
        static Contour of(double[] truth, int rows, int cols, double target) {
            boolean[] mtd = new boolean[rows * cols];
            int[] column = new int[rows];
            boolean any = false;
            for (int i = 0; i < rows; i++) {
                int best = 0;
                for (int j = 1; j < cols; j++) {
                    if (Math.abs(truth[i * cols + j] - target) < Math.abs(truth[i * cols + best] - target)) {
                        best = j;
                    }
                }
                column[i] = truth[i * cols + best] <= target + 0.05 ? best : -1;
                if (column[i] >= 0) {
                    mtd[i * cols + best] = true;
                    any = true;
                }
            }
            boolean[] below = new boolean[rows * cols];
            boolean[] above = new boolean[rows * cols];
            if (!any) { // R: greater.than.contour = 1, less.than.contour = 0
                above[0] = true;
            } else {
                for (int i = 0; i < rows; i++) {
                    if (column[i] < 0) {
                        continue;
                    }
                    for (int a = 0; a < rows; a++) {
                        for (int b = 0; b < cols; b++) {
                            if (a <= i && b <= column[i]) {
                                below[a * cols + b] = true;
                            }
                            if (a >= i && b >= column[i]) {
                                above[a * cols + b] = true;
                            }
                        }
                    }
                }
                for (int c = 0; c < mtd.length; c++) {
                    if (mtd[c]) {
                        below[c] = false;
                        above[c] = false;
                    }
                }
            }
            boolean[] at = new boolean[rows * cols];
            for (int c = 0; c < at.length; c++) {
                at[c] = !below[c] && !above[c];
            }
            return new Contour(mtd, at, above);
        }
    }
}
