package io.daybreak.methods.biomarker.selection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.commons.statistics.distribution.ContinuousDistribution;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;

import io.daybreak.core.testing.MethodTestSupport;
import io.daybreak.core.testing.TestMethodContext;
import io.daybreak.data.Table;
import io.daybreak.stats.biomarker.selection.Knockoffs;

/**
 * The lasso knockoff statistics against the R package knockoff 0.3.6 with glmnet 4.1-6
 * ({@code docs/validation/r/biomarker/knockoff-lasso.R}) given the same X, X~, y and folds (knockoff-lasso-data.csv:
 * 120 simulated patients, 10 AR(0.5) markers, three of them in the outcome, X~ from create.second_order(X, "equi")),
 * and a seeded simulation of the FDR and power of knockoff+ with the lasso signed-max statistic.
 */
class KnockoffLassoTest extends MethodTestSupport {
    static final int N = 120;
    static final int P = 10;
    static final double[][] X = new double[N][P];
    static final double[][] XK = new double[N][P];
    static final double[] Y = new double[N];
    static final int[] FOLD = new int[N];
    /** set.seed(7); rbinom(p, 1, 0.5): the swap stat.lasso_lambdasmax and stat.lasso_coefdiff drew. */
    static final boolean[] SWAP = {true, false, false, false, false, true, false, true, false, false};

    static {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                KnockoffLassoTest.class.getResourceAsStream("knockoff-lasso-data.csv"), StandardCharsets.UTF_8))) {
            List<String> lines = in.lines().collect(Collectors.toList());
            for (int i = 0; i < N; i++) {
                String[] f = lines.get(i + 1).split(",");
                for (int j = 0; j < P; j++) {
                    X[i][j] = Double.parseDouble(f[j]);
                    XK[i][j] = Double.parseDouble(f[P + j]);
                }
                Y[i] = Double.parseDouble(f[2 * P]);
                FOLD[i] = Integer.parseInt(f[2 * P + 1]);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void entryLambdasAreLassoMaxLambda() {
        // lasso_max_lambda(cbind(X, Xk), y, method = "glmnet", thresh = 1e-14)
        double[] z = {146.60636274235549, 10.568088479381849, 104.93189097982237, 1.4207724324803901,
            10.568088479381849, 3.537106377490788, 75.103846372284806, 19.709740225674416, 15.221094436431709,
            3.9945200117371895, 3.7021524737247806, 2.9472936024649106, 14.107029694445709, 1.757734843026711,
            7.3374811893109566, 0, 7.4498762866341055, 0.22923309751810958, 10.096951279994023, 0.35086092387799533};
        double[] got = Knockoffs.lassoEntryLambdas(X, XK, Y, null, 1e-14);
        double[] swapped = Knockoffs.lassoEntryLambdas(X, XK, Y, SWAP, 1e-14);
        for (int j = 0; j < 2 * P; j++) {
            assertEquals(z[j], got[j], 1e-12 * z[j], "Z " + j);
            assertEquals(z[j], swapped[j], 1e-12 * z[j], "Z swapped " + j);
        }
    }

    @Test
    void signedMaxIsStatLassoLambdasmax() {
        // set.seed(7); stat.lasso_lambdasmax(X, Xk, y) (glmnet's default thresh = 1e-7; the same with 1e-14)
        double[] w = {146.60636274235549, 10.568088479381849, 104.93189097982237, -1.757734843026711,
            10.568088479381849, 3.537106377490788, 75.103846372284806, 19.709740225674416, 15.221094436431709,
            3.9945200117371895};
        for (double thresh : new double[] {1e-7, 1e-14}) {
            double[] got = Knockoffs.lassoSignedMax(X, XK, Y, SWAP, thresh);
            for (int j = 0; j < P; j++) {
                assertEquals(w[j], got[j], 1e-12 * Math.abs(w[j]), "W " + j + " thresh " + thresh);
            }
        }
        // knockoff.threshold(W, fdr = 0.2) = 3.537106377490788
        assertEquals(3.537106377490788, Knockoffs.threshold(Knockoffs.lassoSignedMax(X, XK, Y, SWAP, 1e-7), 0.2, 1),
                1e-12);
    }

    @Test
    void coefficientDifferenceIsStatLassoCoefdiffWithTheSameFolds() {
        // set.seed(7); stat.lasso_coefdiff(X, Xk, y, foldid = foldid, thresh = 1e-14)
        double[] w = {1.4645921717567583, 0.13918155202386195, 0.96397000601514216, 0, 0.064385211069370563, 0,
            0.61508793727706013, 0.056804129639886382, -0.027716769787737836, 0};
        Knockoffs.LassoCoefficients c = Knockoffs.lassoCoefficientDifference(X, XK, Y, SWAP, FOLD, 1e-14);
        // cv.glmnet(scale(cbind(X, Xk)), y, lambda = <knockoff's grid>, standardize = FALSE, foldid, thresh = 1e-14)
        assertEquals(0.041813281769270308, c.lambdaMin(), 1e-14, "lambda.min (index 224)");
        for (int j = 0; j < P; j++) {
            // the coefficients agree to about 1e-7 at thresh = 1e-14 (glmnet's and Daybreak's rounding paths)
            assertEquals(w[j], c.w()[j], 1e-6, "W " + j);
        }
        // as.numeric(coef(cv, s = "lambda.min"))[-1] without swap
        double[] b = {1.4645921781359288, -0.13918158946870868, -0.984456205235823, 0, -0.092510580567535874, 0,
            0.62627780763570318, 0.056804129210681183, 0.073606351717738994, 0, 0, 0, -0.020486189075717597, 0,
            0.028125358417337796, 0, 0.01118986659129626, 0, -0.10132313282221012, 0};
        double[] got = Knockoffs.lassoCoefficientDifference(X, XK, Y, null, FOLD, 1e-14).coefficients();
        for (int j = 0; j < 2 * P; j++) {
            assertEquals(b[j], got[j], 1e-6, "b " + j);
            assertEquals(b[j] == 0, got[j] == 0, "zero pattern " + j);
        }
    }

    @Test
    void simulatedFdrIsControlledWithPowerByTheLassoStatistic() {
        // 100 replicates, n = 300, p = 40, 10 signals of amplitude 0.3 (KnockoffTest.simulate), knockoff+ at FDR 0.2
        KnockoffTest.assertFdrControlledWithPower("knockoff+ lasso-lambdasmax", 100,
                new TestMethodContext(allocator, 20261203L).random(0), (x, y, rng) -> {
                    boolean[] swap = new boolean[40];
                    for (int j = 0; j < 40; j++) {
                        swap[j] = rng.nextBoolean();
                    }
                    return Knockoffs.lassoSignedMax(x, Knockoffs.secondOrderEqui(x, rng).knockoffs(), y, swap, 1e-7);
                });
    }

    @Test
    void methodWithLassoStatisticsSelectsPlantedMarkers() throws Exception {
        ContinuousDistribution.Sampler z = NormalDistribution.of(0, 1)
                .createSampler(new TestMethodContext(allocator, 7L).random(0));
        double[] y = new double[400];
        double[][] x = KnockoffTest.simulate(z, 400, 12, 0.6, y);
        var builder = Table.builder(allocator).addFloat64("response", y);
        for (int j = 0; j < 12; j++) {
            double[] c = new double[400];
            for (int i = 0; i < 400; i++) {
                c[i] = x[i][j];
            }
            builder.addFloat64("m" + j, c);
        }
        try (Table data = builder.build()) {
            for (String statistic : new String[] {"lasso-lambdasmax", "lasso-coefdiff"}) {
                Map<String, Object> raw = Map.of("outcomeColumn", "response", "fdr", "0.2", "plus", "false",
                        "statistic", statistic);
                Map<String, Object> summary = run(new KnockoffMethod(), Map.of(KnockoffMethod.INPUT, data), raw, 99L,
                        outputs -> {
                            Table t = outputs.get(KnockoffMethod.OUTPUT);
                            for (int j = 0; j < 12; j++) {
                                double a = t.doubles("stat").get(j);
                                double b = t.doubles("stat_knockoff").get(j);
                                double expected = statistic.equals("lasso-lambdasmax")
                                        ? Math.max(a, b) * Math.signum(a - b) : Math.abs(a) - Math.abs(b);
                                assertEquals(expected, t.doubles("w").get(j), 1e-15, statistic + " W " + j);
                            }
                            assertTrue(t.booleans("selected").get(0) && t.booleans("selected").get(4)
                                    && t.booleans("selected").get(8), statistic);
                        });
                assertEquals(statistic.equals("lasso-coefdiff"), summary.containsKey("lambdaMin"), statistic);
            }
        }
    }
}
