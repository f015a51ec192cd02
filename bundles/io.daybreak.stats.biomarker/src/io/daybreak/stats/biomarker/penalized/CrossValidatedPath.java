package io.daybreak.stats.biomarker.penalized;

/**
 * K-fold cross-validation of a path, as cv.glmnet reports it.
 *
 * @param fit       the path fitted to all rows (its λ values are the ones cross-validated)
 * @param measure   the measure actually used (cv.glmnet changes AUC to deviance below 10 rows per fold)
 * @param cvm       the mean cross-validated measure per λ
 * @param cvsd      its standard error per λ
 * @param lambdaMin the λ with the best cvm (the largest such λ on ties)
 * @param lambda1se the largest λ whose cvm is within one standard error of the best
 * @param indexMin  the position of lambdaMin in the path
 * @param index1se  the position of lambda1se in the path
 * @param foldid    the fold (1..K) of each row
 */
public record CrossValidatedPath(PenalizedPath fit, Measure measure, double[] cvm, double[] cvsd, double lambdaMin,
        double lambda1se, int indexMin, int index1se, int[] foldid) {

    /** cvm + cvsd. */
    public double cvup(int m) {
        return cvm[m] + cvsd[m];
    }

    /** cvm − cvsd. */
    public double cvlo(int m) {
        return cvm[m] - cvsd[m];
    }
}
