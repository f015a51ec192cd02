package io.daybreak.methods.signal.ae;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.daybreak.data.Table;
import io.daybreak.data.csv.CsvReader;
import io.daybreak.federation.Aggregates;
import io.daybreak.federation.FederatedMethod;
import io.daybreak.federation.SiteStep;
import io.daybreak.federation.site.LocalSites;
import io.daybreak.federation.site.SiteNode;
import io.daybreak.methods.signal.SignalSites;

/**
 * {@code signal.ae-compare} across three site nodes, each holding a third of the synthetic trial's patients
 * (patient number mod 3) as ADSL joined to ADAE: equal to the local method on all patients when nothing is suppressed,
 * and what one node releases under DataSHIELD's minCellCount = 3.
 */
class AeFederatedTest extends SignalSites {
    static final String DATASET = "trial";
    static final List<SiteStep> STEPS = List.of(new AeSiteStep());
    static final List<FederatedMethod> METHODS = List.of(new AeFederatedMethod());

    /** The joined tables of the three sites, and (in [3]) the whole trial joined. */
    List<Table> split() throws IOException {
        List<Table> out = new ArrayList<>();
        try (Table adae = CsvReader.read(AeCompareMethodTest.dir().resolve("ae-adae.csv"), allocator);
                Table adsl = CsvReader.read(AeCompareMethodTest.dir().resolve("ae-adsl.csv"), allocator)) {
            Table all = keep(AeCompareMethodTest.joined(allocator, adae, adsl));
            for (int s = 0; s < 3; s++) {
                final int site = s;
                out.add(keep(subset(all, i -> Integer.parseInt(all.strings("USUBJID").get(i).substring(6)) % 3 == site)));
            }
            out.add(all);
        }
        return out;
    }

    Table subset(Table t, java.util.function.IntPredicate keep) {
        Map<String, List<Object>> cols = new java.util.LinkedHashMap<>();
        for (String c : t.columnNames()) {
            cols.put(c, new ArrayList<>());
        }
        for (int i = 0; i < t.rowCount(); i++) {
            if (keep.test(i)) {
                for (String c : t.columnNames()) {
                    Object value;
                    if (t.columnType(c) == io.daybreak.data.ColumnType.STRING) {
                        value = t.strings(c).get(i);
                    } else if (t.doubles(c).isNull(i)) {
                        value = null;
                    } else {
                        value = t.doubles(c).get(i);
                    }
                    cols.get(c).add(value);
                }
            }
        }
        var b = Table.builder(allocator);
        for (String c : t.columnNames()) {
            b.add(c, t.columnType(c), cols.get(c));
        }
        return b.build();
    }

    static Map<String, String> params(String... kv) {
        Map<String, String> m = new HashMap<>();
        m.put("controlArm", "Placebo");
        m.put("burnin", "300");
        m.put("iterations", "1300");
        m.put("seed", "17");
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    @Test
    @SuppressWarnings("unchecked")
    void federatedEqualsPooledLocalWithoutSuppression() throws Exception {
        List<Table> parts = split();
        LocalSites sites = sites(DATASET, parts.subList(0, 3), policy(1), STEPS, METHODS);
        Map<String, String> p = params();
        FederatedMethod.Outcome outcome = federated(sites, new AeFederatedMethod(), p);
        Map<String, Object> s = outcome.summary();
        assertEquals(0L, s.get("suppressedCells"));
        assertEquals(0L, s.get("withheldEvents"));
        assertFalse(s.containsKey("warning"));
        Map<String, Object> local = new HashMap<>(p);
        local.remove("seed");
        // the local method with run seed 17 draws from the same streams as the federated seed 17
        run(new AeCompareMethod(), Map.of("adae", parts.get(3)), local, 17, out -> {
            Table ae = out.get("ae");
            List<Object> terms = (List<Object>) s.get("term");
            assertEquals(ae.rowCount(), terms.size());
            for (String column : AeFederatedMethod.COLUMNS) {
                List<Object> fed = (List<Object>) s.get(column);
                for (int i = 0; i < ae.rowCount(); i++) {
                    if (ae.columnType(column) == io.daybreak.data.ColumnType.STRING) {
                        assertEquals(ae.strings(column).get(i), fed.get(i), column);
                    } else if (ae.doubles(column).isNull(i)) {
                        assertEquals(null, fed.get(i), column + " row " + i);
                    } else {
                        double a = ae.doubles(column).get(i);
                        double b = ((Number) fed.get(i)).doubleValue();
                        if (column.equals("bb_prob_raised")) {
                            assertEquals(a, b, 0.0, "identical sampler output, row " + i);
                        } else {
                            assertEquals(a, b, 1e-10 * Math.max(1, Math.abs(a)), column + " row " + i);
                        }
                    }
                }
            }
            List<Object> ess = (List<Object>) s.get("diagnostics_ess");
            assertEquals(out.get("diagnostics").rowCount(), ess.size());
            assertEquals(out.get("diagnostics").doubles("ess").get(5), ((Number) ess.get(5)).doubleValue(), 0.0);
        });
    }

    @Test
    void releasedBytesHoldNoSmallCells() throws Exception {
        List<Table> parts = split();
        SiteNode node = node("site0", DATASET, parts.get(0), policy(3), STEPS, METHODS);
        Aggregates r = release(node, DATASET, new AeFederatedMethod(), params());
        double[] atRisk = r.get("atRisk");
        List<String> arms = r.labels("arms");
        assertEquals(List.of("High", "Low", "Placebo"), arms);
        double[] counts = r.get("counts");
        double[] hidden = r.get("suppressed");
        assertEquals(r.labels("terms").size() * 3, counts.length);
        int suppressed = 0;
        for (int i = 0; i < counts.length; i++) {
            int a = i % 3;
            if (hidden[i] == 1) {
                suppressed++;
                assertEquals(0, counts[i], 0, "a suppressed cell leaves as 0");
                continue;
            }
            assertEquals(0, hidden[i], 0);
            assertTrue(counts[i] == 0 || counts[i] >= 3, "released count " + counts[i]);
            double rest = atRisk[a] - counts[i];
            assertTrue(rest == 0 || rest >= 3, "count next to its arm's total leaves " + rest);
        }
        assertTrue(suppressed > 0, "this site has small cells, which must be suppressed");
        for (double n : atRisk) {
            assertTrue(n >= 3);
        }
        // nothing row-level: only these names leave the node
        assertEquals(List.of("arms", "atRisk", "exposureDays", "withheldEvents", "bodySystems", "terms", "counts",
                "suppressed"), r.names());
        // the whole analysis says the table is incomplete
        LocalSites sites = sites(DATASET, parts.subList(0, 3), policy(3), STEPS, METHODS);
        Map<String, Object> s = federated(sites, new AeFederatedMethod(), params("berryBerry", "false")).summary();
        assertTrue((Long) s.get("suppressedCells") > 0);
        assertTrue(((String) s.get("warning")).startsWith("incomplete table"));
        assertTrue(((List<?>) s.get("complete")).contains(0.0));
    }

    @Test
    void twoGradeThresholdsThatDifferByOneRecordAreNotBothAnswered() throws Exception {
        // 20 patients (arms A and B); P01-P04 have term X, grades 5, 5, 5, 4; the others no event (empty term)
        int n = 20;
        String[] id = new String[n];
        String[] body = new String[n];
        String[] term = new String[n];
        double[] grade = new double[n];
        String[] arm = new String[n];
        double[] days = new double[n];
        for (int i = 0; i < n; i++) {
            id[i] = String.format("P%02d", i + 1);
            boolean event = i < 4;
            body[i] = event ? "S" : "";
            term[i] = event ? "X" : "";
            grade[i] = event ? (i < 3 ? 5 : 4) : Double.NaN;
            arm[i] = i < 10 ? "A" : "B";
            days[i] = 100;
        }
        Table data = table(columns("USUBJID", id, "AEBODSYS", body, "AEDECOD", term, "AETOXGR", grade, "TRTA", arm,
                "TRTDURD", days));
        SiteNode node = node("site0", DATASET, data, policy(3), STEPS, METHODS);
        Map<String, String> p = params("controlArm", "B", "berryBerry", "false", "minGrade", "4");
        Aggregates first = release(node, DATASET, new AeFederatedMethod(), p);
        assertEquals(List.of(4.0, 0.0), java.util.Arrays.stream(first.get("counts")).boxed().toList());
        // grade >= 5 selects 3 of those 4 records: one record apart, so the node must refuse
        p.put("minGrade", "5");
        assertThrows(Exception.class, () -> release(node, DATASET, new AeFederatedMethod(), p));
        // on its own, grade >= 5 is answered (3 patients): the refusal above is the differencing rule
        SiteNode fresh = node("site1", DATASET, data, policy(3), STEPS, METHODS);
        assertEquals(List.of(3.0, 0.0),
                java.util.Arrays.stream(release(fresh, DATASET, new AeFederatedMethod(), p).get("counts")).boxed().toList());
    }

    @Test
    void aSmallArmIsRefusedWithoutValues() throws Exception {
        List<Table> parts = split();
        SiteNode node = node("site0", DATASET, parts.get(0), policy(25), STEPS, METHODS);
        Exception e = assertThrows(Exception.class, () -> release(node, DATASET, new AeFederatedMethod(), params()));
        assertFalse(e.getMessage() != null && e.getMessage().matches(".*\\b(19|20|21)\\b.*"), e.getMessage());
    }
}
