package io.daybreak.methods.stats.federated;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.daybreak.federation.FederatedMethod;
import io.daybreak.federation.SiteFailedException;
import io.daybreak.federation.policy.DisclosurePolicy;
import io.daybreak.federation.site.LocalSites;
import io.daybreak.methods.stats.glm.GlmFederatedMethod;
import io.daybreak.stats.federated.CoxFederated;
import io.daybreak.methods.stats.survival.CoxFederatedMethod;
import io.daybreak.methods.stats.survival.CoxMethod;
import io.daybreak.stats.models.survival.EventCounts;
import io.daybreak.stats.models.survival.KaplanMeier;
import io.daybreak.methods.stats.survival.KaplanMeierFederated;
import io.daybreak.methods.stats.survival.KaplanMeierFederatedMethod;
import io.daybreak.methods.stats.survival.LogRankFederatedMethod;

/**
 * Federated survival analyses through site nodes: equal to the pooled analyses when the sites' policies allow
 * what exact survival needs, refused (failing closed, naming the site and the rule) when they do not.
 */
class FederatedSurvivalTest extends FederatedTestSupport {
    private static final List<String> COVARIATES = List.of("age", "sex");

    @Test
    void coxWithPooledRiskSetsEqualsThePooledFitWhenEventTimesMayBeReleased() throws Exception {
        // the lung split leaves risk sets of one or two patients at the end of follow-up: allowed here on purpose
        CoxFederated.Result result = cox(sites(Integer.MAX_VALUE, exactCoxPolicy(1)), false);
        Map<String, Object> pooled = run(new CoxMethod(), LUNG, Map.of("covariates", "age,sex", "eventValue", "2"));
        for (int a = 0; a < 2; a++) {
            assertRelative(doubles(pooled.get("coefficients"))[a], result.fit().coefficients()[a], 1e-11, "coef " + a);
            assertRelative(doubles(pooled.get("standardErrors"))[a], result.fit().standardErrors()[a], 1e-11, "se " + a);
        }
        assertRelative(doubles(pooled.get("logLikelihood"))[1], result.fit().logLikelihood(), 1e-13, "log-likelihood");
        assertEquals(165, result.events());
    }

    @Test
    void coxIsRefusedUnderDataShieldDefaultsAndForTinyRiskSets() throws Exception {
        SiteFailedException times = assertThrows(SiteFailedException.class, () -> cox(
                sites(Integer.MAX_VALUE, DisclosurePolicy.DATASHIELD_DEFAULTS), false));
        assertEquals("site0", times.site());
        assertTrue(times.getMessage().contains("event-times"), times.getMessage());
        SiteFailedException tail = assertThrows(SiteFailedException.class, () -> cox(
                sites(Integer.MAX_VALUE, exactCoxPolicy(3)), false));
        assertTrue(tail.getMessage().contains("risk-set-size"), tail.getMessage());
        // the refusing site logged a refusal of the risk-set sums and released none
        List<String> audit = Files.readAllLines(logs.get(3 + Integer.parseInt(tail.site().substring(4))).file());
        assertTrue(audit.stream().anyMatch(line -> line.contains("\"kind\":\"refusal\"")
                && line.contains("\"step\":\"stats.cox/sums\"")), audit.toString());
        assertTrue(audit.stream().noneMatch(line -> line.contains("\"kind\":\"release\"")
                && line.contains("\"step\":\"stats.cox/sums\"")), audit.toString());
    }

    @Test
    void coxStratifiedBySiteNeedsNoEventTimesAndMatchesStrataSite() throws Exception {
        CoxFederated.Result result = cox(sites(Integer.MAX_VALUE, DisclosurePolicy.DATASHIELD_DEFAULTS), true);
        // coxph(Surv(time, status) ~ age + sex + strata(site), lung, control = coxph.control(eps = 1e-14, ...))
        assertRelative(0.0160644360765238, result.fit().coefficients()[0], 1e-10, "age");
        assertRelative(-0.5182294382509771, result.fit().coefficients()[1], 1e-10, "sex");
        assertRelative(0.17136532943949084, result.fit().standardErrors()[1], 1e-10, "se sex");
    }

    @Test
    void logRankFromSiteCountsEqualsSurvdiffPooledAndBySite() throws Exception {
        LocalSites sites = sites(Integer.MAX_VALUE, survivalPolicy(3));
        LogRankFederatedMethod method = new LogRankFederatedMethod();
        // survdiff(Surv(time, status) ~ sex, lung): 10.3267419548856; + strata(site): 10.1437990535992
        double pooled = (Double) federated(sites, method, Map.of("group", "sex", "eventValue", "2"))
                .summary().get("chiSquare");
        assertRelative(10.3267419548856, pooled, 1e-12, "pooled chi-square");
        double stratified = (Double) federated(sites, method, Map.of("group", "sex", "eventValue", "2",
                "stratifyBySite", "true")).summary().get("chiSquare");
        assertRelative(10.1437990535992, stratified, 1e-12, "stratified chi-square");
    }

    @Test
    void kaplanMeierFromSiteCountsEqualsSurvfit() throws Exception {
        LocalSites sites = sites(Integer.MAX_VALUE, survivalPolicy(3));
        EventCounts counts = KaplanMeierFederated.counts(open(sites, new KaplanMeierFederatedMethod(),
                Map.of("eventValue", "2")), "time", "status", 2.0, null).pooled();
        KaplanMeier km = KaplanMeier.estimate(counts, 0, 0.95);
        assertEquals(310.0, km.median()[0]);
        assertEquals(285.0, km.median()[1]);
        assertEquals(363.0, km.median()[2]);
        assertRelative(0.409241624460064, km.at(365)[0], 1e-12, "S(365)");
        // the groups are the levels the sites release (1, 2), not a list the researcher names
        KaplanMeierFederated.Counts grouped = KaplanMeierFederated.counts(open(sites, new KaplanMeierFederatedMethod(),
                Map.of("eventValue", "2", "groupBy", "sex")), "time", "status", 2.0, "sex");
        assertEquals(List.of(1.0, 2.0), java.util.Arrays.stream(grouped.levels()).boxed().toList());
        EventCounts bySex = grouped.pooled();
        assertEquals(270.0, KaplanMeier.estimate(bySex, 0, 0.95).median()[0]);
        assertEquals(426.0, KaplanMeier.estimate(bySex, 1, 0.95).median()[0]);
        // without eventValue the sites release only how their status column is coded (all code 1/2): 2 is the event,
        // as survfit(Surv(time, status) ~ 1, lung) reads it (165 deaths, 63 censored)
        Map<String, Object> curve = federated(sites, new KaplanMeierFederatedMethod(), Map.of()).summary();
        assertEquals(165L, curve.get("events"));
        assertEquals(63L, curve.get("censored"));
        assertEquals(310.0, doubles(curve.get("median"))[0]);
        SiteFailedException refused = assertThrows(SiteFailedException.class, () -> federated(
                sites(Integer.MAX_VALUE, DisclosurePolicy.DATASHIELD_DEFAULTS), new KaplanMeierFederatedMethod(),
                Map.of("eventValue", "2")));
        assertTrue(refused.getMessage().contains("event-times"), refused.getMessage());
    }

    /** The Cox model of status 2 on age and sex, pooled risk sets or stratified by site, as an analysis. */
    private static CoxFederated.Result cox(LocalSites sites, boolean stratifyBySite) {
        Map<String, String> parameters = stratifyBySite ? Map.of("covariates", "age,sex", "eventValue", "2",
                "stratifyBySite", "true") : Map.of("covariates", "age,sex", "eventValue", "2");
        return CoxFederated.fit(open(sites, new CoxFederatedMethod(), parameters), "time", "status", 2, COVARIATES, true,
                stratifyBySite);
    }

    /** docs/validation/r/stats/meta.R: the same combination of per-site coxph fits, each site fitted from its releases. */
    @Test
    void metaAnalysisAcrossSiteNodesIsLabelledAndMatchesR() throws Exception {
        LocalSites sites = sites(Integer.MAX_VALUE, exactCoxPolicy(1));
        FederatedMethod.Outcome random = federated(sites, new CoxFederatedMethod(), Map.of("covariates", "age,sex",
                "eventValue", "2", "combine", "random"));
        Map<String, Object> summary = random.summary();
        assertTrue(summary.get("method").toString().contains("not exact"), summary.toString());
        assertRelative(-0.512312465737096, doubles(summary.get("coefficients"))[1], 1e-9, "random sex");
        assertRelative(0.173147015782506, doubles(summary.get("standardErrors"))[1], 1e-9, "random se sex");
        assertRelative(0.00220392889771283, doubles(summary.get("tau2"))[1], 1e-7, "tau2 sex");
        Map<String, Object> fixed = federated(sites, new CoxFederatedMethod(), Map.of("covariates", "age,sex",
                "eventValue", "2", "combine", "fixed")).summary();
        assertRelative(-0.510385906395099, doubles(fixed.get("coefficients"))[1], 1e-9, "fixed sex");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> federated(
                sites.only(List.of("site0")), new GlmFederatedMethod(), Map.of("response", "wt.loss", "covariates", "age",
                        "combine", "fixed")));
        assertTrue(e.getMessage().contains("at least two sites"), e.getMessage());
    }

    /**
     * Exact pooled Cox on the lung split, opted into explicitly: besides event times and risk sets of this size,
     * consecutive risk sets differ by one or two patients (minRiskSetChange 1) and most event times have a single
     * event (minCellCount 1). These opt-ins reveal individual patients' event times and, through the sums at
     * a grid time with one event, covariates (ADR 0006, "What each opt-in reveals"); the defaults refuse
     * (FederatedDisclosureRulesTest).
     */
    private static DisclosurePolicy exactCoxPolicy(long minRiskSetSize) {
        return survivalPolicy(minRiskSetSize).withMinRiskSetChange(1).withMinCellCount(1);
    }
}
