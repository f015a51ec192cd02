package io.daybreak.methods.design.interval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;

import org.junit.jupiter.api.Test;

import io.daybreak.core.method.InvalidParameterException;
import io.daybreak.core.testing.MethodTestSupport;

/**
 * BOIN simulation against an independent R transcription of BOIN 2.7.2's get.oc/select.mtd rules (own PAVA,
 * R's Mersenne Twister), run once with 200,000 trials, seed 2026:
 * {@code boin_oc(c(0.05,0.12,0.25,0.40,0.55,0.70), 0.30, ncohort = 12, cohortsize = 3, ntrial = 200000)} gave
 * selection % 0.505 10.674 54.610 30.593 3.486 0.112, no selection 0.020, patients per dose 3.913110 7.899000
 * 13.872990 8.335485 1.820325 0.152700.
 */
class BoinSimulationTest extends MethodTestSupport {
    private static final double[] R_SELECTION = {0.505, 10.674, 54.610, 30.593, 3.486, 0.112};
    private static final double[] R_PATIENTS = {3.913110, 7.899000, 13.872990, 8.335485, 1.820325, 0.152700};
    private static final long R_TRIALS = 200_000;

    private Map<String, Object> run(Map<String, String> raw, long seed) throws Exception {
        return summary(new BoinMethod(), raw, seed);
    }

    @Test
    @SuppressWarnings("unchecked")
    void selectionAgreesWithTheRTranscriptionWithinThreeStandardErrors() throws Exception {
        long trials = 200_000;
        Map<String, Object> summary = run(Map.of("truth", "0.05,0.12,0.25,0.40,0.55,0.70", "target", "0.3",
                "cohorts", "12", "trials", Long.toString(trials)), 7);
        List<Double> selection = (List<Double>) summary.get("selectionPercent");
        for (int d = 0; d < 6; d++) {
            double p = R_SELECTION[d] / 100;
            // SE of the difference of two independent estimates of the same percentage
            double se = 100 * Math.sqrt(p * (1 - p) / trials + p * (1 - p) / R_TRIALS);
            assertTrue(Math.abs(selection.get(d) - R_SELECTION[d]) < 3 * se + 1e-9,
                    "dose " + (d + 1) + ": " + selection.get(d) + " vs R " + R_SELECTION[d] + " (3 SE = " + 3 * se + ")");
        }
        List<Double> patients = (List<Double>) summary.get("patientsPerDose");
        for (int d = 0; d < 6; d++) {
            // patients per dose has SD below 9 (at most 36 patients), so the SE of the difference is below 0.03
            assertEquals(R_PATIENTS[d], patients.get(d), 0.09, "patients at dose " + (d + 1));
        }
        assertEquals(36.0, (Double) summary.get("meanPatients"), 0.05, "almost every trial uses all 12 cohorts");
    }

    @Test
    void toxicLowestDoseStopsTheTrialWithoutSelection() throws Exception {
        Map<String, Object> summary = run(Map.of("truth", "0.6,0.7,0.8", "target", "0.25", "trials", "20000"), 3);
        assertTrue((Double) summary.get("noSelectionPercent") > 95, summary.toString());
        assertEquals(summary.get("noSelectionPercent"), summary.get("stopPercent"));
    }

    @Test
    void resultsDoNotDependOnTheNumberOfThreads() throws Exception {
        Map<String, String> raw = Map.of("truth", "0.1,0.2,0.3,0.45", "target", "0.3", "trials", "30000",
                "extraSafe", "true");
        ForkJoinPool one = new ForkJoinPool(1);
        ForkJoinPool four = new ForkJoinPool(4);
        try {
            assertEquals(one.submit(() -> run(raw, 11)).get(), four.submit(() -> run(raw, 11)).get());
        } finally {
            one.shutdown();
            four.shutdown();
        }
    }

    @Test
    void inconsistentSettingsAreRefused() {
        InvalidParameterException start = assertThrows(InvalidParameterException.class,
                () -> run(Map.of("truth", "0.1,0.2", "target", "0.3", "startDose", "3"), 1));
        assertTrue(start.getMessage().contains("'startDose' = 3 exceeds the 2 doses"), start.getMessage());
        assertThrows(InvalidParameterException.class,
                () -> run(Map.of("truth", "0.1,0.2", "target", "0.3", "pSafe", "0.35"), 1));
        assertThrows(InvalidParameterException.class, () -> run(Map.of("truth", "0.1,0.2", "target", "1.3"), 1));
    }
}
