package io.daybreak.methods.design.decisiontable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.daybreak.core.method.InvalidParameterException;
import io.daybreak.core.method.Method;
import io.daybreak.core.method.MethodResult;
import io.daybreak.core.testing.TestMethodContext;
import io.daybreak.data.Table;
import io.daybreak.core.testing.MethodTestSupport;
import io.daybreak.methods.design.interval.BoinBoundaries;
import io.daybreak.methods.design.interval.BoinMethod;
import io.daybreak.methods.design.interval.KeyboardMethod;
import io.daybreak.methods.design.pathways.PathwaysMethod;

class DecisionTableTest extends MethodTestSupport {
    @TempDir
    Path dir;

    /**
     * R 4.2.2, BOIN 2.7.2 (docs/validation/r/decisiontable/boin_boundaries.R and .out):
     * {@code get.boundary(target, ncohort = 10, cohortsize = 3)$full_boundary_tab}, n = 1..30; rows escalate if DLTs
     * <=, de-escalate if >=, eliminate if >= (-1: NA).
     */
    private static final double[] TARGETS = {0.2, 0.25, 0.3};
    private static final int[][] ESCALATE = {
        {0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3, 3, 4, 4, 4, 4, 4},
        {0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3, 4, 4, 4, 4, 4, 5, 5, 5, 5, 5},
        {0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 4, 5, 5, 5, 5, 6, 6, 6, 6, 7}};
    private static final int[][] DEESCALATE = {
        {1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 6, 6, 6, 6, 6, 7, 7, 7, 7, 8},
        {1, 1, 1, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 5, 5, 5, 6, 6, 6, 6, 7, 7, 7, 8, 8, 8, 9, 9, 9, 9},
        {1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4, 5, 5, 6, 6, 6, 7, 7, 7, 8, 8, 8, 9, 9, 9, 10, 10, 11, 11, 11}};
    private static final int[][] ELIMINATE = {
        {-1, -1, 2, 3, 3, 3, 4, 4, 4, 5, 5, 5, 5, 6, 6, 6, 7, 7, 7, 7, 8, 8, 8, 8, 9, 9, 9, 9, 10, 10},
        {-1, -1, 3, 3, 3, 4, 4, 4, 5, 5, 6, 6, 6, 7, 7, 7, 8, 8, 8, 9, 9, 9, 10, 10, 10, 11, 11, 11, 12, 12},
        {-1, -1, 3, 3, 4, 4, 5, 5, 5, 6, 6, 7, 7, 8, 8, 8, 9, 9, 9, 10, 10, 11, 11, 11, 12, 12, 12, 13, 13, 14}};

    private static Decision expected(int escalate, int deescalate, int eliminate, int y) {
        if (eliminate >= 0 && y >= eliminate) {
            return Decision.DU;
        }
        return y <= escalate ? Decision.E : y >= deescalate ? Decision.D : Decision.S;
    }

    @Test
    void boinTablesEqualBoinGetBoundary() {
        for (int t = 0; t < TARGETS.length; t++) {
            double target = TARGETS[t];
            DecisionTable table = DecisionTables.boin(target, 0.6 * target, 1.4 * target, 3, 10, 0.95);
            assertEquals(30, table.maxN());
            for (int n = 1; n <= 30; n++) {
                for (int y = 0; y <= n; y++) {
                    assertEquals(expected(ESCALATE[t][n - 1], DEESCALATE[t][n - 1], ELIMINATE[t][n - 1], y),
                            table.at(n, y), "target " + target + ", n = " + n + ", y = " + y);
                }
            }
        }
    }

    /**
     * The published table: Liu &amp; Yuan (JRSS-C 2015) Table 1 gives lambda_e = 0.236 and lambda_d = 0.358 for target 0.3
     * (phi1 = 0.18, phi2 = 0.42), and Yuan et al. (Clin Cancer Res 22:4291, 2016) Table 2 (target 0.3, n = 1..12):
     * escalate if DLTs <= 0 0 0 0 1 1 1 1 2 2 2 2, de-escalate if >= 1 1 2 2 2 3 3 3 4 4 4 5, eliminate if >=
     * NA NA 3 3 4 4 5 5 5 6 6 7.
     */
    @Test
    void publishedBoinTable() {
        BoinBoundaries boin = BoinBoundaries.of(0.3, 0.18, 0.42);
        assertEquals(0.236, boin.lambdaE(), 5e-4);
        assertEquals(0.358, boin.lambdaD(), 6e-4);
        int[] escalate = {0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2};
        int[] deescalate = {1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4, 5};
        int[] eliminate = {-1, -1, 3, 3, 4, 4, 5, 5, 5, 6, 6, 7};
        DecisionTable table = DecisionTables.boin(0.3, 0.18, 0.42, 1, 12, 0.95);
        for (int n = 1; n <= 12; n++) {
            for (int y = 0; y <= n; y++) {
                assertEquals(expected(escalate[n - 1], deescalate[n - 1], eliminate[n - 1], y), table.at(n, y),
                        "n = " + n + ", y = " + y);
            }
        }
    }

    /**
     * BOIN12's toxicity count boundaries for phi_T = 0.35, cohorts of 3 (the values Boin12Test pins from the base-R
     * transcription of the authors' get.oc.obd, docs/validation/r/boin12/rds_values.R): n = 3, 6, ..., 30, escalate if
     * y_T <= 0 1 2 3 4 4 5 6 7 8, de-escalate if >= 2 3 4 6 7 8 9 11 12 13, eliminate if >= 3 5 6 7 9 10 11 13 14 15.
     */
    @Test
    void boin12TableEqualsItsCountBoundaries() {
        int[] escalate = {0, 1, 2, 3, 4, 4, 5, 6, 7, 8};
        int[] deescalate = {2, 3, 4, 6, 7, 8, 9, 11, 12, 13};
        int[] eliminate = {3, 5, 6, 7, 9, 10, 11, 13, 14, 15};
        DecisionTable table = DecisionTables.boin12(0.35, 3, 10, 0.95);
        for (int i = 0; i < 10; i++) {
            int n = 3 * (i + 1);
            for (int y = 0; y <= n; y++) {
                assertEquals(expected(escalate[i], deescalate[i], eliminate[i], y), table.at(n, y), "n = " + n + ", y = "
                        + y);
            }
        }
    }

    @Test
    void csvAndJsonRoundTrip() throws Exception {
        for (DecisionTable table : List.of(DecisionTables.boin(0.25, 0.15, 0.35, 3, 8, 0.95),
                DecisionTables.keyboard(true, 0.3, 0.05, 0.05, 2, 6, 0.9), DecisionTables.boin12(0.35, 3, 6, 0.95),
                DecisionTables.threePlusThree())) {
            Path csv = dir.resolve("t.csv");
            Path json = dir.resolve("t.json");
            DecisionTableFiles.write(table, csv);
            DecisionTableFiles.write(table, json);
            for (DecisionTable back : List.of(DecisionTableFiles.read(csv, table.cohortSize()),
                    DecisionTableFiles.read(json, null))) {
                assertEquals(table.maxN(), back.maxN());
                assertEquals(table.cohortSize(), back.cohortSize());
                for (int n = 1; n <= table.maxN(); n++) {
                    assertEquals(table.hasRow(n), back.hasRow(n), "n = " + n);
                    for (int y = 0; table.hasRow(n) && y <= n; y++) {
                        assertEquals(table.at(n, y), back.at(n, y), table.design() + " n = " + n + ", y = " + y);
                    }
                }
            }
            DecisionTable fromJson = DecisionTableFiles.read(json, null);
            assertEquals(table.design(), fromJson.design());
            assertEquals(Double.doubleToLongBits(table.target()), Double.doubleToLongBits(fromJson.target()));
            assertEquals(table.parameters().keySet(), fromJson.parameters().keySet());
        }
        String csv = DecisionTableFiles.csv(DecisionTables.threePlusThree());
        assertEquals("n,0,1,2,3,4,5,6\n3,E,S,DU,DU,,,\n6,E,E,DU,DU,DU,DU,DU\n", csv);
    }

    private Path export(Map<String, String> raw, String file) throws Exception {
        Map<String, String> all = new HashMap<>(raw);
        all.put(file.endsWith(".csv") ? "csv" : "json", dir.resolve(file).toString());
        summary(new DecisionTableExportMethod(), all, 1);
        return dir.resolve(file);
    }

    private void assertSameOc(Map<String, Object> expected, Map<String, Object> actual) {
        for (String key : List.of("selectionPercent", "patientsPerDose", "dltsPerDose", "noSelectionPercent")) {
            assertTrue(expected.containsKey(key), key + " in " + expected.keySet());
            assertEquals(expected.get(key), actual.get(key), key);
        }
        for (Map.Entry<String, Object> entry : expected.entrySet()) {
            if (actual.containsKey(entry.getKey()) && !entry.getKey().startsWith("table")) {
                assertEquals(entry.getValue(), actual.get(entry.getKey()), entry.getKey());
            }
        }
    }

    /** BOIN's own table, exported and imported, gives design.boin's results exactly for the same seed. */
    @Test
    void boinsOwnTableReproducesDesignBoinExactly() throws Exception {
        String[][] scenarios = {
            {"0.05,0.12,0.25,0.40,0.55,0.70", "0.3", "12", "3", "1", "100"},
            {"0.45,0.55,0.65,0.75", "0.25", "10", "3", "2", "100"},  // toxic: eliminations, early stops
            {"0.02,0.05,0.1,0.2,0.3", "0.2", "8", "2", "1", "9"},   // n.earlystop = 9
        };
        for (String[] s : scenarios) {
            Map<String, String> boin = Map.of("truth", s[0], "target", s[1], "cohorts", s[2], "cohortSize", s[3],
                    "startDose", s[4], "earlyStop", s[5], "trials", "4000");
            Map<String, Object> expected = summary(new BoinMethod(), boin, 77);
            Path json = export(Map.of("design", "boin", "target", s[1], "cohorts", s[2], "cohortSize", s[3]), "boin.json");
            Map<String, Object> fromJson = summary(new DecisionTableMethod(), Map.of("truth", s[0], "target", s[1],
                    "table", json.toString(), "startDose", s[4], "earlyStop", s[5], "trials", "4000"), 77);
            assertSameOc(expected, fromJson);
            Path csv = export(Map.of("design", "boin", "target", s[1], "cohorts", s[2], "cohortSize", s[3]), "boin.csv");
            Map<String, Object> fromCsv = summary(new DecisionTableMethod(), Map.of("truth", s[0], "target", s[1],
                    "table", csv.toString(), "cohortSize", s[3], "startDose", s[4], "earlyStop", s[5], "trials", "4000"),
                    77);
            assertSameOc(expected, fromCsv);
        }
        Map<String, Object> keyboard = summary(new KeyboardMethod(), Map.of("truth", "0.05,0.12,0.25,0.40,0.55",
                "target", "0.25", "cohorts", "10", "trials", "3000"), 5);
        Path json = export(Map.of("design", "keyboard", "target", "0.25", "cohorts", "10"), "keyboard.json");
        assertSameOc(keyboard, summary(new DecisionTableMethod(), Map.of("truth", "0.05,0.12,0.25,0.40,0.55",
                "target", "0.25", "table", json.toString(), "trials", "3000"), 5));
    }

    /**
     * A 3+3-like table (0/3 E, 1/3 S, >= 2/3 DU; <= 1/6 E, >= 2/6 DU), two doses, two cohorts. By hand: with
     * y1 ~ Bin(3, p1) at dose 1, no dose is selected when y1 >= 2 or (y1 = 1 and the second cohort at dose 1 has a
     * DLT); dose 2 is selected when y1 = 0 and dose 2 then has at most 1/3 (isotonic selection picks the higher of two
     * equal estimates); otherwise dose 1. So P(none) = P(y1 >= 2) + P(y1 = 1)(1 - (1 - p1)^3) and P(dose 2) =
     * (1 - p1)^3 P(Bin(3, p2) <= 1).
     */
    @Test
    void threePlusThreeLikeTableMatchesTheHandCalculation() throws Exception {
        Path file = export(Map.of("design", "3plus3"), "tpt.csv");
        double p1 = 0.2;
        double p2 = 0.4;
        long trials = 40_000;
        Map<String, Object> oc = summary(new DecisionTableMethod(), Map.of("truth", p1 + "," + p2, "target", "0.3",
                "table", file.toString(), "cohortSize", "3", "cohorts", "2", "trials", Long.toString(trials)), 3);
        double q1 = 1 - p1;
        double none = (3 * p1 * p1 * q1 + p1 * p1 * p1) + 3 * p1 * q1 * q1 * (1 - q1 * q1 * q1);
        double dose2 = q1 * q1 * q1 * (Math.pow(1 - p2, 3) + 3 * p2 * Math.pow(1 - p2, 2));
        double[] expected = {100 * (1 - none - dose2), 100 * dose2};
        List<?> selection = (List<?>) oc.get("selectionPercent");
        for (int d = 0; d < 2; d++) {
            double p = expected[d] / 100;
            double se = 100 * Math.sqrt(p * (1 - p) / trials);
            assertEquals(expected[d], (Double) selection.get(d), 4 * se, "dose " + (d + 1));
        }
        double noneSe = 100 * Math.sqrt(none * (1 - none) / trials);
        assertEquals(100 * none, (Double) oc.get("noSelectionPercent"), 4 * noneSe);
    }

    private List<String> pathways(Map<String, String> raw) throws Exception {
        MethodResult result = apply(new PathwaysMethod(), raw, Map.of(), new TestMethodContext(allocator, 1));
        try (Table table = result.outputs().get("pathways")) {
            List<String> rows = new ArrayList<>();
            for (int i = 0; i < table.rowCount(); i++) {
                rows.add(table.longs("cohort").get(i) + "|" + table.strings("history").get(i) + "|"
                        + table.longs("dose").get(i) + "|" + table.longs("dlts").get(i) + "|"
                        + (table.longs("nextDose").isNull(i) ? "-" : table.longs("nextDose").get(i)) + "|"
                        + table.strings("decision").get(i));
            }
            return rows;
        }
    }

    /** design.pathways on BOIN's exported table lists the same pathways as on design boin. */
    @Test
    void pathwaysOfAnImportedTableEqualTheDesignsOwn() throws Exception {
        Path json = export(Map.of("design", "boin", "target", "0.25", "cohorts", "5"), "p.json");
        List<String> boin = pathways(Map.of("design", "boin", "doses", "4", "target", "0.25", "cohorts", "3"));
        List<String> table = pathways(Map.of("design", "decision-table", "table", json.toString(), "doses", "4",
                "target", "0.25", "cohorts", "3"));
        assertTrue(boin.size() > 20, boin.toString());
        assertEquals(boin, table);
        assertThrows(InvalidParameterException.class, () -> pathways(Map.of("design", "decision-table", "table",
                json.toString(), "doses", "4", "target", "0.25", "cohortSize", "2")));
        assertThrows(InvalidParameterException.class, () -> pathways(Map.of("design", "boin", "table", json.toString(),
                "doses", "4")));
    }

    private String error(String name, String content, Map<String, String> extra) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, content);
        Map<String, String> raw = new HashMap<>(Map.of("truth", "0.1,0.2,0.3", "target", "0.3", "table",
                file.toString(), "trials", "10"));
        raw.putAll(extra);
        Method method = new DecisionTableMethod();
        return assertThrows(InvalidParameterException.class, () -> summary(method, raw, 1)).getMessage();
    }

    @Test
    void malformedTablesAreRejectedNamingFileRowColumnAndValue() throws Exception {
        Map<String, String> three = Map.of("cohortSize", "3");
        String missingRow = error("missing.csv", "n,0,1,2,3,4,5,6\n3,E,S,DU,DU,,,\n", three);
        assertTrue(missingRow.contains("missing.csv") && missingRow.contains("no row for n = 6"), missingRow);
        String badCell = error("cell.csv", "n,0,1,2,3\n3,E,X,DU,DU\n", three);
        assertTrue(badCell.contains("cell.csv") && badCell.contains("line 2") && badCell.contains("column 1")
                && badCell.contains("'X'"), badCell);
        String yAboveN = error("y.csv", "n,0,1,2,3\n3,E,S,D,DU\n2,E,S,D,D\n", Map.of("cohortSize", "1"));
        assertTrue(yAboveN.contains("line 3") && yAboveN.contains("column 3") && yAboveN.contains("y = 3 > n = 2"),
                yAboveN);
        String empty = error("empty.csv", "n,0,1,2,3\n3,E,,D,DU\n", three);
        assertTrue(empty.contains("column 1") && empty.contains("''"), empty);
        String header = error("header.csv", "n,0,2\n", three);
        assertTrue(header.contains("line 1, column 3") && header.contains("'2'"), header);
        String noSize = error("size.csv", "n,0,1,2,3\n3,E,S,D,DU\n", Map.of());
        assertTrue(noSize.contains("cohortSize"), noSize);
        String json = error("bad.json", "{\"schema\":\"daybreak-decision-table/1\",\"cohortSize\":3,\"maxN\":3,"
                + "\"cells\":[{\"n\":3,\"decisions\":[\"E\",\"S\",\"D\"]}]}", Map.of());
        assertTrue(json.contains("bad.json") && json.contains("cells[0]") && json.contains("n + 1 = 4"), json);
        String jsonCell = error("cell.json", "{\"cohortSize\":3,\"maxN\":3,"
                + "\"cells\":[{\"n\":3,\"decisions\":[\"E\",\"S\",\"up\",\"DU\"]}]}", Map.of());
        assertTrue(jsonCell.contains("decisions[2] (y = 2)") && jsonCell.contains("'up'"), jsonCell);
        String notJson = error("broken.json", "{\"cohortSize\": 3,", Map.of());
        assertTrue(notJson.contains("broken.json") && notJson.contains("not valid JSON"), notJson);
        String target = error("target.json", DecisionTableFiles.json(DecisionTables.boin(0.25, 0.15, 0.35, 3, 2, 0.95)),
                Map.of());
        assertTrue(target.contains("'target' = 0.3") && target.contains("0.25"), target);
        String extension = error("table.txt", "n,0\n", three);
        assertTrue(extension.contains("allowed: .csv, .json"), extension);
    }
}
