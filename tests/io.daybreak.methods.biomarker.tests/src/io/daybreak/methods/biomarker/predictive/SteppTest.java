package io.daybreak.methods.biomarker.predictive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.daybreak.core.method.InvalidParameterException;
import io.daybreak.core.testing.MethodTestSupport;
import io.daybreak.data.Table;
import io.daybreak.stats.biomarker.predictive.Stepp;

/**
 * biomarker.stepp against R 4.2.2 stepp 3.2.7 ({@code docs/validation/r/biomarker/stepp.R}) on the seeded data of
 * {@code interaction.R} (240 patients, {@code interaction-data.csv}): windows of {@code stepp.subpop(stepp.win(type =
 * "sliding", r1, r2), cov = d$marker)}, Kaplan-Meier estimates and Greenwood standard errors of {@code stepp.KM(...,
 * timePoint = 4)}, the supremum permutation p of {@code stepp.test} (2500 permutations, within Monte Carlo error),
 * response rates and means per window computed in R.
 */
class SteppTest extends MethodTestSupport {

    private static double[] column(Table t, String name) {
        double[] out = new double[t.rowCount()];
        for (int i = 0; i < out.length; i++) {
            out[i] = t.doubles(name).get(i);
        }
        return out;
    }

    @Test
    void windowsAsSteppWin() throws Exception {
        try (Table data = InteractionTest.data(allocator)) {
            double[] marker = column(data, "marker");
            // sp@npatsub, sp@minc, sp@maxc for (r1, r2) = (20, 60), (30, 80), (0, 50)
            check(Stepp.slidingWindows(marker, 20, 60), new int[] {60, 60, 60, 60, 60, 40},
                    new double[] {-2.596, -1.036, -0.504, -0.072, 0.435, 1.046},
                    new double[] {-0.739, -0.244, 0.174, 0.636, 1.377, 2.615});
            check(Stepp.slidingWindows(marker, 30, 80), new int[] {80, 80, 80, 80, 40},
                    new double[] {-2.596, -0.852, -0.231, 0.312, 1.046}, new double[] {-0.521, 0.053, 0.636, 1.614, 2.615});
            check(Stepp.slidingWindows(marker, 0, 50), new int[] {50, 50, 50, 50, 40},
                    new double[] {-2.596, -0.852, -0.231, 0.312, 1.046},
                    new double[] {-0.866, -0.244, 0.305, 1.005, 2.615});
            // ties are kept together: 10 patients at each of 0..9, r2 = 25 -> windows of 30
            double[] tied = new double[100];
            for (int i = 0; i < 100; i++) {
                tied[i] = i % 10;
            }
            for (Stepp.Window w : Stepp.slidingWindows(tied, 10, 25)) {
                assertEquals(0, w.n() % 10, "ties split");
            }
            assertThrows(IllegalArgumentException.class, () -> Stepp.slidingWindows(marker, 20, 240));
        }
    }

    private static void check(List<Stepp.Window> windows, int[] n, double[] lower, double[] upper) {
        assertEquals(n.length, windows.size(), "windows");
        for (int k = 0; k < n.length; k++) {
            assertEquals(n[k], windows.get(k).n(), "npatsub " + k);
            assertEquals(lower[k], windows.get(k).lower(), "minc " + k);
            assertEquals(upper[k], windows.get(k).upper(), "maxc " + k);
        }
    }

    @Test
    void survivalAsSteppKm() throws Exception {
        try (Table data = InteractionTest.data(allocator)) {
            Map<String, Object> summary = run(new SteppMethod(), Map.of(SteppMethod.INPUT, data), Map.of("outcome",
                    "survival", "timeColumn", "time", "eventColumn", "event", "timePoint", 4, "treatmentColumn", "trt",
                    "markerColumn", "marker", "r1", 20, "r2", 60, "permutations", 10000), 20261203L, outputs -> {
                        Table t = outputs.get(SteppMethod.OUTPUT);
                        assertEquals(6, t.rowCount());
                        // res@effect$TrtEff[[2]]$sObs (trt 1), [[1]]$sObs (trt 0), and the $sSE
                        double[] treated = {0.77550698335043022, 0.66406249999999978, 0.65714285714285714,
                            0.74356869184455399, 0.78409090909090917, 0.68996019460415747};
                        double[] control = {0.84677419354838723, 0.77008928571428592, 0.80161943319838058,
                            0.61845526741162427, 0.52601809954751133, 0.39033213375318626};
                        double[] se1 = {0.081496682482043725, 0.10523119202290743, 0.088364178563069384,
                            0.084056781744776987, 0.085579506291342158, 0.105553709822088};
                        double[] se0 = {0.07098599412906767, 0.076418736487316244, 0.079828512078340672,
                            0.091355790234246267, 0.086893049845655324, 0.12543990409191663};
                        // medians: apply(sp@subpop, 2, function(s) median(d$marker[s == 1])) (stepp rounds to 2 digits)
                        double[] medians = {-1.2455, -0.6155, -0.129, 0.3085, 0.804, 1.3805};
                        for (int k = 0; k < 6; k++) {
                            assertRelative(treated[k], t.doubles("effect_treatment").get(k), 1e-13, "KM treated " + k);
                            assertRelative(control[k], t.doubles("effect_control").get(k), 1e-13, "KM control " + k);
                            double se = Math.hypot(se1[k], se0[k]);
                            double diff = treated[k] - control[k];
                            assertRelative(diff, t.doubles("difference").get(k), 1e-12, "difference " + k);
                            assertRelative(diff - 1.959963984540054 * se, t.doubles("difference_lower").get(k), 1e-11,
                                    "lower " + k);
                            assertRelative(diff + 1.959963984540054 * se, t.doubles("difference_upper").get(k), 1e-11,
                                    "upper " + k);
                            assertEquals(medians[k], t.doubles("marker_median").get(k), 1e-12, "median " + k);
                            assertEquals(k + 1.0, t.doubles("window").get(k));
                        }
                    });
            // oObs: 0.73369377713489425 (trt 1) - 0.66019857488012468 (trt 0)
            assertRelative(0.73369377713489425 - 0.66019857488012468, (Double) summary.get("difference"), 1e-12,
                    "overall");
            // stepp.test(nperm = 2500): p 0.2412. Ours with 10000 permutations must lie within 3 Monte Carlo SEs of
            // the difference of two estimates: 3 * sqrt(p (1 - p) (1/10000 + 1/2500)) = 0.0287
            double p = (Double) summary.get("steppP");
            double mcse = Math.sqrt(0.2412 * (1 - 0.2412) * (1.0 / 10000 + 1.0 / 2500));
            System.out.println("stepp supremum p, 10000 permutations: " + p + " (stepp 0.2412, MC SE " + mcse + ")");
            assertTrue(Math.abs(p - 0.2412) <= 3 * mcse, "steppP " + p + " vs stepp 0.2412 (MC SE " + mcse + ")");
            assertEquals("difference in Kaplan-Meier survival at 4.0", summary.get("effectScale"));
            // seeded: the same seed gives the same p
            Map<String, Object> again = run(new SteppMethod(), Map.of(SteppMethod.INPUT, data), Map.of("outcome",
                    "survival", "timeColumn", "time", "eventColumn", "event", "timePoint", 4, "treatmentColumn", "trt",
                    "markerColumn", "marker", "r1", 20, "r2", 60, "permutations", 10000), 20261203L, null);
            assertEquals(p, (Double) again.get("steppP"));
        }
    }

    @Test
    void binaryAndContinuousWindows() throws Exception {
        // per window: p1 p0 diff lo hi (binary), m1 m0 diff lo hi (continuous), from stepp.R
        double[][] binary = {
            {0.13793103448275862, 0.19354838709677419, -0.055617352614015569, -0.24294815128112046, 0.13171344605308932},
            {0.2608695652173913, 0.35135135135135137, -0.090481786133960074, -0.32684148235777444, 0.14587791008985432},
            {0.38709677419354838, 0.27586206896551724, 0.11123470522803114, -0.12511508696406004, 0.34758449742012232},
            {0.51724137931034486, 0.41935483870967744, 0.097886540600667427, -0.15360945437193457, 0.34938253557326943},
            {0.70833333333333337, 0.55555555555555558, 0.15277777777777779, -0.090975309566964147, 0.39653086512251973},
            {0.80952380952380953, 0.52631578947368418, 0.28320802005012535, 0.002829942599859081, 0.56358609750039168}};
        double[][] continuous = {
            {1.1269965517241378, 0.82460967741935487, 0.30238687430478295, -0.33595810743970667, 0.94073185604927256},
            {1.8775565217391303, 1.8204054054054053, 0.057151116333725049, -0.42886036341737599, 0.54316259608482609},
            {2.7692129032258066, 2.190096551724138, 0.57911635150166862, 0.0075560094321688309, 1.1506766935711683},
            {3.2824551724137931, 2.6910870967741936, 0.59136807563959959, 0.11448452588319219, 1.068251625396007},
            {3.8750333333333336, 2.9829472222222222, 0.89208611111111136, 0.36632778694483337, 1.4178444352773893},
            {4.7457571428571432, 3.3499473684210526, 1.3958097744360907, 0.75920908056728198, 2.0324104683048994}};
        try (Table data = InteractionTest.data(allocator)) {
            for (String outcome : new String[] {"binary", "continuous"}) {
                double[][] expected = outcome.equals("binary") ? binary : continuous;
                Map<String, Object> summary = run(new SteppMethod(), Map.of(SteppMethod.INPUT, data), Map.of("outcome",
                        outcome, "outcomeColumn", outcome.equals("binary") ? "yb" : "y", "treatmentColumn", "trt",
                        "markerColumn", "marker", "r1", 20, "r2", 60, "permutations", 200), 7, outputs -> {
                            Table t = outputs.get(SteppMethod.OUTPUT);
                            String[] names = {"effect_treatment", "effect_control", "difference", "difference_lower",
                                "difference_upper"};
                            for (int k = 0; k < 6; k++) {
                                for (int c = 0; c < 5; c++) {
                                    assertRelative(expected[k][c], t.doubles(names[c]).get(k), 1e-12,
                                            outcome + " " + names[c] + " " + k);
                                }
                            }
                        });
                double p = (Double) summary.get("steppP");
                assertTrue(p >= 0 && p <= 1, "p " + p);
            }
        }
    }

    @Test
    void badParametersAreNamed() throws Exception {
        try (Table data = InteractionTest.data(allocator)) {
            InvalidParameterException e = assertThrows(InvalidParameterException.class, () -> run(new SteppMethod(),
                    Map.of(SteppMethod.INPUT, data), Map.of("outcome", "binary", "outcomeColumn", "yb",
                            "treatmentColumn", "trt", "markerColumn", "marker", "r1", 60, "r2", 20), 1, null));
            assertTrue(e.getMessage().contains("'r2'"), e.getMessage());
            e = assertThrows(InvalidParameterException.class, () -> run(new SteppMethod(),
                    Map.of(SteppMethod.INPUT, data), Map.of("outcome", "survival", "timeColumn", "time", "eventColumn",
                            "event", "treatmentColumn", "trt", "markerColumn", "marker", "r1", 2, "r2", 20), 1, null));
            assertTrue(e.getMessage().contains("timePoint"), e.getMessage());
            e = assertThrows(InvalidParameterException.class, () -> run(new SteppMethod(),
                    Map.of(SteppMethod.INPUT, data), Map.of("outcome", "binary", "outcomeColumn", "yb",
                            "treatmentColumn", "trt", "markerColumn", "marker", "r1", 20, "r2", 300), 1, null));
            assertTrue(e.getMessage().contains("r2"), e.getMessage());
        }
    }
}
