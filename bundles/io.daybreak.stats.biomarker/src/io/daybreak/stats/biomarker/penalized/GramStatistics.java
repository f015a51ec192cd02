package io.daybreak.stats.biomarker.penalized;

/**
 * The sufficient statistics of a gaussian elastic net: sums over rows of x, y, x·xᵀ, x·y and y². They add across
 * row sets (sites), and the fit from their sum equals the fit from the pooled rows ({@link ElasticNet#fitGram}).
 * What a released Gram matrix reveals, and when a site must refuse, is in ADR 0031.
 *
 * @param n     rows
 * @param sumX  Σ x_j per feature
 * @param sumY  Σ y
 * @param sumXX Σ x_j x_k (full symmetric p × p)
 * @param sumXY Σ x_j y
 * @param sumYY Σ y²
 */
public record GramStatistics(long n, double[] sumX, double sumY, double[][] sumXX, double[] sumXY, double sumYY) {

    /** The statistics of the given rows (columns stored feature by feature). */
    public static GramStatistics of(double[][] x, double[] y) {
        int p = x.length;
        int n = y.length;
        double[] sx = new double[p];
        double[][] sxx = new double[p][p];
        double[] sxy = new double[p];
        double sy = 0;
        double syy = 0;
        for (double v : y) {
            sy += v;
            syy += v * v;
        }
        for (int j = 0; j < p; j++) {
            double s = 0;
            for (double v : x[j]) {
                s += v;
            }
            sx[j] = s;
            sxy[j] = ElasticNet.dot(x[j], y, n);
            for (int k = 0; k <= j; k++) {
                sxx[j][k] = ElasticNet.dot(x[j], x[k], n);
                sxx[k][j] = sxx[j][k];
            }
        }
        return new GramStatistics(n, sx, sy, sxx, sxy, syy);
    }

    /** The statistics of both row sets together. */
    public GramStatistics plus(GramStatistics other) {
        int p = sumX.length;
        if (other.sumX.length != p) {
            throw new IllegalArgumentException("statistics of " + p + " and " + other.sumX.length + " features");
        }
        double[] sx = new double[p];
        double[][] sxx = new double[p][p];
        double[] sxy = new double[p];
        for (int j = 0; j < p; j++) {
            sx[j] = sumX[j] + other.sumX[j];
            sxy[j] = sumXY[j] + other.sumXY[j];
            for (int k = 0; k < p; k++) {
                sxx[j][k] = sumXX[j][k] + other.sumXX[j][k];
            }
        }
        return new GramStatistics(n + other.n, sx, sumY + other.sumY, sxx, sxy, sumYY + other.sumYY);
    }
}
