package io.daybreak.methods.design.blrm2;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.daybreak.core.method.InvalidParameterException;
import io.daybreak.core.method.MethodResult;
import io.daybreak.core.testing.MethodTestSupport;
import io.daybreak.core.testing.TestMethodContext;
import io.daybreak.data.Table;

/**
 * design.blrm-combo: behaviour and bookkeeping. There is no independent implementation of this simulation to compare
 * with (OncoBayes2 is not installed here; its posterior, on which every decision rests, is validated against Stan in
 * {@link Blrm2Test}), so these tests check what must hold: the seed reproduces the run, the matrices add up, a safe
 * grid is climbed to the top, a toxic one is stopped, and the output has design.boin-comb's shape.
 */
class Blrm2SimulationTest extends MethodTestSupport {
    private static Map<String, String> raw(String truth) {
        return new HashMap<>(Map.of("truth", truth, "doseAmountsA", "3,4.5,6", "doseAmountsB", "400,600,800",
                "referenceDoseA", "6", "referenceDoseB", "960", "trials", "24", "draws", "2000"));
    }

    private static final String MIXED = "0.05,0.08,0.12,0.08,0.12,0.20,0.12,0.20,0.35";

    @Test
    void matricesAddUpAndTheSeedReproducesTheRun() throws Exception {
        MethodResult result = apply(new Blrm2Method(), raw(MIXED), Map.of(), new TestMethodContext(allocator, 7));
        double[] selection = doubles(result.summary().get("selectionPercent"));
        double sum = (Double) result.summary().get("noSelectionPercent");
        for (double s : selection) {
            sum += s;
        }
        assertEquals(100, sum, 1e-9);
        try (Table t = result.outputs().get("byCombination")) {
            assertEquals(9, t.rowCount());
            double patients = 0;
            double correct = 0;
            for (int c = 0; c < 9; c++) {
                assertEquals((long) (c / 3 + 1), t.longs("doseA").get(c));
                assertEquals((long) (c % 3 + 1), t.longs("doseB").get(c));
                double truth = t.doubles("truth").get(c);
                assertEquals(truth >= 0.16 && truth < 0.33, t.booleans("trueMtd").get(c), "combination " + c);
                patients += t.doubles("patients").get(c);
                if (t.booleans("trueMtd").get(c)) {
                    correct += t.doubles("selectionPercent").get(c);
                }
                assertTrue(t.doubles("dlts").get(c) <= t.doubles("patients").get(c));
            }
            assertEquals((Double) result.summary().get("meanPatients"), patients, 1e-9);
            assertEquals((Double) result.summary().get("correctSelectionPercent"), correct, 1e-9);
        }
        assertTrue((Double) result.summary().get("meanPatients") <= 30);
        Map<String, Object> again = summary(new Blrm2Method(), raw(MIXED), 7);
        assertArrayEquals(selection, doubles(again.get("selectionPercent")), 0.0);
        assertArrayEquals(doubles(result.summary().get("patientsPerCombination")),
                doubles(again.get("patientsPerCombination")), 0.0);
    }

    /**
     * Every combination at 1e-9, so no trial sees a DLT (probability 7e-6 over the 720 patients): every trial treats
     * A1 B1, then steps along the diagonal to A2 B2 (the rules allow one level up in each drug), never stops early, and
     * selects a tried combination. (Which one is not fixed: with 0 DLTs everywhere the target probabilities of the
     * upper combinations are small and close.)
     */
    @Test
    void withoutDltsEveryTrialClimbsAndSelectsATriedCombination() throws Exception {
        String none = "1e-9,1e-9,1e-9,1e-9,1e-9,1e-9,1e-9,1e-9,1e-9";
        MethodResult result = apply(new Blrm2Method(), raw(none), Map.of(), new TestMethodContext(allocator, 3));
        Map<String, Object> s = result.summary();
        assertEquals(30.0, (Double) s.get("meanPatients"), 0.0);
        assertEquals(0.0, (Double) s.get("stoppedEarlyPercent"), 0.0);
        assertEquals(0.0, (Double) s.get("noSelectionPercent"), 0.0);
        assertEquals(0.0, (Double) s.get("meanDlts"), 0.0);
        try (Table t = result.outputs().get("byCombination")) {
            assertEquals(3.0, t.doubles("patients").get(0), 0.0);
            assertEquals(3.0, t.doubles("patients").get(4), 0.0);
            assertEquals(0.0, t.doubles("patients").get(1) + t.doubles("patients").get(3), 0.0);
            for (int c = 0; c < 9; c++) {
                if (t.doubles("patients").get(c) == 0) {
                    assertEquals(0.0, t.doubles("selectionPercent").get(c), 0.0, "untried combination " + c);
                }
            }
        }
    }

    /** Every combination at 80% or more: after the first cohorts at A1 B1 nothing is admissible; the trials stop. */
    @Test
    void aToxicGridIsStopped() throws Exception {
        Map<String, Object> s = summary(new Blrm2Method(), raw("0.8,0.85,0.9,0.85,0.9,0.9,0.9,0.9,0.9"), 3);
        assertEquals(100.0, (Double) s.get("noSelectionPercent"), 0.0);
        assertEquals(100.0, (Double) s.get("stoppedEarlyPercent"), 0.0);
        assertTrue((Double) s.get("meanPatients") <= 6, s.toString());
    }

    @Test
    void aTruthThatDoesNotFillTheGridIsRefused() {
        InvalidParameterException e = assertThrows(InvalidParameterException.class,
                () -> summary(new Blrm2Method(), raw("0.1,0.2,0.3"), 1));
        assertTrue(e.getMessage().contains("truth"), e.getMessage());
    }
}
