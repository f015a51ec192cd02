package io.daybreak.methods.twin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.daybreak.core.method.InvalidParameterException;
import io.daybreak.data.Table;

/**
 * {@code twin.tgi-fit} against twin.R section A (R 4.2.2: {@code nls(f ~ ..., algorithm = "port", lower = 0,
 * upper = c(phi = 1))} from a grid of starts, polished by projected Gauss–Newton; see the script's header).
 * Tolerances follow the README: the polished optimum is pinned to 1e-7 relative for well-conditioned fits
 * (R's own polish and ours agree far better; 1e-7 leaves room for the SE's matrix inverse), 1e-4 for the
 * ill-conditioned gdphi fits (patients 6, 7, 13, 14, where R's raw and polished fits differ by up to 1e-5).
 */
class TgiFitTest extends TwinTestSupport {
    private static final Map<Integer, String> SELECTED = Map.ofEntries(Map.entry(1, "dx"), Map.entry(2, "dx"),
            Map.entry(3, "dx"), Map.entry(4, "dx"), Map.entry(5, "gd"), Map.entry(6, "gx"), Map.entry(7, "gx"),
            Map.entry(8, "gd"), Map.entry(9, "gd"), Map.entry(10, "gd"), Map.entry(11, "dx"), Map.entry(12, "gdphi"),
            Map.entry(13, "gd"), Map.entry(14, "gd"), Map.entry(15, "not fitted"),
            Map.entry(16, "not fitted: fewer than 3 measurements"));

    @Test
    void selectionsAndSelectedEstimatesEqualTwinR() throws Exception {
        Map<String, String> r = rOutput();
        Map<String, Object[]> rows = new HashMap<>();
        Map<String, Object> summary;
        try (Table data = csv("tgi_longitudinal.csv")) {
            summary = run(new TgiFitMethod(), Map.of("data", data), Map.of("timeOrigin", "zero"), outputs -> {
                Table p = outputs.get("patients");
                for (int i = 0; i < p.rowCount(); i++) {
                    rows.put(p.strings("id").get(i), new Object[] {p.strings("model").get(i),
                        p.longs("measurements").get(i), null, null, null,
                        p.doubles("seD").isNull(i) ? Double.NaN : p.doubles("seD").get(i),
                        p.doubles("seG").isNull(i) ? Double.NaN : p.doubles("seG").get(i),
                        p.doubles("aic").isNull(i) ? Double.NaN : p.doubles("aic").get(i),
                        p.doubles("d").isNull(i) ? Double.NaN : p.doubles("d").get(i),
                        p.doubles("g").isNull(i) ? Double.NaN : p.doubles("g").get(i),
                        p.doubles("phi").isNull(i) ? Double.NaN : p.doubles("phi").get(i)});
                }
            });
        }
        assertEquals(16L, summary.get("patients"));
        assertEquals(5L, summary.get("selected_dx"));
        assertEquals(2L, summary.get("selected_gx"));
        assertEquals(6L, summary.get("selected_gd"));
        assertEquals(1L, summary.get("selected_gdphi"));
        assertEquals(1L, summary.get("notFitted"));
        assertEquals(1L, summary.get("fewerThan3Measurements"));
        for (int id = 1; id <= 16; id++) {
            Object[] row = rows.get(Integer.toString(id));
            // A.patient<id>.selected
            assertEquals(SELECTED.get(id), row[0], "patient " + id);
            assertEquals((long) value(r, "A.patient" + id + ".n"), row[1], "measurements of patient " + id);
            String model = SELECTED.get(id);
            if (model.startsWith("not fitted")) {
                continue;
            }
            String pre = "A.patient" + id + "." + model;
            List<String> names = List.of(r.get(pre + ".estimate").replaceAll("=[^ ]*", "").split(" "));
            double[] estimate = values(r, pre + ".estimate");
            double[] se = values(r, pre + ".se");
            for (int k = 0; k < names.size(); k++) {
                int column = switch (names.get(k)) {
                case "d" -> 8;
                case "g" -> 9;
                default -> 10;
                };
                assertRelative(estimate[k], (Double) row[column], 1e-7, pre + " " + names.get(k));
                if (!names.get(k).equals("phi")) {
                    assertRelative(se[k], (Double) row[names.get(k).equals("d") ? 5 : 6], 1e-6, pre + " se "
                            + names.get(k));
                }
            }
            assertRelative(value(r, pre + ".aic"), (Double) row[7], 1e-9, pre + " aic");
        }
    }

    /** Every model R fitted, for every patient: estimates, SEs, p-values, RSS, AIC, eligibility. */
    @Test
    void everyModelFitEqualsTwinR() throws Exception {
        Map<String, String> r = rOutput();
        try (Table data = csv("tgi_longitudinal.csv")) {
            run(new TgiFitMethod(), Map.of("data", data), Map.of("timeOrigin", "zero"), outputs -> {
                Table fits = outputs.get("fits");
                int compared = 0;
                for (int i = 0; i < fits.rowCount(); i++) {
                    String pre = "A.patient" + fits.strings("id").get(i) + "." + fits.strings("model").get(i);
                    String status = fits.strings("status").get(i);
                    boolean eligible = fits.booleans("eligible").get(i);
                    if (r.containsKey(pre + ".status") && r.get(pre + ".status").startsWith("not attempted")) {
                        assertTrue(status.startsWith("not attempted"), pre + " " + status);
                        continue;
                    }
                    assertEquals(Boolean.parseBoolean(r.getOrDefault(pre + ".eligible", "FALSE")), eligible, pre);
                    if (!r.containsKey(pre + ".se")) {
                        // R: bestNonConverged (patients 1-3 gdphi) or degenerate (patient 15 gdphi)
                        assertFalse(status.equals("fitted") && eligible, pre + " " + status);
                        continue;
                    }
                    assertEquals("fitted", status, pre);
                    boolean loose = pre.endsWith("gdphi") && List.of("6", "7", "13", "14", "5")
                            .contains(fits.strings("id").get(i));
                    double tolerance = loose ? 1e-4 : 1e-7;
                    String[] names = r.get(pre + ".estimate").replaceAll("=[^ ]*", "").split(" ");
                    double[] estimate = values(r, pre + ".estimate");
                    double[] se = values(r, pre + ".se");
                    double[] p = values(r, pre + ".p");
                    for (int k = 0; k < names.length; k++) {
                        String suffix = switch (names[k]) {
                        case "d" -> "D";
                        case "g" -> "G";
                        default -> "Phi";
                        };
                        assertClose(estimate[k], fits.doubles(names[k]).get(i), tolerance, 1e-12, pre + " " + names[k]);
                        assertRelative(se[k], fits.doubles("se" + suffix).get(i), 10 * tolerance, pre + " se " + names[k]);
                        assertClose(p[k], fits.doubles("p" + suffix).get(i), 100 * tolerance, 1e-12, pre + " p "
                                + names[k]);
                    }
                    assertRelative(value(r, pre + ".rss"), fits.doubles("rss").get(i), loose ? 1e-8 : 1e-10, pre + " rss");
                    compared++;
                }
                assertEquals(53, compared);
            });
        }
    }

    @Test
    void badRowsAreNamedWithColumnRowAndValue() throws Exception {
        InvalidParameterException e = refused(new double[] {0, 42, 84}, new double[] {50, -1, 30});
        assertTrue(e.getMessage().contains("'size'") && e.getMessage().contains("row 2")
                && e.getMessage().contains("-1"), e.getMessage());
        e = refused(new double[] {0, -3, 84}, new double[] {50, 40, 30});
        assertTrue(e.getMessage().contains("'time'") && e.getMessage().contains("row 2")
                && e.getMessage().contains("-3"), e.getMessage());
        e = refused(new double[] {0, 42, 42}, new double[] {50, 40, 30});
        assertTrue(e.getMessage().contains("twice") && e.getMessage().contains("row 3")
                && e.getMessage().contains("row 2"), e.getMessage());
        e = refused(new double[] {0, 42, 84}, new double[] {50, Double.NaN, 30});
        assertTrue(e.getMessage().contains("'size'") && e.getMessage().contains("row 2"), e.getMessage());
        try (Table data = table(new double[] {0, 42}, new double[] {50, 40})) {
            assertThrows(InvalidParameterException.class, () -> run(new TgiFitMethod(), Map.of("data", data),
                    Map.of("size", "diameter"), null));
        }
    }

    private InvalidParameterException refused(double[] time, double[] size) throws Exception {
        try (Table data = table(time, size)) {
            return assertThrows(InvalidParameterException.class,
                    () -> run(new TgiFitMethod(), Map.of("data", data), Map.of(), null));
        }
    }

    private Table table(double[] time, double[] size) {
        double[] id = new double[time.length];
        java.util.Arrays.fill(id, 7);
        return Table.builder(allocator).addFloat64("id", id).addFloat64("time", time).addFloat64("size", size).build();
    }

    /**
     * The response table has every assessment with days since the patient's first and the change from that baseline;
     * the patients table the best (lowest) change after baseline. Expected values are read straight from the CSV
     * text, not through the method's reader.
     */
    @Test
    void responseTablesGiveTheChangeFromBaselineAndTheBestChange() throws Exception {
        java.util.Map<String, java.util.List<double[]>> rows = new java.util.LinkedHashMap<>();
        for (String line : java.nio.file.Files.readAllLines(resources().resolve("tgi_longitudinal.csv")).subList(1,
                129)) {
            String[] cells = line.split(",");
            rows.computeIfAbsent(cells[0], k -> new java.util.ArrayList<>()).add(new double[] {
                Double.parseDouble(cells[1]), Double.parseDouble(cells[2])});
        }
        try (Table data = csv("tgi_longitudinal.csv")) {
            run(new TgiFitMethod(), Map.of("data", data), Map.of(), outputs -> {
                Table response = outputs.get("response");
                assertEquals(data.rowCount(), response.rowCount());
                Table patients = outputs.get("patients");
                for (int p = 0; p < patients.rowCount(); p++) {
                    String id = patients.strings("id").get(p);
                    java.util.List<double[]> patient = rows.get(id);
                    patient.sort((a, b) -> Double.compare(a[0], b[0]));
                    double best = Double.POSITIVE_INFINITY;
                    for (int k = 1; k < patient.size(); k++) {
                        best = Math.min(best, 100 * (patient.get(k)[1] / patient.get(0)[1] - 1));
                    }
                    if (patient.size() == 1) {
                        assertTrue(patients.doubles("bestChange").isNull(p), "patient " + id + " has only a baseline");
                    } else {
                        assertEquals(best, patients.doubles("bestChange").get(p), 1e-9, "patient " + id);
                    }
                }
                for (int r = 0; r < response.rowCount(); r++) {
                    java.util.List<double[]> patient = rows.get(response.strings("id").get(r));
                    double day = response.doubles("day").get(r);
                    double[] row = patient.stream().filter(x -> x[0] - patient.get(0)[0] == day).findFirst()
                            .orElseThrow();
                    assertEquals(100 * (row[1] / patient.get(0)[1] - 1), response.doubles("change").get(r), 1e-9);
                }
            });
        }
    }
}
