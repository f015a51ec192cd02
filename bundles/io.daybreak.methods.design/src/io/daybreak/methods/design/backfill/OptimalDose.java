package io.daybreak.methods.design.backfill;

/**
 * The optimal biological dose (OBD) among the doses up to the selected MTD, by BOIN12's utility (Lin et al., JCO
 * Precis Oncol 4:1393, 2020): a patient with efficacy and no toxicity scores 100, toxicity without efficacy 0,
 * efficacy with toxicity {@code utilityBoth}, neither {@code utilityNeither}; with toxicity and efficacy independent
 * given the dose the expected utility is 100 π_E (1 − π_T) + u_both π_E π_T + u_neither (1 − π_E)(1 − π_T). Estimated
 * at each tried dose up to the MTD from the Beta(1, 1) posterior means (y + 1)/(n + 2); the highest wins, ties to the
 * lower dose. The true OBD maximises the true utility among the doses whose DLT probability is at most the target.
 */
public record OptimalDose(double utilityBoth, double utilityNeither) {
    /** BOIN12's default utility (60 for efficacy with toxicity, 40 for neither). */
    public static final OptimalDose BOIN12_UTILITY = new OptimalDose(60, 40);

    /** The expected utility of a dose with toxicity and efficacy probabilities {@code pT} and {@code pE}. */
    public double utility(double pT, double pE) {
        return 100 * pE * (1 - pT) + utilityBoth * pE * pT + utilityNeither * (1 - pE) * (1 - pT);
    }

    /** The selected OBD: −1 when no MTD was selected. */
    public int select(int mtd, int[] patients, int[] dlts, int[] responses) {
        int best = -1;
        double bestUtility = Double.NEGATIVE_INFINITY;
        for (int d = 0; d <= mtd; d++) {
            if (patients[d] == 0) {
                continue;
            }
            double u = utility((dlts[d] + 1.0) / (patients[d] + 2.0), (responses[d] + 1.0) / (patients[d] + 2.0));
            if (u > bestUtility) {
                bestUtility = u;
                best = d;
            }
        }
        return best;
    }

    /** The true OBD: −1 when every dose is above the target. */
    public int truth(double[] toxicity, double[] efficacy, double target) {
        int best = -1;
        double bestUtility = Double.NEGATIVE_INFINITY;
        for (int d = 0; d < toxicity.length; d++) {
            if (toxicity[d] > target) {
                continue;
            }
            double u = utility(toxicity[d], efficacy[d]);
            if (u > bestUtility) {
                bestUtility = u;
                best = d;
            }
        }
        return best;
    }
}
