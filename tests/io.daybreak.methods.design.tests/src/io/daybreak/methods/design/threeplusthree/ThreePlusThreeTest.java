package io.daybreak.methods.design.threeplusthree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;

import org.junit.jupiter.api.Test;

import io.daybreak.core.method.InvalidParameterException;
import io.daybreak.core.testing.MethodTestSupport;
import io.daybreak.methods.design.oc.OperatingCharacteristics;

/**
 * 3+3 against closed forms computed independently in R 4.2.2 (options(digits = 15)):
 * e = (1-p)^3 + 3p(1-p)^2 (1-p)^3 is the probability of escalating from a dose; reach_d = prod e_j (j < d);
 * P(select d-1) = reach_d (1 - e_d); P(select top) = reach_K+1; patients at d = reach_d (3 + 3 * 3p(1-p)^2).
 * The R script is in the comment of each value.
 */
class ThreePlusThreeTest extends MethodTestSupport {
    private static final double[] TRUTH = {0.05, 0.1, 0.2, 0.3, 0.5};

    @Test
    void probabilityOfEscalatingMatchesTheClosedForm() {
        // methods.md: (1-p)^3 [1 + 3p(1-p)^2]: p = 0.2 -> 0.708608, p = 0.3 -> 0.494263
        assertEquals(0.708608, escalation(0.2), 1e-12);
        assertEquals(0.494263, escalation(0.3), 1e-6);
    }

    /** P(the trial goes on past the only dose) = P(select it) in a one-dose trial. */
    private static double escalation(double p) {
        return ThreePlusThreeMethod.enumerate(new double[] {p}, 0.3, false).selectionProbability(0);
    }

    @Test
    void exactSelectionPatientsAndDltsMatchR() {
        OperatingCharacteristics oc = ThreePlusThreeMethod.enumerate(TRUTH, 0.3, false);
        // tpt(c(0.05,0.1,0.2,0.3,0.5))$sel: none, dose 1..5
        double[] selection = {0.0913604652240780, 0.2570315435584252, 0.3161109785276288, 0.2558402363388749,
            0.0530989169759929};
        assertEquals(0.0265578593750001, oc.noSelectionProbability(), 1e-13);
        for (int d = 0; d < 5; d++) {
            assertEquals(selection[d], oc.selectionProbability(d), 1e-13, "dose " + (d + 1));
        }
        double[] patients = {3.40612500000000, 3.62996574239062, 3.66240311626463, 2.70209171995511,
            1.27437400742383};
        double[] dlts = {0.170306250000000, 0.362996574239063, 0.732480623252926, 0.810627515986534,
            0.637187003711915};
        for (int d = 0; d < 5; d++) {
            assertEquals(patients[d], oc.meanPatients(d), 1e-12);
            assertEquals(dlts[d], oc.meanDlts(d), 1e-12);
        }
        assertEquals(14.6749595860342, oc.meanPatients(), 1e-12);
    }

    @Test
    void deescalationVariantAlwaysEndsWithSixPatientsAtTheMtd() {
        OperatingCharacteristics oc = ThreePlusThreeMethod.enumerate(TRUTH, 0.3, true);
        double total = oc.noSelectionProbability();
        for (int d = 0; d < 5; d++) {
            total += oc.selectionProbability(d);
        }
        assertEquals(1.0, total, 1e-12);
        // with de-escalation, more patients are treated at the lower doses than without
        OperatingCharacteristics standard = ThreePlusThreeMethod.enumerate(TRUTH, 0.3, false);
        assertTrue(oc.meanPatients(0) > standard.meanPatients(0));
        // every trial path: the declared MTD has 6 patients with at most one DLT
        ThreePlusThreeTrial trial = new ThreePlusThreeTrial(3, true);
        trial.record(0); // 0/3 at dose 1 -> dose 2
        trial.record(2); // 2/3 at dose 2 -> back to dose 1, which has only 3
        assertEquals(0, trial.nextDose());
        trial.record(1); // 1/6 at dose 1 -> MTD
        assertTrue(trial.finished());
        assertEquals(0, trial.selectedDose());
        assertEquals(6, trial.patients()[0]);
    }

    @Test
    void simulationAgreesWithEnumerationWithinThreeStandardErrors() throws Exception {
        Map<String, Object> summary = run(Map.of("truth", "0.05,0.1,0.2,0.3,0.5", "oc", "simulate", "trials",
                "100000"), 2026);
        OperatingCharacteristics exact = ThreePlusThreeMethod.enumerate(TRUTH, 0.3, false);
        @SuppressWarnings("unchecked")
        List<Double> selection = (List<Double>) summary.get("selectionPercent");
        @SuppressWarnings("unchecked")
        List<Double> se = (List<Double>) summary.get("selectionPercentSe");
        for (int d = 0; d < 5; d++) {
            double expected = 100 * exact.selectionProbability(d);
            assertTrue(Math.abs(selection.get(d) - expected) < 3 * se.get(d),
                    "dose " + (d + 1) + ": " + selection.get(d) + " vs exact " + expected + " (se " + se.get(d) + ")");
        }
        assertEquals("simulated", summary.get("method"));
    }

    @Test
    void simulationDoesNotDependOnTheNumberOfThreads() throws Exception {
        Map<String, String> parameters = Map.of("truth", "0.1,0.2,0.35", "oc", "simulate", "trials", "20000",
                "deescalation", "true");
        ForkJoinPool one = new ForkJoinPool(1);
        ForkJoinPool three = new ForkJoinPool(3);
        try {
            Map<String, Object> a = one.submit(() -> run(parameters, 5)).get();
            Map<String, Object> b = three.submit(() -> run(parameters, 5)).get();
            assertEquals(a, b);
        } finally {
            one.shutdown();
            three.shutdown();
        }
    }

    @Test
    void badInputIsRefusedBeforeWork() {
        assertThrows(InvalidParameterException.class, () -> run(Map.of("truth", "0.1,1.5"), 1));
        assertThrows(InvalidParameterException.class, () -> run(Map.of("truth", "0.1,0.2"
                + ",0.3".repeat(ThreePlusThreeMethod.MAX_EXACT_DOSES)), 1));
    }

    private Map<String, Object> run(Map<String, String> raw, long seed) throws Exception {
        return summary(new ThreePlusThreeMethod(), raw, seed);
    }
}
