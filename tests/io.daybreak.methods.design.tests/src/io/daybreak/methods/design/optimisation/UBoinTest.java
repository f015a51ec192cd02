package io.daybreak.methods.design.optimisation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.daybreak.core.method.InvalidParameterException;
import io.daybreak.core.testing.MethodTestSupport;
import io.daybreak.methods.design.interval.BoinMethod;

/**
 * U-BOIN against an independent base-R transcription simulated with R's random numbers
 * (docs/validation/r/optimisation/uboin.R, 20,000 trials per scenario): OBD selection and patients per dose within 3
 * standard errors of the difference; hand-checked decisions; and stage I is design.boin's own trial.
 */
class UBoinTest extends MethodTestSupport {
    private static final int TRIALS = 20_000;

    private static UBoinTrial.Rules rules(int stage1Cohorts, int cohorts, boolean randomise) {
        return UBoinTrial.Rules.of(3, 0.3, 0.25, 60, 40, 0.95, 0.9, 3, stage1Cohorts, cohorts, 0, 1, randomise);
    }

    @Test
    void decisionsFollowTheRulesByHand() {
        UBoinTrial.Rules rules = rules(2, 4, false);
        // Dirichlet(0.25 x 4): (100 (2 + .25) + 60 (.25) + 40 (1 + .25)) / (3 + 1) = 72.5; (25 + 15 + 130) / 4 = 42.5
        assertEquals(72.5, rules.utility(2, 0, 1, 3), 1e-12);
        assertEquals(42.5, rules.utility(0, 0, 3, 3), 1e-12);
        UBoinTrial trial = new UBoinTrial(rules);
        assertEquals(0, trial.nextDose());
        trial.record(0, 0, 0, 3, () -> 0.5);   // stage I, 0/3 DLTs: BOIN escalates
        assertEquals(1, trial.nextDose());
        trial.record(2, 0, 0, 1, () -> 0.5);   // stage I ends; dose 2 has the best utility (72.5 > 42.5) and is the
        assertEquals(2, trial.nextDose());    // highest tried with 0 <= floor(3 lambda_e) = 0 DLTs: explore dose 3
        trial.record(0, 0, 2, 1, () -> 0.5);   // 2/3 DLTs: 1 - pbeta(0.3, 3, 2) = 0.9163 < 0.95, kept; utility 22.5
        assertFalse(trial.eliminated[2]);
        assertEquals(1, trial.nextDose());    // back to the best utility
        trial.record(1, 0, 0, 2, () -> 0.5);   // last cohort: dose 2 (325 + 15 + 130) / 7 = 67.1 is the OBD
        assertTrue(trial.finished());
        assertEquals(1, trial.selectedDose());
    }

    @Test
    void randomisationIsInProportionToTheUtilities() {
        // After the same stage I as above (utilities 42.5 and 72.5), a uniform below 42.5 / 115 picks dose 1
        for (double u : new double[] {0.1, 0.4}) {
            UBoinTrial trial = new UBoinTrial(rules(2, 4, true));
            trial.record(0, 0, 0, 3, () -> u);
            trial.record(2, 0, 0, 1, () -> u);
            assertEquals(u < 42.5 / 115 ? 0 : 2, trial.nextDose(), "u = " + u); // dose 2 is then explored upward
        }
    }

    /** |Java − R| ≤ 3 √(SE_J² + SE_R²), element by element. */
    private static void within3Se(double[] r, double[] rSe, double[] java, double[] javaSe, String what) {
        for (int i = 0; i < r.length; i++) {
            double se = Math.sqrt(rSe[i] * rSe[i] + javaSe[i] * javaSe[i]);
            assertEquals(r[i], java[i], 3 * se, what + " [" + i + "]");
        }
    }

    private void matchesR(Map<String, String> raw, double rNone, double rNoneSe, double[] rSelection,
            double[] rSelectionSe, double[] rPatients, double[] rPatientsSe, String scenario) throws Exception {
        Map<String, Object> s = summary(new UBoinMethod(), raw, 19);
        within3Se(rSelection, rSelectionSe, doubles(s.get("selectionPercent")), doubles(s.get("selectionPercentSe")),
                scenario + " selection %");
        within3Se(rPatients, rPatientsSe, doubles(s.get("patientsPerDose")), doubles(s.get("patientsPerDoseSe")),
                scenario + " patients");
        within3Se(new double[] {rNone}, new double[] {rNoneSe}, new double[] {(Double) s.get("noSelectionPercent")},
                new double[] {(Double) s.get("noSelectionPercentSe")}, scenario + " no selection %");
    }

    @Test
    void operatingCharacteristicsMatchTheRTranscription() throws Exception {
        // oc("S1 greedy", 20000, 2019, ...) in uboin.R
        matchesR(Map.of("truth", "0.05,0.1,0.2,0.3,0.45", "efficacy", "0.1,0.3,0.5,0.5,0.5", "trials", "" + TRIALS),
                0.550, 0.052, new double[] {4.105, 28.925, 47.280, 16.840, 2.300},
                new double[] {0.140, 0.321, 0.353, 0.265, 0.106}, new double[] {5.1585, 9.4274, 10.4841, 4.0742, 0.7923},
                new double[] {0.0304, 0.0506, 0.0489, 0.0321, 0.0132}, "S1");
        // oc("S2 randomised", 20000, 2020, ...)
        Map<String, String> s2 = new HashMap<>(Map.of("truth", "0.02,0.05,0.1,0.25,0.4", "efficacy",
                "0.2,0.4,0.55,0.45,0.3", "target", "0.3", "minEfficacy", "0.2", "utilityBoth", "50", "utilityNeither", "30",
                "stage1Cohorts", "5", "cohorts", "12", "priorWeight", "2", "assignment", "randomised"));
        s2.put("trials", "" + TRIALS);
        matchesR(s2, 0.010, 0.007, new double[] {3.695, 24.810, 56.025, 14.355, 1.105},
                new double[] {0.133, 0.305, 0.351, 0.248, 0.074}, new double[] {7.6570, 8.8782, 9.8103, 6.9234, 2.7291},
                new double[] {0.0251, 0.0285, 0.0294, 0.0257, 0.0227}, "S2");
        // oc("S3 greedy, toxic", 20000, 2021, ...)
        matchesR(Map.of("truth", "0.15,0.3,0.45,0.6", "efficacy", "0.3,0.4,0.5,0.6", "target", "0.3", "stage1Cohorts",
                "3", "startDose", "2", "trials", "" + TRIALS), 5.560, 0.162, new double[] {22.575, 58.035, 12.730, 1.100},
                new double[] {0.296, 0.349, 0.236, 0.074}, new double[] {6.0414, 17.3500, 5.2839, 0.7038},
                new double[] {0.0716, 0.0675, 0.0480, 0.0159}, "S3");
    }

    @Test
    void stageOneIsBoinOnTheSamePatients() throws Exception {
        // With every cohort in stage I, U-BOIN treats exactly the patients design.boin treats (same toxicity stream).
        Map<String, Object> uboin = summary(new UBoinMethod(), Map.of("truth", "0.05,0.1,0.2,0.3,0.45", "efficacy",
                "0.1,0.3,0.5,0.5,0.5", "target", "0.3", "stage1Cohorts", "10", "trials", "3000"), 5);
        Map<String, Object> boin = summary(new BoinMethod(), Map.of("truth", "0.05,0.1,0.2,0.3,0.45", "target", "0.3",
                "trials", "3000"), 5);
        assertArrayEquals(doubles(boin.get("patientsPerDose")), doubles(uboin.get("patientsPerDose")), 1e-12);
        assertArrayEquals(doubles(boin.get("dltsPerDose")), doubles(uboin.get("dltsPerDose")), 1e-12);
    }

    @Test
    void sameSummaryOnOneThreadAndAll() throws Exception {
        Map<String, String> raw = Map.of("truth", "0.05,0.1,0.2,0.3,0.45", "efficacy", "0.1,0.3,0.5,0.5,0.5",
                "assignment", "randomised", "trials", "3000");
        Map<String, Object> all = summary(new UBoinMethod(), raw, 31);
        java.util.concurrent.ForkJoinPool single = new java.util.concurrent.ForkJoinPool(1);
        try {
            assertEquals(all, single.submit(() -> summary(new UBoinMethod(), raw, 31)).get());
        } finally {
            single.shutdown();
        }
    }

    @Test
    void badSettingsAreRefused() {
        InvalidParameterException e = assertThrows(InvalidParameterException.class, () -> summary(new UBoinMethod(),
                Map.of("truth", "0.1,0.2", "efficacy", "0.3,0.4", "stage1Cohorts", "12"), 1));
        assertTrue(e.getMessage().contains("'stage1Cohorts' = 12 exceeds 'cohorts' = 10"), e.getMessage());
        InvalidParameterException f = assertThrows(InvalidParameterException.class, () -> summary(new UBoinMethod(),
                Map.of("truth", "0.1,0.2", "efficacy", "0.3"), 1));
        assertTrue(f.getMessage().contains("'efficacy' has 1 values but 'truth' has 2"), f.getMessage());
    }
}
