package io.daybreak.stats.models.glm;

/**
 * One IRLS step's sufficient statistics of a data set: X'WX, X'Wz, the deviance and the number of
 * observations, at the current coefficients (or at R's starting means for the first step). They add across
 * sites, so the coordinator's step on the summed statistics is the pooled IRLS step exactly (DataSHIELD's
 * {@code ds.glm} works the same way). Nothing here is a value of a single row: a site releases exactly these
 * sums ({@link GlmSiteStep#release}).
 */
public final class GlmSums {
    public final double[][] xtwx;
    public final double[] xtwz;
    public double deviance;
    public long n;
    /** Σy over the rows: with n, the mean of the response, where the null model's deviance is evaluated. */
    public double sumY;
    /**
     * Σ of each row's log-likelihood at μ = y (binomial with 0/1 responses: 0; poisson: y log y − y − log y!), so the
     * log-likelihood at the fit is this minus half the deviance (gaussian: from the deviance alone).
     */
    public double saturatedLogLikelihood;

    public GlmSums(int p) {
        xtwx = new double[p][p];
        xtwz = new double[p];
    }

    /**
     * The statistics of rows {@code x} (with the intercept column already included) and responses {@code y}
     * at {@code beta}, or at R's starting means when {@code beta} is null.
     */
    public static GlmSums of(double[][] x, double[] y, GlmFamily family, double[] beta) {
        return of(x, y, null, family, beta);
    }

    /**
     * The statistics with an offset per row (null: none), part of the linear predictor η = Xβ + offset, as R's
     * {@code glm(offset = )}: the working response is η − offset + (y − μ)/μ'.
     */
    public static GlmSums of(double[][] x, double[] y, double[] offset, GlmFamily family, double[] beta) {
        int p = x.length == 0 ? (beta == null ? 0 : beta.length) : x[0].length;
        GlmSums sums = new GlmSums(p);
        for (int i = 0; i < y.length; i++) {
            double mu;
            double eta;
            if (beta == null) {
                mu = family.startingMean(y[i]);
                eta = family.link(mu);
            } else {
                eta = offset == null ? 0 : offset[i];
                for (int a = 0; a < p; a++) {
                    eta += x[i][a] * beta[a];
                }
                mu = family.mean(eta);
            }
            double derivative = family.meanDerivative(mu);
            double w = derivative * derivative / family.variance(mu);
            double z = eta - (offset == null ? 0 : offset[i]) + (y[i] - mu) / derivative;
            for (int a = 0; a < p; a++) {
                double wx = w * x[i][a];
                sums.xtwz[a] += wx * z;
                for (int b = 0; b <= a; b++) {
                    sums.xtwx[a][b] += wx * x[i][b];
                }
            }
            sums.deviance += family.deviance(y[i], mu);
            sums.n++;
            sums.sumY += y[i];
            sums.saturatedLogLikelihood += family.saturatedLogLikelihood(y[i]);
        }
        for (int a = 0; a < p; a++) {
            for (int b = 0; b < a; b++) {
                sums.xtwx[b][a] = sums.xtwx[a][b];
            }
        }
        return sums;
    }

    /** Adds another site's statistics. */
    public void add(GlmSums other) {
        for (int a = 0; a < xtwz.length; a++) {
            xtwz[a] += other.xtwz[a];
            for (int b = 0; b < xtwz.length; b++) {
                xtwx[a][b] += other.xtwx[a][b];
            }
        }
        deviance += other.deviance;
        n += other.n;
        sumY += other.sumY;
        saturatedLogLikelihood += other.saturatedLogLikelihood;
    }

    public double deviance() {
        return deviance;
    }

    public long n() {
        return n;
    }

    /** The mean of the response over the rows (Σy / n). */
    public double meanResponse() {
        return sumY / n;
    }

    /**
     * The null deviance as R's {@code glm.fit} computes it for a model with an intercept: the deviance of the rows at
     * μ = the mean response {@code mean} (no iteration: for the canonical links used here the intercept-only fit is
     * that mean exactly).
     */
    public static double nullDeviance(double[] y, GlmFamily family, double mean) {
        double deviance = 0;
        for (double value : y) {
            deviance += family.deviance(value, mean);
        }
        return deviance;
    }
}
