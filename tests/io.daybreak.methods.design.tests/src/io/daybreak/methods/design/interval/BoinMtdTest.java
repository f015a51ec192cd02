package io.daybreak.methods.design.interval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.daybreak.core.method.InvalidParameterException;
import io.daybreak.core.testing.MethodTestSupport;
import io.daybreak.data.Table;

/**
 * design.boin-mtd against BOIN 2.7.2's own {@code select.mtd} in R 4.2.2 (docs/validation/r/design/boin-select-mtd.R,
 * output boin-select-mtd.out; {@code .libPaths("/work/rlib-design"); library(BOIN)}). select.mtd prints its
 * estimates to 2 decimals; the script recomputes them unrounded with select.mtd's own expressions (pava from Iso,
 * the same weighted fit), and those are pinned here to 1e-12 (the 2.5% quantiles to 1e-9: they reach 1e-33).
 */
class BoinMtdTest extends MethodTestSupport {

    private Map<String, Object> run(Map<String, String> raw) throws Exception {
        return summary(new BoinMtdMethod(), raw, 1);
    }

    private Map<String, Object> run(String target, String npts, String ntox, String... more) throws Exception {
        Map<String, String> raw = new HashMap<>(Map.of("target", target, "patients", npts, "dlts", ntox));
        for (int i = 0; i < more.length; i += 2) {
            raw.put(more[i], more[i + 1]);
        }
        return run(raw);
    }

    private static void assertValues(double[] expected, Object actual, double tolerance, String what) {
        double[] values = doubles(actual);
        for (int d = 0; d < expected.length; d++) {
            if (Double.isNaN(expected[d])) {
                assertTrue(Double.isNaN(values[d]), what + " at dose " + (d + 1) + " is for an untried dose");
            } else {
                assertEquals(expected[d], values[d], tolerance, what + " at dose " + (d + 1));
            }
        }
    }

    /** select.mtd(target = 0.3, npts = c(3, 3, 15, 9, 0), ntox = c(0, 0, 4, 4, 0)): the help-page example. */
    @Test
    void helpPageExample() throws Exception {
        Map<String, String> raw = Map.of("target", "0.3", "patients", "3,3,15,9,0", "dlts", "0,0,4,4,0");
        Map<String, Object> s = run(raw);
        assertEquals(3L, s.get("mtd"));
        double nan = Double.NaN;
        assertValues(new double[] {0.0161290322580645, 0.0161290322580645, 0.268211920529801, 0.445054945054945, nan},
                s.get("phat"), 1e-12, "phat");
        assertValues(new double[] {0.0129635368219767, 0.0129635368219767, 0.360118904443715, 0.80843920259127, nan},
                s.get("pOverdose"), 1e-12, "p_overdose");
        run(new BoinMtdMethod(), Map.of(), raw, 1, outputs -> {
            Table table = outputs.get("estimates");
            double[] lower = {2.05175098448001e-33, 2.05175098448001e-33, 0.0852748897894058, 0.158700626439516};
            double[] upper = {0.196038970915588, 0.196038970915588, 0.508919416362264, 0.754166188173268};
            for (int d = 0; d < 4; d++) {
                assertEquals(lower[d], table.doubles("lower").get(d), 1e-9, "lower at dose " + (d + 1));
                assertEquals(upper[d], table.doubles("upper").get(d), 1e-9, "upper at dose " + (d + 1));
                assertFalse(table.booleans("eliminated").get(d));
            }
            assertTrue(Double.isNaN(table.doubles("phat").get(4)));
        });
    }

    @Test
    void eliminationAsSelectMtd() throws Exception {
        // select.mtd(target = 0.3, npts = c(6, 9, 0), ntox = c(0, 5, 0)): 1 - pbeta(0.3, 6, 5) = 0.9527 > 0.95
        assertEquals(1L, run("0.3", "6,9,0", "0,5,0").get("mtd"));
        // ... cutoff.eli = 0.96: dose 2 stays, and its estimate 0.555 is closer to 0.3 than 0.008
        assertEquals(2L, run("0.3", "6,9,0", "0,5,0", "eliminationCutoff", "0.96").get("mtd"));
        // select.mtd(target = 0.25, npts = c(3, 6, 12, 6, 3), ntox = c(0, 1, 2, 4, 3)): MTD 3, estimates of all tried
        Map<String, Object> s = run("0.25", "3,6,12,6,3", "0,1,2,4,3");
        assertEquals(3L, s.get("mtd"));
        assertValues(new double[] {0.0161290322580645, 0.17036612549528, 0.17036612549528, 0.663934426229508,
            0.983870967741935}, s.get("phat"), 1e-12, "phat");
        assertValues(new double[] {0.0177364421624793, 0.226325902033069, 0.226325902033069, 0.984484942339245,
            0.999685133929232}, s.get("pOverdose"), 1e-12, "p_overdose");
        // select.mtd(target = 0.3, npts = c(6, 3, 0), ntox = c(5, 3, 0)): the lowest dose is eliminated, MTD 99
        Map<String, Object> none = run("0.3", "6,3,0", "5,3,0");
        assertNull(none.get("mtd"));
        assertTrue(((String) none.get("decision")).contains("lowest dose is eliminated"), none.toString());
    }

    @Test
    void extraSafe() throws Exception {
        // select.mtd(target = 0.3, npts = c(3, 0, 0), ntox = c(2, 0, 0), extrasafe = TRUE): 99; without it: 1
        assertNull(run("0.3", "3,0,0", "2,0,0", "extraSafe", "true").get("mtd"));
        Map<String, Object> s = run("0.3", "3,0,0", "2,0,0");
        assertEquals(1L, s.get("mtd"));
        assertValues(new double[] {0.661290322580645}, s.get("phat"), 1e-12, "phat");
        assertValues(new double[] {0.90974629610793}, s.get("pOverdose"), 1e-12, "p_overdose");
    }

    @Test
    void poolingAndTies() throws Exception {
        // select.mtd(target = 0.2, npts = c(6, 9, 3, 0, 0), ntox = c(0, 3, 1, 0, 0)): doses 2 and 3 both above the
        // target, the lower closer: MTD 2 (their 2.5% quantiles are pooled: 0.0664 for both in R)
        Map<String, Object> s = run("0.2", "6,9,3,0,0", "0,3,1,0,0");
        assertEquals(2L, s.get("mtd"));
        assertValues(new double[] {0.00819672131147541, 0.335164835164835, 0.338709677419355}, s.get("phat"), 1e-12,
                "phat");
        run(new BoinMtdMethod(), Map.of(), Map.of("target", "0.2", "patients", "6,9,3,0,0", "dlts", "0,3,1,0,0"), 1,
                outputs -> {
                    Table table = outputs.get("estimates");
                    assertEquals(0.0663731912023626, table.doubles("lower").get(1), 1e-9);
                    assertEquals(0.0663731912023626, table.doubles("lower").get(2), 1e-9);
                    assertEquals(0.840063320319787, table.doubles("upper").get(2), 1e-9);
                });
    }

    @Test
    void boundMtd() throws Exception {
        // select.mtd(target = 0.3, npts = c(3, 6, 9, 3), ntox = c(0, 1, 3, 2), boundMTD = TRUE): 3, as without
        assertEquals(3L, run("0.3", "3,6,9,3", "0,1,3,2", "boundMtd", "true").get("mtd"));
        assertEquals(3L, run("0.3", "3,6,9,3", "0,1,3,2").get("mtd"));
        // select.mtd(target = 0.3, npts = c(3, 6, 9, 6), ntox = c(0, 3, 3, 3), boundMTD = TRUE, p.tox = 0.4): 1
        Map<String, Object> s = run("0.3", "3,6,9,6", "0,3,3,3", "boundMtd", "true", "pTox", "0.4");
        assertEquals(1L, s.get("mtd"));
        assertValues(new double[] {0.0161290322580645, 0.398660866548273, 0.398660866548273, 0.5}, s.get("phat"), 1e-12,
                "phat");
    }

    @Test
    void untriedLowestDose() throws Exception {
        // select.mtd(target = 0.3, npts = c(0, 3, 6), ntox = c(0, 0, 1)): MTD 3. (select.mtd's printed CI column is
        // indexed by dose among the tried doses' intervals, so it shifts when a lower dose is untried; ours is not.)
        Map<String, Object> s = run("0.3", "0,3,6", "0,0,1");
        assertEquals(3L, s.get("mtd"));
        assertValues(new double[] {Double.NaN, 0.0161290322580645, 0.172131147540984}, s.get("phat"), 1e-12, "phat");
    }

    /**
     * BOIN 2.7.2's own select.mtd on 400 random trials (random target, 3 to 7 doses, untried doses above and, in
     * every fifth, at the lowest dose; cutoff.eli 0.9, 0.95 or 0.99; extrasafe every fourth, boundMTD every seventh),
     * R 4.2.2: docs/validation/r/design/boin-random-select.R, output the resource boin-random-select.txt. The MTD
     * exactly (99: none), the isotonic estimates of the tried doses to 1e-12.
     */
    @Test
    void selectionsEqualSelectMtdOnRandomTrials() throws IOException {
        int checked = 0;
        try (InputStream in = BoinMtdTest.class.getResourceAsStream("boin-random-select.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                String[] f = line.split("\\|");
                double target = Double.parseDouble(f[0].trim());
                int[] n = Arrays.stream(f[1].trim().split(",")).mapToInt(Integer::parseInt).toArray();
                int[] y = Arrays.stream(f[2].trim().split(",")).mapToInt(Integer::parseInt).toArray();
                BoinMtdMethod.Selection s = BoinMtdMethod.select(target, n, y, Double.parseDouble(f[3].trim()),
                        Boolean.parseBoolean(f[4].trim().toLowerCase()), 0.05,
                        Boolean.parseBoolean(f[5].trim().toLowerCase()), 1.4 * target);
                int mtd = Integer.parseInt(f[6].trim());
                assertEquals(mtd == 99 ? -1 : mtd - 1, s.mtd(), line);
                double[] phat = f.length < 8 || f[7].isBlank() ? new double[0]
                        : Arrays.stream(f[7].trim().split(",")).mapToDouble(Double::parseDouble).toArray();
                double[] tried = Arrays.stream(s.phat()).filter(v -> !Double.isNaN(v)).toArray();
                assertEquals(phat.length, tried.length, line);
                for (int k = 0; k < phat.length; k++) {
                    assertEquals(phat[k], tried[k], 1e-12, line);
                }
                checked++;
            }
        }
        assertEquals(400, checked);
    }

    @Test
    void badInputIsRefusedNamingTheParameter() {
        for (String[] bad : new String[][] {{"dlts", "0,4,0"}, {"dlts", "0,1"}, {"patients", "3,2.5,0"},
            {"pTox", "0.2"}, {"eliminationCutoff", "0.4"}}) {
            Map<String, String> raw = new HashMap<>(Map.of("target", "0.3", "patients", "3,3,0", "dlts", "0,1,0"));
            raw.put(bad[0], bad[1]);
            InvalidParameterException e = assertThrows(InvalidParameterException.class, () -> run(raw), bad[0]);
            assertTrue(e.getMessage().contains(bad[0]), e.getMessage());
        }
    }
}
