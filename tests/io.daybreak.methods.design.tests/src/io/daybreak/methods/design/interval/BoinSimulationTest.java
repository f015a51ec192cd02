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
 * BOIN simulation against BOIN 2.7.2's own get.oc in R 4.2.2 (docs/validation/r/design/boin-get-oc.R, output
 * boin-get-oc.out): {@code .libPaths("/work/rlib-design"); library(BOIN); get.oc(target = 0.3, p.true = c(0.05, 0.12,
 * 0.25, 0.40, 0.55, 0.70), ncohort = 12, cohortsize = 3, ntrial = 2000, seed = 2026 + b)} for batches b = 0..24
 * (50,000 trials) gave selection % 0.482 10.752 54.364 30.644 3.62 0.11, no selection 0.028 %, patients per dose
 * 3.91608 7.91886 13.8765 8.30034 1.82508 0.1542; R's SE of each comes from the spread of its 25 batch means.
 */
class BoinSimulationTest extends MethodTestSupport {
    private static final double[] R_SELECTION = {0.482, 10.752, 54.364, 30.644, 3.62, 0.11};
    private static final double[] R_PATIENTS = {3.91608, 7.91886, 13.8765, 8.30034, 1.82508, 0.1542};
    private static final double[] R_PATIENTS_SE = {0.01383, 0.03286, 0.03572, 0.03417, 0.02159, 0.004308};
    private static final long R_TRIALS = 50_000;

    private Map<String, Object> run(Map<String, String> raw, long seed) throws Exception {
        return summary(new BoinMethod(), raw, seed);
    }

    @Test
    @SuppressWarnings("unchecked")
    void agreesWithBoinGetOcWithinThreeAndAHalfStandardErrors() throws Exception {
        long trials = 200_000;
        Map<String, Object> summary = run(Map.of("truth", "0.05,0.12,0.25,0.40,0.55,0.70", "target", "0.3",
                "cohorts", "12", "trials", Long.toString(trials)), 7);
        List<Double> selection = (List<Double>) summary.get("selectionPercent");
        for (int d = 0; d < 6; d++) {
            double p = R_SELECTION[d] / 100;
            // SE of the difference of two independent estimates of the same percentage
            double se = 100 * Math.sqrt(p * (1 - p) / trials + p * (1 - p) / R_TRIALS);
            assertTrue(Math.abs(selection.get(d) - R_SELECTION[d]) < 3.5 * se + 1e-9,
                    "dose " + (d + 1) + ": " + selection.get(d) + " vs R " + R_SELECTION[d] + " (3.5 SE = " + 3.5 * se
                            + ")");
        }
        List<Double> patients = (List<Double>) summary.get("patientsPerDose");
        for (int d = 0; d < 6; d++) {
            // R's SE from its batch means; the per-trial SD it implies gives ours
            double trialSd = R_PATIENTS_SE[d] * Math.sqrt(R_TRIALS);
            double se = Math.sqrt(R_PATIENTS_SE[d] * R_PATIENTS_SE[d] + trialSd * trialSd / trials);
            assertEquals(R_PATIENTS[d], patients.get(d), 3.5 * se, "patients at dose " + (d + 1));
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
