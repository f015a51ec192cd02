package io.daybreak.stats.biomarker.penalized;

/**
 * The fitted path, as glmnet returns it: per λ (decreasing) the intercept and the coefficients on the original
 * scale of the features, the number of non-zero coefficients and the fraction of null deviance explained.
 *
 * @param lambda       the λ values fitted (the automatic path may stop early, as glmnet's does)
 * @param intercept    the intercept per λ (0 for Cox or without intercept)
 * @param beta         {@code beta[m][j]}: coefficient of feature j at λ_m
 * @param df           the non-zero coefficients per λ
 * @param devRatio     1 − deviance/null deviance per λ (glmnet's {@code dev.ratio})
 * @param nullDeviance the null deviance (glmnet's {@code nulldev})
 * @param passes       the coordinate-descent passes over the data (glmnet's {@code npasses})
 */
public record PenalizedPath(double[] lambda, double[] intercept, double[][] beta, int[] df, double[] devRatio,
        double nullDeviance, int passes) {

    /** The number of λ values fitted. */
    public int size() {
        return lambda.length;
    }

    /** The indices of the non-zero coefficients at λ_m. */
    public int[] nonzero(int m) {
        double[] b = beta[m];
        int[] idx = new int[df[m]];
        int k = 0;
        for (int j = 0; j < b.length && k < idx.length; j++) {
            if (b[j] != 0) {
                idx[k++] = j;
            }
        }
        return idx;
    }

    /** The linear predictor at λ_m for row i of the given columns, summing over the given non-zero indices. */
    public double linearPredictor(int m, double[][] x, int i, int[] nonzero) {
        double eta = intercept[m];
        double[] b = beta[m];
        for (int j : nonzero) {
            eta += b[j] * x[j][i];
        }
        return eta;
    }

    /** The linear predictor at λ_m for row i of the given columns. */
    public double linearPredictor(int m, double[][] x, int i) {
        double eta = intercept[m];
        double[] b = beta[m];
        for (int j = 0; j < b.length; j++) {
            if (b[j] != 0) {
                eta += b[j] * x[j][i];
            }
        }
        return eta;
    }
}
