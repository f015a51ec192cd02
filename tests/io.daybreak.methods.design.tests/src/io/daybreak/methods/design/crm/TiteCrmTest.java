package io.daybreak.methods.design.crm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;

import org.junit.jupiter.api.Test;

import io.daybreak.core.testing.MethodTestSupport;

class TiteCrmTest extends MethodTestSupport {

    /**
     * dfcrm's weighted likelihood, against R 4.2.2 (docs/validation/r/tite/a_titecrm_single_update.R: integrate()
     * and an independent 600,001-point Simpson rule agree to 12 digits): skeleton 0.05,0.12,0.25,0.40,0.55,
     * N(0, 1.34) prior, doses 1,1,2,2,3,3,3, DLTs 0,0,0,1,0,0,0, weights 1,1,1,1,0.5,0.3,0.1 gives posterior
     * mean of beta -0.374742024316 and plug-in ptox 0.127522061581 ... at dose 1, recommended dose 2.
     */
    @Test
    void weightedPosteriorMatchesR() {
        CrmModel model = new CrmModel(CrmModel.Family.EMPIRIC, new double[] {0.05, 0.12, 0.25, 0.40, 0.55}, 3);
        CrmPosterior posterior = new CrmPosterior(model, 1.34);
        posterior.update(new int[] {2, 2, 0, 0, 0}, new int[] {0, 1, 0, 0, 0}, new int[] {2, 2, 2},
                new double[] {0.5, 0.3, 0.1}, 3);
        assertEquals(-0.374742024316, posterior.meanBeta(), 1e-10);
        assertEquals(0.127522061581, posterior.plugInProbability(0), 1e-10);
        assertEquals(1, posterior.doseClosestTo(0.25, false));
    }

    /**
     * Against an R simulator with dfcrm::titesim's conventions (docs/validation/r/tite/c_sim_titecrm.R; two runs of
     * 6,000 trials, seeds 20240601 and 777, pooled): truth 0.05,0.10,0.20,0.30,0.45, skeleton 0.08,...,0.45, target
     * 0.3, 30 patients one at a time, window 90 days, exponential gaps of mean 15 days. Selection % (doses 1-5)
     * 0.025 2.26 27.295 50.185 20.24; mean duration 525.8 days (SE 0.75; theory 29 x 15 + 90 = 525).
     */
    @Test
    @SuppressWarnings("unchecked")
    void operatingCharacteristicsAgreeWithAnRSimulationWithinThreeStandardErrors() throws Exception {
        double[] r = {0.025, 2.26, 27.295, 50.185, 20.24};
        long rTrials = 12_000;
        long trials = 3000;
        Map<String, Object> summary = summary(new TiteCrmMethod(), Map.of("truth", "0.05,0.10,0.20,0.30,0.45",
                "skeleton", "0.08,0.15,0.25,0.35,0.45", "target", "0.3", "trials", Long.toString(trials)), 5);
        List<Double> selection = (List<Double>) summary.get("selectionPercent");
        for (int d = 0; d < 5; d++) {
            double p = Math.max(r[d], selection.get(d)) / 100;
            double se = 100 * Math.sqrt(p * (1 - p) / trials + p * (1 - p) / rTrials);
            assertTrue(Math.abs(selection.get(d) - r[d]) <= 3 * se + 0.05, "dose " + (d + 1) + ": " + selection.get(d)
                    + " vs R " + r[d]);
        }
        double duration = (Double) summary.get("meanDurationDays");
        double durationSe = Math.hypot((Double) summary.get("meanDurationDaysSe"), 0.75);
        assertTrue(Math.abs(duration - 525.8) <= 3 * durationSe, duration + " vs R 525.8 (SE " + durationSe + ")");
        assertEquals(0.0, (Double) summary.get("meanTurnedAway"));
    }

    @Test
    void fixedAccrualGivesTheExactDurationAndThreadsDoNotMatter() throws Exception {
        Map<String, String> raw = Map.of("truth", "0.05,0.10,0.20,0.30,0.45", "skeleton", "0.08,0.15,0.25,0.35,0.45",
                "target", "0.3", "accrual", "fixed", "interarrival", "10", "window", "60", "trials", "400");
        Map<String, Object> common = summary(new TiteCrmMethod(), raw, 9);
        assertEquals(29 * 10 + 60.0, (Double) common.get("meanDurationDays"), 1e-9);
        ForkJoinPool single = new ForkJoinPool(1);
        try {
            Map<String, Object> one = single.submit(() -> summary(new TiteCrmMethod(), raw, 9)).get();
            assertEquals(common, one);
        } finally {
            single.shutdown();
        }
    }
}
