package io.daybreak.methods.design.blrm2;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * Dose-transition pathways of the two-drug BLRM with EWOC (Yap et al., Clin Cancer Res 23:7440, 2017): from the data
 * so far, the next cohort is treated at the recommended combination; for each possible number of DLTs in it the
 * posterior is updated and the next recommendation found, and so on for {@code cohorts} cohorts. Each node's posterior
 * has its own random stream (node k, in the order of the table, from {@code streams.apply(k)}), so a node can be
 * recomputed alone and the table does not depend on how it is traversed.
 */
final class Blrm2Pathways {

    /**
     * One row: in cohort {@code cohort}, after {@code history} (the earlier cohorts of this pathway), a cohort at
     * {@code cell} with {@code dlts} DLTs leads to {@code next} (-1: stop), whose P(overdose) is {@code overdoseNext}.
     */
    record Row(int cohort, String history, int cell, int dlts, int next, double overdoseNext) {
    }

    private final Blrm2Model model;
    private final double[] cuts;
    private final double ewoc;
    private final int cohortSize;
    private final int draws;
    private final IntFunction<UniformRandomProvider> streams;
    private final List<Row> rows = new ArrayList<>();

    private Blrm2Pathways(Blrm2Model model, double[] cuts, double ewoc, int cohortSize, int draws,
            IntFunction<UniformRandomProvider> streams) {
        this.model = model;
        this.cuts = cuts;
        this.ewoc = ewoc;
        this.cohortSize = cohortSize;
        this.draws = draws;
        this.streams = streams;
    }

    /**
     * The pathways of the next {@code cohorts} cohorts of {@code cohortSize} from patients {@code n} and DLTs {@code y}
     * per combination, the first cohort at {@code start} (the current recommendation; -1 gives no rows).
     */
    static List<Row> of(Blrm2Model model, int[] n, int[] y, int start, double[] cuts, double ewoc, int cohorts,
            int cohortSize, int draws, IntFunction<UniformRandomProvider> streams) {
        Blrm2Pathways pathways = new Blrm2Pathways(model, cuts, ewoc, cohortSize, draws, streams);
        if (start >= 0 && cohorts > 0) {
            pathways.expand(1, cohorts, "", n, y, start);
        }
        return List.copyOf(pathways.rows);
    }

    private void expand(int cohort, int cohorts, String history, int[] n, int[] y, int cell) {
        for (int dlts = 0; dlts <= cohortSize; dlts++) {
            int[] n2 = n.clone();
            int[] y2 = y.clone();
            n2[cell] += cohortSize;
            y2[cell] += dlts;
            Blrm2Posterior posterior = Blrm2Posterior.sample(model, n2, y2, cuts, draws, streams.apply(rows.size()));
            Recommendation next = Recommendation.of(model, n2, posterior, ewoc);
            double over = next.best() < 0 ? Double.NaN : posterior.intervalProbabilities(next.best())[2];
            rows.add(new Row(cohort, history, cell, dlts, next.best(), over));
            if (next.best() >= 0 && cohort < cohorts) {
                // as design.boin-comb writes its histories: "A1B1:0/3, A2B1:0/3"
                String step = label(cell) + ":" + dlts + "/" + cohortSize;
                expand(cohort + 1, cohorts, history.isEmpty() ? step : history + ", " + step, n2, y2, next.best());
            }
        }
    }

    /** "A2B1" for a row-by-row cell index. */
    String label(int cell) {
        return "A" + (cell / model.levelsB() + 1) + "B" + (cell % model.levelsB() + 1);
    }

    /**
     * The move from {@code from} to {@code to} in words, as design.boin-comb's pathways word them: "stay",
     * "escalate drug A", "de-escalate drug B", ..., or "stop: no admissible combination".
     */
    static String decision(Blrm2Model model, int from, int to) {
        if (to < 0) {
            return "stop: no admissible combination";
        }
        int da = to / model.levelsB() - from / model.levelsB();
        int db = to % model.levelsB() - from % model.levelsB();
        if (da == 0 && db == 0) {
            return "stay";
        }
        List<String> parts = new ArrayList<>();
        if (da != 0) {
            parts.add((da > 0 ? "escalate" : "de-escalate") + " drug A" + (Math.abs(da) > 1 ? " by " + Math.abs(da) : ""));
        }
        if (db != 0) {
            parts.add((db > 0 ? "escalate" : "de-escalate") + " drug B" + (Math.abs(db) > 1 ? " by " + Math.abs(db) : ""));
        }
        return String.join(", ", parts);
    }
}
