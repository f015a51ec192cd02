package io.daybreak.methods.design.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.daybreak.core.method.InvalidParameterException;
import io.daybreak.core.testing.MethodTestSupport;
import io.daybreak.data.ColumnType;
import io.daybreak.data.Table;

/**
 * design.map-prior against two independent references, on historical data we made up (scenario 1: n = 30, 45, 25, 60,
 * 38, 52, r = 6, 11, 4, 15, 9, 10, mu ~ N(0, 2^2), tau ~ HalfNormal(1); scenario 2: n = 20, 35, 50, 15, r = 2, 12, 9,
 * 6, mu ~ N(-1, 1.5^2), tau ~ HalfNormal(0.5)):
 * <ul>
 * <li>base R adaptive integration, three levels of stats::integrate (docs/validation/r/map/map-integrate.R): the
 * quadrature must agree to 1e-7 (both are good to about 1e-9);</li>
 * <li>RBesT 1.7-2 gMAP (Stan NUTS, 4 chains x 10,000 kept draws, seed 20261203; docs/validation/r/map/map-rbest.R):
 * within 4 Monte Carlo standard errors (rstan's se_mean) for means; quantiles within 4 x sqrt(q(1 - q)/n_eff)/f(x_q)
 * with rstan's n_eff and f the MAP density.</li>
 * </ul>
 */
class MapPriorTest extends MethodTestSupport {
    static final long[] N1 = {30, 45, 25, 60, 38, 52};
    static final long[] R1 = {6, 11, 4, 15, 9, 10};
    static final long[] N2 = {20, 35, 50, 15};
    static final long[] R2 = {2, 12, 9, 6};
    static final double TIGHT = 1e-7;

    // map-integrate.R output (report("scenario 1", ...), report("scenario 2", ...))
    static final double[] TAU2_Q = {0.024642952241707379, 0.40018457423277787, 1.0468330765664868};
    static final double Q1_025 = 0.12254842457489434;
    static final double Q1_50 = 0.21911683319886419;
    static final double Q1_975 = 0.35167107190980113;
    static final double CDF1 = 0.31494862401226603;
    static final double SHRINK1 = 0.21708331893263583;
    static final double TAU2_MEAN = 0.43164800916024371;
    static final double TAU2_SD = 0.27255461749448068;
    static final double MU2_MEAN = -1.1546077007256839;
    static final double MU2_SD = 0.33059353221384885;
    static final double MAP2_MEAN = 0.25434037817279881;
    static final double MAP2_SD = 0.10806111721428949;
    static final double Q2_025 = 0.079927262414309252;
    static final double Q2_50 = 0.24048154481840781;
    static final double Q2_975 = 0.52812538342408566;
    static final double CDF2 = 0.30069938029246124;
    static final double SHRINK2 = 0.19505227158387903;

    static List<MapModel.Study> studies(String prefix, long[] n, long[] r) {
        List<MapModel.Study> out = new ArrayList<>();
        for (int h = 0; h < n.length; h++) {
            out.add(new MapModel.Study(prefix + (h + 1), n[h], r[h]));
        }
        return out;
    }

    static MapOptions options(double muMean, double muSd, double tauScale) {
        return new MapOptions(muMean, muSd, tauScale, 4, null, 4000, 0, 0.5, 1);
    }

    @Test
    void scenarioOneAgreesWithNestedIntegrationInR() {
        MapModel model = new MapModel(studies("S", N1, R1), new MapModel.Hyperprior(0, 2, 1));
        PanelDistribution tau = model.tauPosterior();
        // map-integrate.R, report("scenario 1", ...)
        assertEquals(0.20489391636220808, tau.mean(), TIGHT);
        assertEquals(0.18521375117677524, tau.sd(), TIGHT);
        assertEquals(0.007078350444217953, tau.quantile(0.025), TIGHT);
        assertEquals(0.15665185578024987, tau.quantile(0.5), TIGHT);
        assertEquals(0.68640622635118032, tau.quantile(0.975), TIGHT);
        assertEquals(-1.275873434512752, model.muSummary()[0], TIGHT);
        assertEquals(0.1908726766286114, model.muSummary()[1], TIGHT);
        MapPrior.Result r = MapPrior.compute(studies("S", N1, R1), options(0, 2, 1));
        assertEquals(0.22319992315932441, r.mapMean(), TIGHT);
        assertEquals(0.057217336505991589, r.mapSd(), TIGHT);
        INTEGRATE_1.check(r, model);
    }

    @Test
    void scenarioTwoAgreesWithNestedIntegrationInR() {
        MapModel model = new MapModel(studies("T", N2, R2), new MapModel.Hyperprior(-1, 1.5, 0.5));
        PanelDistribution tau = model.tauPosterior();
        assertEquals(INTEGRATE_2.tauMean, tau.mean(), TIGHT);
        assertEquals(INTEGRATE_2.tauSd, tau.sd(), TIGHT);
        assertEquals(INTEGRATE_2.muMean, model.muSummary()[0], TIGHT);
        assertEquals(INTEGRATE_2.muSd, model.muSummary()[1], TIGHT);
        MapPrior.Result r = MapPrior.compute(studies("T", N2, R2), options(-1, 1.5, 0.5));
        assertEquals(INTEGRATE_2.mapMean, r.mapMean(), TIGHT);
        assertEquals(INTEGRATE_2.mapSd, r.mapSd(), TIGHT);
        assertEquals(TAU2_Q[0], tau.quantile(0.025), TIGHT);
        assertEquals(TAU2_Q[1], tau.quantile(0.5), TIGHT);
        assertEquals(TAU2_Q[2], tau.quantile(0.975), TIGHT);
        INTEGRATE_2.check(r, model);
    }

    /** The rest of map-integrate.R's output for a scenario. */
    record Integrated(double tauMean, double tauSd, double muMean, double muSd, double mapMean, double mapSd,
            double[] mapQuantiles, double cdfAt02, double shrinkage1) {
        void check(MapPrior.Result r, MapModel model) {
            for (int k = 0; k < 3; k++) {
                // R's CDF integrates a step of width tau in mu: good to about 1e-7 in the quantile only
                assertEquals(mapQuantiles[k], r.mapQuantiles()[k], 1e-6, "MAP quantile " + k);
            }
            assertEquals(cdfAt02, model.cdfLogit(Math.log(0.2 / 0.8)), TIGHT);
            assertEquals(shrinkage1, r.shrinkage()[0][0], TIGHT);
        }
    }

    static final Integrated INTEGRATE_1 = new Integrated(0.20489391636220808, 0.18521375117677524, -1.275873434512752,
            0.1908726766286114, 0.22319992315932441, 0.057217336505991589,
            new double[] {Q1_025, Q1_50, Q1_975}, CDF1, SHRINK1);
    static final Integrated INTEGRATE_2 = new Integrated(TAU2_MEAN, TAU2_SD, MU2_MEAN, MU2_SD, MAP2_MEAN, MAP2_SD,
            new double[] {Q2_025, Q2_50, Q2_975}, CDF2, SHRINK2);

    // ---- RBesT 1.7-2 (map-rbest.R): value and Monte Carlo standard error (rstan::monitor: se_mean, MCSE_Q2.5,
    // MCSE_Q50, MCSE_Q97.5, MCSE_SD); asserted within 4 MCSE

    static void within4(double rbest, double mcse, double ours, String what) {
        assertTrue(Math.abs(ours - rbest) <= 4 * mcse, what + ": ours " + ours + ", RBesT " + rbest + " +- " + mcse);
    }

    @Test
    void scenarioOneAgreesWithRbestWithinMonteCarloError() {
        MapPrior.Result r = MapPrior.compute(studies("S", N1, R1), options(0, 2, 1));
        // summary(gMAP(cbind(r, n - r) ~ 1 | study, tau.dist = "HalfNormal", tau.prior = 1, beta.prior = cbind(0, 2)))
        within4(0.20577960266397569, 0.00102430249449481829, r.tauMean(), "tau mean");
        within4(0.007061433717365494, 0.00021082543015803288, r.tauQuantiles()[0], "tau 2.5%");
        within4(0.15792656084579249, 0.00096834694062011839, r.tauQuantiles()[1], "tau median");
        within4(0.68727742686458548, 0.0059992196733988368, r.tauQuantiles()[2], "tau 97.5%");
        within4(-1.27574798566991632, 0.00100783604784926168, r.muMean(), "mu mean");
        within4(0.22320268951334316, 0.00029303483513801887, r.mapMean(), "MAP mean");
        within4(0.057524826840272568, 0.00020859939951494024, r.mapSd(), "MAP sd");
        within4(0.12046624038003982, 0.00078301262492880969, r.mapQuantiles()[0], "MAP 2.5%");
        within4(0.21900681767551122, 0.00022759922699003288, r.mapQuantiles()[1], "MAP median");
        within4(0.35389208623240292, 0.0016603295407259244, r.mapQuantiles()[2], "MAP 97.5%");
    }

    @Test
    void scenarioTwoAgreesWithRbestWithinMonteCarloError() {
        MapPrior.Result r = MapPrior.compute(studies("T", N2, R2), options(-1, 1.5, 0.5));
        // gMAP(..., tau.prior = 0.5, beta.prior = cbind(-1, 1.5))
        within4(0.43159620918406638, 0.00149590271501213513, r.tauMean(), "tau mean");
        within4(0.023987046564735222, 0.00087068028580348199, r.tauQuantiles()[0], "tau 2.5%");
        within4(0.39965205131515169, 0.00190213862523619381, r.tauQuantiles()[1], "tau median");
        within4(1.0458568631147001, 0.0052602420454543886, r.tauQuantiles()[2], "tau 97.5%");
        within4(-1.15470548307681575, 0.00175663303966360905, r.muMean(), "mu mean");
        within4(0.25468966311118918, 0.00055727084868454377, r.mapMean(), "MAP mean");
        within4(0.10785989154360867, 0.00039569930314310232, r.mapSd(), "MAP sd");
        within4(0.081395114253832709, 0.00103797530466176458, r.mapQuantiles()[0], "MAP 2.5%");
        within4(0.24069095590023992, 0.00053906877682007026, r.mapQuantiles()[1], "MAP median");
        within4(0.52918266585890672, 0.0035553239392326352, r.mapQuantiles()[2], "MAP 97.5%");
    }

    // ---- exact functions of a given mixture: docs/validation/r/map/map-exact.R (transcription and RBesT 1.7-2)

    static final BetaMixture M = new BetaMixture(new double[] {0.6, 0.3, 0.1}, new double[] {5.2, 2.3, 1.5},
            new double[] {14.1, 6.8, 1.9});

    @Test
    void effectiveSampleSizesOfAGivenMixture() {
        // transcription, integrate(rel.tol = 1e-13): 11.421293393399591; RBesT ess(m, "elir") = 11.421290336757467
        assertEquals(11.421293393399591, Ess.elir(M), 1e-9);
        assertEquals(11.421290336757467, Ess.elir(M), 1e-5); // RBesT's own integration is good to about 3e-6
        // moment: RBesT ess(m, "moment") = 9.1577355491143386 (closed form)
        assertEquals(9.1577355491143386, Ess.moment(M), 1e-12);
        // morita at the mode (optimize, tol 1e-14): 15.369138200192511; RBesT (its mixmode) 15.369095996963894
        assertEquals(15.369138200192511, Ess.morita(M), 1e-7);
        assertEquals(15.369095996963894, Ess.morita(M), 1e-4);
        assertEquals(0.23582159195689881, Ess.mode(M), 1e-8);
        // robustify(m, weight = 0.2, mean = 0.5) then ess(., "elir") = 7.5734887341690893 (RBesT)
        BetaMixture robust = M.robustify(0.2, 0.5, 1);
        assertEquals(7.5734887341690893, Ess.elir(robust), 1e-6);
        assertEquals(4, robust.size());
        assertEquals(0.48, robust.weights()[0], 1e-15);
        assertEquals(0.24, robust.weights()[1], 1e-15);
        assertEquals(0.08, robust.weights()[2], 1e-15);
        assertEquals(0.2, robust.weights()[3], 1e-15);
        assertEquals(1, robust.a()[3], 0);
        assertEquals(1, robust.b()[3], 0);
        // elir needs a, b >= 1
        assertThrows(IllegalArgumentException.class, () -> Ess.elir(M.robustify(0.2, 0.5, 0)));
    }

    @Test
    void posteriorQuantilesAndMomentsOfAGivenMixture() {
        // postmix(m, r = 7, n = 20): weights 0.672721241509290246, 0.258524702527420769, 0.068754055963288901
        BetaMixture post = M.posterior(7, 20);
        assertEquals(0.67272124150929269, post.weights()[0], 1e-14);
        assertEquals(0.25852470252741844, post.weights()[1], 1e-14);
        assertEquals(0.068754055963288763, post.weights()[2], 1e-14);
        assertEquals(12.2, post.a()[0], 1e-14);
        assertEquals(27.1, post.b()[0], 1e-14);
        // pmix(postmix(m, r = 7, n = 20), 0.3, lower.tail = FALSE)
        assertEquals(0.56023598937902186, post.survival(0.3), 1e-14);
        // uniroot(function(x) pmix(x) - q, tol = 1e-15)
        assertEquals(0.068955204143179363, M.quantile(0.025), 1e-13);
        assertEquals(0.26172010947680918, M.quantile(0.5), 1e-13);
        assertEquals(0.64353482400881956, M.quantile(0.975), 1e-13);
        assertEquals(0.28159985397108228, M.mean(), 1e-15);
        assertEquals(0.14112402925725759, Math.sqrt(M.variance()), 1e-15);
        BetaMixture again = BetaMixture.parse("priorMixture", M.format());
        for (int k = 0; k < 3; k++) {
            assertEquals(M.weights()[k], again.weights()[k], 1e-15);
            assertEquals(M.a()[k], again.a()[k], 0);
            assertEquals(M.b()[k], again.b()[k], 0);
        }
    }

    @Test
    void parsingNamesTheParameterAndComponent() {
        InvalidParameterException e = assertThrows(InvalidParameterException.class,
                () -> BetaMixture.parse("priorMixture", "0.5,2,3;0.5,2"));
        assertTrue(e.getMessage().contains("'priorMixture'") && e.getMessage().contains("component 2"), e.getMessage());
        e = assertThrows(InvalidParameterException.class, () -> BetaMixture.parse("priorMixture", "0.5,2,3;0.4,2,5"));
        assertTrue(e.getMessage().contains("sum to"), e.getMessage());
        e = assertThrows(InvalidParameterException.class, () -> BetaMixture.parse("priorMixture", "1,0,3"));
        assertTrue(e.getMessage().contains("a > 0"), e.getMessage());
    }

    // ---- the EM fit: it must recover a mixture that is its own target (the Kullback-Leibler divergence is then 0)

    static double[][] target(BetaMixture truth) {
        double lo = Math.log(truth.quantile(1e-12) / (1 - truth.quantile(1e-12)));
        double hi = Math.log(truth.quantile(1 - 1e-12) / (1 - truth.quantile(1 - 1e-12)));
        double[][] nodes = Quadrature.legendre(lo, hi, 60);
        int n = nodes[0].length;
        double[][] out = new double[3][n];
        double total = 0;
        for (int i = 0; i < n; i++) {
            double theta = nodes[0][i];
            double p = Quadrature.expit(theta);
            out[0][i] = -Quadrature.log1pExp(-theta);
            out[1][i] = -Quadrature.log1pExp(theta);
            out[2][i] = nodes[1][i] * truth.density(p) * p * (1 - p);
            total += out[2][i];
        }
        for (int i = 0; i < n; i++) {
            out[2][i] /= total;
        }
        return out;
    }

    @Test
    void emRecoversAMixtureThatIsItsOwnTarget() {
        BetaMixture truth = new BetaMixture(new double[] {0.7, 0.3}, new double[] {20, 3}, new double[] {60, 7});
        double[][] t = target(truth);
        BetaMixture fit = MixtureFit.fit(t[0], t[1], t[2], 2, 4000, 6).mixture();
        assertEquals(0.7, fit.weights()[0], 1e-6);
        assertEquals(20, fit.a()[0], 1e-4);
        assertEquals(60, fit.b()[0], 1e-4);
        assertEquals(3, fit.a()[1], 1e-5);
        assertEquals(7, fit.b()[1], 1e-5);
        // one component on a single beta: exactly that beta
        BetaMixture one = MixtureFit.fit(target(BetaMixture.of(4.5, 11))[0], target(BetaMixture.of(4.5, 11))[1],
                target(BetaMixture.of(4.5, 11))[2], 1, 4000, 6).mixture();
        assertEquals(4.5, one.a()[0], 1e-8);
        assertEquals(11, one.b()[0], 1e-8);
        // the AIC prefers two components here, and the M step solves the weighted beta likelihood equations
        List<MixtureFit.Fit> fits = MixtureFit.auto(t[0], t[1], t[2], 3, 4000, 6);
        assertEquals(2, MixtureFit.best(fits).mixture().size());
        double[] ab = MixtureFit.solve(-1.5, -0.4, 2, 2);
        // digamma(a) - digamma(a + b) = -1.5 and digamma(b) - digamma(a + b) = -0.4
        assertEquals(-1.5, org.apache.commons.numbers.gamma.Digamma.value(ab[0])
                - org.apache.commons.numbers.gamma.Digamma.value(ab[0] + ab[1]), 1e-12);
        assertEquals(-0.4, org.apache.commons.numbers.gamma.Digamma.value(ab[1])
                - org.apache.commons.numbers.gamma.Digamma.value(ab[0] + ab[1]), 1e-12);
    }

    @Test
    void emOnASampleAgreesWithRbestMixfit() {
        // map-exact.R: x = qmix(mixbeta(c(0.7, 20, 60), c(0.3, 3, 7)), (1:2000 - 0.5) / 2000), shuffled;
        // mixfit(x, type = "beta", Nc = 2, eps = 8, Niter.max = 20000): w 0.6989656683655513, 0.30103433163444837;
        // a 20.0349732792540145, 3.01175219928930726; b 60.1114846358739996, 7.03222075260996782; lli 2280.8344579557374.
        // RBesT's M step is Nelder-Mead (about 1e-4 in the parameters), so we agree to 2e-4 relative and reach a
        // log-likelihood at least as high
        BetaMixture truth = new BetaMixture(new double[] {0.7, 0.3}, new double[] {20, 3}, new double[] {60, 7});
        int n = 2000;
        double[] logP = new double[n];
        double[] log1mP = new double[n];
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            double x = truth.quantile((i + 0.5) / n);
            logP[i] = Math.log(x);
            log1mP[i] = Math.log1p(-x);
            v[i] = 1.0 / n;
        }
        MixtureFit.Fit fit = MixtureFit.fit(logP, log1mP, v, 2, n, 6);
        BetaMixture m = fit.mixture();
        double[][] rbest = {{0.6989656683655513, 0.30103433163444837}, {20.0349732792540145, 3.01175219928930726},
            {60.1114846358739996, 7.03222075260996782}};
        double[][] ours = {m.weights(), m.a(), m.b()};
        for (int row = 0; row < 3; row++) {
            for (int c = 0; c < 2; c++) {
                assertEquals(rbest[row][c], ours[row][c], 2e-4 * rbest[row][c], "row " + row + ", component " + c);
            }
        }
        double lli = n * fit.meanLogLik();
        assertTrue(lli >= 2280.8344579557374 && lli < 2280.8344579557374 + 0.01, "log-likelihood " + lli);
        // automixfit(x, Nc = 1:4, k = 6): AIC 1: -4146.3990038513921, 2: -4531.6689159114749, 3: -4513.6697941506036,
        // 4: -4495.6702047305507; two components chosen
        List<MixtureFit.Fit> fits = MixtureFit.auto(logP, log1mP, v, 4, n, 6);
        double[] aic = {-4146.3990038513921, -4531.6689159114749, -4513.6697941506036, -4495.6702047305507};
        for (int c = 0; c < 4; c++) {
            assertEquals(aic[c], fits.get(c).aic(), 0.03, "AIC with " + (c + 1) + " components");
        }
        assertEquals(2, MixtureFit.best(fits).mixture().size());
    }

    // ---- the method

    static Map<String, String> params(String... kv) {
        Map<String, String> m = new HashMap<>();
        m.put("patients", "30,45,25,60,38,52");
        m.put("responses", "6,11,4,15,9,10");
        m.put("tauScale", "1");
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    @Test
    @SuppressWarnings("unchecked")
    void methodReportsTheMapPriorItsMixtureAndForestData() throws Exception {
        Map<String, Object> s = run(new MapPriorMethod(), Map.of(), params("robustWeight", "0.2"), 1, out -> {
            Table forest = out.get("forest");
            assertEquals(7, forest.rowCount());
            assertEquals("S1", forest.strings("study").get(0));
            assertEquals("MAP", forest.strings("study").get(6));
            assertEquals(0.2, forest.doubles("estimate").get(0), 1e-15);
            // binom.test(6, 30)$conf.int: 0.077135512001065637 0.385666510996607204
            assertEquals(0.077135512001065637, forest.doubles("lower").get(0), 1e-12);
            assertEquals(0.385666510996607204, forest.doubles("upper").get(0), 1e-12);
            assertEquals(SHRINK1, forest.doubles("shrinkageMean").get(0), TIGHT);
            assertEquals(0.22319992315932441, forest.doubles("estimate").get(6), TIGHT);
            Table robust = out.get("robustMixture");
            Table mixture = out.get("mixture");
            assertEquals(mixture.rowCount() + 1, robust.rowCount());
            assertEquals(0.2, robust.doubles("w").get(robust.rowCount() - 1), 1e-15);
        });
        assertEquals(6L, s.get("studies"));
        assertEquals(0.22319992315932441, (Double) s.get("mapMean"), TIGHT);
        BetaMixture mixture = BetaMixture.parse("mixture", (String) s.get("mixture"));
        // the fitted mixture reproduces the MAP prior's mean and sd closely (a fit, not exact)
        assertEquals((Double) s.get("mapMean"), mixture.mean(), 5e-4);
        assertEquals((Double) s.get("mapSd"), Math.sqrt(mixture.variance()), 2e-3);
        assertEquals(Ess.elir(mixture), (Double) s.get("essElir"), 1e-12);
        List<Object> aic = (List<Object>) s.get("aic");
        assertEquals(4, aic.size());
        // the same studies as an input table give the same numbers
        Map<String, String> p = params();
        p.remove("patients");
        p.remove("responses");
        try (Table studies = Table.builder(allocator).add("study", ColumnType.STRING, List.of("S1", "S2", "S3", "S4",
                "S5", "S6")).addFloat64("patients", 30, 45, 25, 60, 38, 52).addFloat64("responses", 6, 11, 4, 15, 9, 10)
                .build()) {
            Map<String, Object> fromTable = run(new MapPriorMethod(), Map.of("studies", studies), p, 1, out -> { });
            Map<String, Object> fromParameters = summary(new MapPriorMethod(), params(), 1);
            for (String key : List.of("mapMean", "mapSd", "tauMean", "mixture", "essElir")) {
                assertEquals(fromParameters.get(key), fromTable.get(key), key);
            }
        }
    }

    @Test
    void badInputIsNamed() {
        InvalidParameterException e = assertThrows(InvalidParameterException.class,
                () -> summary(new MapPriorMethod(), params("responses", "6,11,4,15,9,70"), 1));
        assertTrue(e.getMessage().contains("study 6") && e.getMessage().contains("responses = 70"), e.getMessage());
        e = assertThrows(InvalidParameterException.class,
                () -> summary(new MapPriorMethod(), params("responses", "6,11"), 1));
        assertTrue(e.getMessage().contains("'responses' 2"), e.getMessage());
        e = assertThrows(InvalidParameterException.class,
                () -> summary(new MapPriorMethod(), params("patients", "30,45,25,60,38,52.5"), 1));
        assertTrue(e.getMessage().contains("patients = 52.5"), e.getMessage());
        Map<String, String> none = params();
        none.remove("patients");
        none.remove("responses");
        e = assertThrows(InvalidParameterException.class, () -> summary(new MapPriorMethod(), none, 1));
        assertTrue(e.getMessage().contains("no historical studies"), e.getMessage());
        e = assertThrows(InvalidParameterException.class,
                () -> summary(new MapPriorMethod(), params("components", "5", "maxComponents", "3"), 1));
        assertTrue(e.getMessage().contains("'components'"), e.getMessage());
    }

}
