package io.daybreak.methods.design.blrmmap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.daybreak.core.method.InvalidParameterException;
import io.daybreak.core.testing.MethodTestSupport;
import io.daybreak.data.ColumnType;
import io.daybreak.data.Table;
import io.daybreak.methods.design.blrm.BivariateNormalMixture;
import io.daybreak.methods.design.blrm.BlrmModel;
import io.daybreak.methods.design.blrm.BlrmPosterior;
import io.daybreak.methods.design.blrm.BlrmPosteriorMethod;

/**
 * design.blrm-map-prior against rstan 2.21.7 fitting exactly the same hierarchical model
 * (docs/validation/r/map/blrm/blrm-map.stan, run by blrm-map.R: 4 chains x 25,000 kept draws, adapt_delta 0.99,
 * seed 20261203, no divergences; output blrm-map.out), on two historical data sets we made up. Every statistic (the
 * MAP moments, mean and sd of mu and tau, per-trial shrinkage mean and sd) must agree within 4 combined Monte Carlo
 * SEs, sqrt(se_ours^2 + se_stan^2), both by batch means (100 batches). And a
 * degenerate check: with tau fixed tiny the MAP prior is the pooled posterior of one BLRM, which BlrmPosterior
 * computes by grid quadrature.
 */
class BlrmMapPriorTest extends MethodTestSupport {
    /** Data set A: three trials, d* = 10, the default hyperpriors (tau log-normal). */
    static Map<String, String> setA() {
        Map<String, String> m = new HashMap<>();
        m.put("trials", "H1,H1,H1,H1,H2,H2,H2,H2,H3,H3");
        m.put("doses", "2.5,5,10,20,5,10,20,40,10,20");
        m.put("patients", "3,3,6,6,3,6,6,3,4,4");
        m.put("dlts", "0,0,1,2,0,0,1,2,1,1");
        m.put("doseAmounts", "2.5,5,10,20,40");
        return m;
    }

    /** Data set B: two heterogeneous trials, d* = 4, mu_alpha ~ N(logit 0.2, 2^2), tau half-normal(1, 0.5). */
    static Map<String, String> setB() {
        Map<String, String> m = new HashMap<>();
        m.put("trials", "A,A,A,A,B,B,B");
        m.put("doses", "1,2,4,8,2,4,8");
        m.put("patients", "3,6,6,6,3,6,3");
        m.put("dlts", "0,0,1,3,1,3,2");
        m.put("doseAmounts", "1,2,4,8,16");
        m.put("referenceDose", "4");
        m.put("muMeanLogAlpha", Double.toString(Math.log(0.25)));
        m.put("tauPrior", "halfnormal");
        m.put("tauScaleLogAlpha", "1");
        m.put("tauScaleLogBeta", "0.5");
        return m;
    }

    static final String[] MAP = {"priorMeanLogAlpha", "priorSdLogAlpha", "priorMeanLogBeta", "priorSdLogBeta",
        "priorCorrelation"};

    // blrm-map.out, "== A": estimate and mcse of mapMeanLogAlpha, mapSdLogAlpha, mapMeanLogBeta, mapSdLogBeta,
    // mapCorrelation
    static final double[] STAN_A_MAP = {-2.091016, 0.679509, 0.289672, 0.606009, -0.445533};
    static final double[] STAN_A_MAP_SE = {0.002045, 0.001871, 0.002471, 0.002440, 0.002055};
    // rows mu[1], mu[2], tau[1], tau[2]: mean, mcse of mean, sd, mcse of sd (muLogAlphaMean ... tauLogBetaSd)
    static final double[][] STAN_A_HYPER = {
        {-2.091016, 0.002045, 0.586307, 0.001922},
        {0.289672, 0.002471, 0.576153, 0.002554},
        {0.280639, 0.000686, 0.198035, 0.001179},
        {0.149939, 0.000370, 0.113195, 0.000843}};
    // blrm-map.out, "== A", shrinkage: per trial mean, mcse, sd, mcse of log alpha_j, then the same of log beta_j
    static final double[][] STAN_A_SHRINK = {
        {-2.071097, 0.001862, 0.588093, 0.001848, 0.300583, 0.002437, 0.594587, 0.002670},
        {-2.173295, 0.001972, 0.612772, 0.002082, 0.294143, 0.002392, 0.579637, 0.002666},
        {-2.061396, 0.002277, 0.617307, 0.001676, 0.280492, 0.002549, 0.597794, 0.002753}};
    // blrm-map.out, "== B"
    static final double[] STAN_B_MAP = {-0.918203, 1.230467, 0.193131, 0.788807, -0.039357};
    static final double[] STAN_B_MAP_SE = {0.003930, 0.003705, 0.002755, 0.002621, 0.002083};
    static final double[][] STAN_B_HYPER = {
        {-0.918203, 0.003930, 0.733970, 0.003693},
        {0.193131, 0.002755, 0.637554, 0.003026},
        {0.822492, 0.002369, 0.546669, 0.001753},
        {0.369145, 0.001066, 0.281911, 0.000826}};
    static final double[][] STAN_B_SHRINK = {
        {-1.300231, 0.001875, 0.593383, 0.001837, 0.289287, 0.002830, 0.666382, 0.003534},
        {-0.424948, 0.001945, 0.597684, 0.001680, 0.120179, 0.002897, 0.701090, 0.002941}};
    static final String[] SHRINK = {"meanLogAlpha", "sdLogAlpha", "meanLogBeta", "sdLogBeta"};

    /** Data set C: A's three trials and a far more toxic fourth one, EXNEX with exchangeability 0.8. */
    static Map<String, String> setC() {
        Map<String, String> m = setA();
        m.put("trials", "H1,H1,H1,H1,H2,H2,H2,H2,H3,H3,H4,H4,H4");
        m.put("doses", "2.5,5,10,20,5,10,20,40,10,20,2.5,5,10");
        m.put("patients", "3,3,6,6,3,6,6,3,4,4,3,3,3");
        m.put("dlts", "0,0,1,2,0,0,1,2,1,1,1,2,3");
        m.put("exchangeability", "0.8");
        m.put("iterations", "400000");
        return m;
    }

    // blrm-map-exnex.out (rstan, blrm-map-exnex.stan with the EX/NEX indicators summed out), "== C"
    static final double[] STAN_C_MAP = {-1.941567, 0.906900, 0.192426, 0.687521, -0.417539};
    static final double[] STAN_C_MAP_SE = {0.008600, 0.011058, 0.005227, 0.004516, 0.005815};
    static final double[][] STAN_C_HYPER = {
        {-1.941567, 0.008600, 0.810768, 0.011645},
        {0.192426, 0.005227, 0.660217, 0.004634},
        {0.315637, 0.001807, 0.255923, 0.002517},
        {0.153313, 0.000803, 0.115300, 0.001006}};
    static final double[][] STAN_C_SHRINK = {
        {-1.987690, 0.004638, 0.650180, 0.003404, 0.216903, 0.004603, 0.667401, 0.004218},
        {-2.236714, 0.005092, 0.731483, 0.005006, 0.281570, 0.004576, 0.632812, 0.004721},
        {-1.895084, 0.004949, 0.731739, 0.003731, 0.103052, 0.005209, 0.716695, 0.004118},
        {1.232918, 0.005708, 0.962251, 0.004576, -0.099046, 0.003615, 0.777493, 0.002692}};
    // P(EX) per trial: mean of Stan's pex (the indicator's full-conditional probability) and its batch-means SE
    static final double[][] STAN_C_EX = {{0.887109, 0.003008}, {0.863041, 0.003581}, {0.868843, 0.002965},
        {0.088010, 0.003557}};

    static void within(double expected, double seExpected, double actual, double seActual, String what) {
        double se = Math.sqrt(seExpected * seExpected + seActual * seActual);
        assertTrue(Math.abs(actual - expected) <= 4 * se, what + ": " + actual + " vs rstan " + expected
                + ", 4 combined SEs = " + 4 * se);
    }

    void agreesWithStan(Map<String, String> p, double[] map, double[] mapSe, double[][] hyper, double[][] shrink,
            double largestMcse)
            throws Exception {
        Map<String, Object> s = run(new BlrmMapPriorMethod(), Map.of(), p, 7, out -> {
            Table h = out.get("hyper");
            assertEquals(4, h.rowCount());
            for (int k = 0; k < 4; k++) {
                within(hyper[k][0], hyper[k][1], h.doubles("mean").get(k), h.doubles("meanMcse").get(k),
                        h.strings("parameter").get(k) + " mean");
                within(hyper[k][2], hyper[k][3], h.doubles("sd").get(k), h.doubles("sdMcse").get(k),
                        h.strings("parameter").get(k) + " sd");
            }
            Table t = out.get("shrinkage");
            assertEquals(shrink.length, t.rowCount());
            for (int j = 0; j < shrink.length; j++) {
                for (int c = 0; c < 4; c++) {
                    within(shrink[j][2 * c], shrink[j][2 * c + 1], t.doubles(SHRINK[c]).get(j),
                            t.doubles(SHRINK[c] + "Mcse").get(j), t.strings("trial").get(j) + " " + SHRINK[c]);
                }
            }
        });
        for (int k = 0; k < 5; k++) {
            within(map[k], mapSe[k], (Double) s.get(MAP[k]), (Double) s.get(MAP[k] + "Mcse"), MAP[k]);
            // the Monte Carlo error is small enough to be useful
            assertTrue((Double) s.get(MAP[k] + "Mcse") < largestMcse, MAP[k] + "Mcse " + s.get(MAP[k] + "Mcse"));
        }
        assertTrue((Double) s.get("essMin") > 5000, "essMin " + s.get("essMin"));
        double accept = (Double) s.get("acceptanceMu");
        assertTrue(accept > 0.2 && accept < 0.6, "acceptanceMu " + accept);
    }

    @Test
    void dataSetAAgreesWithStan() throws Exception {
        agreesWithStan(setA(), STAN_A_MAP, STAN_A_MAP_SE, STAN_A_HYPER, STAN_A_SHRINK, 0.01);
    }

    @Test
    void dataSetBAgreesWithStan() throws Exception {
        agreesWithStan(setB(), STAN_B_MAP, STAN_B_MAP_SE, STAN_B_HYPER, STAN_B_SHRINK, 0.01);
    }

    /**
     * EXNEX: the MAP moments, the posterior of mu and tau, each trial's shrinkage estimates and its posterior probability
     * of exchangeability within 4 combined SEs of Stan; the toxic fourth trial is recognised as non-exchangeable.
     */
    @Test
    void dataSetCWithExnexAgreesWithStan() throws Exception {
        // A conflicting trial switching between EX and NEX moves tau_alpha between two regimes: the MAP sd of log alpha
        // is the slowest statistic (Stan: SE 0.011 from 100,000 NUTS draws; here about 0.011 from 400,000 sweeps).
        agreesWithStan(setC(), STAN_C_MAP, STAN_C_MAP_SE, STAN_C_HYPER, STAN_C_SHRINK, 0.015);
        run(new BlrmMapPriorMethod(), Map.of(), setC(), 7, out -> {
            Table t = out.get("shrinkage");
            for (int j = 0; j < 4; j++) {
                within(STAN_C_EX[j][0], STAN_C_EX[j][1], t.doubles("pExchangeable").get(j),
                        t.doubles("pExchangeableMcse").get(j), "trial " + (j + 1) + " P(EX)");
            }
            assertTrue(t.doubles("pExchangeable").get(3) < 0.2, "H4 is not exchangeable");
        });
        // full exchangeability: every trial EX in every sweep
        run(new BlrmMapPriorMethod(), Map.of(), setA(), 7, out -> {
            for (int j = 0; j < 3; j++) {
                assertEquals(1.0, out.get("shrinkage").doubles("pExchangeable").get(j), 0);
            }
        });
    }

    @Test
    void tinyFixedTauGivesThePooledBlrmPosterior() throws Exception {
        Map<String, String> p = setA();
        p.put("tauPrior", "fixed");
        p.put("tauScaleLogAlpha", "0.001");
        p.put("tauScaleLogBeta", "0.001");
        Map<String, Object> s = summary(new BlrmMapPriorMethod(), p, 3);
        // data set A pooled by dose amount: 2.5, 5, 10, 20, 40 mg with 3, 6, 16, 16, 3 patients and 0, 0, 2, 4, 2 DLTs
        BlrmPosterior pooled = BlrmPosterior.prior(BlrmModel.of(new double[] {2.5, 5, 10, 20, 40}, 10, Math.log(1 / 3.0),
                2, 0, 1, 0), new double[] {0.16, 0.33});
        pooled.condition(new int[] {3, 6, 16, 16, 3}, new int[] {0, 0, 2, 4, 2});
        double[] mean = pooled.meanTheta();
        double[] cov = pooled.covarianceTheta();
        // tau = 0.001 adds 1e-6 to each variance; the quadrature is good to far below the Monte Carlo error
        double sdA = Math.sqrt(cov[0] + 1e-6);
        double sdB = Math.sqrt(cov[1] + 1e-6);
        double[] expected = {mean[0], sdA, mean[1], sdB, cov[2] / (sdA * sdB)};
        for (int k = 0; k < 5; k++) {
            within(expected[k], 0, (Double) s.get(MAP[k]), (Double) s.get(MAP[k] + "Mcse"), MAP[k] + " vs pooled");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void priorTableIsTheBlrmPriorOfTheFiveNumbersAndTheTableInputGivesTheSame() throws Exception {
        Map<String, String> p = setA();
        p.put("iterations", "20000");
        Map<String, Object> s = run(new BlrmMapPriorMethod(), Map.of(), p, 11, out -> {
            Table shrink = out.get("shrinkage");
            assertEquals(3, shrink.rowCount());
            assertEquals("H2", shrink.strings("trial").get(1));
            assertEquals(18L, shrink.longs("patients").get(1));
            assertEquals(3L, shrink.longs("dlts").get(1));
        });
        assertEquals(10.0, (Double) s.get("referenceDose"), 0);
        BlrmPosterior prior = BlrmPosterior.prior(BlrmModel.of(new double[] {2.5, 5, 10, 20, 40}, 10,
                (Double) s.get(MAP[0]), (Double) s.get(MAP[1]), (Double) s.get(MAP[2]), (Double) s.get(MAP[3]),
                (Double) s.get(MAP[4])), new double[] {0.16, 0.33});
        run(new BlrmMapPriorMethod(), Map.of(), p, 11, out -> {
            Table t = out.get("prior");
            assertEquals(5, t.rowCount());
            for (int d = 0; d < 5; d++) {
                double[] iv = prior.intervalProbabilities(d);
                assertEquals(iv[0], t.doubles("pUnder").get(d), 1e-15);
                assertEquals(iv[1], t.doubles("pTarget").get(d), 1e-15);
                assertEquals(iv[2], t.doubles("pOver").get(d), 1e-15);
                assertEquals(prior.meanAndSdProbability(d)[0], t.doubles("meanP").get(d), 1e-15);
            }
        });
        Map<String, String> q = setA();
        q.put("iterations", "20000");
        for (String key : List.of("trials", "doses", "patients", "dlts")) {
            q.remove(key);
        }
        try (Table history = Table.builder(allocator).add("trial", ColumnType.STRING, List.of("H1", "H1", "H1", "H1",
                "H2", "H2", "H2", "H2", "H3", "H3")).addFloat64("dose", 2.5, 5, 10, 20, 5, 10, 20, 40, 10, 20)
                .addFloat64("patients", 3, 3, 6, 6, 3, 6, 6, 3, 4, 4).addFloat64("dlts", 0, 0, 1, 2, 0, 0, 1, 2, 1, 1)
                .build()) {
            Map<String, Object> fromTable = run(new BlrmMapPriorMethod(), Map.of("history", history), q, 11, out -> { });
            for (String key : MAP) {
                assertEquals(s.get(key), fromTable.get(key), key + ": same seed, same draws");
            }
        }
    }

    /**
     * The mixture is a fit to the MAP prior itself: per dose its P(over) matches the share of MAP draws over the
     * boundary (each about 20,000 draws, SE at most 0.0035, plus the fit's error), where the moment-matched normal, with
     * lighter tails, may not; priorMixture fed to design.blrm-posterior gives the mixturePrior table; a robust weight
     * adds design.blrm's weak prior as the last component.
     */
    @Test
    @SuppressWarnings("unchecked")
    void mixtureReproducesTheMapPriorAndFeedsTheBlrm() throws Exception {
        Map<String, String> p = setA();
        p.put("iterations", "50000");
        p.put("robustWeight", "0.2");
        double[] overMixture = new double[5];
        Map<String, Object> s = run(new BlrmMapPriorMethod(), Map.of(), p, 5, out -> {
            Table m = out.get("mixture");
            int k = m.rowCount();
            assertTrue(k >= 2 && k <= 5);
            assertTrue(m.booleans("robust").get(k - 1));
            assertEquals(0.2, m.doubles("weight").get(k - 1), 1e-15);
            assertEquals(2.0, m.doubles("sdLogAlpha").get(k - 1), 0);
            assertEquals(4, out.get("mixtureAic").rowCount());
            Table t = out.get("mixturePrior");
            for (int d = 0; d < 5; d++) {
                overMixture[d] = t.doubles("pOver").get(d);
            }
        });
        p.put("robustWeight", "0");
        Map<String, Object> plain = run(new BlrmMapPriorMethod(), Map.of(), p, 5, out -> {
            Table t = out.get("mixturePrior");
            for (int d = 0; d < 5; d++) {
                assertEquals(t.doubles("pOverDraws").get(d), t.doubles("pOver").get(d), 0.012, "dose " + (d + 1));
            }
        });
        assertEquals(((Long) s.get("mixtureComponents")) + 1,
                BivariateNormalMixture.parse("m", (String) s.get("priorMixture")).size());
        // the moment-matched prior comes from the sampler alone: the same with and without the mixture's options
        for (String key : MAP) {
            assertEquals(s.get(key), plain.get(key), key);
        }
        Map<String, String> posterior = new HashMap<>(Map.of("patients", "0,0,0,0,0", "dlts", "0,0,0,0,0",
                "doseAmounts", "2.5,5,10,20,40", "referenceDose", "10", "priorMixture", (String) s.get("priorMixture")));
        run(new BlrmPosteriorMethod(), Map.of(), posterior, 1, out -> {
            for (int d = 0; d < 5; d++) {
                // six significant digits in priorMixture
                assertEquals(overMixture[d], out.get("posterior").doubles("pOver").get(d), 1e-4, "dose " + (d + 1));
            }
        });
    }

    @Test
    void badInputIsRejectedWithItsName() {
        Map<String, String> p = setA();
        p.put("dlts", "0,0,1,2,0,0,1,2,1,5");
        InvalidParameterException e = assertThrows(InvalidParameterException.class,
                () -> summary(new BlrmMapPriorMethod(), p, 1));
        assertTrue(e.getMessage().contains("entry 10") && e.getMessage().contains("dlts = 5"), e.getMessage());
        Map<String, String> q = setA();
        q.put("patients", "3,3,6");
        assertThrows(InvalidParameterException.class, () -> summary(new BlrmMapPriorMethod(), q, 1));
        Map<String, String> r = setA();
        r.put("tauPrior", "gamma");
        e = assertThrows(InvalidParameterException.class, () -> summary(new BlrmMapPriorMethod(), r, 1));
        assertTrue(e.getMessage().contains("tauPrior"), e.getMessage());
        Map<String, String> t = setA();
        t.put("doseAmounts", "1,3,2");
        assertThrows(InvalidParameterException.class, () -> summary(new BlrmMapPriorMethod(), t, 1));
        Map<String, String> u = setA();
        u.remove("trials");
        assertThrows(InvalidParameterException.class, () -> summary(new BlrmMapPriorMethod(), u, 1));
    }
}
