package io.daybreak.stats.causal;

/**
 * Covariate balance between the arms, as R {@code cobalt::bal.tab} reports it by default: for a continuous
 * covariate the standardised mean difference (weighted treated mean − weighted control mean) divided by a
 * standard deviation of the unweighted sample (pooled √((s²₁ + s²₀)/2) for ATE and ATO, the treated's for
 * ATT, the controls' for ATC), so that before and after share one denominator; for a binary (0/1) covariate the raw difference in
 * proportions. Variances use n − 1.
 *
 * @param covariate      the name
 * @param binary         whether the covariate takes only the values 0 and 1
 * @param treatedBefore  unweighted mean among the treated
 * @param controlBefore  unweighted mean among the controls
 * @param differenceBefore standardised (continuous) or raw (binary) difference before weighting
 * @param treatedAfter   weighted mean among the treated
 * @param controlAfter   weighted mean among the controls
 * @param differenceAfter the same difference after weighting
 */
public record Balance(String covariate, boolean binary, double treatedBefore, double controlBefore,
        double differenceBefore, double treatedAfter, double controlAfter, double differenceAfter) {

    /** Balance of one covariate under the weights (null weights: every weight 1). */
    public static Balance of(String name, double[] values, int[] treated, double[] weights, Estimand estimand) {
        boolean binary = true;
        for (double v : values) {
            binary &= v == 0 || v == 1;
        }
        double[] before = means(values, treated, null);
        double[] after = means(values, treated, weights);
        double scale = 1;
        if (!binary) {
            double varTreated = variance(values, treated, 1, before[1]);
            double varControl = variance(values, treated, 0, before[0]);
            scale = switch (estimand) {
            case ATT -> Math.sqrt(varTreated);
            case ATC -> Math.sqrt(varControl);
            default -> Math.sqrt((varTreated + varControl) / 2);
            };
        }
        return new Balance(name, binary, before[1], before[0], (before[1] - before[0]) / scale, after[1], after[0],
                (after[1] - after[0]) / scale);
    }

    /** Weighted means {control, treated}. */
    static double[] means(double[] values, int[] treated, double[] weights) {
        double[] sum = new double[2];
        double[] total = new double[2];
        for (int i = 0; i < values.length; i++) {
            double w = weights == null ? 1 : weights[i];
            sum[treated[i]] += w * values[i];
            total[treated[i]] += w;
        }
        return new double[] {sum[0] / total[0], sum[1] / total[1]};
    }

    private static double variance(double[] values, int[] treated, int arm, double mean) {
        double squares = 0;
        int n = 0;
        for (int i = 0; i < values.length; i++) {
            if (treated[i] == arm) {
                squares += (values[i] - mean) * (values[i] - mean);
                n++;
            }
        }
        return squares / (n - 1);
    }
}
