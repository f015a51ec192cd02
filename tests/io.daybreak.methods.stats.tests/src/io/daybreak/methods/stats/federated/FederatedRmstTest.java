package io.daybreak.methods.stats.federated;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.daybreak.core.method.InvalidParameterException;
import io.daybreak.federation.Aggregates;
import io.daybreak.federation.FederatedMethod;
import io.daybreak.federation.SiteFailedException;
import io.daybreak.federation.policy.DisclosurePolicy;
import io.daybreak.federation.site.LocalSites;
import io.daybreak.federation.site.SiteNode;
import io.daybreak.methods.stats.rmst.RmstFederatedMethod;
import io.daybreak.methods.stats.rmst.RmstMethod;

/**
 * stats.rmst across three site nodes (lung, site = inst %% 3): from the stats.km site step's releases only, equal to
 * the pooled stats.rmst and to survRM2::rmst2 (R 4.2.2, survRM2 1.0-4; docs/validation/r/stats/survival-diagnostics.R),
 * and refused where the sites' policies refuse event times.
 */
class FederatedRmstTest extends FederatedTestSupport {
    private static final List<String> KEYS = List.of("tau", "difference", "differenceStdErr", "differenceLower",
            "differenceUpper", "differenceP", "ratio", "ratioLogStdErr", "ratioLower", "ratioUpper", "ratioP",
            "rmtlRatio", "rmtlRatioLogStdErr", "rmtlRatioLower", "rmtlRatioUpper", "rmtlRatioP");

    @Test
    void federatedEqualsPooledAndRmst2() throws Exception {
        LocalSites sites = sites(Integer.MAX_VALUE, survivalPolicy(3));
        for (Map<String, String> parameters : List.of(Map.of("arm", "sex", "eventValue", "2"),
                Map.of("arm", "sex", "eventValue", "2", "tau", "365", "level", "0.9"))) {
            FederatedMethod.Outcome outcome = federated(sites, new RmstFederatedMethod(), parameters);
            Map<String, Object> remote = outcome.summary();
            Map<String, Object> pooled = run(new RmstMethod(), LUNG, parameters);
            for (String key : KEYS) {
                assertRelative((Double) pooled.get(key), (Double) remote.get(key), 1e-10, key + " " + parameters);
            }
            for (String key : List.of("rmst", "rmstStdErr", "rmstLower", "rmstUpper", "rmtl")) {
                for (int a = 0; a < 2; a++) {
                    assertRelative(doubles(pooled.get(key))[a], doubles(remote.get(key))[a], 1e-10, key + " " + a);
                }
            }
            assertEquals(pooled.get("n"), remote.get("n"));
            assertEquals(3L, remote.get("sites"));
        }
        Map<String, Object> remote = federated(sites, new RmstFederatedMethod(), Map.of("arm", "sex", "eventValue", "2"))
                .summary();
        // rmst2(lung$time, lung$status - 1, lung$sex - 1): tau 965, difference 131.85566844952791143 (53.93..., 209.78...)
        assertEquals(965.0, (Double) remote.get("tau"), 0.0);
        assertRelative(131.85566844952791143, (Double) remote.get("difference"), 1e-10, "difference");
        assertRelative(1.15708335949182239, (Double) remote.get("ratioLower"), 1e-10, "ratio lower");
        assertRelative(455.90408751167342, doubles(remote.get("rmst"))[1], 1e-10, "RMST sex 2");
    }

    @Test
    void onlyTheKaplanMeierCountsLeaveTheSites() throws Exception {
        // the node serves stats.rmst through the stats.km step: what it releases are levels, then counts per time
        SiteNode node;
        try (var lung = io.daybreak.data.csv.CsvReader.read(data(LUNG), allocator)) {
            node = node("site1", siteTable(lung, 1, Integer.MAX_VALUE), survivalPolicy(3));
        }
        Aggregates levels = release(node, new RmstFederatedMethod(), Map.of("arm", "sex", "eventValue", "2"));
        assertEquals(List.of("levels"), List.copyOf(levels.names()));
        assertEquals(List.of(1.0, 2.0), java.util.Arrays.stream(levels.get("levels")).boxed().toList());
    }

    @Test
    void refusedWithoutEventTimesAndTauCheckedAsLocally() throws Exception {
        SiteFailedException refused = assertThrows(SiteFailedException.class, () -> federated(
                sites(Integer.MAX_VALUE, DisclosurePolicy.DATASHIELD_DEFAULTS), new RmstFederatedMethod(),
                Map.of("arm", "sex", "eventValue", "2")));
        assertTrue(refused.getMessage().contains("event-times"), refused.getMessage());
        InvalidParameterException tau = assertThrows(InvalidParameterException.class, () -> federated(
                sites(Integer.MAX_VALUE, survivalPolicy(3)), new RmstFederatedMethod(),
                Map.of("arm", "sex", "eventValue", "2", "tau", "1000")));
        assertTrue(tau.getMessage().contains("parameter 'tau' must be in (0, 965]"), tau.getMessage());
    }
}
