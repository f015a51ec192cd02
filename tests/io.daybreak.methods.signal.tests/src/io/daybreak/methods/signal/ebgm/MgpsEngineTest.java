package io.daybreak.methods.signal.ebgm;

import static io.daybreak.core.testing.MethodTestSupport.assertRelative;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.daybreak.stats.signal.ebgm.DataSquashing;
import io.daybreak.stats.signal.ebgm.HyperparameterFit;
import io.daybreak.stats.signal.ebgm.MgpsPosterior;
import io.daybreak.stats.signal.ebgm.MgpsPrior;
import io.daybreak.stats.signal.ebgm.MixtureLikelihood;
import io.daybreak.stats.signal.ebgm.PairData;

/**
 * The MGPS engine against openEBGM 0.9.1 (R 4.2.2) on the seeded synthetic pairs; every value below is printed by
 * docs/validation/r/signal/ebgm_reference.R with the R call beside it.
 *
 * <p>Tolerances. The likelihood and the posterior are closed-form: 1e-12 and 1e-8 (openEBGM's posterior values are
 * rounded by {@code digits = 12}). Hyperparameters are the optimum of a flat likelihood: nlminb stops on a relative
 * change of the objective of 1e-10, and openEBGM's own five starts differ by up to 1e-4 relative (alpha2 12.57370 to
 * 12.57486), so we require (a) our objective at our optimum to be no larger than R's at R's (within 1e-9 relative),
 * (b) each hyperparameter within 1e-4 relative of R's and (c) our five starts to agree with one another to 1e-5.
 */
class MgpsEngineTest {
    static final double[] THETA_FIX = {0.3, 0.2, 3, 2.5, 0.25};
    // autoHyper(processed, theta_init, squashed = FALSE)$estimates (method nlminb, num_close 4)
    static final double[] R_FULL = {0.91568651972964588, 0.610270858001982, 12.573702094906576, 16.602216102854669,
        0.30437781165251082};
    static final double R_FULL_NEGLL = 6517.7771339547244; // negLL(estimates, N, E, N_star = 1)
    // sq2 <- squashData(squashData(processed), count = 2, bin_size = 10, keep_pts = 50);
    // autoHyper(sq2, theta_init)$estimates
    static final double[] R_SQUASHED = {0.91676804625377972, 0.6105374739271896, 12.587621554677366,
        16.621191066797302, 0.30423776731798047};
    static final double R_SQUASHED_NEGLL = 6517.5001493170012; // negLLsquash(estimates, N, E, weight, N_star = 1)

    static EbgmTestData data;

    @BeforeAll
    static void load() throws Exception {
        data = EbgmTestData.load();
    }

    @Test
    void dataAreTheSyntheticPairs() {
        // nrow(processed); table(processed$N)[1:3]
        assertEquals(6045, data.n.length);
        assertEquals(3831, count(1));
        assertEquals(1135, count(2));
        assertEquals(443, count(3));
    }

    private static int count(int k) {
        int c = 0;
        for (int v : data.n) {
            c += v == k ? 1 : 0;
        }
        return c;
    }

    @Test
    void likelihoodsMatchOpenEbgm() {
        PairData all = PairData.of(data.n, data.e);
        // negLL(c(0.3, 0.2, 3, 2.5, 0.25), processed$N, processed$E, N_star = 1)
        assertRelative(6776.1664865850771, new MixtureLikelihood(all, 1).value(THETA_FIX), 1e-12, "negLL N*=1");
        // p3 <- processed[processed$N >= 3, ]; negLL(theta_fix, p3$N, p3$E, N_star = 3)
        assertRelative(2034.2241981238622, new MixtureLikelihood(all.atLeast(3), 3).value(THETA_FIX), 1e-12,
                "negLL N*=3");
        // negLLzero's formula: -sum(log(0.25 * dnbinom(N, 0.3, 0.2/(0.2+E)) + 0.75 * dnbinom(N, 3, 2.5/(2.5+E))))
        assertRelative(12385.530271125841, new MixtureLikelihood(all, 0).value(THETA_FIX), 1e-12, "untruncated");
    }

    @Test
    void gradientIsTheDerivativeOfTheLikelihood() {
        for (int nStar : new int[] {0, 1, 3}) {
            MixtureLikelihood lik = new MixtureLikelihood(PairData.of(data.n, data.e).atLeast(nStar), nStar);
            double[] g = new double[5];
            lik.evaluate(THETA_FIX, g);
            for (int j = 0; j < 5; j++) {
                double h = 1e-5 * THETA_FIX[j];
                double[] up = THETA_FIX.clone();
                double[] down = THETA_FIX.clone();
                up[j] += h;
                down[j] -= h;
                double fd = (lik.value(up) - lik.value(down)) / (2 * h);
                assertRelative(fd, g[j], 1e-6, "d/dtheta" + j + " at N* = " + nStar);
            }
        }
    }

    @Test
    void unsquashedFitMatchesAutoHyper() {
        HyperparameterFit.Result fit = HyperparameterFit.fit(new MixtureLikelihood(PairData.of(data.n, data.e), 1));
        assertTrue(fit.converged());
        assertEquals(4, fit.numClose()); // num_close = 4 in R too
        assertTrue(fit.negLogLik() <= R_FULL_NEGLL * (1 + 1e-9), "our optimum " + fit.negLogLik());
        double[] est = fit.prior().toArray();
        for (int j = 0; j < 5; j++) {
            assertRelative(R_FULL[j], est[j], 1e-4, "theta " + j);
        }
        for (HyperparameterFit.Start s : fit.starts()) {
            assertTrue(s.converged() && s.inBounds(), "start " + s.index() + ": " + s.message());
            for (int j = 0; j < 5; j++) {
                assertRelative(est[j], s.estimate()[j], 1e-5, "start " + s.index() + " theta " + j);
            }
        }
    }

    @Test
    void squashingMatchesSquashData() {
        PairData all = PairData.of(data.n, data.e);
        PairData sq1 = DataSquashing.squash(all, 1, 50, 100);
        PairData sq2 = DataSquashing.squash(sq1, 2, 10, 50);
        // nrow(sq1) = 2389, sum(w) = 6045, sum(w*E) = 7118.889871179591, sum(E^2) = 22693.152095127371
        assertSquashed(sq1, 2389, 7118.889871179591, 22693.152095127371);
        // nrow(sq2) = 1413, sum(w*E) = 7118.889871179591, sum(E^2) = 20951.542521567648
        assertSquashed(sq2, 1413, 7118.889871179591, 20951.542521567648);
        // sq2$E[sq2$N == 1][1:3] and weights 50 50 50
        assertRelative(0.022877831102130167, sq2.e()[0], 1e-14, "first bin");
        assertRelative(0.043979119306222107, sq2.e()[1], 1e-14, "second bin");
        assertRelative(0.056889786983244928, sq2.e()[2], 1e-14, "third bin");
        assertEquals(50, sq2.w()[0]);
        // autoSquash(processed): nrow = 1047, sum(w*E) = 7118.889871179591, sum(E^2) = 19540.159812065198
        assertSquashed(DataSquashing.autoSquash(all), 1047, 7118.889871179591, 19540.159812065198);
        assertThrows(IllegalArgumentException.class, () -> DataSquashing.squash(sq1, 1, 50, 100),
                "already squashed");
        assertThrows(IllegalArgumentException.class, () -> DataSquashing.squash(all, 9, 50, 100),
                "not enough points");
    }

    private static void assertSquashed(PairData d, int rows, double sumWe, double sumE2) {
        assertEquals(rows, d.size(), "rows");
        assertEquals(6045, d.totalWeight(), 0, "weights");
        double swe = 0;
        double se2 = 0;
        for (int i = 0; i < d.size(); i++) {
            swe += d.w()[i] * d.e()[i];
            se2 += d.e()[i] * d.e()[i];
        }
        assertRelative(sumWe, swe, 1e-12, "sum w E");
        assertRelative(sumE2, se2, 1e-12, "sum E^2");
    }

    @Test
    void squashedFitMatchesAutoHyper() {
        PairData sq2 = DataSquashing.squash(DataSquashing.squash(PairData.of(data.n, data.e), 1, 50, 100), 2, 10, 50);
        HyperparameterFit.Result fit = HyperparameterFit.fit(new MixtureLikelihood(sq2, 1));
        assertTrue(fit.converged());
        assertTrue(fit.negLogLik() <= R_SQUASHED_NEGLL * (1 + 1e-9), "our optimum " + fit.negLogLik());
        double[] est = fit.prior().toArray();
        for (int j = 0; j < 5; j++) {
            assertRelative(R_SQUASHED[j], est[j], 1e-4, "theta " + j);
        }
    }

    @Test
    void truncatedAtTwoHasNoInBoundsOptimum() {
        // exploreHypers(processed[N >= 2, ], theta_init, squashed = FALSE, N_star = 2): starts 1, 3, 4, 5 reach
        // negLL 3302.732012 with alpha2 ~ 127.4 > param_limit 100 (out of bounds); autoHyper fails to converge
        HyperparameterFit.Result fit = HyperparameterFit.fit(
                new MixtureLikelihood(PairData.of(data.n, data.e).atLeast(2), 2));
        assertFalse(fit.converged());
        assertNull(fit.prior());
        HyperparameterFit.Start first = fit.starts().get(0);
        assertRelative(3302.732012, first.negLogLik(), 1e-9, "negLL");
        // R labels that component 2; we report the component of larger prior mean first, so it is component 1 here
        // (the same mixture with the components exchanged)
        assertRelative(127.41, first.estimate()[0], 1e-3, "alpha1 (R's alpha2)");
        assertFalse(first.inBounds());
    }

    @Test
    void posteriorMatchesEbScores() {
        MgpsPosterior post = new MgpsPosterior(MgpsPrior.of(R_FULL));
        // th <- autoHyper(...)$estimates; eb <- ebScores(processed, list(estimates = th), c(5, 95), digits = 12)$data
        // qn <- Qn(th, N, E); pex <- qn * pgamma(2, th[1] + N, th[2] + E, lower.tail = FALSE)
        //                          + (1 - qn) * pgamma(2, th[3] + N, th[4] + E, lower.tail = FALSE)
        // rows: row, Qn, EBGM, QUANT_05, QUANT_95, P(lambda > 2)
        double[][] r = {
            {1, 0.33226089699857192, 0.97208497762900004, 0.45536945420899999, 3.4740060937630002, 0.13836905472684899},
            {2, 0.27118505362134876, 0.904598880281, 0.48652055581100001, 2.3120952015160001, 0.072103387780183575},
            {3, 0.29189841333410638, 0.89284484866500002, 0.43950518493599999, 2.7787490658239999,
                0.095352195890932023},
            {2575, 0.99999862002181517, 3.3473267741930002, 2.7153949274900002, 4.0901896235799997,
                0.99993600668168636},
            {1128, 0.46413678287231813, 0.36816330326000002, 0.170895062864, 0.63655981348799995,
                8.0071645471835612e-14},
            {13, 0.3171549868083669, 0.94157180925700001, 0.44981910195300001, 3.2110367795100001, 0.1219770267119796},
            {1000, 0.20179971903863284, 0.82734572118500005, 0.48767274857699999, 1.5368972200369999,
                0.019691657387311292},
            {4000, 0.37668681802635678, 1.0961910862599999, 0.55599089472600005, 3.0486947832909999,
                0.15625264301638436},
            {6000, 0.2102217517409174, 0.72678452546399996, 0.37246387494900002, 1.387367403094, 0.01763747405764661},
        };
        for (double[] row : r) {
            int i = (int) row[0] - 1;
            int n = data.n[i];
            double e = data.e[i];
            double qn = post.qn(n, e);
            String at = "row " + (i + 1);
            assertRelative(row[1], qn, 1e-12, "Qn " + at);
            assertRelative(row[2], post.ebgm(n, e, qn), 1e-8, "EBGM " + at);
            assertRelative(row[3], post.quantile(n, e, qn, 0.05), 1e-8, "QUANT_05 " + at);
            assertRelative(row[4], post.quantile(n, e, qn, 0.95), 1e-8, "QUANT_95 " + at);
            assertRelative(row[5], post.exceedance(n, e, qn, 2), 1e-10, "P(lambda > 2) " + at);
            // the quantiles are roots of the mixture CDF
            assertEquals(0.05, post.cdf(n, e, qn, post.quantile(n, e, qn, 0.05)), 1e-14, "CDF at EB05 " + at);
        }
    }

    @Test
    void badInputIsRefusedWithTheRowAndValue() {
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
                () -> PairData.of(new int[] {1, 2}, new double[] {0.5, -1}));
        assertTrue(ex.getMessage().contains("row 2") && ex.getMessage().contains("-1"), ex.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new MgpsPrior(0.2, 0.1, 2, 4, 1.0));
    }
}
