package io.daybreak.methods.causal.federated;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.daybreak.stats.causal.Estimand;
import io.daybreak.stats.models.columns.SummaryValues;

/**
 * The balance table from pooled sums, with the conventions of the pooled {@code causal.weighting}
 * ({@link io.daybreak.stats.causal.Balance}, R {@code cobalt}): continuous covariates standardised by the
 * unweighted SD (pooled for ATE/ATO, the treated's for ATT, the controls' for ATC, variances with n − 1), binary
 * ones as raw differences.
 */
final class FederatedBalance {
    private FederatedBalance() {
    }

    static void put(Map<String, Object> summary, WeightedSums sums, List<String> covariates, Estimand estimand) {
        int p = covariates.size();
        double[][] columns = new double[6][p];
        List<Object> binary = new ArrayList<>();
        for (int c = 0; c < p; c++) {
            double[] before = new double[2];
            double[] after = new double[2];
            double[] variance = new double[2];
            for (int a = 0; a <= 1; a++) {
                before[a] = sums.sum[a][c] / sums.rows[a];
                after[a] = sums.weighted[a][c] / sums.weight[a];
                variance[a] = (sums.squares[a][c] - sums.rows[a] * before[a] * before[a]) / (sums.rows[a] - 1);
            }
            double scale = 1;
            if (!sums.binary[c]) {
                scale = switch (estimand) {
                case ATT -> Math.sqrt(variance[1]);
                case ATC -> Math.sqrt(variance[0]);
                default -> Math.sqrt((variance[1] + variance[0]) / 2);
                };
            }
            columns[0][c] = before[1];
            columns[1][c] = before[0];
            columns[2][c] = (before[1] - before[0]) / scale;
            columns[3][c] = after[1];
            columns[4][c] = after[0];
            columns[5][c] = (after[1] - after[0]) / scale;
            binary.add(sums.binary[c] ? "binary" : "continuous");
        }
        summary.put("balanceCovariates", new ArrayList<Object>(covariates));
        summary.put("balanceType", binary);
        String[] names = {"meanTreatedBefore", "meanControlBefore", "differenceBefore", "meanTreatedAfter",
            "meanControlAfter", "differenceAfter"};
        for (int k = 0; k < names.length; k++) {
            summary.put(names[k], SummaryValues.list(columns[k]));
        }
    }
}
