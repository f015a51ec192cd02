package io.daybreak.methods.signal.ebgm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.daybreak.core.method.InvalidParameterException;
import io.daybreak.core.method.MethodResult;
import io.daybreak.core.testing.MethodTestSupport;
import io.daybreak.core.testing.TestMethodContext;
import io.daybreak.data.ColumnType;
import io.daybreak.data.Table;

/**
 * signal.ebgm on the seeded synthetic pairs (docs/validation/r/signal/ebgm_synthetic_data.R) against openEBGM 0.9.1
 * (docs/validation/r/signal/ebgm_reference.R); tolerances as {@link MgpsEngineTest} explains.
 */
class EbgmMethodTest extends MethodTestSupport {

    private MethodResult run(Table data, Map<String, Object> raw) throws Exception {
        return apply(new EbgmMethod(), raw, Map.of("data", data), new TestMethodContext(allocator, 1));
    }

    private Table pairs(EbgmTestData d) {
        List<Object> n = new ArrayList<>();
        List<Object> e = new ArrayList<>();
        for (int i = 0; i < d.n.length; i++) {
            n.add((long) d.n[i]);
            e.add(d.e[i]);
        }
        return Table.builder(allocator).add("drug", ColumnType.STRING, List.of((Object[]) d.drug))
                .add("event", ColumnType.STRING, List.of((Object[]) d.event)).add("N", ColumnType.INT64, n)
                .add("E", ColumnType.FLOAT64, e).build();
    }

    /** One report per counted pair occurrence, as the R generator made them. */
    private Table reports(EbgmTestData d) {
        List<Object> drug = new ArrayList<>();
        List<Object> event = new ArrayList<>();
        List<Object> id = new ArrayList<>();
        long next = 1;
        for (int i = 0; i < d.n.length; i++) {
            for (int k = 0; k < d.n[i]; k++) {
                drug.add(d.drug[i]);
                event.add(d.event[i]);
                id.add(next++);
            }
        }
        return Table.builder(allocator).add("drug", ColumnType.STRING, drug).add("event", ColumnType.STRING, event)
                .add("id", ColumnType.INT64, id).build();
    }

    private static int rowOfCsv(EbgmTestData d, String drug, String event) {
        for (int i = 0; i < d.n.length; i++) {
            if (d.drug[i].equals(drug) && d.event[i].equals(event)) {
                return i;
            }
        }
        throw new AssertionError(drug + "/" + event + " not in the CSV");
    }

    private static void close(MethodResult r) {
        r.outputs().values().forEach(Table::close);
    }

    @Test
    void precountedUnsquashedMatchesAutoHyperAndEbScores() throws Exception {
        EbgmTestData d = EbgmTestData.load();
        try (Table data = pairs(d)) {
            MethodResult r = run(data, Map.of("count", "N", "expected", "E", "squash", "none"));
            try {
                Table prior = r.outputs().get("prior");
                String[] names = {"alpha1", "beta1", "alpha2", "beta2", "p"};
                for (int j = 0; j < 5; j++) {
                    assertRelative(MgpsEngineTest.R_FULL[j], prior.doubles(names[j]).get(0), 1e-4, names[j]);
                }
                assertTrue(prior.booleans("converged").get(0));
                assertTrue(-prior.doubles("loglik").get(0) <= MgpsEngineTest.R_FULL_NEGLL * (1 + 1e-9));
                Table eb = r.outputs().get("ebgm");
                assertEquals(6045, eb.rowCount());
                // D085/E065 (N = 64, the largest count): EBGM 3.347326774193, QUANT_05 2.71539492749, QUANT_95
                // 4.09018962358 at R's estimate (ebScores(..., digits = 12)); ours at our estimate, 1e-4 away
                int k = -1;
                for (int i = 0; i < eb.rowCount(); i++) {
                    if ("D085".equals(eb.strings("drug").get(i)) && "E065".equals(eb.strings("event").get(i))) {
                        k = i;
                    }
                }
                assertTrue(k >= 0, "D085/E065 in the table");
                assertEquals(64, eb.doubles("n").get(k));
                assertRelative(3.3473267741930002, eb.doubles("ebgm").get(k), 1e-4, "EBGM");
                assertRelative(2.7153949274900002, eb.doubles("eb05").get(k), 1e-4, "EB05");
                assertRelative(4.0901896235799997, eb.doubles("eb95").get(k), 1e-4, "EB95");
                assertRelative(0.99993600668168636, eb.doubles("p_exceed").get(k), 1e-4, "P(lambda > 2)");
                assertRelative(64 / eb.doubles("expected").get(k), eb.doubles("rr").get(k), 1e-15, "rr");
                for (int i = 1; i < eb.rowCount(); i++) {
                    assertTrue(eb.doubles("ebgm").get(i) <= eb.doubles("ebgm").get(i - 1), "sorted at " + i);
                }
                assertEquals(5, r.outputs().get("starts").rowCount());
            } finally {
                close(r);
            }
        }
    }

    @Test
    void reportRowsGiveTheSameAsPrecountedPairs() throws Exception {
        EbgmTestData d = EbgmTestData.load();
        try (Table rows = reports(d); Table data = pairs(d)) {
            MethodResult fromRows = run(rows, Map.of("report", "id", "sortBy", "eb05"));
            // pre-counted without the E column: E from the sums of N, by the same code as the report rows' E
            MethodResult fromPairs = run(data, Map.of("count", "N", "sortBy", "eb05"));
            try {
                Table a = fromRows.outputs().get("ebgm");
                Table b = fromPairs.outputs().get("ebgm");
                assertEquals(b.rowCount(), a.rowCount());
                Map<String, Integer> rowOf = new HashMap<>();
                for (int i = 0; i < b.rowCount(); i++) {
                    rowOf.put(b.strings("drug").get(i) + "|" + b.strings("event").get(i), i);
                }
                for (int i = 0; i < a.rowCount(); i++) {
                    Integer j = rowOf.get(a.strings("drug").get(i) + "|" + a.strings("event").get(i));
                    assertTrue(j != null, "pair of row " + i + " counted");
                    assertEquals(b.doubles("n").get(j), a.doubles("n").get(i));
                    assertEquals(b.doubles("expected").get(j), a.doubles("expected").get(i), 0, "E " + i);
                    assertEquals(b.doubles("eb05").get(j), a.doubles("eb05").get(i), 0, "EB05 " + i);
                    // and E is processRaw's E (the CSV's) to rounding
                    assertRelative(d.e[rowOfCsv(d, a.strings("drug").get(i), a.strings("event").get(i))],
                            a.doubles("expected").get(i), 1e-14, "E " + i);
                }
                // default squashing is autoSquash: its fit is close to the unsquashed one (openEBGM's premise)
                assertRelative(MgpsEngineTest.R_FULL[2], fromRows.outputs().get("prior").doubles("alpha2").get(0),
                        1e-2, "alpha2 after autoSquash");
            } finally {
                close(fromRows);
                close(fromPairs);
            }
        }
    }

    @Test
    void squashingByCountsAsTheVignetteMatchesAutoHyper() throws Exception {
        EbgmTestData d = EbgmTestData.load();
        try (Table data = pairs(d)) {
            Map<String, Object> raw = new HashMap<>(Map.of("count", "N", "expected", "E", "squash", "counts"));
            raw.put("squashBinSizes", "50,10");
            raw.put("squashKeepPoints", "100,50");
            MethodResult r = run(data, raw);
            try {
                Table prior = r.outputs().get("prior");
                String[] names = {"alpha1", "beta1", "alpha2", "beta2", "p"};
                for (int j = 0; j < 5; j++) {
                    assertRelative(MgpsEngineTest.R_SQUASHED[j], prior.doubles(names[j]).get(0), 1e-4, names[j]);
                }
            } finally {
                close(r);
            }
        }
    }

    @Test
    void badParametersAreRefusedByName() throws Exception {
        EbgmTestData d = EbgmTestData.load();
        try (Table data = pairs(d)) {
            InvalidParameterException a = assertThrows(InvalidParameterException.class,
                    () -> run(data, Map.of("count", "N", "expected", "nope")));
            assertTrue(a.getMessage().contains("'expected'") && a.getMessage().contains("nope"), a.getMessage());
            InvalidParameterException b = assertThrows(InvalidParameterException.class,
                    () -> run(data, Map.of("count", "N", "starts", "0.2,0.1,2,4")));
            assertTrue(b.getMessage().contains("'starts'"), b.getMessage());
            InvalidParameterException c = assertThrows(InvalidParameterException.class,
                    () -> run(data, Map.of("count", "E")));
            assertTrue(c.getMessage().contains("'count'") && c.getMessage().contains("row 1"), c.getMessage());
            InvalidParameterException e = assertThrows(InvalidParameterException.class,
                    () -> run(data, Map.of("count", "N", "nStar", "2", "squash", "none")));
            assertTrue(e.getMessage().contains("outside the parameter space"), e.getMessage());
        }
    }
}
