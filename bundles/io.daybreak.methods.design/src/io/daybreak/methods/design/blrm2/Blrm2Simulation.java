package io.daybreak.methods.design.blrm2;

import java.util.List;

import org.apache.commons.rng.UniformRandomProvider;

import io.daybreak.core.method.MethodContext;
import io.daybreak.methods.design.combination.GridOc;
import io.daybreak.methods.design.oc.DoseFindingSimulation;

/**
 * Simulated trials of the two-drug BLRM with EWOC on the common-random-numbers engine: trial r draws its patients'
 * toxicity uniforms from stream r (one per patient in enrolment order, as every design) and its importance-sampling
 * draws from stream r + {@link #POSTERIOR_STREAMS}. The first cohort is treated at (1, 1); after each cohort the
 * posterior is updated and the next cohort goes to the recommended combination ({@link Recommendation}); the trial
 * stops without an MTD when no combination is admissible, and otherwise selects, after its last cohort, the tried
 * combination with P(overdose) &lt;= ewoc and the highest target probability. The operating characteristics are
 * those of design.boin-comb ({@link GridOc}: whole-number sums, merged exactly), so the reports draw both alike.
 */
final class Blrm2Simulation {
    /** Offset of a trial's posterior-sampling stream (beyond the offsets of DoseFindingSimulation, which end at 6). */
    static final long POSTERIOR_STREAMS = 8L << 40;

    private Blrm2Simulation() {
    }

    /** What a simulated trial needs besides the truth. */
    record Design(Blrm2Model model, double[] cuts, double ewoc, int cohortSize, int cohorts, int draws) {
    }

    /** Simulates {@code trials} trials for the true DLT probabilities {@code truth} (row by row). */
    static GridOc simulate(Design design, double[] truth, boolean[] trueMtd, long trials, MethodContext context) {
        int rows = design.model().levelsA();
        int cols = design.model().levelsB();
        List<GridOc> parts = DoseFindingSimulation.inChunks(trials, context, () -> new GridOc(rows, cols, trueMtd, trueMtd),
                (local, r) -> {
                    Trial t = trial(design, truth, context.random(r), context.random(r + POSTERIOR_STREAMS));
                    boolean[] selection = new boolean[truth.length];
                    if (t.selected() >= 0) {
                        selection[t.selected()] = true;
                    }
                    local.add(selection, t.n(), t.y(), t.selected() >= 0 && trueMtd[t.selected()], t.stoppedEarly());
                });
        GridOc total = new GridOc(rows, cols, trueMtd, trueMtd);
        parts.forEach(total::merge);
        return total;
    }

    /** One trial's patients and DLTs per combination and its selection (-1: none). */
    record Trial(int[] n, int[] y, int selected, boolean stoppedEarly) {
    }

    static Trial trial(Design design, double[] truth, UniformRandomProvider outcomes, UniformRandomProvider draws) {
        Blrm2Model model = design.model();
        int[] n = new int[model.cells()];
        int[] y = new int[model.cells()];
        int current = 0;
        Blrm2Posterior posterior = null;
        for (int cohort = 0; cohort < design.cohorts(); cohort++) {
            for (int patient = 0; patient < design.cohortSize(); patient++) {
                n[current]++;
                if (outcomes.nextDouble() < truth[current]) {
                    y[current]++;
                }
            }
            posterior = Blrm2Posterior.sample(model, n, y, design.cuts(), design.draws(), draws);
            int next = Recommendation.of(model, n, posterior, design.ewoc()).best();
            if (next < 0) {
                return new Trial(n, y, -1, true);
            }
            current = next;
        }
        return new Trial(n, y, selectTried(n, posterior, design.ewoc()), false);
    }

    /**
     * The MTD at the end: among the tried combinations whose P(overdose) &lt;= ewoc, the one with the highest target
     * probability (an untried combination, however promising, is not declared the MTD); -1 if none.
     */
    static int selectTried(int[] n, Blrm2Posterior posterior, double ewoc) {
        int best = -1;
        double bestTarget = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < n.length; c++) {
            double[] p = posterior.intervalProbabilities(c);
            if (n[c] > 0 && p[2] <= ewoc && p[1] > bestTarget) {
                bestTarget = p[1];
                best = c;
            }
        }
        return best;
    }
}
