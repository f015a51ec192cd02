package io.daybreak.methods.causal.federated;

import java.util.Map;

import io.daybreak.stats.causal.MarginalMeans;

/**
 * The IPTW (Hájek) means from pooled sums, with the sandwich standard errors of the pooled {@code causal.effect}
 * (weights taken as known; R {@code sandwich::vcovHC(lm(y ~ A, weights = w), type)}): for HC0 φ_i = n·w_i(y_i −
 * μ_a)/Σ_a w for a row of arm a, so Σφ² = n²·(Σw²y² − 2μΣw²y + μ²Σw²)/(Σw)² per arm; for HC3 each term is divided
 * by 1 − w_i/Σ_a w (its hat value), summed at the sites at the pooled means ({@code middle}). SE = √(Σφ₁² + Σφ₀²)/n
 * for the difference (log scale with φ/μ for the risk ratio, φ/(μ(1 − μ)) for the odds ratio).
 */
final class FederatedMeans {
    private FederatedMeans() {
    }

    /** The means of the pooled sums: {controls, treated}. */
    static double[] means(WeightedSums sums) {
        return new double[] {sums.outcome[0] / sums.weight[0], sums.outcome[1] / sums.weight[1]};
    }

    /**
     * @param middle the HC3 middle terms per arm (controls, treated), or null for HC0
     */
    static void put(Map<String, Object> summary, WeightedSums sums, double[] middle, boolean binary, double level) {
        double n = sums.rows[0] + sums.rows[1];
        double[] mean = new double[2];
        double[] influence = new double[2]; // Σφ² per arm
        for (int a = 0; a <= 1; a++) {
            mean[a] = sums.outcome[a] / sums.weight[a];
            double squares = sums.outcomeSquares[a] - 2 * mean[a] * sums.outcomeSquaredWeight[a]
                    + mean[a] * mean[a] * sums.weightSquares[a];
            influence[a] = n * n * (middle == null ? squares : middle[a]) / (sums.weight[a] * sums.weight[a]);
        }
        summary.put("meanTreated", mean[1]);
        summary.put("meanControl", mean[0]);
        put(summary, "difference", MarginalMeans.Contrast.difference(mean[1] - mean[0],
                Math.sqrt(influence[1] + influence[0]) / n, level));
        if (binary) {
            double rr = influence[1] / (mean[1] * mean[1]) + influence[0] / (mean[0] * mean[0]);
            put(summary, "riskRatio", MarginalMeans.Contrast.ratio(Math.log(mean[1] / mean[0]), Math.sqrt(rr) / n,
                    level));
            double odds1 = mean[1] * (1 - mean[1]);
            double odds0 = mean[0] * (1 - mean[0]);
            double or = influence[1] / (odds1 * odds1) + influence[0] / (odds0 * odds0);
            double log = Math.log(mean[1] / (1 - mean[1])) - Math.log(mean[0] / (1 - mean[0]));
            put(summary, "oddsRatio", MarginalMeans.Contrast.ratio(log, Math.sqrt(or) / n, level));
        }
    }

    private static void put(Map<String, Object> summary, String measure, MarginalMeans.Contrast contrast) {
        summary.put(measure, contrast.estimate());
        summary.put(measure + "StdError", contrast.stdError());
        summary.put(measure + "Interval", java.util.List.<Object>of(contrast.lower(), contrast.upper()));
    }
}
