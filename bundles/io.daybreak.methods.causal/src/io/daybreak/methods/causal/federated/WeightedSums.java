package io.daybreak.methods.causal.federated;

import io.daybreak.federation.Aggregates;

/**
 * One site's (or the pooled) weighted sums per arm: the row count, Σw and Σw²; per covariate Σx, Σx² (the
 * unweighted means and variances of the balance table's "before" and its denominators) and Σwx (the weighted
 * means); with an outcome Σwy, Σw²y, Σw²y². Whether each covariate (and the outcome) takes only 0 and 1 is
 * released as a flag, since the balance table treats binary covariates differently.
 */
final class WeightedSums {
    final double[] rows = new double[2];
    final double[] weight = new double[2];
    final double[] weightSquares = new double[2];
    final double[][] sum;
    final double[][] squares;
    final double[][] weighted;
    final boolean[] binary;
    final double[] outcome = new double[2];
    final double[] outcomeSquaredWeight = new double[2];
    final double[] outcomeSquares = new double[2];
    boolean hasOutcome;
    boolean binaryOutcome = true;

    private WeightedSums(int covariates) {
        sum = new double[2][covariates];
        squares = new double[2][covariates];
        weighted = new double[2][covariates];
        binary = new boolean[covariates];
        java.util.Arrays.fill(binary, true);
    }

    static WeightedSums of(SiteRows rows, double[] w) {
        int p = rows.covariates.size();
        WeightedSums sums = new WeightedSums(p);
        sums.hasOutcome = rows.outcome != null;
        for (int i = 0; i < rows.n(); i++) {
            int a = rows.treated[i];
            sums.rows[a]++;
            sums.weight[a] += w[i];
            sums.weightSquares[a] += w[i] * w[i];
            for (int c = 0; c < p; c++) {
                double x = rows.x[i][c + 1];
                sums.sum[a][c] += x;
                sums.squares[a][c] += x * x;
                sums.weighted[a][c] += w[i] * x;
                sums.binary[c] &= x == 0 || x == 1;
            }
            if (sums.hasOutcome) {
                double y = rows.outcome[i];
                sums.outcome[a] += w[i] * y;
                sums.outcomeSquaredWeight[a] += w[i] * w[i] * y;
                sums.outcomeSquares[a] += w[i] * w[i] * y * y;
                sums.binaryOutcome &= y == 0 || y == 1;
            }
        }
        return sums;
    }

    Aggregates release() {
        Aggregates.Builder release = Aggregates.builder().put("rows", rows).put("weight", weight)
                .put("weightSquares", weightSquares);
        double[] flags = new double[binary.length];
        for (int c = 0; c < flags.length; c++) {
            flags[c] = binary[c] ? 1 : 0;
        }
        release.put("binary", flags);
        for (int a = 0; a <= 1; a++) {
            release.put("sum." + a, sum[a]).put("squares." + a, squares[a]).put("weighted." + a, weighted[a]);
        }
        if (hasOutcome) {
            release.put("outcome", outcome).put("outcomeSquaredWeight", outcomeSquaredWeight)
                    .put("outcomeSquares", outcomeSquares).put("binaryOutcome", binaryOutcome ? 1 : 0);
        }
        return release.build();
    }

    /** Adds a site's release to these (pooled) sums. */
    static WeightedSums add(WeightedSums pooled, Aggregates released, int covariates, boolean withOutcome) {
        WeightedSums total = pooled == null ? new WeightedSums(covariates) : pooled;
        total.hasOutcome = withOutcome;
        addInto(total.rows, released.get("rows"));
        addInto(total.weight, released.get("weight"));
        addInto(total.weightSquares, released.get("weightSquares"));
        double[] flags = released.get("binary");
        for (int c = 0; c < covariates; c++) {
            total.binary[c] &= flags[c] == 1;
        }
        for (int a = 0; a <= 1; a++) {
            addInto(total.sum[a], released.get("sum." + a));
            addInto(total.squares[a], released.get("squares." + a));
            addInto(total.weighted[a], released.get("weighted." + a));
        }
        if (withOutcome) {
            addInto(total.outcome, released.get("outcome"));
            addInto(total.outcomeSquaredWeight, released.get("outcomeSquaredWeight"));
            addInto(total.outcomeSquares, released.get("outcomeSquares"));
            total.binaryOutcome &= released.scalar("binaryOutcome") == 1;
        }
        return total;
    }

    private static void addInto(double[] total, double[] part) {
        if (part.length != total.length) {
            throw new IllegalArgumentException("a site released " + part.length + " values where " + total.length
                    + " were expected");
        }
        for (int i = 0; i < total.length; i++) {
            total[i] += part[i];
        }
    }
}
