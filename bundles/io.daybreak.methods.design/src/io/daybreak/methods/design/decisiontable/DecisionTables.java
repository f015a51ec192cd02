package io.daybreak.methods.design.decisiontable;

import java.util.LinkedHashMap;
import java.util.Map;

import io.daybreak.methods.design.interval.BoinBoundaries;
import io.daybreak.methods.design.interval.IntervalBoundaries;
import io.daybreak.methods.design.interval.KeyboardBoundaries;

/**
 * The decision tables of the rule-based designs, with a row for every n = 1 … maxN (as R's
 * {@code BOIN::get.boundary(...)$full_boundary_tab}).
 */
public final class DecisionTables {
    private DecisionTables() {
    }

    /**
     * An interval design's table (BOIN, Keyboard, mTPI-2) in the decision order of {@code BOIN::get.oc}: DU when
     * n ≥ 3 and P(p &gt; target | y of n) &gt; cutoff under Beta(1, 1); else E when y ≤ the escalation boundary, D when
     * y ≥ the de-escalation boundary, S otherwise.
     */
    public static DecisionTable interval(String design, Map<String, Object> parameters, IntervalBoundaries boundaries,
            int cohortSize, int cohorts, double eliminationCutoff) {
        int maxN = cohortSize * cohorts;
        Decision[][] cells = new Decision[maxN + 1][];
        for (int n = 1; n <= maxN; n++) {
            int escalate = boundaries.escalateIfAtMost(n);
            int deescalate = boundaries.deescalateIfAtLeast(n);
            int eliminate = IntervalBoundaries.eliminateIfAtLeast(boundaries.target(), n, eliminationCutoff);
            cells[n] = new Decision[n + 1];
            for (int y = 0; y <= n; y++) {
                if (eliminate >= 0 && y >= eliminate) {
                    if (y < deescalate) {
                        // BOIN's get.oc would then stay at a dose it has just eliminated; no cell says that.
                        throw new IllegalStateException("n = " + n + ", y = " + y + ": eliminated but not de-escalated");
                    }
                    cells[n][y] = Decision.DU;
                } else if (y <= escalate) {
                    cells[n][y] = Decision.E;
                } else if (y >= deescalate) {
                    cells[n][y] = Decision.D;
                } else {
                    cells[n][y] = Decision.S;
                }
            }
        }
        return new DecisionTable(design, parameters, boundaries.target(), cohortSize, maxN, cells);
    }

    /** BOIN's table (Liu &amp; Yuan 2015; {@code BOIN::get.boundary}). */
    public static DecisionTable boin(double target, double pSafe, double pTox, int cohortSize, int cohorts,
            double eliminationCutoff) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("target", target);
        parameters.put("pSafe", pSafe);
        parameters.put("pTox", pTox);
        parameters.put("cohortSize", cohortSize);
        parameters.put("cohorts", cohorts);
        parameters.put("eliminationCutoff", eliminationCutoff);
        return interval("design.boin", parameters, BoinBoundaries.of(target, pSafe, pTox), cohortSize, cohorts,
                eliminationCutoff);
    }

    /** Keyboard's (or, equivalently, mTPI-2's) table around the target key (target − below, target + above). */
    public static DecisionTable keyboard(boolean mtpi2, double target, double marginBelow, double marginAbove,
            int cohortSize, int cohorts, double eliminationCutoff) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("target", target);
        parameters.put("marginBelow", marginBelow);
        parameters.put("marginAbove", marginAbove);
        parameters.put("cohortSize", cohortSize);
        parameters.put("cohorts", cohorts);
        parameters.put("eliminationCutoff", eliminationCutoff);
        return interval(mtpi2 ? "design.keyboard (mtpi2)" : "design.keyboard", parameters,
                new KeyboardBoundaries(target, marginBelow, marginAbove, mtpi2), cohortSize, cohorts, eliminationCutoff);
    }

    /**
     * BOIN12's toxicity count boundaries (Lin et al. 2020, the authors' {@code get.oc.obd}): DU when n ≥ 3 and y ≥ the
     * smallest t ≥ 3 with P(p_T &gt; φ_T | t of n) &gt; cutoff; D when y ≥ ⌊nλd⌋ + 1; E (escalation allowed; BOIN12 then
     * chooses among the admissible doses by utility) when y ≤ ⌊nλe⌋; S otherwise. λe and λd are BOIN's with
     * φ1 = 0.6 φ_T, φ2 = 1.4 φ_T.
     */
    public static DecisionTable boin12(double toxicityTarget, int cohortSize, int cohorts, double eliminationCutoff) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("target", toxicityTarget);
        parameters.put("cohortSize", cohortSize);
        parameters.put("cohorts", cohorts);
        parameters.put("eliminationCutoff", eliminationCutoff);
        BoinBoundaries boin = BoinBoundaries.of(toxicityTarget, 0.6 * toxicityTarget, 1.4 * toxicityTarget);
        int maxN = cohortSize * cohorts;
        Decision[][] cells = new Decision[maxN + 1][];
        for (int n = 1; n <= maxN; n++) {
            int escalate = (int) Math.floor(boin.lambdaE() * n);
            int deescalate = (int) Math.floor(boin.lambdaD() * n) + 1;
            int eliminate = IntervalBoundaries.eliminateIfAtLeast(toxicityTarget, n, eliminationCutoff);
            if (eliminate >= 0) {
                eliminate = Math.max(3, eliminate);
            }
            cells[n] = new Decision[n + 1];
            for (int y = 0; y <= n; y++) {
                cells[n][y] = eliminate >= 0 && y >= eliminate ? Decision.DU
                        : y <= escalate ? Decision.E : y >= deescalate ? Decision.D : Decision.S;
            }
        }
        return new DecisionTable("design.boin12", parameters, toxicityTarget, cohortSize, maxN, cells);
    }

    /**
     * The 3+3 rules as a table (Storer 1989), rows n = 3 and 6: 0/3 E, 1/3 S, ≥ 2/3 DU; ≤ 1/6 E, ≥ 2/6 DU. As a
     * table design it is "3+3-like": a trial ends when the next cohort would make a dose's n exceed 6 (as 3+3
     * stops on returning to a dose with six patients), and the MTD is then chosen by the table design's selection
     * rule rather than as "the highest dose with at most 1/6".
     */
    public static DecisionTable threePlusThree() {
        Decision[][] cells = new Decision[7][];
        cells[3] = new Decision[] {Decision.E, Decision.S, Decision.DU, Decision.DU};
        cells[6] = new Decision[] {Decision.E, Decision.E, Decision.DU, Decision.DU, Decision.DU, Decision.DU,
            Decision.DU};
        return new DecisionTable("design.3plus3", Map.of(), Double.NaN, 3, 6, cells);
    }
}
