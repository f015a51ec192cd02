package io.daybreak.stats.models.survival;

import java.util.List;

import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.LUDecomposition;
import org.hipparchus.linear.RealMatrix;

/**
 * The log-rank test of equal hazards across k groups, as R's {@code survdiff} (rho = 0): at each distinct
 * event time with n at risk and d events, group g expects d·n_g/n events, with the hypergeometric covariance
 * d(n − d)/(n − 1)·(n_g/n)(δ_gh − n_h/n). With strata, observed, expected and covariance are summed over
 * strata (each stratum's own risk sets); the statistic is (O − E)'V⁻(O − E) on the first k − 1 groups,
 * chi-squared with k − 1 degrees of freedom.
 *
 * @param observed   events per group
 * @param expected   expected events per group
 * @param covariance covariance of O − E
 * @param chiSquare  the test statistic
 * @param df         degrees of freedom
 * @param pValue     upper tail probability
 */
public record LogRank(double[] observed, double[] expected, double[][] covariance, double chiSquare, int df,
        double pValue) {

    /** The test over strata, each given as the event counts by group of that stratum. */
    public static LogRank test(List<EventCounts> strata) {
        int k = strata.get(0).groups();
        double[] observed = new double[k];
        double[] expected = new double[k];
        double[][] covariance = new double[k][k];
        for (EventCounts counts : strata) {
            accumulate(counts, observed, expected, covariance);
        }
        int df = k - 1;
        RealMatrix v = new Array2DRowRealMatrix(df, df);
        double[] difference = new double[df];
        for (int g = 0; g < df; g++) {
            difference[g] = observed[g] - expected[g];
            for (int h = 0; h < df; h++) {
                v.setEntry(g, h, covariance[g][h]);
            }
        }
        double chiSquare = new ArrayRealVector(difference)
                .dotProduct(new LUDecomposition(v).getSolver().solve(new ArrayRealVector(difference)));
        return new LogRank(observed, expected, covariance, chiSquare, df,
                ChiSquaredDistribution.of(df).survivalProbability(chiSquare));
    }

    private static void accumulate(EventCounts counts, double[] observed, double[] expected, double[][] covariance) {
        int k = counts.groups();
        long[] atRisk = new long[k];
        for (int g = 0; g < k; g++) {
            atRisk[g] = counts.size(g);
        }
        for (double t : counts.times()) {
            long[] events = new long[k];
            long[] leaving = new long[k];
            long d = 0;
            long n = 0;
            for (int g = 0; g < k; g++) {
                long[] cell = counts.group(g).get(t);
                if (cell != null) {
                    events[g] = cell[0];
                    leaving[g] = cell[0] + cell[1];
                }
                d += events[g];
                n += atRisk[g];
            }
            if (d > 0) {
                double factor = n > 1 ? (double) d * (n - d) / (n - 1) : 0;
                for (int g = 0; g < k; g++) {
                    observed[g] += events[g];
                    double share = (double) atRisk[g] / n;
                    expected[g] += d * share;
                    for (int h = 0; h < k; h++) {
                        double other = (double) atRisk[h] / n;
                        covariance[g][h] += factor * share * ((g == h ? 1 : 0) - other);
                    }
                }
            }
            for (int g = 0; g < k; g++) {
                atRisk[g] -= leaving[g];
            }
        }
    }
}
