package io.daybreak.methods.biomarker.penalized;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import io.daybreak.stats.biomarker.penalized.ElasticNet;
import io.daybreak.stats.biomarker.penalized.Family;
import io.daybreak.stats.biomarker.penalized.GramStatistics;
import io.daybreak.stats.biomarker.penalized.PenalizedPath;
import io.daybreak.stats.biomarker.penalized.PenalizedSettings;

/**
 * The gaussian elastic net from summed sufficient statistics (the design of a federated fit, ADR 0031): three row
 * blocks. Gram statistics added give the pooled fit to 1e-12, and glmnet's path (GlmnetReference, R call there).
 */
class GramElasticNetTest {
    private static final PenalizedSettings TIGHT = PenalizedSettings.defaults().withThresh(1e-14);

    private static GramStatistics block(int from, int to) {
        double[][] x = new double[EnetData.P][];
        for (int j = 0; j < EnetData.P; j++) {
            x[j] = Arrays.copyOfRange(EnetData.X[j], from, to);
        }
        return GramStatistics.of(x, Arrays.copyOfRange(EnetData.Y, from, to));
    }

    private static void assertSame(PenalizedPath pooled, PenalizedPath summed, double tolerance, String what) {
        assertEquals(pooled.size(), summed.size(), what);
        for (int m = 0; m < pooled.size(); m++) {
            assertEquals(pooled.lambda()[m], summed.lambda()[m], 1e-12 * pooled.lambda()[m], what + " lambda " + m);
            assertEquals(pooled.intercept()[m], summed.intercept()[m], tolerance, what + " intercept " + m);
            for (int j = 0; j < EnetData.P; j++) {
                assertEquals(pooled.beta()[m][j], summed.beta()[m][j], tolerance, what + " x" + (j + 1) + " at " + m);
            }
        }
    }

    @Test
    void summedSiteStatisticsGiveThePooledFit() {
        GramStatistics sites = block(0, 30).plus(block(30, 65)).plus(block(65, 100));
        PenalizedSettings[] cases = {TIGHT, TIGHT.withAlpha(0.5).withPenaltyFactor(EnetData.PF), TIGHT.withAlpha(0),
            TIGHT.withAlpha(0.5).withStandardize(false), TIGHT.withIntercept(false)};
        for (PenalizedSettings s : cases) {
            PenalizedPath pooled = ElasticNet.fit(EnetData.data(Family.GAUSSIAN), s);
            assertSame(pooled, ElasticNet.fitGram(sites, s), 1e-9, "alpha " + s.alpha());
        }
        // and glmnet's lasso path (glmnet(X, y, thresh = 1e-12))
        PenalizedPath summed = ElasticNet.fitGram(sites, TIGHT);
        assertEquals(GlmnetReference.GAUSSIAN_LASSO.lambda().length, summed.size());
        for (int k = 0; k < GlmnetReference.GAUSSIAN_LASSO.at().length; k++) {
            int m = GlmnetReference.GAUSSIAN_LASSO.at()[k] - 1;
            double[] expected = GlmnetReference.GAUSSIAN_LASSO.coefficients()[k];
            assertEquals(expected[0], summed.intercept()[m], 1e-5);
            for (int j = 0; j < EnetData.P; j++) {
                assertEquals(expected[j + 1], summed.beta()[m][j], 1e-5, "x" + (j + 1) + " at " + (m + 1));
            }
        }
    }
}
