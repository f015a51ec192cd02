package io.daybreak.methods.signal.disproportionality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.daybreak.data.Table;
import io.daybreak.federation.Aggregates;
import io.daybreak.federation.FederatedMethod;
import io.daybreak.federation.SiteStep;
import io.daybreak.federation.policy.DisclosurePolicy;
import io.daybreak.federation.site.LocalSites;
import io.daybreak.federation.site.NodeException;
import io.daybreak.federation.site.SiteNode;
import io.daybreak.methods.signal.SignalSites;
import io.daybreak.stats.signal.disproportionality.Criteria;
import io.daybreak.stats.signal.disproportionality.Disproportionality;
import io.daybreak.stats.signal.disproportionality.PairCounter;
import io.daybreak.stats.signal.disproportionality.PairCounts;
import io.daybreak.stats.signal.disproportionality.PairStatistics;

/** The federated disproportionality: equal to the pooled analysis, and what a site releases under suppression. */
class DisproportionalityFederatedTest extends SignalSites {
    private static final String DATASET = "reports";
    private static final List<SiteStep> STEPS = List.of(new DisproportionalitySiteStep());
    private static final FederatedMethod FEDERATED = new DisproportionalityFederatedMethod();
    private static final List<FederatedMethod> METHODS = List.of(FEDERATED);
    private static final Map<String, String> STRATIFIED = Map.of("report", "report", "strata", "sex,age_group,year",
            "criteria", "prr,ror,ic");

    /** The synthetic reports split by report number modulo 3: site s holds R%05d with number % 3 == s. */
    private List<Table> siteTables() {
        String[][] rows = ReferenceData.reports();
        List<Table> tables = new ArrayList<>();
        for (int s = 0; s < 3; s++) {
            List<Integer> mine = new ArrayList<>();
            for (int i = 0; i < rows[0].length; i++) {
                if (Integer.parseInt(rows[0][i].substring(1)) % 3 == s) {
                    mine.add(i);
                }
            }
            String[][] part = new String[6][mine.size()];
            for (int k = 0; k < mine.size(); k++) {
                int i = mine.get(k);
                String[] stratum = rows[3][i].split("\\|");
                part[0][k] = rows[0][i];
                part[1][k] = rows[1][i];
                part[2][k] = rows[2][i];
                part[3][k] = stratum[0];
                part[4][k] = stratum[1];
                part[5][k] = stratum[2];
            }
            tables.add(table(columns("report", part[0], "drug", part[1], "event", part[2], "sex", part[3], "age_group",
                    part[4], "year", part[5])));
        }
        return tables;
    }

    private static Criteria criteria() {
        return new Criteria(2, 4, 3, 1, 0, 0.95, true, true, true);
    }

    @Test
    void withNothingSuppressedTheFederatedResultIsThePooledAnalysis() throws Exception {
        LocalSites sites = sites(DATASET, siteTables(), policy(1), STEPS, METHODS);
        FederatedMethod.Outcome outcome = federated(sites, FEDERATED, STRATIFIED);
        assertEquals(true, outcome.summary().get("complete"));
        assertEquals(List.of(), outcome.summary().get("incomplete"));
        String[][] rows = ReferenceData.reports();
        PairCounts pooled = PairCounter.count(rows[1], rows[2], rows[0], rows[3]);
        List<PairStatistics> expected = Disproportionality.compute(pooled, criteria(), 1);
        Disproportionality.sort(expected, "prr");
        assertSameSignals(expected, outcome.summary(), 1e-10);
    }

    @SuppressWarnings("unchecked")
    private static void assertSameSignals(List<PairStatistics> expected, Map<String, Object> summary, double tolerance) {
        Map<String, List<Object>> signals = (Map<String, List<Object>>) summary.get("signals");
        assertEquals(DisproportionalityMethodTest.CONTRACT, new ArrayList<>(signals.keySet()));
        assertEquals(expected.size(), signals.get("drug").size());
        Map<String, Integer> rowOf = new HashMap<>();
        for (int i = 0; i < expected.size(); i++) {
            rowOf.put(signals.get("drug").get(i) + "/" + signals.get("event").get(i), i);
        }
        for (PairStatistics s : expected) {
            int i = rowOf.get(s.drug() + "/" + s.event());
            String what = s.drug() + "/" + s.event();
            assertEquals((double) s.n(), signals.get("n").get(i), what);
            assertEquals((double) s.nDrug(), signals.get("n_drug").get(i), what);
            assertEquals((double) s.nTotal(), signals.get("n_total").get(i), what);
            for (String column : List.of("expected", "prr", "prr_lower", "chisq_yates", "ror", "ror_upper", "fisher_p",
                    "ic", "ic_lower", "ic_upper")) {
                Double e = s.value(column);
                Object actual = signals.get(column).get(i);
                if (e == null) {
                    assertEquals(null, actual, what + " " + column);
                } else {
                    assertRelative(e, ((Number) actual).doubleValue(), tolerance, what + " " + column);
                }
            }
            assertEquals(s.signal(), signals.get("signal").get(i), what);
        }
    }

    @Test
    void underSuppressionSitesReleaseOnlyLargeCountsAndTheResultIsThatOfTheRowsKept() throws Exception {
        DisclosurePolicy policy = policy(3);
        List<Table> tables = siteTables();
        LocalSites sites = sites(DATASET, tables, policy, STEPS, METHODS);
        FederatedMethod.Outcome outcome = federated(sites, FEDERATED, STRATIFIED);
        assertEquals(false, outcome.summary().get("complete"));
        assertFalse(((List<?>) outcome.summary().get("incomplete")).isEmpty(), "pairs not released somewhere are listed");
        // the result is the pooled analysis of the rows the sites kept
        List<String> report = new ArrayList<>();
        List<String> drug = new ArrayList<>();
        List<String> event = new ArrayList<>();
        List<String> stratum = new ArrayList<>();
        for (Table t : tables) {
            ReportRows rows = ReportRows.read(t, new ReportColumns("drug", "event", "report", "sex,age_group,year"));
            boolean[] kept = DisproportionalitySiteStep.reduce(rows, 3).keptRow;
            for (int i = 0; i < kept.length; i++) {
                if (kept[i]) {
                    report.add(rows.report()[i]);
                    drug.add(rows.drug()[i]);
                    event.add(rows.event()[i]);
                    stratum.add(rows.stratum()[i]);
                }
            }
        }
        PairCounts keptCounts = PairCounter.count(drug.toArray(String[]::new), event.toArray(String[]::new),
                report.toArray(String[]::new), stratum.toArray(String[]::new));
        List<PairStatistics> expected = Disproportionality.compute(keptCounts, criteria(), 1);
        assertSameSignals(expected, outcome.summary(), 1e-10);
        assertTrue(keptCounts.total() < 6000, "some reports were dropped");
    }

    @Test
    void everyReleasedCountIsZeroOrAtLeastMinCellCountAndMarginsLeaveNoResidue() throws Exception {
        // a malicious requester asks one site, without report ids: every row is a report, so each drug's margin
        // would equal the sum of its pair counts if all were released; a residue would be a suppressed count
        Table data = siteTables().get(0);
        SiteNode node = node("site0", DATASET, data, policy(3), STEPS, METHODS);
        Aggregates release = release(node, DATASET, FEDERATED, Map.of("strata", "sex"));
        long k = 3;
        for (String name : List.of("totals", "drugMargins", "eventMargins", "pairN")) {
            for (double v : release.get(name)) {
                assertTrue(v == 0 || v >= k, name + " released " + v);
            }
        }
        double excluded = release.scalar("rowsExcluded");
        assertTrue(excluded == 0 || excluded >= DisclosurePolicy.DATASHIELD_DEFAULTS.minSubsetSize(),
                "rows dropped: " + excluded);
        List<String> drugs = release.labels("drugs");
        List<String> strata = release.labels("strata");
        double[] dm = release.get("drugMargins");
        double[] pd = release.get("pairDrug");
        double[] pn = release.get("pairN");
        double[] byDrug = new double[drugs.size()];
        for (int p = 0; p < pn.length; p++) {
            byDrug[(int) pd[p]] += pn[p];
        }
        double[] marginByDrug = new double[drugs.size()];
        for (int s = 0; s < strata.size(); s++) {
            for (int d = 0; d < drugs.size(); d++) {
                marginByDrug[d] += dm[s * drugs.size() + d];
            }
        }
        assertTrue(Arrays.equals(byDrug, marginByDrug), "each drug's margin is the sum of its released pairs");
    }

    @Test
    void aRequesterCannotMakeEveryReportItsOwnStratum() throws Exception {
        Table data = siteTables().get(1);
        SiteNode node = node("site1", DATASET, data, policy(3), STEPS, METHODS);
        // strata = report id: every stratum holds one report, all are dropped, and the site refuses
        NodeException refused = assertThrows(NodeException.class, () -> release(node, DATASET, FEDERATED,
                Map.of("report", "report", "strata", "report")));
        assertFalse(refused.getMessage().matches(".*R\\d{5}.*"), "the refusal names no report: " + refused.getMessage());
    }
}
