package io.daybreak.stats.biomarker.predictive;

import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.LUDecomposition;
import org.hipparchus.linear.RealMatrix;

/**
 * A linear combination L'β̂ of a fit's coefficients with its standard error √(L'VL) from the fit's covariance V, as
 * computed in R by {@code sum(L * coef(fit))} and {@code sqrt(t(L) %*% vcov(fit) %*% L)}.
 *
 * @param estimate      L'β̂
 * @param standardError √(L'VL)
 */
public record Contrast(double estimate, double standardError) {

    /** The contrast {@code l} of coefficients {@code coefficients} with covariance {@code covariance}. */
    public static Contrast of(double[] coefficients, double[][] covariance, double[] l) {
        if (l.length != coefficients.length || covariance.length != coefficients.length) {
            throw new IllegalArgumentException("contrast of length " + l.length + " for " + coefficients.length
                    + " coefficients");
        }
        double estimate = 0;
        double variance = 0;
        for (int a = 0; a < l.length; a++) {
            estimate += l[a] * coefficients[a];
            for (int b = 0; b < l.length; b++) {
                variance += l[a] * covariance[a][b] * l[b];
            }
        }
        return new Contrast(estimate, Math.sqrt(Math.max(variance, 0)));
    }

    /** The z (or t) statistic estimate / standard error. */
    public double statistic() {
        return estimate / standardError;
    }

    /**
     * The Wald statistic β̂ₛ' Vₛ⁻¹ β̂ₛ of the coefficients at {@code indices} (joint test that they are all 0; chi-square
     * with {@code indices.length} degrees of freedom, or divided by that an F statistic for a gaussian fit).
     *
     * @throws IllegalArgumentException if their covariance is singular
     */
    public static double wald(double[] coefficients, double[][] covariance, int[] indices) {
        int k = indices.length;
        double[][] v = new double[k][k];
        double[] b = new double[k];
        for (int a = 0; a < k; a++) {
            b[a] = coefficients[indices[a]];
            for (int c = 0; c < k; c++) {
                v[a][c] = covariance[indices[a]][indices[c]];
            }
        }
        LUDecomposition lu = new LUDecomposition(new Array2DRowRealMatrix(v, false), 1e-300);
        if (!lu.getSolver().isNonSingular()) {
            throw new IllegalArgumentException("the covariance of the tested coefficients is singular");
        }
        RealMatrix inverse = lu.getSolver().getInverse();
        double w = 0;
        for (int a = 0; a < k; a++) {
            for (int c = 0; c < k; c++) {
                w += b[a] * inverse.getEntry(a, c) * b[c];
            }
        }
        return w;
    }
}
