package io.daybreak.methods.design.combination;

import io.daybreak.core.method.InvalidParameterException;
import io.daybreak.core.method.Setting;

/**
 * Settings group: the true DLT probabilities of a J × K combination grid and the target. The grid is given row by
 * row: drug A level 1 with drug B levels 1 … K, then drug A level 2, …; J ≤ K as BOIN requires (put the drug with
 * fewer levels in the rows).
 */
public record CombinationGrid(
        @Setting(unit = "DLT probability", min = 0, minInclusive = false, max = 1, maxInclusive = false,
                doc = "true DLT probability of each combination, row by row (drug A level 1 with drug B levels 1..K, "
                        + "then drug A level 2, ...)")
        double[] truth,
        @Setting(min = 2, max = 20, doc = "dose levels of drug A (rows of the grid, at most the levels of drug B)")
        int levelsA,
        @Setting(unit = "DLT rate", min = 0.05, max = 0.6, doc = "target DLT rate") double target) {

    @Override
    public double[] truth() {
        return truth.clone();
    }

    /** Levels of drug B, after checking that the truth fills the grid. */
    public int levelsB() {
        if (truth.length % levelsA != 0) {
            throw new InvalidParameterException("parameter 'truth' has " + truth.length + " values, not a multiple of "
                    + "'levelsA' = " + levelsA + "; give levelsA x levelsB values, row by row");
        }
        int k = truth.length / levelsA;
        if (k < levelsA) {
            throw new InvalidParameterException("parameter 'levelsA' = " + levelsA + " exceeds the " + k + " levels of "
                    + "drug B that 'truth' implies; put the drug with fewer levels in the rows (levelsA <= levelsB)");
        }
        return k;
    }

    /** BOIN's checks of φ1 and φ2 against the target (get.oc.comb's messages, with the parameter names). */
    static void checkRates(double target, double pSafe, double pTox) {
        if (target - pSafe < 0.1 * target) {
            throw new InvalidParameterException("parameter 'pSafe' = " + pSafe + " is above or too close to the target "
                    + target + "; allowed: pSafe <= 0.9 x target");
        }
        if (pTox - target < 0.1 * target) {
            throw new InvalidParameterException("parameter 'pTox' = " + pTox + " is below or too close to the target "
                    + target + "; allowed: pTox >= 1.1 x target");
        }
        if (pSafe <= 0 || pTox >= 1) {
            throw new InvalidParameterException("parameters 'pSafe' = " + pSafe + " and 'pTox' = " + pTox
                    + " must lie in (0, 1)");
        }
    }
}
