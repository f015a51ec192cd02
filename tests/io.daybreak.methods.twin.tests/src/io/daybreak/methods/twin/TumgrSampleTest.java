package io.daybreak.methods.twin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.daybreak.data.Table;

/**
 * {@code twin.tgi-fit} with tumgr's time (the default) on tumgr's own sample data against tumgr itself:
 * {@code gdrate(sampleData, 0.05, FALSE)} from tumgr 0.0.4 (minpack.lm 1.2-4, R 4.2.2), run by
 * {@code docs/validation/r/twin/tumgr.R}, which writes {@code resources/tumgr_sample.csv} and {@code tumgr.out}; the
 * test reads R's selections and estimates from {@code tumgr.out}. tumgr's gdphi weight p is the regressing
 * fraction, so p = 1 − phi here; its {@code dx}, {@code gx}, {@code dt}, {@code gt} are d and g.
 */
class TumgrSampleTest extends TwinTestSupport {

    @Test
    void everyPatientsSelectionEqualsTumgr() throws Exception {
        Map<String, String> expected = new LinkedHashMap<>();
        Map<String, Map<String, double[]>> estimates = new HashMap<>();
        readTumgr(expected, estimates);
        assertEquals(68, expected.size());
        Map<String, String> selected = new HashMap<>();
        Map<String, double[]> ours = new HashMap<>();
        Map<String, Object> summary;
        try (Table data = csv("tumgr_sample.csv")) {
            summary = run(new TgiFitMethod(), Map.of("data", data), Map.of("id", "name", "time", "date"), outputs -> {
                Table p = outputs.get("patients");
                for (int i = 0; i < p.rowCount(); i++) {
                    String id = p.strings("id").get(i);
                    selected.put(id, p.strings("model").get(i));
                    ours.put(id, new double[] {value(p, "d", i), value(p, "g", i), value(p, "phi", i),
                        value(p, "seD", i), value(p, "seG", i), value(p, "sePhi", i)});
                }
            });
        }
        List<String> differences = new ArrayList<>();
        expected.forEach((id, tumgr) -> {
            String want = switch (tumgr) {
            case "not fit" -> "not fitted";
            case "only 1 eval" -> "not fitted: fewer than 3 measurements";
            case "2 evals not 20% diff" -> "not fitted: 2 measurements within 20%";
            default -> tumgr;
            };
            if (!want.equals(selected.get(id))) {
                differences.add(id + ": tumgr " + tumgr + ", ours " + selected.get(id));
            }
        });
        assertTrue(differences.isEmpty(), differences.size() + " selections differ: " + differences);
        // gdrate(...)$models: dx 20, gd 25, gdphi 5, gx 4, not fit 8, only 1 eval 5, 2 evals not 20% diff 1
        assertEquals(20L, summary.get("selected_dx"));
        assertEquals(25L, summary.get("selected_gd"));
        assertEquals(5L, summary.get("selected_gdphi"));
        assertEquals(4L, summary.get("selected_gx"));
        assertEquals(8L, summary.get("notFitted"));
        assertEquals(6L, summary.get("fewerThan3Measurements"));
        // the selected fits' estimates and standard errors: tumgr stops its Levenberg-Marquardt search at
        // ftol = ptol = sqrt(eps), ours is polished to the constrained optimum, hence the relative tolerance
        estimates.forEach((id, parameters) -> parameters.forEach((parameter, tumgr) -> {
            double[] mine = ours.get(id);
            int k = switch (parameter) {
            case "d", "dx", "dt" -> 0;
            case "g", "gx", "gt" -> 1;
            default -> 2;
            };
            double estimate = k == 2 ? 1 - mine[2] : mine[k];
            assertRelative(tumgr[0], estimate, TOLERANCE, id + " " + parameter);
            assertRelative(tumgr[1], mine[k + 3], TOLERANCE, id + " SE " + parameter);
        }));
    }

    private static final double TOLERANCE = 1e-4;

    private static double value(Table table, String column, int row) {
        return table.doubles(column).isNull(row) ? Double.NaN : table.doubles(column).get(row);
    }

    /** tumgr.out's "results" (name → selectedFit) and "selected estimates" (name → parameter → {estimate, SE}). */
    private static void readTumgr(Map<String, String> selections, Map<String, Map<String, double[]>> estimates)
            throws Exception {
        Path file = resources().resolve("../../../docs/validation/r/twin/tumgr.out").normalize();
        String section = "";
        for (String line : Files.readAllLines(file)) {
            if (line.startsWith("== ")) {
                section = line;
                continue;
            }
            String[] f = line.strip().split(" ");
            if (line.isBlank()) {
                continue;
            }
            if (section.startsWith("== results")) {
                // name N type selectedFit g d phi, where selectedFit may have spaces ("2 evals not 20% diff")
                selections.put(f[0], String.join(" ", java.util.Arrays.copyOfRange(f, 3, f.length - 3)));
            } else if (section.startsWith("== selected estimates")) {
                estimates.computeIfAbsent(f[0], k -> new HashMap<>()).put(f[2], new double[] {
                    Double.parseDouble(f[3]), Double.parseDouble(f[4])});
            }
        }
    }
}
