package io.daybreak.methods.design.crm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;

import org.junit.jupiter.api.Test;

import io.daybreak.core.method.InvalidParameterException;
import io.daybreak.core.testing.MethodTestSupport;

class CrmSimulationTest extends MethodTestSupport {
    private static final String SKELETON = "0.06251978017,0.12252935822,0.20395600763,0.3,0.40181943613,0.50134644776";

    private Map<String, Object> run(Map<String, String> raw, long seed) throws Exception {
        return summary(new CrmMethod(), raw, seed);
    }

    /**
     * Against an independent R transcription of a CRM simulation with dfcrm's conventions (empiric model,
     * N(0, 1.34) prior, posterior mean of beta by integrate(rel.tol = 1e-10), plug-in estimates, no skipping,
     * MTD closest to the target), R 4.2.2, set.seed(2026), 3,000 trials of 10 cohorts of 3:
     * {@code crm_oc(c(0.05,0.12,0.25,0.40,0.55,0.70), getprior(0.05, 0.3, 4, 6), 0.3, 3, 10, 3000, 2026)}
     * selected doses 1-6 in 0, 5.6, 47.4, 41.033, 5.767, 0.2 % of trials.
     */
    @Test
    @SuppressWarnings("unchecked")
    void selectionAgreesWithAnRTranscriptionWithinThreeStandardErrors() throws Exception {
        double[] r = {0, 5.6, 47.4, 41.0333333, 5.7666667, 0.2};
        long rTrials = 3000;
        long trials = 50_000;
        List<Double> selection = (List<Double>) run(Map.of("truth", "0.05,0.12,0.25,0.40,0.55,0.70", "target", "0.3",
                "skeleton", SKELETON, "trials", Long.toString(trials)), 17).get("selectionPercent");
        for (int d = 0; d < 6; d++) {
            double p = Math.max(r[d], selection.get(d)) / 100;
            double se = 100 * Math.sqrt(p * (1 - p) / trials + p * (1 - p) / rTrials);
            assertTrue(Math.abs(selection.get(d) - r[d]) <= 3 * se + 0.05,
                    "dose " + (d + 1) + ": " + selection.get(d) + " vs R " + r[d] + " (3 SE = " + 3 * se + ")");
        }
    }

    @Test
    void neverSkipsAnUntriedDose() {
        CrmModel model = new CrmModel(CrmModel.Family.EMPIRIC, new double[] {0.01, 0.02, 0.05, 0.1, 0.3}, 3);
        CrmTrial trial = new CrmTrial(new CrmTrial.Settings(new CrmPosterior(model, 1.34), 0.3, 3, 5, 0, Double.NaN,
                false));
        trial.record(0); // no DLT at dose 1: the model would jump to the top dose, the rule allows dose 2
        assertEquals(1, trial.nextDose());
        trial.record(0);
        assertEquals(2, trial.nextDose());
    }

    @Test
    void computedSkeletonEqualsTheGivenOne() throws Exception {
        Map<String, Object> given = run(Map.of("truth", "0.05,0.12,0.25,0.40,0.55,0.70", "target", "0.3",
                "skeleton", SKELETON, "trials", "2000"), 1);
        Map<String, Object> computed = run(Map.of("truth", "0.05,0.12,0.25,0.40,0.55,0.70", "target", "0.3",
                "halfwidth", "0.05", "priorMtd", "4", "trials", "2000"), 1);
        assertEquals(given.get("selectionPercent"), computed.get("selectionPercent"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void selectsTheTrueMtdMostOftenAndStopsWhenEverythingIsToxic() throws Exception {
        Map<String, Object> summary = run(Map.of("truth", "0.05,0.12,0.25,0.40,0.55,0.70", "target", "0.3",
                "skeleton", SKELETON, "trials", "20000"), 3);
        List<Double> selection = (List<Double>) summary.get("selectionPercent");
        assertTrue(selection.get(2) > 40 && selection.get(2) == selection.stream().mapToDouble(x -> x).max().orElseThrow(),
                selection.toString());
        Map<String, Object> toxic = run(Map.of("truth", "0.5,0.6,0.7", "target", "0.25", "skeleton", "0.1,0.25,0.4",
                "stopCutoff", "0.9", "trials", "5000"), 3);
        assertTrue((Double) toxic.get("noSelectionPercent") > 80, toxic.toString());
    }

    @Test
    void resultsDoNotDependOnTheNumberOfThreads() throws Exception {
        Map<String, String> raw = Map.of("truth", "0.1,0.2,0.3,0.45", "target", "0.3", "skeleton", "0.1,0.2,0.3,0.4",
                "model", "logistic", "mtdEstimate", "posterior-mean", "trials", "5000");
        ForkJoinPool one = new ForkJoinPool(1);
        ForkJoinPool four = new ForkJoinPool(4);
        try {
            assertEquals(one.submit(() -> run(raw, 9)).get(), four.submit(() -> run(raw, 9)).get());
        } finally {
            one.shutdown();
            four.shutdown();
        }
    }

    @Test
    void badSkeletonsAreRefusedNamingTheParameter() {
        InvalidParameterException order = assertThrows(InvalidParameterException.class, () -> run(Map.of(
                "truth", "0.1,0.2,0.3", "target", "0.3", "skeleton", "0.1,0.3,0.2"), 1));
        assertTrue(order.getMessage().contains("'skeleton' must increase"), order.getMessage());
        InvalidParameterException length = assertThrows(InvalidParameterException.class, () -> run(Map.of(
                "truth", "0.1,0.2,0.3", "target", "0.3", "skeleton", "0.1,0.2"), 1));
        assertTrue(length.getMessage().contains("they must match"), length.getMessage());
        assertThrows(InvalidParameterException.class, () -> run(Map.of("truth", "0.1,0.2", "target", "0.3"), 1));
        assertThrows(InvalidParameterException.class, () -> run(Map.of("truth", "0.1,0.2", "target", "0.3",
                "halfwidth", "0.05", "priorMtd", "3"), 1));
    }
}
