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
     * dfcrm 0.2-2.1's own {@code crmsim} in R 4.2.2 (docs/validation/r/design/crmsim-oc.R and its .out files):
     * {@code .libPaths("/work/rlib-design"); library(dfcrm); crmsim(c(0.05, 0.12, 0.25, 0.40, 0.55, 0.70),
     * getprior(0.05, 0.3, 4, 6), 0.3, n = 30, x0 = 1, nsim = 200, mcohort = 3, restrict = R, count = FALSE,
     * seed = 2026 + b)} for batches b = 0..39 (restrict = TRUE, 8,000 trials) and b = 0..29 (FALSE, 6,000 trials).
     * R's SE per value comes from the spread of its batch means; the per-trial SD it implies (SE times the root
     * of R's trials) gives our SE, and the test allows 3.5 SE of the difference (14 values per scenario).
     */
    @SuppressWarnings("unchecked")
    private void assertAgreesWithCrmsim(String restrict, double[] rSelection, double[] rSelectionSe,
            double[] rPatients, double[] rPatientsSe, long rTrials) throws Exception {
        long trials = 40_000;
        Map<String, Object> summary = summary(new CrmMethod(), Map.of("truth", "0.05,0.12,0.25,0.40,0.55,0.70",
                "target", "0.3", "skeleton", SKELETON, "restrict", restrict, "trials", Long.toString(trials)), 17);
        assertClose("selection %", (List<Double>) summary.get("selectionPercent"), rSelection, rSelectionSe, rTrials,
                trials);
        assertClose("patients", (List<Double>) summary.get("patientsPerDose"), rPatients, rPatientsSe, rTrials, trials);
    }

    private static void assertClose(String what, List<Double> ours, double[] r, double[] rSe, long rTrials,
            long trials) {
        for (int d = 0; d < r.length; d++) {
            double trialSd = rSe[d] * Math.sqrt(rTrials);
            double se = Math.sqrt(rSe[d] * rSe[d] + trialSd * trialSd / trials);
            assertTrue(Math.abs(ours.get(d) - r[d]) <= 3.5 * se + 0.02, what + " at dose " + (d + 1) + ": "
                    + ours.get(d) + " vs dfcrm " + r[d] + " (3.5 SE = " + 3.5 * se + ")");
        }
    }

    @Test
    void restrictedCrmAgreesWithDfcrmCrmsim() throws Exception {
        assertAgreesWithCrmsim("true", new double[] {0.0125, 5.1625, 45.7125, 42.65, 6.25, 0.2125},
                new double[] {0.0125, 0.27, 0.5782, 0.5752, 0.2506, 0.04344},
                new double[] {3.578625, 5.512125, 10.6305, 8.20875, 1.9485, 0.1215},
                new double[] {0.02083, 0.05058, 0.07757, 0.08014, 0.04278, 0.008936}, 8000);
    }

    @Test
    void unrestrictedCrmAgreesWithDfcrmCrmsim() throws Exception {
        assertAgreesWithCrmsim("false", new double[] {0.1166666667, 7.683333333, 51.2, 37.46666667, 3.4, 0.1333333333},
                new double[] {0.04601, 0.2999, 0.7538, 0.6481, 0.215, 0.04755},
                new double[] {3.7225, 3.385, 9.645, 8.158, 2.219, 2.8705},
                new double[] {0.02558, 0.06086, 0.07047, 0.06824, 0.04087, 0.02437}, 6000);
    }

    @Test
    void neverSkipsADoseAndIsCoherent() {
        CrmModel model = new CrmModel(CrmModel.Family.EMPIRIC, new double[] {0.01, 0.02, 0.05, 0.1, 0.3}, 3);
        CrmTrial trial = new CrmTrial(new CrmTrial.Settings(new CrmPosterior(model, 1.34), 0.3, 3, 5, 0, Double.NaN,
                false, true));
        trial.record(0); // no DLT at dose 1: the model would jump to the top dose, the rule allows dose 2
        assertEquals(1, trial.nextDose());
        trial.record(0);
        assertEquals(2, trial.nextDose());
        // 1 DLT in 3 (33% >= 30%) at dose 3: the model still says the top dose, coherence keeps dose 3
        trial.record(1);
        assertEquals(2, trial.nextDose());
        CrmTrial free = new CrmTrial(new CrmTrial.Settings(new CrmPosterior(model, 1.34), 0.3, 3, 5, 0, Double.NaN,
                false, false));
        free.record(0); // dfcrm's restrict = FALSE: the model's dose as is
        assertEquals(4, free.nextDose());
    }

    @Test
    void restrictRuleAsDfcrm() {
        // cur <- min(cur, last) if sum(ynew)/mcohort >= target, else min(cur, last + 1)
        assertEquals(3, CrmTrial.nextDose(5, 2, 0, 3, 0.3, true));
        assertEquals(2, CrmTrial.nextDose(5, 2, 1, 3, 0.3, true));
        assertEquals(3, CrmTrial.nextDose(5, 2, 1, 3, 0.34, true)); // 1/3 < 0.34
        assertEquals(1, CrmTrial.nextDose(1, 2, 0, 3, 0.3, true)); // de-escalation is never capped
        assertEquals(5, CrmTrial.nextDose(5, 2, 3, 3, 0.3, false));
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
