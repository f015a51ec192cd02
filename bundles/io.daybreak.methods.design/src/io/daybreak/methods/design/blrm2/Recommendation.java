package io.daybreak.methods.design.blrm2;

/**
 * EWOC with no skipping on a combination grid: a combination is EWOC-eligible when P(overdose) &lt;= ewoc, and
 * admissible when it is also at most one level above some tried combination in each drug (a level of A at most one
 * above, and a level of B at most one above, those of one combination with patients; the diagonal step is allowed).
 * Without data only the lowest combination (A1, B1) is admissible. The next combination is the admissible one with
 * the highest target probability (ties: the first row by row).
 *
 * @param ewocOk     per combination, P(overdose) &lt;= ewoc
 * @param admissible per combination, EWOC-eligible and within one level of a tried combination
 * @param best       the recommended combination (row-by-row index), or -1 when none is admissible
 */
public record Recommendation(boolean[] ewocOk, boolean[] admissible, int best) {

    static Recommendation of(Blrm2Model model, int[] n, Blrm2Posterior posterior, double ewoc) {
        int cells = model.cells();
        int kB = model.levelsB();
        boolean[] ok = new boolean[cells];
        boolean[] admissible = new boolean[cells];
        boolean any = false;
        for (int c = 0; c < cells; c++) {
            any |= n[c] > 0;
        }
        int best = -1;
        double bestTarget = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < cells; c++) {
            double[] p = posterior.intervalProbabilities(c);
            ok[c] = p[2] <= ewoc;
            admissible[c] = ok[c] && (any ? reachable(c / kB, c % kB, n, kB) : c == 0);
            if (admissible[c] && p[1] > bestTarget) {
                bestTarget = p[1];
                best = c;
            }
        }
        return new Recommendation(ok, admissible, best);
    }

    private static boolean reachable(int a, int b, int[] n, int kB) {
        for (int c = 0; c < n.length; c++) {
            if (n[c] > 0 && a <= c / kB + 1 && b <= c % kB + 1) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean[] ewocOk() {
        return ewocOk.clone();
    }

    @Override
    public boolean[] admissible() {
        return admissible.clone();
    }
}
