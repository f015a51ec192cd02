package io.daybreak.methods.signal.ebgm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.daybreak.core.method.InvalidParameterException;
import io.daybreak.core.method.MethodResult;
import io.daybreak.core.testing.TestMethodContext;
import io.daybreak.data.Table;
import io.daybreak.federation.Aggregates;
import io.daybreak.federation.FederatedMethod;
import io.daybreak.federation.SiteStep;
import io.daybreak.federation.site.LocalSites;
import io.daybreak.federation.site.SiteNode;
import io.daybreak.methods.signal.SignalSites;
import io.daybreak.methods.signal.disproportionality.DisproportionalitySiteStep;

/**
 * Federated signal.ebgm on the disproportionality site step (ADR 0026): equal to the pooled analysis without
 * suppression; truncated at N* = minCellCount equal to the pooled N* fit when no count the fit needs is suppressed;
 * under suppression the sites release only counts 0 or >= minCellCount and a truncated fit without an interior
 * optimum is refused with a clear message.
 */
class EbgmFederatedTest extends SignalSites {
    private static final String DATASET = "reports";
    private static final List<SiteStep> STEPS = List.of(new DisproportionalitySiteStep());
    private static final FederatedMethod FEDERATED = new EbgmFederatedMethod();
    private static final List<FederatedMethod> METHODS = List.of(FEDERATED);

    /** The synthetic pairs as one report per pair occurrence; report r goes to site r % 3. */
    private List<Table> siteTables(EbgmTestData d) {
        return siteTables(d, 1);
    }

    /** With {@code copies} reports per pair occurrence, all at the occurrence's site. */
    private List<Table> siteTables(EbgmTestData d, int copies) {
        List<List<String[]>> rows = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        int next = 0;
        for (int i = 0; i < d.n.length; i++) {
            for (int k = 0; k < d.n[i]; k++) {
                for (int c = 0; c < copies; c++) {
                    rows.get(next % 3).add(new String[] {String.format("R%06d-%d", next, c), d.drug[i], d.event[i]});
                }
                next++;
            }
        }
        List<Table> tables = new ArrayList<>();
        for (List<String[]> site : rows) {
            tables.add(table(columns("report", site.stream().map(r -> r[0]).toArray(String[]::new),
                    "drug", site.stream().map(r -> r[1]).toArray(String[]::new),
                    "event", site.stream().map(r -> r[2]).toArray(String[]::new))));
        }
        return tables;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, List<Object>> part(FederatedMethod.Outcome outcome, String name) {
        return (Map<String, List<Object>>) outcome.summary().get(name);
    }

    @Test
    void withNothingSuppressedTheFederatedResultIsThePooledAnalysis() throws Exception {
        List<Table> tables = siteTables(EbgmTestData.load());
        LocalSites sites = sites(DATASET, tables, policy(1), STEPS, METHODS);
        assertFederatedIsPooled(sites, tables, Map.of("report", "report"));
    }

    @Test
    void truncatedAtMinCellCountTheFederatedFitIsThePooledFitWithTheSameNStar() throws Exception {
        // two reports per pair occurrence at the same site: every count a site holds is >= 2, so minCellCount 2
        // suppresses nothing, and the fit truncated at N* = 2 (needing no count below 2) is the pooled N* = 2 fit
        List<Table> tables = siteTables(EbgmTestData.load(), 2);
        LocalSites sites = sites(DATASET, tables, policy(2), STEPS, METHODS);
        // two of the vignette's starts (the truncated likelihood is slow to evaluate; autoHyper's check needs two)
        FederatedMethod.Outcome outcome = assertFederatedIsPooled(sites, tables, Map.of("report", "report",
                "nStar", "2", "starts", "0.2,0.1,2,4,0.3333333333333333,0.1,0.1,10,10,0.2"));
        assertEquals(true, part(outcome, "prior").get("converged").get(0));
        for (Object n : part(outcome, "ebgm").get("n")) {
            assertTrue((Double) n >= 2, "n " + n);
        }
    }

    private FederatedMethod.Outcome assertFederatedIsPooled(LocalSites sites, List<Table> tables,
            Map<String, String> parameters) throws Exception {
        FederatedMethod.Outcome outcome = federated(sites, FEDERATED, parameters);
        assertEquals(true, outcome.summary().get("complete"));
        // the pooled analysis: the local method on all the reports
        List<Object> report = new ArrayList<>();
        List<Object> drug = new ArrayList<>();
        List<Object> event = new ArrayList<>();
        for (Table t : tables) {
            for (int i = 0; i < t.rowCount(); i++) {
                report.add(t.strings("report").get(i));
                drug.add(t.strings("drug").get(i));
                event.add(t.strings("event").get(i));
            }
        }
        Table all = keep(Table.builder(allocator).add("report", io.daybreak.data.ColumnType.STRING, report)
                .add("drug", io.daybreak.data.ColumnType.STRING, drug)
                .add("event", io.daybreak.data.ColumnType.STRING, event).build());
        MethodResult local = apply(new EbgmMethod(), parameters, Map.of("data", all),
                new TestMethodContext(allocator, 1));
        try {
            Map<String, List<Object>> prior = part(outcome, "prior");
            Table localPrior = local.outputs().get("prior");
            for (String c : List.of("alpha1", "beta1", "alpha2", "beta2", "p", "loglik")) {
                assertRelative(localPrior.doubles(c).get(0), (Double) prior.get(c).get(0), 1e-12, c);
            }
            Map<String, List<Object>> eb = part(outcome, "ebgm");
            Table localEb = local.outputs().get("ebgm");
            assertEquals(localEb.rowCount(), eb.get("drug").size());
            for (int i = 0; i < localEb.rowCount(); i++) {
                assertEquals(localEb.strings("drug").get(i), eb.get("drug").get(i));
                assertEquals(localEb.strings("event").get(i), eb.get("event").get(i));
                for (String c : List.of("n", "expected", "ebgm", "eb05", "eb95", "p_exceed")) {
                    assertRelative(localEb.doubles(c).get(i), (Double) eb.get(c).get(i), 1e-12, c + " row " + i);
                }
            }
        } finally {
            local.outputs().values().forEach(Table::close);
        }
        return outcome;
    }

    @Test
    void underSuppressionSitesReleaseOnlyLargeCountsAndAnIllPosedTruncatedFitIsRefused() throws Exception {
        EbgmTestData d = EbgmTestData.load();
        List<Table> tables = siteTables(d);
        long k = 2;
        // what each site releases: every pair count 0 or >= k (the bytes of the release)
        List<Aggregates> released = new ArrayList<>();
        for (int s = 0; s < 3; s++) {
            SiteNode node = node("only" + s, DATASET, tables.get(s), policy(k), STEPS, METHODS);
            Aggregates release = release(node, DATASET, FEDERATED, Map.of("report", "report", "nStar", "2"));
            for (double v : release.get("pairN")) {
                assertTrue(v == 0 || v >= k, "pair count released: " + v);
            }
            released.add(release);
        }
        LocalSites sites = sites(DATASET, tables, policy(k), STEPS, METHODS);
        // Truncated at N* = 2 the likelihood of these data has no interior optimum (openEBGM's exploreHypers on the
        // pooled pairs with N_star = 2 ends at alpha2 ~ 127 or alpha1 -> 0, and autoHyper fails); on the rows the
        // sites keep under minCellCount = 2 the same happens, and the coordinator says so without any value
        Map<String, String> parameters = Map.of("report", "report", "nStar", "2", "paramLimit", "10000",
                "minConverged", "0", "starts", "0.2,0.1,2,4,0.3333333333333333");
        InvalidParameterException refused = assertThrows(InvalidParameterException.class,
                () -> federated(sites, FEDERATED, parameters));
        assertTrue(refused.getMessage().contains("outside the parameter space"), refused.getMessage());
    }
}
