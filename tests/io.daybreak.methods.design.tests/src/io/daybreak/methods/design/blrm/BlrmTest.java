package io.daybreak.methods.design.blrm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.daybreak.core.method.InvalidParameterException;
import io.daybreak.core.method.MethodResult;
import io.daybreak.core.testing.MethodTestSupport;
import io.daybreak.core.testing.TestMethodContext;
import io.daybreak.data.Table;

class BlrmTest extends MethodTestSupport {
    private static final double[] AMOUNTS = {1, 2, 3, 4, 5, 6};
    private static final double[] INTERVALS = {0.16, 0.33};

    private static BlrmModel caseOne() {
        return BlrmModel.of(AMOUNTS, 3, Math.log(0.3 / 0.7), 2, 0, 1, 0);
    }

    /**
     * Interval probabilities against nested adaptive quadrature in R 4.2.2 (inner over log alpha on
     * [ma - 12 sa, ma + 12 sa] from the cut, outer over log beta on [-12, 12], rel.tol 1e-12 / 1e-11):
     * <pre>
     * post &lt;- function(a, b) exp(dnorm(a, qlogis(.3), 2, log = TRUE) + dnorm(b, 0, 1, log = TRUE)
     *     + sum over tried doses of y log plogis(eta) + (n - y) log plogis(-eta)), eta = a + exp(b) log(d/3)
     * P(p_d >= c) = integrate(b -&gt; integrate(a -&gt; post(a, b), qlogis(c) - exp(b) log(d/3), A1), -12, 12) / Z
     * </pre>
     * with n = 3,3,6,0,0,0 and y = 0,0,1,0,0,0 (the script: docs/validation.md, BLRM).
     */
    @Test
    void intervalProbabilitiesAgreeWithNestedQuadratureInR() {
        double[][] r = {
            {0.9565466708, 0.0416593067, 0.0017940225},
            {0.8612817057, 0.1293964263, 0.0093218680},
            {0.6202675952, 0.3079323977, 0.0718000072},
            {0.4242355472, 0.3234741302, 0.2522903225},
            {0.3346972198, 0.2956497525, 0.3696530276},
            {0.2825612602, 0.2712708253, 0.4461679145}};
        BlrmPosterior posterior = BlrmPosterior.prior(caseOne(), INTERVALS);
        posterior.condition(new int[] {3, 3, 6, 0, 0, 0}, new int[] {0, 0, 1, 0, 0, 0});
        for (int d = 0; d < 6; d++) {
            double[] intervals = posterior.intervalProbabilities(d);
            for (int k = 0; k < 3; k++) {
                assertEquals(r[d][k], intervals[k], 1e-6, "dose " + (d + 1) + " interval " + k);
            }
        }
    }

    @Test
    void cohortsAddedOneByOneEqualConditioningOnTheCounts() {
        BlrmPosterior incremental = BlrmPosterior.prior(caseOne(), INTERVALS);
        incremental.addCohort(0, 3, 0);
        incremental.addCohort(1, 3, 0);
        incremental.addCohort(2, 3, 1);
        incremental.addCohort(2, 3, 0);
        BlrmPosterior direct = incremental.fresh();
        direct.condition(new int[] {3, 3, 6, 0, 0, 0}, new int[] {0, 0, 1, 0, 0, 0});
        for (int d = 0; d < 6; d++) {
            double[] a = incremental.intervalProbabilities(d);
            double[] b = direct.intervalProbabilities(d);
            for (int k = 0; k < 3; k++) {
                assertEquals(b[k], a[k], 1e-12);
            }
        }
        assertEquals(direct.meanTheta()[1], incremental.meanTheta()[1], 1e-12);
    }

    @Test
    void priorProbabilitiesOfTheReferenceDoseAreNormalTailAreas() {
        // With no data p at the reference dose is expit(log alpha), log alpha ~ N(logit 0.3, 2^2): exact values.
        BlrmPosterior prior = BlrmPosterior.prior(caseOne(), INTERVALS);
        double[] intervals = prior.intervalProbabilities(2);
        double z16 = (Math.log(0.16 / 0.84) - Math.log(0.3 / 0.7)) / 2;
        double z33 = (Math.log(0.33 / 0.67) - Math.log(0.3 / 0.7)) / 2;
        // the one-sided O(h^4) rule along log alpha: about 5e-9 here
        assertEquals(normalCdf(z16), intervals[0], 2e-8);
        assertEquals(1 - normalCdf(z33), intervals[2], 2e-8);
        assertEquals(Math.log(0.3 / 0.7), prior.meanTheta()[0], 1e-9);
        // every dose, against nested integrate() in R (docs/validation/r/blrm/RESULTS.md, case 4)
        double[] over = {0.24263439745, 0.35871816447, 0.47227336981, 0.56011880046, 0.61496526153, 0.65229387855};
        for (int d = 0; d < 6; d++) {
            assertEquals(over[d], prior.intervalProbabilities(d)[2], 1e-7, "dose " + (d + 1));
        }
    }

    @Test
    void dataWithTheSameSufficientStatisticsGiveTheSamePosterior() {
        // sum(y) and sum(y log(x/3)) agree: log(1/3) - 2 log(2/3) + log(4/3) = 0
        BlrmPosterior a = BlrmPosterior.prior(caseOne(), INTERVALS);
        BlrmPosterior b = a.fresh();
        a.condition(new int[] {9, 12, 9, 6, 0, 0}, new int[] {2, 6, 3, 3, 0, 0});
        b.condition(new int[] {9, 12, 9, 6, 0, 0}, new int[] {3, 4, 3, 4, 0, 0});
        for (int d = 0; d < 6; d++) {
            assertArrayEquals(a.intervalProbabilities(d), b.intervalProbabilities(d), 1e-12);
        }
    }

    private static double normalCdf(double z) {
        return org.apache.commons.statistics.distribution.NormalDistribution.of(0, 1).cumulativeProbability(z);
    }

    @Test
    void neverSkipsStopsWhenTheLowestDoseOverdosesAndHonoursStopPatients() {
        BlrmTrial.Settings settings = new BlrmTrial.Settings(BlrmPosterior.prior(caseOne(), INTERVALS), 0.25, 3, 10, 0, 6);
        BlrmTrial trial = new BlrmTrial(settings);
        trial.record(0);
        assertEquals(1, trial.nextDose());
        trial.record(0);
        assertEquals(2, trial.nextDose());
        BlrmTrial toxic = new BlrmTrial(settings);
        toxic.record(3);
        assertTrue(toxic.finished());
        assertEquals(-1, toxic.selectedDose());
        // stopPatients = 6: once the recommended dose has 6 patients the trial ends with it
        BlrmTrial settled = new BlrmTrial(settings);
        for (int cohort = 0; cohort < 10 && !settled.finished(); cohort++) {
            settled.record(settled.nextDose() >= 2 ? 1 : 0);
        }
        assertTrue(settled.finished());
        int mtd = settled.selectedDose();
        assertTrue(mtd >= 0 && settled.patients()[mtd] >= 6, "MTD " + mtd);
        assertTrue(java.util.Arrays.stream(settled.patients()).sum() < 30, "stopped early");
    }

    @Test
    @SuppressWarnings("unchecked")
    void selectsTheTrueMtdMostOftenAndReportsEveryOperatingCharacteristic() throws Exception {
        Map<String, Object> summary = summary(new BlrmMethod(), Map.of("truth", "0.05,0.10,0.20,0.30,0.45,0.60",
                "target", "0.3", "cohorts", "12", "trials", "300"), 11);
        List<Double> selection = (List<Double>) summary.get("selectionPercent");
        double best = selection.stream().mapToDouble(x -> x).max().orElseThrow();
        assertTrue(best == selection.get(2) || best == selection.get(3), selection.toString());
        for (String key : List.of("noSelectionPercent", "stopPercent", "patientsPerDose", "dltsPerDose", "meanPatients",
                "meanDlts", "overdosePercent", "selectionPercentSe")) {
            assertTrue(summary.containsKey(key), key);
        }
    }

    /**
     * Against the exact operating characteristics of the same design computed in R (docs/validation/r/blrm/
     * partB_exact.R: forward dynamic programming over all 33,070 reachable (n, y) states, posterior by a
     * 401 x 401 grid with the interval cut handled inside the cell, refined on a 1601 x 1601 grid wherever a
     * decision was within 5e-4 of its boundary; an R simulation of 20,000 trials agrees within 1.7 SE). Prior
     * logit(0.3), 2, 0, 1, 0 on doses 1..6 with reference 3, 12 cohorts of 3, EWOC 0.25. Selection % (none,
     * doses 1-6): 14.7778 3.1140 22.4102 38.5879 18.2796 2.6083 0.2223 and 49.8494 30.0454 19.0438 1.0260
     * 0.0338 0.0014 0.0001.
     */
    @Test
    @SuppressWarnings("unchecked")
    void selectionAgreesWithTheExactOperatingCharacteristicsWithinThreeStandardErrors() throws Exception {
        String[] truths = {"0.05,0.10,0.20,0.30,0.45,0.60", "0.15,0.30,0.45,0.55,0.65,0.75"};
        double[][] exact = {{14.7778, 3.1140, 22.4102, 38.5879, 18.2796, 2.6083, 0.2223},
            {49.8494, 30.0454, 19.0438, 1.0260, 0.0338, 0.0014, 0.0001}};
        long trials = 2000;
        for (int s = 0; s < truths.length; s++) {
            Map<String, Object> summary = summary(new BlrmMethod(), Map.of("truth", truths[s], "target", "0.3",
                    "cohorts", "12", "priorMeanLogAlpha", Double.toString(Math.log(0.3 / 0.7)),
                    "trials", Long.toString(trials)), 5 + s);
            List<Double> selection = (List<Double>) summary.get("selectionPercent");
            for (int d = 0; d <= 6; d++) {
                double ours = d == 0 ? (Double) summary.get("noSelectionPercent") : selection.get(d - 1);
                double p = exact[s][d] / 100;
                double se = 100 * Math.sqrt(p * (1 - p) / trials);
                assertTrue(Math.abs(ours - exact[s][d]) <= 3 * se + 0.05, "scenario " + (s + 1) + ", " + (d == 0
                        ? "none" : "dose " + d) + ": " + ours + " vs exact " + exact[s][d] + " (3 SE = " + 3 * se + ")");
            }
        }
    }

    @Test
    void posteriorMethodReportsTheRecommendationAndRejectsImpossibleCounts() throws Exception {
        Map<String, String> raw = new HashMap<>(Map.of("patients", "3,3,6,0,0,0", "dlts", "0,0,1,0,0,0",
                "priorMeanLogAlpha", Double.toString(Math.log(0.3 / 0.7))));
        MethodResult result = apply(new BlrmPosteriorMethod(), raw, Map.of(), new TestMethodContext(allocator, 1));
        try (Table table = result.outputs().get("posterior")) {
            assertEquals(0.2522903225, table.doubles("pOver").get(3), 1e-6);
            assertEquals(0.3234741302, table.doubles("pTarget").get(3), 1e-6);
            assertTrue(table.booleans("admissible").get(2));
            assertFalse(table.booleans("admissible").get(3)); // P(overdose) = 0.2523 > 0.25
            assertFalse(table.booleans("admissible").get(4));
        }
        assertEquals(3L, result.summary().get("recommendedDose"));
        raw.put("dlts", "0,0,7,0,0,0");
        assertThrows(InvalidParameterException.class, () -> summary(new BlrmPosteriorMethod(), raw, 1));
        raw.put("dlts", "0,0,1");
        assertThrows(InvalidParameterException.class, () -> summary(new BlrmPosteriorMethod(), raw, 1));
    }

    @Test
    void badDesignInputIsNamed() {
        Map<String, String> base = Map.of("truth", "0.05,0.1,0.2", "target", "0.3", "trials", "10");
        for (Map.Entry<String, String> bad : Map.of("doseAmounts", "1,3,2", "intervals", "0.33,0.16",
                "priorCorrelation", "1", "ewoc", "0", "doseAmounts ", "1,2").entrySet()) {
            Map<String, String> raw = new HashMap<>(base);
            raw.put(bad.getKey().strip(), bad.getValue());
            InvalidParameterException e = assertThrows(InvalidParameterException.class,
                    () -> summary(new BlrmMethod(), raw, 1), bad.toString());
            assertTrue(e.getMessage().contains(bad.getKey().strip()), e.getMessage());
        }
    }
}
