package io.daybreak.methods.design.boin12;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.daybreak.core.method.InvalidParameterException;
import io.daybreak.core.testing.MethodTestSupport;

/**
 * Reference values from an independent base-R transcription of the authors' get.oc.obd
 * (docs/validation/r/boin12/: rds_values.R, obd_examples.R, oc_sim.R), which reproduces the paper's Table 3
 * ranks, its worked example and 56 of 56 decisions of the MD Anderson BOIN12 app.
 */
class Boin12Test extends MethodTestSupport {
    private static final int NONE = -1;

    private static Boin12Rules rules(int cohorts, int earlyStop) {
        return Boin12Rules.of(5, 3, cohorts, 0, 0.35, 0.25, 60, 40, 0.95, 0.90, 6, 9, earlyStop);
    }

    @Test
    void boundariesBenchmarkAndDesirabilityMatchR() {
        Boin12Rules rules = rules(10, Integer.MAX_VALUE);
        assertEquals(0.276334316807, rules.boundaries().lambdaE(), 1e-12);
        assertEquals(0.418907508092, rules.boundaries().lambdaD(), 1e-12);
        assertEquals(70.5, rules.benchmark(), 1e-12);
        int[] n = {3, 6, 9, 12, 15, 18, 21, 24, 27, 30};
        int[] esc = {0, 1, 2, 3, 4, 4, 5, 6, 7, 8};
        int[] deesc = {2, 3, 4, 6, 7, 8, 9, 11, 12, 13};
        int[] elimT = {3, 5, 6, 7, 9, 10, 11, 13, 14, 15};
        int[] elimE = {-1, -1, 0, 0, 1, 1, 2, 3, 3, 4};
        for (int i = 0; i < n.length; i++) {
            assertEquals(esc[i], rules.escalateIfAtMost()[n[i]], "esc n=" + n[i]);
            assertEquals(deesc[i], rules.deescalateIfAtLeast()[n[i]], "deesc n=" + n[i]);
            assertEquals(elimT[i], rules.eliminateIfAtLeast()[n[i]], "elimT n=" + n[i]);
            assertEquals(elimE[i], rules.futileIfAtMost()[n[i]], "elimE n=" + n[i]);
        }
        // n01 n11 n00 (efficacy only, both, neither), n -> RDS = 1 - pbeta(0.705, 1 + x, 1 + n - x)
        double[][] cases = {{0, 0, 0, 0, 0.2950000000}, {0, 0, 3, 3, 0.1134001034}, {0, 1, 1, 3, 0.0799694481},
            {2, 0, 1, 3, 0.5008679295}, {3, 0, 0, 3, 0.7529661494}, {0, 0, 0, 3, 0.0075733506},
            {3, 1, 1, 6, 0.3416141819}, {3, 2, 3, 9, 0.2077970187}, {6, 1, 4, 12, 0.3743586162}};
        for (double[] c : cases) {
            double x = rules.quasiSuccesses((int) c[0], (int) c[1], (int) c[2]);
            assertEquals(c[4], rules.desirability((int) c[3], x), 1e-10, java.util.Arrays.toString(c));
        }
    }

    /** Plays cohorts written as "dose" + one letter per patient (E efficacy only, T toxicity only, B both, N neither). */
    private static List<Integer> play(Boin12Trial trial, String cohorts) {
        List<Integer> next = new ArrayList<>();
        for (String cohort : cohorts.split(" ")) {
            assertEquals(cohort.charAt(0) - '1', trial.nextDose(), "cohort " + cohort + " is at the design's dose");
            String outcomes = cohort.substring(1);
            trial.record(count(outcomes, 'E'), count(outcomes, 'B'), count(outcomes, 'T'), count(outcomes, 'N'),
                    () -> 0.999); // ties to the higher dose, as the BOIN12 app that the R checks reproduce
            next.add(trial.finished() ? (trial.selectedDose() < 0 ? NONE : 100 + trial.selectedDose() + 1)
                    : trial.nextDose() + 1);
        }
        return next;
    }

    private static int count(String outcomes, char kind) {
        return (int) outcomes.chars().filter(c -> c == kind).count();
    }

    @Test
    void decisionsFollowThePublishedWorkedExampleAndTheRTranscription() {
        // Paper p.1396 / Data Supplement Fig. S2, 12 patients per dose end the trial; 100 + d = ended with OBD d
        Boin12Trial worked = new Boin12Trial(rules(12, 12));
        assertEquals(List.of(2, 3, 3, 4, 4, 4, 5, 5, 4, 104),
                play(worked, "1NNN 2NNB 3NEE 3NTN 4ETE 4NBE 4BNN 5BEN 5NBT 4NEN"));
        assertEquals(List.of(2, 3, 2), play(new Boin12Trial(rules(10, 100)), "1NNN 2ENT 3ETT"));
        assertEquals(List.of(2, 2, 2, 3), play(new Boin12Trial(rules(10, 100)), "1NNN 2EEN 2EEN 2TBE")); // exploration
        assertEquals(List.of(2, 2, 1), play(new Boin12Trial(rules(10, 100)), "1NNN 2EEN 2TTN"));
        assertEquals(List.of(2, 3), play(new Boin12Trial(rules(10, 100)), "1NNN 2TNN"));
        assertEquals(List.of(NONE), play(new Boin12Trial(rules(10, 100)), "1TTT"));
        assertEquals(List.of(1, 1, 2), play(new Boin12Trial(rules(10, 100)), "1TTN 1NNN 1NNN")); // dose 1 futile
        assertEquals(List.of(1, 1, NONE), play(new Boin12Trial(rules(10, 100)), "1TTN 1TNN 1NNN"));
        assertEquals(List.of(2, 3, 2), play(new Boin12Trial(rules(10, 100)), "1ENN 2ENN 3TTN"));
    }

    @Test
    void finalEstimatesMatchR() {
        Boin12Rules rules = rules(12, 12);
        int[] n = {3, 3, 6, 12, 6};
        int[] yT = {0, 1, 1, 3, 3};
        int[] yE = {0, 1, 2, 6, 3};
        assertArrayEquals(new double[] {0.0171290323, 0.2302608696, 0.2312608696, 0.2560661157, 0.5050000000},
                Boin12Selection.toxicityEstimates(n, yT), 1e-10);
        assertArrayEquals(new double[] {0.0412989110, 0.3806729191, 0.4161637267, 0.5160208466, 0.5260208466},
                Boin12Selection.efficacyEstimates(n, yE), 1e-10);
        assertEquals(3, Boin12Selection.optimalDose(rules, n, yT, yE, new boolean[5]));
        // "umbrella efficacy": the unimodal fit matters
        int[] n2 = {3, 6, 9, 9, 3};
        assertArrayEquals(new double[] {0.0382948766, 0.3986605538, 0.6066946864, 0.4231526575, 0.4064246509},
                Boin12Selection.efficacyEstimates(n2, new int[] {0, 2, 6, 3, 1}), 1e-10);
        assertArrayEquals(new double[] {41.8229099901, 63.4048506207, 71.6662965701, 51.8225660424, 37.7338661505},
                Boin12Selection.estimatedUtilities(rules, n2, new int[] {0, 0, 1, 3, 2}, new int[] {0, 2, 6, 3, 1},
                        new boolean[5]), 1e-9);
        assertEquals(2, Boin12Selection.optimalDose(rules, n2, new int[] {0, 0, 1, 3, 2}, new int[] {0, 2, 6, 3, 1},
                new boolean[5]));
    }

    /**
     * Against the R simulator (oc_sim.R, random tie-breaks as the authors' code, exact unimodal fit, 20,000 trials
     * per scenario, seeds 20240601/2): S1 toxicity .05 .10 .15 .25 .40, efficacy .10 .25 .45 .50 .55: none 0.27,
     * doses 2.86 14.26 42.00 31.66 8.94; S2 toxicity .05 .10 .20 .40 .55, efficacy .10 .30 .60 .60 .60: none 0.26,
     * doses 2.01 15.77 63.98 16.75 1.24.
     */
    @Test
    @SuppressWarnings("unchecked")
    void operatingCharacteristicsAgreeWithAnRSimulationWithinThreeStandardErrors() throws Exception {
        String[][] scenarios = {{"0.05,0.10,0.15,0.25,0.40", "0.10,0.25,0.45,0.50,0.55"},
            {"0.05,0.10,0.20,0.40,0.55", "0.10,0.30,0.60,0.60,0.60"}};
        double[][] r = {{0.27, 2.86, 14.26, 42.00, 31.66, 8.94}, {0.26, 2.01, 15.77, 63.98, 16.75, 1.24}};
        long rTrials = 20_000;
        long trials = 10_000;
        for (int s = 0; s < 2; s++) {
            Map<String, Object> summary = summary(new Boin12Method(), Map.of("truth", scenarios[s][0], "efficacy",
                    scenarios[s][1], "trials", Long.toString(trials)), 21 + s);
            List<Double> selection = (List<Double>) summary.get("selectionPercent");
            for (int d = 0; d <= 5; d++) {
                double ours = d == 0 ? (Double) summary.get("noSelectionPercent") : selection.get(d - 1);
                double p = Math.max(r[s][d], ours) / 100;
                double se = 100 * Math.sqrt(p * (1 - p) / trials + p * (1 - p) / rTrials);
                assertTrue(Math.abs(ours - r[s][d]) <= 3 * se + 0.05, "scenario " + (s + 1) + " dose " + d + ": " + ours
                        + " vs R " + r[s][d] + " (3 SE " + 3 * se + ")");
            }
            assertEquals(3L, summary.get("trueObd"));
        }
    }

    @Test
    void mismatchedEfficacyIsNamed() {
        InvalidParameterException e = assertThrows(InvalidParameterException.class, () -> summary(new Boin12Method(),
                Map.of("truth", "0.1,0.2,0.3", "efficacy", "0.2,0.3", "trials", "10"), 1));
        assertTrue(e.getMessage().contains("efficacy"), e.getMessage());
    }
}
