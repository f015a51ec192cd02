package io.daybreak.methods.biomarker.penalized;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import io.daybreak.methods.biomarker.penalized.GlmnetReference.CvRef;
import io.daybreak.methods.biomarker.penalized.GlmnetReference.PathRef;
import io.daybreak.stats.biomarker.penalized.CrossValidatedPath;
import io.daybreak.stats.biomarker.penalized.CrossValidation;
import io.daybreak.stats.biomarker.penalized.ElasticNet;
import io.daybreak.stats.biomarker.penalized.Family;
import io.daybreak.stats.biomarker.penalized.Measure;
import io.daybreak.stats.biomarker.penalized.NewtonFits;
import io.daybreak.stats.biomarker.penalized.PenalizedData;
import io.daybreak.stats.biomarker.penalized.PenalizedPath;
import io.daybreak.stats.biomarker.penalized.PenalizedSettings;
import io.daybreak.stats.biomarker.penalized.Ties;

/**
 * The engine against glmnet 4.1-6 run with {@code thresh = 1e-12} (values in {@link GlmnetReference}, R calls
 * there): the whole λ path (its length, so glmnet's stopping rules too), dev.ratio, and the coefficients
 * (intercept first) at several λ agree to 1e-5; cv.glmnet's cvm and cvsd to 1e-5 and lambda.min, lambda.1se to
 * 1e-7 relative, with the script's foldid.
 */
class ElasticNetGlmnetTest {
    private static final double COEF = 1e-5;
    private static final PenalizedSettings TIGHT = PenalizedSettings.defaults().withThresh(1e-12);

    private static void assertPath(PathRef ref, PenalizedPath path, boolean intercept) {
        assertEquals(ref.lambda().length, path.size(), ref.call() + ": number of lambda values");
        for (int m = 0; m < path.size(); m++) {
            assertEquals(ref.lambda()[m], path.lambda()[m], 1e-7 * ref.lambda()[m], ref.call() + ": lambda " + m);
            assertEquals(ref.devRatio()[m], path.devRatio()[m], 1e-6, ref.call() + ": dev.ratio " + m);
        }
        for (int k = 0; k < ref.at().length; k++) {
            int m = ref.at()[k] - 1;
            double[] expected = ref.coefficients()[k];
            int offset = intercept ? 1 : 0;
            if (intercept) {
                assertEquals(expected[0], path.intercept()[m], COEF, ref.call() + ": intercept at lambda " + (m + 1));
            }
            for (int j = 0; j < path.beta()[m].length; j++) {
                assertEquals(expected[j + offset], path.beta()[m][j], COEF,
                        ref.call() + ": x" + (j + 1) + " at lambda " + (m + 1));
            }
        }
    }

    @Test
    void gaussianPathsAsGlmnet() {
        PenalizedData data = EnetData.data(Family.GAUSSIAN);
        assertPath(GlmnetReference.GAUSSIAN_LASSO, ElasticNet.fit(data, TIGHT), true);
        assertPath(GlmnetReference.GAUSSIAN_ENET_PF, ElasticNet.fit(data, TIGHT.withAlpha(0.5)
                .withPenaltyFactor(EnetData.PF)), true);
        assertPath(GlmnetReference.GAUSSIAN_RIDGE, ElasticNet.fit(data, TIGHT.withAlpha(0)), true);
        assertPath(GlmnetReference.GAUSSIAN_UNSTANDARDIZED, ElasticNet.fit(data, TIGHT.withAlpha(0.5)
                .withStandardize(false)), true);
    }

    /** The proximal-Newton path of the federated fits (ADR 0035) on the pooled rows: the same glmnet references. */
    @Test
    void newtonPathsAsGlmnet() {
        PenalizedData binomial = EnetData.data(Family.BINOMIAL);
        assertPath(GlmnetReference.BINOMIAL_LASSO, NewtonFits.pooled(binomial, TIGHT), true);
        assertPath(GlmnetReference.BINOMIAL_ENET_PF, NewtonFits.pooled(binomial, TIGHT.withAlpha(0.5)
                .withPenaltyFactor(EnetData.PF)), true);
        assertPath(GlmnetReference.BINOMIAL_RIDGE, NewtonFits.pooled(binomial, TIGHT.withAlpha(0)), true);
        PenalizedData cox = EnetData.data(Family.COX);
        assertPath(GlmnetReference.COX_LASSO, NewtonFits.pooled(cox, TIGHT), false);
        assertPath(GlmnetReference.COX_ENET_PF, NewtonFits.pooled(cox, TIGHT.withAlpha(0.5)
                .withPenaltyFactor(EnetData.PF)), false);
        assertPath(GlmnetReference.COX_RIDGE, NewtonFits.pooled(cox, TIGHT.withAlpha(0)), false);
    }

    @Test
    void binomialPathsAsGlmnet() {
        PenalizedData data = EnetData.data(Family.BINOMIAL);
        assertPath(GlmnetReference.BINOMIAL_LASSO, ElasticNet.fit(data, TIGHT), true);
        assertPath(GlmnetReference.BINOMIAL_ENET_PF, ElasticNet.fit(data, TIGHT.withAlpha(0.5)
                .withPenaltyFactor(EnetData.PF)), true);
        assertPath(GlmnetReference.BINOMIAL_RIDGE, ElasticNet.fit(data, TIGHT.withAlpha(0)), true);
    }

    @Test
    void coxBreslowPathsAsGlmnet() {
        PenalizedData data = EnetData.data(Family.COX);
        assertPath(GlmnetReference.COX_LASSO, ElasticNet.fit(data, TIGHT), false);
        assertPath(GlmnetReference.COX_ENET_PF, ElasticNet.fit(data, TIGHT.withAlpha(0.5)
                .withPenaltyFactor(EnetData.PF)), false);
        assertPath(GlmnetReference.COX_RIDGE, ElasticNet.fit(data, TIGHT.withAlpha(0)), false);
    }

    @Test
    void coxRidgeEqualsCoxphRidgeForBothTies() {
        // glmnet minimises -loglik/n + lambda/2 |a|^2 on 1/n-standardised features: coxph's ridge(theta = n lambda)
        PenalizedData data = EnetData.data(Family.COX);
        double[][] cases = {GlmnetReference.COXPH_RIDGE_EFRON_0_05, GlmnetReference.COXPH_RIDGE_EFRON_0_2,
            GlmnetReference.COXPH_RIDGE_BRESLOW_0_05, GlmnetReference.COXPH_RIDGE_BRESLOW_0_2};
        Ties[] ties = {Ties.EFRON, Ties.EFRON, Ties.BRESLOW, Ties.BRESLOW};
        double[] lambda = {0.05, 0.2, 0.05, 0.2};
        for (int c = 0; c < cases.length; c++) {
            PenalizedPath path = ElasticNet.fit(data, TIGHT.withAlpha(0).withTies(ties[c])
                    .withLambda(new double[] {lambda[c]}));
            assertArrayEquals(cases[c], path.beta()[0], COEF, ties[c] + " lambda " + lambda[c]);
        }
        // with ties in the data the two approximations differ
        PenalizedPath efron = ElasticNet.fit(data, TIGHT.withAlpha(0).withTies(Ties.EFRON).withLambda(new double[] {0.05}));
        PenalizedPath breslow = ElasticNet.fit(data, TIGHT.withAlpha(0).withLambda(new double[] {0.05}));
        assertEquals(0.25037905364463364 - 0.20313002078171163, efron.beta()[0][0] - breslow.beta()[0][0], 1e-5);
    }

    @Test
    void wideGaussianWithNaiveUpdatesAsGlmnet() {
        PenalizedData data = EnetData.wide();
        double[] pf = new double[data.features()];
        java.util.Arrays.fill(pf, 1);
        pf[0] = 0;
        pf[2] = 2;
        PenalizedSettings[] settings = {TIGHT, TIGHT.withAlpha(0.3), TIGHT.withAlpha(0.5).withPenaltyFactor(pf)};
        PathRef[] refs = {GlmnetReference.WIDE_LASSO, GlmnetReference.WIDE_ENET, GlmnetReference.WIDE_PF};
        for (int c = 0; c < refs.length; c++) {
            PathRef ref = refs[c];
            PenalizedPath path = ElasticNet.fit(data, settings[c]);
            assertEquals(ref.lambda().length, path.size(), ref.call());
            for (int m = 0; m < path.size(); m++) {
                assertEquals(ref.lambda()[m], path.lambda()[m], 1e-7 * ref.lambda()[m], ref.call() + " lambda " + m);
            }
            for (int k = 0; k < ref.at().length; k++) {
                int m = ref.at()[k] - 1;
                double[] expected = new double[data.features() + 1];
                double[] pairs = ref.coefficients()[k];
                for (int t = 0; t < pairs.length; t += 2) {
                    expected[(int) pairs[t]] = pairs[t + 1];
                }
                assertEquals(expected[0], path.intercept()[m], COEF, ref.call() + " intercept at " + (m + 1));
                for (int j = 0; j < data.features(); j++) {
                    assertEquals(expected[j + 1], path.beta()[m][j], COEF, ref.call() + " x" + (j + 1) + " at " + (m + 1));
                }
            }
        }
    }

    private static void assertCv(CvRef ref, CrossValidatedPath cv) {
        assertEquals(ref.cvm().length, cv.cvm().length, ref.call());
        for (int m = 0; m < ref.cvm().length; m++) {
            assertEquals(ref.cvm()[m], cv.cvm()[m], COEF, ref.call() + " cvm " + m);
            assertEquals(ref.cvsd()[m], cv.cvsd()[m], COEF, ref.call() + " cvsd " + m);
            assertEquals(ref.nzero()[m], cv.fit().df()[m], ref.call() + " nzero " + m);
        }
        assertEquals(ref.lambdaMin(), cv.lambdaMin(), 1e-7 * ref.lambdaMin(), ref.call() + " lambda.min");
        assertEquals(ref.lambda1se(), cv.lambda1se(), 1e-7 * ref.lambda1se(), ref.call() + " lambda.1se");
    }

    @Test
    void crossValidationAsCvGlmnet() {
        assertCv(GlmnetReference.CV_GAUSSIAN, CrossValidation.run(EnetData.data(Family.GAUSSIAN), TIGHT,
                EnetData.FOLD, Measure.DEVIANCE, false));
        assertCv(GlmnetReference.CV_BINOMIAL_DEVIANCE, CrossValidation.run(EnetData.data(Family.BINOMIAL), TIGHT,
                EnetData.FOLD, Measure.DEVIANCE, false));
        assertCv(GlmnetReference.CV_BINOMIAL_AUC, CrossValidation.run(EnetData.data(Family.BINOMIAL), TIGHT,
                EnetData.FOLD, Measure.AUC, true));
        assertCv(GlmnetReference.CV_COX_DEVIANCE, CrossValidation.run(EnetData.data(Family.COX), TIGHT,
                EnetData.FOLD, Measure.DEVIANCE, true));
        assertCv(GlmnetReference.CV_COX_C, CrossValidation.run(EnetData.data(Family.COX), TIGHT,
                EnetData.FOLD, Measure.C_INDEX, false));
    }

    @Test
    void seededFoldsAreBalancedAndReproducible() {
        int[] a = CrossValidation.folds(103, 10, 42);
        assertArrayEquals(a, CrossValidation.folds(103, 10, 42));
        int[] count = new int[11];
        for (int f : a) {
            count[f]++;
        }
        for (int f = 1; f <= 10; f++) {
            assertEquals(f <= 3 ? 11 : 10, count[f], "fold " + f);
        }
    }

    @Test
    void badInputIsRefused() {
        PenalizedData data = EnetData.data(Family.GAUSSIAN);
        assertThrows(IllegalArgumentException.class, () -> ElasticNet.fit(data, TIGHT.withPenaltyFactor(new double[10])));
        assertThrows(IllegalArgumentException.class, () -> ElasticNet.fit(data, TIGHT.withPenaltyFactor(new double[3])));
        assertThrows(IllegalArgumentException.class, () -> TIGHT.withAlpha(1.5));
        assertThrows(IllegalArgumentException.class, () -> CrossValidation.run(data, TIGHT, EnetData.FOLD, Measure.AUC,
                false));
        assertThrows(IllegalArgumentException.class, () -> CrossValidation.run(data, TIGHT, new int[100], Measure.MSE,
                false));
    }
}
