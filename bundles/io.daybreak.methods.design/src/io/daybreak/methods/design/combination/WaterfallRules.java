package io.daybreak.methods.design.combination;

/**
 * The settings of a waterfall trial on a J × K grid with its tables (boundaries of
 * {@code get.boundary(target, ncohort = 150, cohortsize = 1)}, i.e. φ1 = 0.6 φ and φ2 = 1.4 φ whatever p.saf and
 * p.tox say, as {@code get.oc.comb(mtd.contour = TRUE)} uses them). Immutable.
 *
 * @param cohorts cohorts of each sub-trial (R's ncohort vector; J values)
 */
record WaterfallRules(int rows, int cols, double target, int cohortSize, int[] cohorts, int earlyStop, double cutoff,
        boolean extraSafe, double offset, boolean boundMtd, boolean titration, CombinationRules.Tables tables) {

    static WaterfallRules of(int rows, int cols, double target, int cohortSize, int[] cohorts, int earlyStop,
            double cutoff, boolean extraSafe, double offset, boolean boundMtd, boolean titration) {
        return new WaterfallRules(rows, cols, target, cohortSize, cohorts.clone(), earlyStop, cutoff, extraSafe, offset,
                boundMtd, titration && cohortSize > 1,
                CombinationRules.tables(target, 0.6 * target, 1.4 * target, cutoff, offset, 100));
    }

    boolean eliminated(int y, int n) {
        return n < tables.eliminated().length && tables.eliminated()[n][y];
    }

    boolean extraSafeStop(int y, int n) {
        return n < tables.extraSafeStop().length && tables.extraSafeStop()[n][y];
    }
}
