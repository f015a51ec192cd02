package io.daybreak.methods.twin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.statistics.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;

import io.daybreak.core.method.InvalidParameterException;
import io.daybreak.data.Table;
import io.daybreak.stats.twin.Recist;
import io.daybreak.stats.twin.TumourCurves;

/** {@code twin.tgi-simulate}: the curves' nadirs, seeding, Monte Carlo moments and ORR, RECIST rules, bad input. */
class TgiSimulateTest extends TwinTestSupport {

    /** Claret 2009: TTG = ln(KD/KL)/λ is where the noise-free curve has its minimum (golden-section search). */
    @Test
    void timeToGrowthIsTheNadirOfTheNoiseFreeCurve() {
        double[][] cases = {{0.002, 0.01, 0.005}, {0.001, 0.03, 0.02}, {0.004, 0.006, 0.001}};
        for (double[] c : cases) {
            double nadir = argMin(t -> TumourCurves.claret(50, c[0], c[1], c[2], t), 0, 5000);
            assertRelative(Math.log(c[1] / c[0]) / c[2], TumourCurves.claretTimeToGrowth(c[0], c[1], c[2]), 1e-15,
                    "formula");
            assertRelative(nadir, TumourCurves.claretTimeToGrowth(c[0], c[1], c[2]), 1e-6, "Claret nadir");
        }
        double nadir = argMin(t -> TumourCurves.biexponential(50, 0.02, 0.003, t), 0, 5000);
        assertRelative(nadir, TumourCurves.biexponentialTimeToGrowth(0.02, 0.003), 1e-6, "gd nadir");
        assertEquals(0, TumourCurves.claretTimeToGrowth(0.01, 0.005, 0.01));
    }

    private static double argMin(java.util.function.DoubleUnaryOperator f, double a, double b) {
        double ratio = (Math.sqrt(5) - 1) / 2;
        for (int i = 0; i < 200; i++) {
            double x1 = b - ratio * (b - a);
            double x2 = a + ratio * (b - a);
            if (f.applyAsDouble(x1) < f.applyAsDouble(x2)) {
                b = x2;
            } else {
                a = x1;
            }
        }
        return (a + b) / 2;
    }

    @Test
    void theSameSeedGivesTheSamePatientsAndAnotherSeedOthers() throws Exception {
        Map<String, Object> raw = Map.of("n", "50", "dropoutHazard", "0.001", "osHazard", "0.001");
        List<Double> first = sizes(raw, 7);
        assertEquals(first, sizes(raw, 7));
        assertNotEquals(first, sizes(raw, 8));
    }

    private List<Double> sizes(Map<String, Object> raw, long seed) throws Exception {
        List<Double> sizes = new ArrayList<>();
        run(new TgiSimulateMethod(), Map.of(), raw, seed, outputs -> {
            Table visits = outputs.get("visits");
            for (int i = 0; i < visits.rowCount(); i++) {
                sizes.add(visits.doubles("size").get(i));
            }
            Table patients = outputs.get("patients");
            for (int i = 0; i < patients.rowCount(); i++) {
                sizes.add(patients.doubles("osTime").get(i));
            }
        });
        return sizes;
    }

    /**
     * Only KD varies (CV 0.6), no measurement error, no dropout: a patient responds exactly when the smallest
     * scheduled size is ≤ 70 % of baseline, i.e. when KD exceeds the threshold KD* found by bisection, so the
     * ORR is 1 − Φ(ln(KD* / KD) / ω), ω = √ln(1 + CV²). The simulated ORR (20,000 patients, seed 11) is within 4 SE;
     * the mean of ln(KDᵢ/KD) is within 4 SE of 0 and its SD within 3 % of ω.
     */
    @Test
    void orrAndRandomEffectsMatchTheirAnalyticValues() throws Exception {
        int n = 20_000;
        double kl = 0.002;
        double kd = 0.008;
        double lambda = 0.006;
        double cv = 0.6;
        double omega = Math.sqrt(Math.log1p(cv * cv));
        double low = 1e-6;
        double high = 1;
        for (int i = 0; i < 200; i++) {
            double mid = (low + high) / 2;
            double smallest = 1;
            for (int k = 1; k <= 8; k++) {
                double t = 42.0 * k;
                smallest = Math.min(smallest, Math.exp(kl * t - mid / lambda * (1 - Math.exp(-lambda * t))));
            }
            if (smallest <= 0.7) {
                high = mid;
            } else {
                low = mid;
            }
        }
        double expected = NormalDistribution.of(0, 1).survivalProbability(Math.log(high / kd) / omega);
        List<Double> logEffects = new ArrayList<>();
        Map<String, Object> s = run(new TgiSimulateMethod(), Map.of(), Map.of("n", n, "kl", kl, "kd", kd, "lambda",
                lambda, "cvBase", 0, "cvGrowth", 0, "cvLambda", 0, "cvEffect", cv, "residualSd", 0, "followUp", 10_000),
                11, outputs -> {
                    Table patients = outputs.get("patients");
                    for (int i = 0; i < patients.rowCount(); i++) {
                        logEffects.add(Math.log(patients.doubles("kd").get(i) / kd));
                    }
                });
        double orr = (Double) s.get("orr");
        double se = Math.sqrt(expected * (1 - expected) / n);
        assertTrue(expected > 0.2 && expected < 0.8, "a discriminating scenario: " + expected);
        assertTrue(Math.abs(orr - expected) < 4 * se, "ORR " + orr + " vs analytic " + expected + " (SE " + se + ")");
        double mean = logEffects.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double variance = logEffects.stream().mapToDouble(x -> (x - mean) * (x - mean)).sum() / (n - 1);
        assertTrue(Math.abs(mean) < 4 * omega / Math.sqrt(n), "mean of log KD: " + mean);
        assertRelative(omega, Math.sqrt(variance), 0.03, "SD of log KD");
    }

    /** Arm and biomarker effects multiply KD exactly: with no variability KD is one of four values. */
    @Test
    void armAndBiomarkerScaleTheDrugEffect() throws Exception {
        Map<String, Double> byGroup = new HashMap<>();
        run(new TgiSimulateMethod(), Map.of(), Map.of("n", 400, "cvBase", 0, "cvGrowth", 0, "cvLambda", 0,
                "cvEffect", 0, "exposure", 2, "armRatio", 3, "biomarkerPrevalence", 0.3, "biomarkerRatio", 0.5), 3,
                outputs -> {
                    Table p = outputs.get("patients");
                    for (int i = 0; i < p.rowCount(); i++) {
                        byGroup.put(p.longs("arm").get(i) + "/" + p.longs("biomarker").get(i), p.doubles("kd").get(i));
                    }
                });
        assertRelative(0.02, byGroup.get("0/0"), 1e-15, "control");
        assertRelative(0.06, byGroup.get("1/0"), 1e-15, "arm 1");
        assertRelative(0.01, byGroup.get("0/1"), 1e-15, "biomarker");
        assertRelative(0.03, byGroup.get("1/1"), 1e-15, "both");
    }

    @Test
    void recistOnHandBuiltProfiles() {
        double[] t = {0, 42, 84, 126, 168};
        // -32 % is PR; 34 -> 41 is +20.6 % and +7 mm over the nadir: PD at day 168
        Recist r = Recist.derive(t, new double[] {50, 40, 34, 36, 41}, 5);
        assertEquals("PR", r.bestResponse());
        assertEquals(168, r.progressionTime());
        assertRelative(-0.32, r.bestChange(), 1e-12, "best change");
        // +21 % over the nadir but only +1.9 mm: not progression
        r = Recist.derive(new double[] {0, 42, 84}, new double[] {10, 9, 10.9}, 5);
        assertEquals("SD", r.bestResponse());
        assertTrue(Double.isNaN(r.progressionTime()));
        assertEquals(84, r.lastAssessment());
        // -29.9 % is not a response; then +20 % from the nadir 35.05 (and > 5 mm)
        r = Recist.derive(t, new double[] {50, 35.05, 42.06, 45, 50}, 5);
        assertEquals("SD", r.bestResponse());
        assertEquals(84, r.progressionTime());
        r = Recist.derive(new double[] {0, 42}, new double[] {50, 61}, 5);
        assertEquals("PD", r.bestResponse());
        assertEquals("NE", Recist.derive(new double[] {0}, new double[] {50}, 5).bestResponse());
    }

    @Test
    void badParametersAreNamed() {
        InvalidParameterException e = assertThrows(InvalidParameterException.class,
                () -> run(new TgiSimulateMethod(), Map.of(), Map.of("cvEffect", "-0.1"), null));
        assertTrue(e.getMessage().contains("cvEffect"), e.getMessage());
        e = assertThrows(InvalidParameterException.class,
                () -> run(new TgiSimulateMethod(), Map.of(), Map.of("followUp", "10"), null));
        assertTrue(e.getMessage().contains("followUp"), e.getMessage());
        e = assertThrows(InvalidParameterException.class,
                () -> run(new TgiSimulateMethod(), Map.of(), Map.of("model", "gompertz"), null));
        assertTrue(e.getMessage().contains("model") && e.getMessage().contains("claret"), e.getMessage());
    }
}
