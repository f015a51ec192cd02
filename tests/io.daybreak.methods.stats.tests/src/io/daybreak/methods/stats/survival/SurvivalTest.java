package io.daybreak.methods.stats.survival;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.daybreak.core.method.InvalidParameterException;
import io.daybreak.methods.stats.StatsTestSupport;

/**
 * Survival methods against R 4.2.2 / survival 3.5.3 (docs/validation/r/stats/reference.R and its output
 * reference.out), and federated (sites = inst %% 3) against pooled to at least 10 significant digits.
 */
class SurvivalTest extends StatsTestSupport {
    private static final Map<String, Object> LUNG_EVENT = Map.of("eventValue", "2");

    private Map<String, Object> lung(SurvivalMethodFactory method, Map<String, String> raw) throws Exception {
        Map<String, Object> all = new HashMap<>(LUNG_EVENT);
        all.putAll(raw);
        return run(method.create(), LUNG, all);
    }

    /** Creates a fresh method instance. */
    @FunctionalInterface
    private interface SurvivalMethodFactory {
        io.daybreak.core.method.Method create();
    }

    @Test
    void coxEfronAndBreslowMatchCoxphAndFederatedEqualsPooled() throws Exception {
        // coxph(Surv(time, status) ~ age + sex, lung, control = coxph.control(eps = 1e-14, toler.chol = 1e-15)):
        // Efron; R's default eps = 1e-9 stops 5e-9 (relative) short of these (methods.md's values)
        Map<String, Object> efron = lung(CoxMethod::new, Map.of("covariates", "age,sex"));
        double[] beta = doubles(efron.get("coefficients"));
        double[] se = doubles(efron.get("standardErrors"));
        double[] loglik = doubles(efron.get("logLikelihood"));
        assertEquals(List.of("age", "sex"), efron.get("terms"), "the summary names its coefficients (no intercept)");
        assertRelative(0.0170453318501651, beta[0], 1e-10, "age");
        assertRelative(-0.5132185198361823, beta[1], 1e-10, "sex");
        assertRelative(0.00922327347725708, se[0], 1e-10, "se age");
        assertRelative(0.16745796243624203, se[1], 1e-10, "se sex");
        assertRelative(0.0170453318454113, beta[0], 1e-8, "age, methods.md");
        assertRelative(-0.5132185171083844, beta[1], 1e-8, "sex, methods.md");
        assertRelative(-749.909801390395, loglik[0], 1e-12, "null log-likelihood");
        assertRelative(-742.848245783770, loglik[1], 1e-12, "log-likelihood");
        Map<String, Object> breslow = lung(CoxMethod::new, Map.of("covariates", "age,sex", "ties", "breslow"));
        assertRelative(0.0170128891984432, doubles(breslow.get("coefficients"))[0], 1e-8, "breslow age");
        assertRelative(-0.5125647915187186, doubles(breslow.get("coefficients"))[1], 1e-8, "breslow sex");
        assertRelative(0.16746206314235360, doubles(breslow.get("standardErrors"))[1], 1e-7, "breslow se sex");
        assertRelative(-743.079654197999, doubles(breslow.get("logLikelihood"))[1], 1e-12, "breslow log-likelihood");

        Map<String, Object> federated = lung(CoxMethod::new, Map.of("covariates", "age,sex", "siteColumn", "site"));
        assertEquals(3L, federated.get("sites"));
        for (int a = 0; a < 2; a++) {
            assertRelative(beta[a], doubles(federated.get("coefficients"))[a], 1e-11, "federated coefficient " + a);
            assertRelative(se[a], doubles(federated.get("standardErrors"))[a], 1e-11, "federated se " + a);
        }
        assertRelative(loglik[1], doubles(federated.get("logLikelihood"))[1], 1e-13, "federated log-likelihood");
    }

    @Test
    void coxStratifiedBySiteMatchesCoxphWithStrata() throws Exception {
        // coxph(Surv(time, status) ~ age + sex + strata(site), lung, control = coxph.control(eps = 1e-14, ...))
        Map<String, Object> bySite = lung(CoxMethod::new, Map.of("covariates", "age,sex", "siteColumn", "site",
                "stratifyBySite", "true"));
        Map<String, Object> strata = lung(CoxMethod::new, Map.of("covariates", "age,sex", "strata", "site"));
        double[] r = {0.0160644360765238, -0.5182294382509771};
        double[] rSe = {0.00939510177902871, 0.17136532943949084};
        for (int a = 0; a < 2; a++) {
            assertRelative(r[a], doubles(bySite.get("coefficients"))[a], 1e-10, "coefficient " + a);
            assertRelative(rSe[a], doubles(bySite.get("standardErrors"))[a], 1e-10, "se " + a);
            assertRelative(doubles(strata.get("coefficients"))[a], doubles(bySite.get("coefficients"))[a], 1e-11,
                    "site strata = strata column");
        }
        assertRelative(-577.760628634965, doubles(bySite.get("logLikelihood"))[1], 1e-12, "log-likelihood");
    }

    @Test
    void coxDropsIncompleteRowsAsR() throws Exception {
        // coxph(Surv(time, status) ~ age + sex + ph.ecog, lung): n = 227 (one ph.ecog missing)
        Map<String, Object> fit = lung(CoxMethod::new, Map.of("covariates", "age,sex,ph.ecog", "siteColumn", "site"));
        assertEquals(227L, fit.get("n"));
        assertEquals(1L, fit.get("droppedRows"));
        double[] r = {0.0110667645600735, -0.5526123957036310, 0.4637284753704277};
        for (int a = 0; a < 3; a++) {
            assertRelative(r[a], doubles(fit.get("coefficients"))[a], 1e-8, "coefficient " + a);
        }
        assertRelative(0.11357726616199662, doubles(fit.get("standardErrors"))[2], 1e-7, "se ph.ecog");
    }

    @Test
    void kaplanMeierMatchesSurvfitAndFederatedEqualsPooled() throws Exception {
        // survfit(Surv(time, status) ~ 1, lung); summary(fit, times = c(180, 365, 730))
        Map<String, String> raw = Map.of("times", "180,365,730");
        Map<String, Object> pooled = lung(KaplanMeierMethod::new, raw);
        assertEquals(310.0, doubles(pooled.get("median"))[0]);
        assertEquals(285.0, doubles(pooled.get("medianLower"))[0]);
        assertEquals(363.0, doubles(pooled.get("medianUpper"))[0]);
        double[] s = doubles(pooled.get("atSurvival"));
        double[] se = doubles(pooled.get("atStdErr"));
        double[] lower = doubles(pooled.get("atLower"));
        double[] upper = doubles(pooled.get("atUpper"));
        double[][] r = {{0.721670653409762, 0.0298124194686373, 0.6655423071305964, 0.782532569925231},
            {0.409241624460064, 0.0358236381720378, 0.3447215817958266, 0.485837603547281},
            {0.115693098344539, 0.0282981973176942, 0.0716318249617963, 0.186856791819807}};
        long[] risk = {160, 65, 13};
        for (int i = 0; i < 3; i++) {
            assertRelative(r[i][0], s[i], 1e-12, "S " + i);
            assertRelative(r[i][1], se[i], 1e-10, "se " + i);
            assertRelative(r[i][2], lower[i], 1e-10, "lower " + i);
            assertRelative(r[i][3], upper[i], 1e-10, "upper " + i);
            assertEquals(risk[i], doubles(pooled.get("atRisk"))[i]);
        }
        Map<String, String> federatedRaw = new HashMap<>(raw);
        federatedRaw.put("siteColumn", "site");
        Map<String, Object> federated = lung(KaplanMeierMethod::new, federatedRaw);
        for (String key : new String[] {"atSurvival", "atStdErr", "atLower", "atUpper", "median"}) {
            double[] a = doubles(pooled.get(key));
            double[] b = doubles(federated.get(key));
            for (int i = 0; i < a.length; i++) {
                assertRelative(a[i], b[i], 1e-14, key + " " + i);
            }
        }
        // by sex: medians 270 (212-310) and 426 (348-550)
        Map<String, Object> bySex = lung(KaplanMeierMethod::new, Map.of("groupBy", "sex"));
        assertEquals(java.util.List.of(270.0, 426.0), bySex.get("median"));
        assertEquals(java.util.List.of(212.0, 348.0), bySex.get("medianLower"));
        assertEquals(java.util.List.of(310.0, 550.0), bySex.get("medianUpper"));
    }

    @Test
    void logRankMatchesSurvdiffPooledAndStratifiedBySite() throws Exception {
        // survdiff(Surv(time, status) ~ sex, lung): chisq 10.3267419548856, expected 91.58, 73.42
        Map<String, Object> pooled = lung(LogRankMethod::new, Map.of("group", "sex", "siteColumn", "site"));
        assertRelative(10.3267419548856, (Double) pooled.get("chiSquare"), 1e-12, "chi-square");
        assertRelative(91.5817390295728, doubles(pooled.get("expected"))[0], 1e-12, "expected");
        assertEquals(1L, pooled.get("df"));
        // survdiff(Surv(time, status) ~ sex + strata(site), lung): chisq 10.1437990535992
        Map<String, Object> bySite = lung(LogRankMethod::new, Map.of("group", "sex", "siteColumn", "site",
                "stratifyBySite", "true"));
        assertRelative(10.1437990535992, (Double) bySite.get("chiSquare"), 1e-12, "stratified chi-square");
        Map<String, Object> strata = lung(LogRankMethod::new, Map.of("group", "sex", "strata", "site"));
        assertRelative(10.1437990535992, (Double) strata.get("chiSquare"), 1e-12, "strata column");
    }

    /** docs/validation/r/stats/meta.R: per-site coxph fits combined by the textbook formulas. */
    @Test
    void metaAnalysisOfSiteFitsIsLabelledAndMatchesR() throws Exception {
        Map<String, Object> fixed = lung(CoxMethod::new, Map.of("covariates", "age,sex", "siteColumn", "site",
                "combine", "fixed"));
        assertEquals(true, fixed.get("method").toString().contains("not exact"));
        assertRelative(0.0170448068931426, doubles(fixed.get("coefficients"))[0], 1e-9, "fixed age");
        assertRelative(-0.510385906395099, doubles(fixed.get("coefficients"))[1], 1e-9, "fixed sex");
        assertRelative(0.170677362359236, doubles(fixed.get("standardErrors"))[1], 1e-9, "fixed se sex");
        Map<String, Object> random = lung(CoxMethod::new, Map.of("covariates", "age,sex", "siteColumn", "site",
                "combine", "random"));
        assertRelative(-0.512312465737096, doubles(random.get("coefficients"))[1], 1e-9, "random sex");
        assertRelative(0.173147015782506, doubles(random.get("standardErrors"))[1], 1e-9, "random se sex");
        assertRelative(0.00220392889771283, doubles(random.get("tau2"))[1], 1e-7, "tau2 sex");
        assertEquals(0.0, doubles(random.get("tau2"))[0]);
        assertThrows(InvalidParameterException.class, () -> lung(CoxMethod::new, Map.of("covariates", "age",
                "combine", "random")));
    }

    @Test
    void badInputIsNamed() {
        InvalidParameterException e = assertThrows(InvalidParameterException.class,
                () -> lung(CoxMethod::new, Map.of("covariates", "age,weight")));
        assertEquals(true, e.getMessage().contains("'weight'"), e.getMessage());
        assertThrows(InvalidParameterException.class, () -> lung(LogRankMethod::new, Map.of("group", "status",
                "eventValue", "2", "strata", "sex", "siteColumn", "site", "time", "nosuch")));
    }
}
