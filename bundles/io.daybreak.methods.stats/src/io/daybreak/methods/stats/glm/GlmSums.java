package io.daybreak.methods.stats.glm;

/**
 * One IRLS step's sufficient statistics of a data set: X'WX, X'Wz, the deviance and the number of
 * observations, at the current coefficients (or at R's starting means for the first step). They add across
 * sites, so the coordinator's step on the summed statistics is the pooled IRLS step exactly (DataSHIELD's
 * {@code ds.glm} works the same way). Nothing here is a value of a single row: a site releases exactly these
 * sums ({@link GlmSiteStep#release}).
 */
public final class GlmSums {
    final double[][] xtwx;
    final double[] xtwz;
    double deviance;
    long n;

    GlmSums(int p) {
        xtwx = new double[p][p];
        xtwz = new double[p];
    }

    /**
     * The statistics of rows {@code x} (with the intercept column already included) and responses {@code y}
     * at {@code beta}, or at R's starting means when {@code beta} is null.
     */
    public static GlmSums of(double[][] x, double[] y, GlmFamily family, double[] beta) {
        int p = x.length == 0 ? (beta == null ? 0 : beta.length) : x[0].length;
        GlmSums sums = new GlmSums(p);
        for (int i = 0; i < y.length; i++) {
            double mu;
            double eta;
            if (beta == null) {
                mu = family.startingMean(y[i]);
                eta = family.link(mu);
            } else {
                eta = 0;
                for (int a = 0; a < p; a++) {
                    eta += x[i][a] * beta[a];
                }
                mu = family.mean(eta);
            }
            double derivative = family.meanDerivative(mu);
            double w = derivative * derivative / family.variance(mu);
            double z = eta + (y[i] - mu) / derivative;
            for (int a = 0; a < p; a++) {
                double wx = w * x[i][a];
                sums.xtwz[a] += wx * z;
                for (int b = 0; b <= a; b++) {
                    sums.xtwx[a][b] += wx * x[i][b];
                }
            }
            sums.deviance += family.deviance(y[i], mu);
            sums.n++;
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
    }

    public double deviance() {
        return deviance;
    }

    public long n() {
        return n;
    }
}
