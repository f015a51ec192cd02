package io.daybreak.methods.signal.ae;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.arrow.memory.BufferAllocator;
import org.junit.jupiter.api.Test;

import io.daybreak.core.method.InvalidParameterException;
import io.daybreak.core.method.RunCancelledException;
import io.daybreak.core.testing.MethodTestSupport;
import io.daybreak.core.testing.TestMethodContext;
import io.daybreak.data.Table;
import io.daybreak.data.csv.CsvReader;

/**
 * {@code signal.ae-compare} on the synthetic trial of docs/validation/r/signal/ae-compare.R (ae-adsl.csv,
 * ae-adae.csv): the counts the method makes from the ADaM tables, and the columns against the R references pinned
 * in {@link AeEngineTest}.
 */
class AeCompareMethodTest extends MethodTestSupport {
    static Path dir() {
        return Path.of(System.getProperty("daybreak.signal.validation.dir", "../../docs/validation/r/signal"));
    }

    Table csv(String name) throws IOException {
        return CsvReader.read(dir().resolve(name), allocator);
    }

    static Map<String, Object> params(Object... kv) {
        Map<String, Object> m = new HashMap<>();
        m.put("controlArm", "Placebo");
        m.put("berryBerry", "false");
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    /** The rows of table "ae" for one arm: term -> {n_arm, n_control, fisher_p, double_fdr_p, eair_arm, rd_lower}. */
    static Map<String, double[]> rows(Table ae, String arm) {
        Map<String, double[]> out = new HashMap<>();
        for (int i = 0; i < ae.rowCount(); i++) {
            if (ae.strings("arm").get(i).equals(arm)) {
                out.put(ae.strings("term").get(i), new double[] {ae.doubles("n_arm").get(i),
                    ae.doubles("n_control").get(i), ae.doubles("fisher_p").get(i), ae.doubles("double_fdr_p").get(i),
                    ae.doubles("eair_arm").get(i), ae.doubles("rd_lower").get(i)});
            }
        }
        return out;
    }

    @Test
    void adaeWithAdslGivesRsCountsAndStatistics() throws Exception {
        try (Table adae = csv("ae-adae.csv"); Table adsl = csv("ae-adsl.csv")) {
            run(new AeCompareMethod(), Map.of("adae", adae, "adsl", adsl), params(), 1, out -> {
                Table ae = out.get("ae");
                assertEquals(32, ae.rowCount());
                Map<String, double[]> high = rows(ae, "High");
                for (int i = 0; i < AeEngineTest.TERM.length; i++) {
                    double[] r = high.get(AeEngineTest.TERM[i]);
                    assertEquals(AeEngineTest.HIGH[i], r[0], 0, AeEngineTest.TERM[i]);
                    assertEquals(AeEngineTest.PLACEBO[i], r[1], 0, AeEngineTest.TERM[i]);
                    assertEquals(AeEngineTest.HIGH_P[i], r[2], 1e-12, AeEngineTest.TERM[i]);
                    assertEquals(AeEngineTest.HIGH_DFDR[i], r[3], 1e-12, AeEngineTest.TERM[i]);
                    assertEquals(AeEngineTest.HIGH_EAIR[i], r[4], 1e-10, AeEngineTest.TERM[i]);
                    assertEquals(AeEngineTest.HIGH_RDL[i], r[5], 1e-12, AeEngineTest.TERM[i]);
                }
                assertEquals(58, ae.doubles("N_arm").get(indexOf(ae, "High", "Nausea")), 0);
                assertEquals(60, ae.doubles("N_control").get(0), 0);
                // Berry & Berry off: the column is empty (null), the diagnostics table has no rows
                assertTrue(ae.doubles("bb_prob_raised").isNull(0));
                assertEquals(0, out.get("diagnostics").rowCount());
                // Alopecia Low vs Placebo is 0/60 vs 0/60: no risk ratio
                assertTrue(ae.doubles("risk_ratio").isNull(indexOf(ae, "Low", "Alopecia")));
            });
        }
    }

    @Test
    void joinedLayoutGivesTheSameTable() throws Exception {
        try (Table adae = csv("ae-adae.csv"); Table adsl = csv("ae-adsl.csv"); Table joined = joined(allocator, adae, adsl)) {
            List<String> a = new ArrayList<>();
            List<String> b = new ArrayList<>();
            run(new AeCompareMethod(), Map.of("adae", adae, "adsl", adsl), params(), 1, out -> a.add(dump(out.get("ae"))));
            run(new AeCompareMethod(), Map.of("adae", joined), params(), 1, out -> b.add(dump(out.get("ae"))));
            assertEquals(a, b);
        }
    }

    @Test
    void minimumGradeCountsOnlyThoseRecords() throws Exception {
        // ae-compare.R, "High vs Placebo, grade >= 3": Diarrhoea 14 vs 4, p = 0.01024231237096781;
        // Dizziness 0 vs 2, p = 0.49587136027814016; Rash 5 vs 1, p = 0.11091050798630636
        try (Table adae = csv("ae-adae.csv"); Table adsl = csv("ae-adsl.csv")) {
            run(new AeCompareMethod(), Map.of("adae", adae, "adsl", adsl), params("minGrade", "3"), 1, out -> {
                Map<String, double[]> high = rows(out.get("ae"), "High");
                // ae-compare.out lists the 11 terms with a grade >= 3 record in High or Placebo; the table also has the
                // terms with such a record in Low only (0 vs 0 here): 15 terms have a grade >= 3 record in some arm,
                // length(unique(adae$AEDECOD[adae$AETOXGR >= 3]))
                assertEquals(11, high.values().stream().filter(r -> r[0] + r[1] > 0).count());
                assertEquals(15, high.size());
                assertEquals(14, high.get("Diarrhoea")[0], 0);
                assertEquals(4, high.get("Diarrhoea")[1], 0);
                assertEquals(0.01024231237096781, high.get("Diarrhoea")[2], 1e-12);
                assertEquals(0, high.get("Dizziness")[0], 0);
                assertEquals(0.49587136027814016, high.get("Dizziness")[2], 1e-12);
                assertEquals(0.11091050798630636, high.get("Rash")[2], 1e-12);
                assertEquals(4, high.get("Vomiting")[0], 0); // ae-compare.out: Vomiting 4 vs 1
            });
        }
    }

    @Test
    void berryBerryRunIsReproducibleAndFillsDiagnostics() throws Exception {
        try (Table adae = csv("ae-adae.csv"); Table adsl = csv("ae-adsl.csv")) {
            Map<String, Object> p = params("berryBerry", "true", "burnin", "500", "iterations", "2500");
            List<String> first = new ArrayList<>();
            List<String> second = new ArrayList<>();
            Map<String, Object> s = run(new AeCompareMethod(), Map.of("adae", adae, "adsl", adsl), p, 5, out -> {
                first.add(dump(out.get("ae")));
                // 2 arms x (16 theta + 16 gamma + 4 pi + alpha.pi + beta.pi)
                assertEquals(2 * 38, out.get("diagnostics").rowCount());
                // arms in sorted order: High, Low (Placebo is the control)
                assertEquals("High: theta[Gastrointestinal disorders | Abdominal pain]",
                        out.get("diagnostics").strings("parameter").get(0));
                assertEquals("Low: theta[Gastrointestinal disorders | Abdominal pain]",
                        out.get("diagnostics").strings("parameter").get(38));
            });
            run(new AeCompareMethod(), Map.of("adae", adae, "adsl", adsl), p, 5, out -> second.add(dump(out.get("ae"))));
            assertEquals(first, second);
            assertTrue((Double) s.get("maxRhat") > 0.9);
        }
    }

    @Test
    void badInputIsNamed() throws Exception {
        try (Table adae = csv("ae-adae.csv"); Table adsl = csv("ae-adsl.csv"); Table joined = joined(allocator, adae, adsl)) {
            InvalidParameterException e = assertThrows(InvalidParameterException.class, () -> run(new AeCompareMethod(),
                    Map.of("adae", adae, "adsl", adsl), params("controlArm", "Plasebo"), 1, null));
            assertTrue(e.getMessage().contains("'Plasebo'") && e.getMessage().contains("Placebo"), e.getMessage());
            e = assertThrows(InvalidParameterException.class, () -> run(new AeCompareMethod(),
                    Map.of("adae", adae, "adsl", adsl), params("termColumn", "AETERM"), 1, null));
            assertTrue(e.getMessage().contains("termColumn") && e.getMessage().contains("AETERM"), e.getMessage());
            e = assertThrows(InvalidParameterException.class, () -> run(new AeCompareMethod(),
                    Map.of("adae", adae, "adsl", joined), params(), 1, null));
            assertTrue(e.getMessage().contains("appears again"), e.getMessage());
            Exception bad = assertThrows(Exception.class, () -> run(new AeCompareMethod(),
                    Map.of("adae", adae, "adsl", adsl), params("burnin", "100", "iterations", "100"), 1, null));
            assertTrue(bad.getMessage().contains("'iterations'"), bad.getMessage());
        }
    }

    @Test
    void aCancelledRunStops() throws Exception {
        try (Table adae = csv("ae-adae.csv"); Table adsl = csv("ae-adsl.csv")) {
            TestMethodContext context = new TestMethodContext(allocator, 1);
            context.cancel();
            assertThrows(RunCancelledException.class, () -> apply(new AeCompareMethod(), params("berryBerry", "true"),
                    Map.of("adae", adae, "adsl", adsl), context));
        }
    }

    static int indexOf(Table ae, String arm, String term) {
        for (int i = 0; i < ae.rowCount(); i++) {
            if (ae.strings("arm").get(i).equals(arm) && ae.strings("term").get(i).equals(term)) {
                return i;
            }
        }
        throw new AssertionError("no row " + arm + "/" + term);
    }

    static String dump(Table t) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < t.rowCount(); i++) {
            for (String c : t.columnNames()) {
                b.append(t.columnType(c) == io.daybreak.data.ColumnType.STRING ? t.strings(c).get(i)
                        : t.doubles(c).isNull(i) ? "NA" : Double.toString(t.doubles(c).get(i))).append(',');
            }
            b.append('\n');
        }
        return b.toString();
    }

    /** ADSL left-joined to ADAE: one row per record, one row with empty term for a patient without events. */
    static Table joined(BufferAllocator allocator, Table adae, Table adsl) {
        List<Object> id = new ArrayList<>();
        List<Object> bs = new ArrayList<>();
        List<Object> term = new ArrayList<>();
        List<Object> grade = new ArrayList<>();
        List<Object> arm = new ArrayList<>();
        List<Object> dur = new ArrayList<>();
        for (int p = 0; p < adsl.rowCount(); p++) {
            String subject = adsl.strings("USUBJID").get(p);
            boolean any = false;
            for (int i = 0; i < adae.rowCount(); i++) {
                if (adae.strings("USUBJID").get(i).equals(subject)) {
                    any = true;
                    id.add(subject);
                    bs.add(adae.strings("AEBODSYS").get(i));
                    term.add(adae.strings("AEDECOD").get(i));
                    grade.add(adae.doubles("AETOXGR").get(i));
                    arm.add(adsl.strings("TRTA").get(p));
                    dur.add(adsl.doubles("TRTDURD").get(p));
                }
            }
            if (!any) {
                id.add(subject);
                bs.add(null);
                term.add(null);
                grade.add(null);
                arm.add(adsl.strings("TRTA").get(p));
                dur.add(adsl.doubles("TRTDURD").get(p));
            }
        }
        return Table.builder(allocator).add("USUBJID", io.daybreak.data.ColumnType.STRING, id)
                .add("AEBODSYS", io.daybreak.data.ColumnType.STRING, bs)
                .add("AEDECOD", io.daybreak.data.ColumnType.STRING, term)
                .add("AETOXGR", io.daybreak.data.ColumnType.FLOAT64, grade)
                .add("TRTA", io.daybreak.data.ColumnType.STRING, arm)
                .add("TRTDURD", io.daybreak.data.ColumnType.FLOAT64, dur).build();
    }
}
