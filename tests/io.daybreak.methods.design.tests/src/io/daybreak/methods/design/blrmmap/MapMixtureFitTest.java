package io.daybreak.methods.design.blrmmap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.apache.commons.statistics.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;

import io.daybreak.methods.design.blrm.BivariateNormalMixture;

/**
 * The bivariate normal mixture fit of the MAP prior against RBesT 1.7-2's {@code mixfit(type = "mvnorm")} and
 * {@code automixfit}, on a deterministic sample both sides build the same way (docs/validation/r/map/blrm/
 * mixture-fit.R, output mixture-fit.out).
 */
class MapMixtureFitTest {
    private static final int N = 4000;

    /** The sample of mixture-fit.R: additive-recurrence uniforms through qnorm, 70% from A, 30% from B. */
    static double[][] sample() {
        NormalDistribution normal = NormalDistribution.of(0, 1);
        double g1 = 0.7548776662466927;
        double g2 = 0.5698402909980532;
        double[][] x = new double[N][];
        for (int i = 1; i <= N; i++) {
            double u = i * g1 - Math.floor(i * g1);
            double v = i * g2 - Math.floor(i * g2);
            double z1 = normal.inverseCumulativeProbability(u);
            double z2 = normal.inverseCumulativeProbability(v);
            x[i - 1] = i <= 0.7 * N ? component(z1, z2, -2.0, 0.3, 0.5, 0.45, -0.5)
                    : component(z1, z2, -1.2, -0.2, 1.2, 0.8, 0.2);
        }
        return x;
    }

    private static double[] component(double z1, double z2, double m1, double m2, double s1, double s2, double r) {
        return new double[] {m1 + s1 * z1, m2 + s2 * (r * z1 + Math.sqrt(1 - r * r) * z2)};
    }

    @Test
    void theSampleIsRsSample() {
        double[][] x = sample();
        // mixture-fit.out, "sample checks"
        assertEquals(-1.655040134921996, x[0][0], 1e-12);
        assertEquals(0.213344635464638, x[0][1], 1e-12);
        assertEquals(-1.167916389145475, x[N - 1][0], 1e-12);
        assertEquals(-0.474257953210823, x[N - 1][1], 1e-12);
    }

    @Test
    void oneAndTwoComponentsAreRBesTsMaximumLikelihoodFits() {
        double[][] x = sample();
        // mixfit(X, type = "mvnorm", Nc = 1): w, m[1], m[2], s[1], s[2], rho
        BivariateNormalMixture.Component one = MapMixtureFit.fit(x, 1).mixture().components().get(0);
        assertComponent(new double[] {1, -1.7596047267, 0.1508297866, 0.8628845378, 0.6199679337, -0.1957677340}, one,
                1e-9);
        // mixfit(X, type = "mvnorm", Nc = 2, Niter.max = 5000, tol = 1e-12): the unique maximum, to EM's tolerance
        MapMixtureFit.Fit two = MapMixtureFit.fit(x, 2);
        assertComponent(new double[] {0.7002681677, -2.0002071177, 0.3006082881, 0.4985483697, 0.4491076008,
            -0.4956142910}, two.mixture().components().get(0), 2e-5);
        assertComponent(new double[] {0.2997318323, -1.1974815973, -0.1991000691, 1.2050712312, 0.7976558523,
            0.1984435442}, two.mixture().components().get(1), 2e-5);
        // AIC(fit, k = 6) = -2 logLik + 6 (6 Nc - 1): logLik -8771.10316471 (Nc 1), -7903.19788029 (Nc 2)
        assertEquals(17572.206329, MapMixtureFit.fit(x, 1).aic()[0], 1e-5);
        assertEquals(15872.395761, two.aic()[1], 1e-3);
    }

    @Test
    void automaticChoiceIsRBesTsTwoComponents() {
        MapMixtureFit.Fit best = MapMixtureFit.fit(sample(), null);
        // automixfit(X, type = "mvnorm") chose 2; its AICs for Nc 3 and 4 are 15908.06 and 15943.62. Three and four
        // components are barely identified (EM's local maxima differ by start), so only their log-likelihoods are
        // checked: little above the two-component one (R: by 0.17 and 0.39), so their AICs are well above.
        assertEquals(2, best.components());
        assertTrue(best.aic()[2] > best.aic()[1] + 30 && best.aic()[3] > best.aic()[1] + 60, Arrays.toString(
                best.aic()));
        assertTrue(best.aic()[0] > best.aic()[1]);
    }

    @Test
    void robustifyScalesTheMapAndAddsTheWeakComponentLast() {
        BivariateNormalMixture map = MapMixtureFit.fit(sample(), 2).mixture();
        BivariateNormalMixture robust = MapMixtureFit.robustify(map, 0.2, -1.0986, 2, 0, 1);
        assertEquals(3, robust.size());
        assertEquals(0.8 * map.components().get(0).weight(), robust.components().get(0).weight(), 1e-15);
        BivariateNormalMixture.Component weak = robust.components().get(2);
        assertEquals(0.2, weak.weight());
        assertEquals(2, weak.sdLogAlpha());
        assertEquals(0, weak.correlation());
        assertEquals(map, MapMixtureFit.robustify(map, 0, -1.0986, 2, 0, 1));
    }

    private static void assertComponent(double[] expected, BivariateNormalMixture.Component c, double tolerance) {
        double[] actual = {c.weight(), c.meanLogAlpha(), c.meanLogBeta(), c.sdLogAlpha(), c.sdLogBeta(),
            c.correlation()};
        for (int k = 0; k < 6; k++) {
            assertEquals(expected[k], actual[k], tolerance, "parameter " + k);
        }
    }
}
