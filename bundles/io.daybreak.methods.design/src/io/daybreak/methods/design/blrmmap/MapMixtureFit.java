package io.daybreak.methods.design.blrmmap;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.apache.commons.rng.UniformRandomProvider;

import io.daybreak.core.method.InvalidParameterException;
import io.daybreak.methods.design.blrm.BivariateNormalMixture;

/**
 * The MAP prior of θ* = (log α*, log β*) as a mixture of bivariate normals, as RBesT's {@code automixfit(type =
 * "mvnorm")} gives it for OncoBayes2: maximum-likelihood fits (EM, {@link BivariateNormalEm}) to draws of θ* with 1 to
 * {@value #MAX_COMPONENTS} components, the one with the smallest AIC with RBesT's penalty of {@value #AIC_PENALTY} per
 * parameter kept.
 */
final class MapMixtureFit {
    static final int MAX_COMPONENTS = 4;
    static final double AIC_PENALTY = 6;
    /** Draws of θ* fitted (the kept sweeps thinned evenly to at most this many). */
    static final int MAX_DRAWS = 10_000;
    /**
     * Choosing K needs each fit's log-likelihood to well within AIC's penalty of 36 per component, so the candidates
     * stop early (log-likelihood increase below 1e-7 per draw, at most 150 iterations); the chosen K is then fitted to
     * convergence (1e-13 per draw). Three or four components are often barely identified and EM crawls along a flat
     * likelihood: run to the end it cost seconds for nothing.
     */
    private static final int SELECT_ITERATIONS = 150;
    private static final double SELECT_TOLERANCE = 1e-7;
    private static final int FINAL_ITERATIONS = 5_000;
    private static final double FINAL_TOLERANCE = 1e-13;

    /**
     * A fitted mixture with its AIC per number of components ({@code NaN} where EM failed: a singular component or
     * no convergence).
     */
    record Fit(BivariateNormalMixture mixture, double[] aic) {
        int components() {
            return mixture.size();
        }
    }

    private MapMixtureFit() {
    }

    /**
     * Draws of θ* = μ + τ·z, z standard normal from {@code random}, at sweeps thinned evenly to at most
     * {@link #MAX_DRAWS}: the MAP prior itself, not a moment summary of it.
     */
    static double[][] predictiveDraws(BlrmMapModel.Draws d, UniformRandomProvider random) {
        int n = d.size();
        int count = Math.min(n, MAX_DRAWS);
        double[][] theta = new double[count][2];
        for (int i = 0; i < count; i++) {
            int s = (int) ((long) i * n / count);
            theta[i][0] = d.mu()[0][s] + d.tau()[0][s] * BlrmMapModel.gaussian(random);
            theta[i][1] = d.mu()[1][s] + d.tau()[1][s] * BlrmMapModel.gaussian(random);
        }
        return theta;
    }

    /** The best of 1 … {@value #MAX_COMPONENTS} components by AIC, or exactly {@code components} when given. */
    static Fit fit(double[][] draws, Integer components) {
        double[] aic = new double[MAX_COMPONENTS];
        Arrays.fill(aic, Double.NaN);
        int chosen = components == null ? 0 : components;
        if (components == null) {
            double bestAic = Double.POSITIVE_INFINITY;
            for (int k = 1; k <= MAX_COMPONENTS; k++) {
                BivariateNormalEm.Result candidate = BivariateNormalEm.fit(draws, k, SELECT_ITERATIONS, SELECT_TOLERANCE);
                if (candidate != null) {
                    aic[k - 1] = aic(candidate, k);
                    if (aic[k - 1] < bestAic) {
                        bestAic = aic[k - 1];
                        chosen = k;
                    }
                }
            }
        }
        BivariateNormalEm.Result fitted = chosen == 0 ? null
                : BivariateNormalEm.fit(draws, chosen, FINAL_ITERATIONS, FINAL_TOLERANCE);
        if (fitted == null) {
            throw new InvalidParameterException("the MAP prior could not be fitted by a mixture of "
                    + (components == null ? "1 to " + MAX_COMPONENTS : String.valueOf(components)) + " bivariate "
                    + "normals (EM lost a component); give 'components' a smaller value");
        }
        aic[chosen - 1] = aic(fitted, chosen);
        return new Fit(toMixture(fitted), aic);
    }

    /** AIC with RBesT's penalty: a weight (less one), two means and three covariance terms per component. */
    private static double aic(BivariateNormalEm.Result fit, int k) {
        return -2 * fit.logLik() + AIC_PENALTY * (6 * k - 1);
    }

    /** The fit as weights, means, sds and correlations, the heaviest component first. */
    private static BivariateNormalMixture toMixture(BivariateNormalEm.Result fitted) {
        List<BivariateNormalMixture.Component> components = new ArrayList<>();
        for (int c = 0; c < fitted.weight().length; c++) {
            double[] cov = fitted.cov()[c];
            double sa = Math.sqrt(cov[0]);
            double sb = Math.sqrt(cov[1]);
            components.add(new BivariateNormalMixture.Component(fitted.weight()[c], fitted.mean()[c][0], sa,
                    fitted.mean()[c][1], sb, cov[2] / (sa * sb)));
        }
        components.sort(Comparator.comparingDouble(BivariateNormalMixture.Component::weight).reversed());
        return new BivariateNormalMixture(components);
    }

    /**
     * The robust MAP prior: the fitted mixture with weight 1 − w and a weakly informative component of weight w, as
     * OncoBayes2's EXNEX prior for the new trial (exchangeable with the history with probability 1 − w) and RBesT's
     * {@code robustify}.
     */
    static BivariateNormalMixture robustify(BivariateNormalMixture map, double weight, double meanLogAlpha,
            double sdLogAlpha, double meanLogBeta, double sdLogBeta) {
        if (weight == 0) {
            return map;
        }
        List<BivariateNormalMixture.Component> components = new ArrayList<>();
        for (BivariateNormalMixture.Component c : map.components()) {
            components.add(new BivariateNormalMixture.Component(c.weight() * (1 - weight), c.meanLogAlpha(),
                    c.sdLogAlpha(), c.meanLogBeta(), c.sdLogBeta(), c.correlation()));
        }
        components.add(new BivariateNormalMixture.Component(weight, meanLogAlpha, sdLogAlpha, meanLogBeta, sdLogBeta, 0));
        return new BivariateNormalMixture(components);
    }
}
