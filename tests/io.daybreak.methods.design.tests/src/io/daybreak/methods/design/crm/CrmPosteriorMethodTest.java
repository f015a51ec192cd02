package io.daybreak.methods.design.crm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.daybreak.core.method.InvalidParameterException;
import io.daybreak.core.testing.MethodTestSupport;

/**
 * design.crm-posterior against dfcrm 0.2-2.1's own {@code crm()} in R 4.2.2 (docs/validation/r/design/crm-posterior.R,
 * output crm-posterior.out; {@code .libPaths("/work/rlib-design"); library(dfcrm)}). The next dose applies
 * crmsim's restrict rule to crm's {@code $mtd}: {@code if (sum(tail(tox, m)) / m >= target) min(mtd, last level)
 * else min(mtd, last level + 1)}. R's integrate() works to a relative tolerance of about 1e-4 but is far closer
 * here (the estimate of call 1 agrees with a 1e-12 quadrature to 3e-10), so values are compared to 1e-7.
 */
class CrmPosteriorMethodTest extends MethodTestSupport {
    private static final String LEVEL = "3,4,4,3,3,4,3,2,2,2";
    private static final String TOX = "0,0,1,0,0,1,1,0,0,0";
    private static final String SKELETON = "0.05,0.10,0.20,0.35,0.50,0.70";

    private Map<String, Object> run(Map<String, String> raw) throws Exception {
        return summary(new CrmPosteriorMethod(), raw, 1);
    }

    private static void assertValues(double[] expected, Object actual, double tolerance, String what) {
        double[] values = doubles(actual);
        assertEquals(expected.length, values.length, what);
        for (int d = 0; d < expected.length; d++) {
            assertEquals(expected[d], values[d], tolerance, what + " at dose " + (d + 1));
        }
    }

    /** call 1: crm(c(0.05, 0.10, 0.20, 0.35, 0.50, 0.70), 0.2, c(0,0,1,0,0,1,1,0,0,0), c(3,4,4,3,3,4,3,2,2,2)). */
    @Test
    void helpPageExampleEmpiric() throws Exception {
        Map<String, Object> s = run(Map.of("level", LEVEL, "tox", TOX, "skeleton", SKELETON, "target", "0.2"));
        assertEquals(-0.212171526304576, (Double) s.get("estimate"), 1e-7);
        assertEquals(0.15759552813151, (Double) s.get("posteriorVariance"), 1e-7);
        assertValues(new double[] {0.0886529469645877, 0.155300927427084, 0.272053878472267, 0.42778977757468,
            0.57084621729778, 0.749395834835716}, s.get("ptox"), 1e-7, "ptox");
        assertValues(new double[] {0.00951151115024623, 0.0279279163216766, 0.0820025858930291, 0.195658765960581,
            0.340573605302009, 0.574497738270344}, s.get("ptoxLower"), 1e-7, "ptoxL");
        assertValues(new double[] {0.283322941509543, 0.379325303439854, 0.507857517866731, 0.642773602806729,
            0.746912844833371, 0.860573770089769}, s.get("ptoxUpper"), 1e-7, "ptoxU");
        assertEquals(2L, s.get("modelDose"));
        assertEquals(2L, s.get("recommendedDose"));
        // the same data as counts per dose, with the last cohort (one patient at dose 2, no DLT) given
        Map<String, Object> counts = run(Map.of("patients", "0,3,4,3,0,0", "dlts", "0,0,1,2,0,0", "currentDose", "2",
                "lastCohortDlts", "0", "skeleton", SKELETON, "target", "0.2"));
        assertEquals((Double) s.get("estimate"), (Double) counts.get("estimate"), 1e-14);
        assertEquals(2L, counts.get("recommendedDose"));
    }

    /** call 2: crm(<call 1>, model = "logistic", intcpt = 3, conf.level = 0.95). */
    @Test
    void helpPageExampleLogistic() throws Exception {
        Map<String, Object> s = run(Map.of("level", LEVEL, "tox", TOX, "skeleton", SKELETON, "target", "0.2",
                "model", "logistic", "intercept", "3", "confLevel", "0.95"));
        assertEquals(-0.110111608792364, (Double) s.get("estimate"), 1e-7);
        assertEquals(0.038695400313753, (Double) s.get("posteriorVariance"), 1e-7);
        assertValues(new double[] {0.0891029822337466, 0.160389672590671, 0.28313703715906, 0.439868184923878,
            0.577567958275719, 0.744929795702177}, s.get("ptox"), 1e-7, "ptox");
        assertValues(new double[] {0.00792758690052221, 0.0209326980189966, 0.0585683057609797, 0.145959070313106,
            0.278620734834819, 0.541073805943028}, s.get("ptoxLower"), 1e-7, "ptoxL");
        assertValues(new double[] {0.349515412878374, 0.458597557901106, 0.581273634934994, 0.68898798550106,
            0.763595159810164, 0.844045205520896}, s.get("ptoxUpper"), 1e-7, "ptoxU");
        assertEquals(2L, s.get("recommendedDose"));
    }

    /** call 3: crm(getprior(0.05, 0.25, 3, 5), 0.25, c(0,0,0,0,0,0,0,0,1), c(1,1,1,2,2,2,3,3,3)), cohorts of 3. */
    @Test
    void coherenceKeepsTheDoseAfterACohortAtOrAboveTheTarget() throws Exception {
        Map<String, String> raw = new HashMap<>(Map.of("level", "1,1,1,2,2,2,3,3,3", "tox", "0,0,0,0,0,0,0,0,1",
                "halfwidth", "0.05", "priorMtd", "3", "doses", "5", "target", "0.25", "cohortSize", "3"));
        Map<String, Object> s = run(raw);
        assertEquals(0.221340554545172, (Double) s.get("estimate"), 1e-7);
        assertEquals(0.189171320935691, (Double) s.get("posteriorVariance"), 1e-7);
        assertValues(new double[] {0.0454569495008554, 0.0990354226512192, 0.177329373048441, 0.274179568822101,
            0.37984875281544}, s.get("ptox"), 1e-7, "ptox");
        assertValues(new double[] {0.0839734913056243, 0.156741021142636, 0.25, 0.354500427615112,
            0.460343111085307}, s.get("skeleton"), 1e-9, "getprior(0.05, 0.25, 3, 5)");
        assertEquals(4L, s.get("modelDose"));
        assertEquals(3L, s.get("recommendedDose"));
        raw.put("restrict", "false");
        assertEquals(4L, run(raw).get("recommendedDose"));
    }

    /** call 4: crm(getprior(0.05, 0.25, 3, 5), 0.25, c(0,0,0), c(1,1,1), scale = sqrt(0.5)), cohort of 3. */
    @Test
    void noSkippingAndAnotherPriorVariance() throws Exception {
        Map<String, Object> s = run(Map.of("patients", "3,0,0,0,0", "dlts", "0,0,0,0,0", "currentDose", "1",
                "lastCohortDlts", "0", "cohortSize", "3", "halfwidth", "0.05", "priorMtd", "3", "target", "0.25",
                "priorVariance", "0.5"));
        assertEquals(0.269713054120528, (Double) s.get("estimate"), 1e-7);
        assertEquals(0.361331719812372, (Double) s.get("posteriorVariance"), 1e-7);
        assertValues(new double[] {0.000163315038512875, 0.0014691871317712, 0.00759931327022966, 0.025981851486526,
            0.0651720950604051}, s.get("ptoxLower"), 1e-7, "ptoxL");
        assertEquals(4L, s.get("modelDose"));
        assertEquals(2L, s.get("recommendedDose"));
    }

    @Test
    void badInputIsRefusedNamingTheParameter() {
        Map<String, String> base = Map.of("skeleton", "0.1,0.2,0.3", "target", "0.25");
        Map<String, String[]> bad = Map.of(
                "tox", new String[] {"level", "1,2,2", "tox", "0,1"},
                "level'", new String[] {"level", "1,2,4", "tox", "0,1,0"},
                "currentDose", new String[] {"patients", "3,3,0", "dlts", "0,1,0"},
                "dlts", new String[] {"patients", "3,3,0", "dlts", "0,4,0", "restrict", "false"},
                "either", new String[] {"patients", "3,3,0", "dlts", "0,1,0", "level", "1", "tox", "0"},
                "intercept", new String[] {"patients", "3,3,0", "dlts", "0,1,0", "restrict", "false", "model",
                    "logistic", "intercept", "-2"},
                "lastCohortDlts", new String[] {"patients", "3,3,0", "dlts", "0,1,0", "currentDose", "2",
                    "lastCohortDlts", "2", "cohortSize", "3"});
        for (Map.Entry<String, String[]> entry : bad.entrySet()) {
            Map<String, String> raw = new HashMap<>(base);
            for (int i = 0; i < entry.getValue().length; i += 2) {
                raw.put(entry.getValue()[i], entry.getValue()[i + 1]);
            }
            InvalidParameterException e = assertThrows(InvalidParameterException.class, () -> run(raw), entry.getKey());
            assertTrue(e.getMessage().contains(entry.getKey()), entry.getKey() + ": " + e.getMessage());
        }
    }
}
