package io.daybreak.methods.design.optimisation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;

import org.junit.jupiter.api.Test;

import io.daybreak.core.method.InvalidParameterException;
import io.daybreak.core.testing.MethodTestSupport;
import io.daybreak.methods.design.boin12.Boin12Method;
import io.daybreak.methods.design.crm.CrmMethod;
import io.daybreak.methods.design.interval.BoinMethod;
import io.daybreak.methods.design.interval.KeyboardMethod;

/**
 * design.programme: its escalation is the escalation design's own simulation (same streams, so identical counts),
 * its randomised stage selects as the exact stage probabilities say given the escalation's selection (within 3
 * Monte Carlo SE), its duration follows the accrual model, and it does not depend on the number of threads.
 */
class ProgrammeTest extends MethodTestSupport {
    private static final String TRUTH = "0.05,0.1,0.2,0.3,0.45";
    private static final String EFFICACY = "0.2,0.35,0.45,0.5,0.5";

    private static Map<String, String> raw(String escalation, int arms, String rule) {
        Map<String, String> raw = new HashMap<>(Map.of("truth", TRUTH, "efficacy", EFFICACY, "target", "0.3",
                "cohorts", "10", "escalation", escalation, "arms", Integer.toString(arms), "patientsPerArm", "25",
                "rule", rule, "trials", "4000"));
        return raw;
    }

    @Test
    void theEscalationIsTheEscalationDesignsOwnSimulation() throws Exception {
        Map<String, String> design = Map.of("truth", TRUTH, "target", "0.3", "cohorts", "10", "trials", "4000");
        Map<String, Object> programme = summary(new ProgrammeMethod(), raw("boin", 2, "non-inferiority"), 7);
        Map<String, Object> boin = summary(new BoinMethod(), design, 7);
        assertArrayEquals(doubles(boin.get("selectionPercent")), doubles(programme.get("escalationSelectionPercent")), 1e-12);
        assertArrayEquals(doubles(boin.get("patientsPerDose")), doubles(programme.get("escalationPatientsPerDose")), 1e-12);
        assertEquals((Double) boin.get("noSelectionPercent"), (Double) programme.get("escalationNoSelectionPercent"), 1e-12);
        Map<String, Object> keyboard = summary(new KeyboardMethod(), design, 7);
        Map<String, Object> viaKeyboard = summary(new ProgrammeMethod(), raw("keyboard", 2, "utility"), 7);
        assertArrayEquals(doubles(keyboard.get("selectionPercent")),
                doubles(viaKeyboard.get("escalationSelectionPercent")), 1e-12);
        Map<String, String> crmDesign = new HashMap<>(design);
        crmDesign.put("halfwidth", "0.05");
        crmDesign.put("priorMtd", "3");
        Map<String, Object> crm = summary(new CrmMethod(), crmDesign, 7);
        Map<String, Object> viaCrm = summary(new ProgrammeMethod(), raw("crm", 3, "non-inferiority"), 7);
        assertArrayEquals(doubles(crm.get("selectionPercent")), doubles(viaCrm.get("escalationSelectionPercent")), 1e-12);
        assertArrayEquals(doubles(crm.get("patientsPerDose")), doubles(viaCrm.get("escalationPatientsPerDose")), 1e-12);
        Map<String, Object> boin12 = summary(new Boin12Method(), Map.of("truth", TRUTH, "efficacy", EFFICACY, "target",
                "0.3", "minEfficacy", "0.25", "cohorts", "10", "trials", "4000"), 7);
        Map<String, String> viaBoin12Raw = raw("boin12", 2, "utility");
        viaBoin12Raw.put("minEfficacy", "0.25");
        Map<String, Object> viaBoin12 = summary(new ProgrammeMethod(), viaBoin12Raw, 7);
        assertArrayEquals(doubles(boin12.get("selectionPercent")),
                doubles(viaBoin12.get("escalationSelectionPercent")), 1e-12);
        assertArrayEquals(doubles(boin12.get("patientsPerDose")), doubles(viaBoin12.get("escalationPatientsPerDose")),
                1e-12);
    }

    @Test
    void backfillIsTheEscalationDesignsBackfillOnTheSameStreams() throws Exception {
        Map<String, String> design = Map.of("truth", TRUTH, "efficacy", EFFICACY, "target", "0.3", "cohorts", "10",
                "trials", "2000", "backfill", "true", "backfillCap", "9");
        Map<String, Object> boin = summary(new BoinMethod(), design, 13);
        Map<String, String> raw = raw("boin", 2, "non-inferiority");
        raw.put("trials", "2000");
        raw.put("backfill", "true");
        raw.put("backfillCap", "9");
        Map<String, Object> programme = summary(new ProgrammeMethod(), raw, 13);
        assertArrayEquals(doubles(boin.get("selectionPercent")), doubles(programme.get("escalationSelectionPercent")), 1e-12);
        assertArrayEquals(doubles(boin.get("escalationPatientsPerDose")),
                doubles(programme.get("escalationPatientsPerDose")), 1e-12);
        assertArrayEquals(doubles(boin.get("backfillPatientsPerDose")), doubles(programme.get("backfillPatientsPerDose")),
                1e-12);
        assertEquals((Double) boin.get("meanBackfillPatients"), (Double) programme.get("meanBackfillPatients"), 1e-12);
        assertTrue((Double) programme.get("meanBackfillPatients") > 1, "backfill happened");
        // programme duration = escalation's calendar end (BF-BOIN's) + randomised patients / 2 a month + 3 months per
        // stage, summed in hundredths of a month
        double expected = (Double) boin.get("meanDuration") + (Double) programme.get("meanRandomisedPatients") / 2
                + 3 * (Double) programme.get("randomisedStagePercent") / 100;
        assertEquals(expected, (Double) programme.get("meanDurationMonths"), 0.005);
        // BOIN12 with backfill: design.boin12 backfill=true on the same streams
        Map<String, String> boin12Design = new HashMap<>(design);
        boin12Design.put("minEfficacy", "0.25");
        Map<String, Object> boin12 = summary(new Boin12Method(), boin12Design, 13);
        raw.put("escalation", "boin12");
        raw.put("minEfficacy", "0.25");
        Map<String, Object> viaBoin12 = summary(new ProgrammeMethod(), raw, 13);
        assertArrayEquals(doubles(boin12.get("selectionPercent")), doubles(viaBoin12.get("escalationSelectionPercent")),
                1e-12);
        assertArrayEquals(doubles(boin12.get("backfillPatientsPerDose")), doubles(viaBoin12.get("backfillPatientsPerDose")),
                1e-12);
    }

    @Test
    void theFinalSelectionFollowsTheExactStageProbabilities() throws Exception {
        for (String rule : new String[] {"non-inferiority", "utility"}) {
            for (int arms : new int[] {2, 3}) {
                Map<String, Object> s = summary(new ProgrammeMethod(), raw("boin", arms, rule), 11);
                double[] escalation = doubles(s.get("escalationSelectionPercent"));
                double[] selected = doubles(s.get("finalSelectionPercent"));
                double[] tox = {0.05, 0.1, 0.2, 0.3, 0.45};
                double[] eff = {0.2, 0.35, 0.45, 0.5, 0.5};
                SelectionCriteria criteria = new SelectionCriteria(SelectionRule.valueOf(rule.toUpperCase()
                        .replace('-', '_')), 0.3, 0.9, 0.2, 0.9, 0.1, null, 60, 40);
                ArmRules rules = new ArmRules(criteria, 25);
                double[] expected = new double[5];
                double[] variance = new double[5];
                for (int m = 0; m < 5; m++) {
                    int lowest = Math.max(0, m - arms + 1);
                    double[] p = rules.probabilities(java.util.Arrays.copyOfRange(tox, lowest, m + 1),
                            java.util.Arrays.copyOfRange(eff, lowest, m + 1));
                    for (int a = 0; a < p.length - 1; a++) {
                        expected[lowest + a] += escalation[m] / 100 * p[a];
                        variance[lowest + a] += escalation[m] / 100 * p[a] * (1 - p[a]);
                    }
                }
                for (int d = 0; d < 5; d++) {
                    double se = Math.sqrt(variance[d] / 4000);
                    assertEquals(expected[d], selected[d] / 100, 3 * se + 1e-12, rule + ", " + arms + " arms, dose "
                            + (d + 1));
                }
            }
        }
    }

    /** Final selection % (none first, then doses) within 3 SE of the difference from R's (20,000 trials each). */
    private void matchesR(Map<String, String> raw, double[] r, double[] rSe, String what) throws Exception {
        Map<String, Object> s = summary(new ProgrammeMethod(), raw, 17);
        double[] selected = doubles(s.get("finalSelectionPercent"));
        double[] java = new double[selected.length + 1];
        java[0] = (Double) s.get("noSelectionPercent");
        System.arraycopy(selected, 0, java, 1, selected.length);
        for (int i = 0; i < java.length; i++) {
            double p = java[i] / 100;
            double se = Math.sqrt(rSe[i] * rSe[i] + 100 * 100 * p * (1 - p) / 20_000);
            assertEquals(r[i], java[i], 3 * se, what + " [" + i + "]");
        }
    }

    @Test
    void finalSelectionMatchesAnIndependentRSimulation() throws Exception {
        // programme("P1 ...", 20000, 33, ...) in docs/validation/r/optimisation/programme.R (BOIN::select.mtd for the MTD)
        Map<String, String> p1 = new HashMap<>(Map.of("truth", "0.03,0.08,0.15,0.25,0.40", "efficacy",
                "0.15,0.25,0.45,0.45,0.47", "target", "0.25", "cohorts", "10", "arms", "2", "patientsPerArm", "33",
                "margin", "0.15", "trials", "20000"));
        matchesR(p1, new double[] {0.230, 2.460, 8.555, 62.480, 23.460, 2.815},
                new double[] {0.034, 0.110, 0.198, 0.342, 0.300, 0.117}, "P1");
        // programme("P2 ...", 20000, 34, ...): 3 arms of 20, utility rule, boundary 0.05
        Map<String, String> p2 = new HashMap<>(Map.of("truth", TRUTH, "efficacy", EFFICACY, "target", "0.3",
                "cohorts", "10", "arms", "3", "patientsPerArm", "20", "rule", "utility", "trials", "20000"));
        matchesR(p2, new double[] {0.035, 3.765, 29.395, 42.770, 22.190, 1.845},
                new double[] {0.013, 0.135, 0.322, 0.350, 0.294, 0.095}, "P2");
    }

    @Test
    void durationAndPatientsFollowTheAccrualModel() throws Exception {
        // Doses so safe that BOIN always treats all 10 cohorts and selects the top dose: every programme has
        // 30 escalation patients, 2 x 30 randomised ones, and lasts 10 x (3/2 + 1) + 60/2 + 3 = 58 months.
        Map<String, String> raw = new HashMap<>(Map.of("truth", "0.01,0.02,0.03", "efficacy", "0.3,0.4,0.5",
                "target", "0.3", "cohorts", "10", "patientsPerArm", "30", "trials", "500"));
        Map<String, Object> s = summary(new ProgrammeMethod(), raw, 3);
        assertEquals(30.0, (Double) s.get("meanEscalationPatients"), 1e-12);
        assertEquals(60.0, (Double) s.get("meanRandomisedPatients"), 1e-12);
        assertEquals(58.0, (Double) s.get("meanDurationMonths"), 1e-9);
        assertEquals(0.0, (Double) s.get("meanDurationMonthsSe"), 1e-9);
        raw.put("accrualRate", "4");
        raw.put("efficacyWindow", "6");
        // 10 x (3/4 + 1) + 60/4 + 6 = 38.5
        assertEquals(38.5, (Double) summary(new ProgrammeMethod(), raw, 3).get("meanDurationMonths"), 1e-9);
    }

    @Test
    void sameSummaryOnOneThreadAndAll() throws Exception {
        Map<String, String> backfill = raw("crm", 2, "non-inferiority");
        backfill.put("backfill", "true");
        for (Map<String, String> raw : java.util.List.of(raw("boin", 3, "utility"), backfill)) {
            Map<String, Object> all = summary(new ProgrammeMethod(), raw, 31);
            ForkJoinPool single = new ForkJoinPool(1);
            try {
                assertEquals(all, single.submit(() -> summary(new ProgrammeMethod(), raw, 31)).get());
            } finally {
                single.shutdown();
            }
        }
    }

    @Test
    void mismatchedEfficacyIsRefused() {
        Map<String, String> raw = raw("boin", 2, "utility");
        raw.put("efficacy", "0.2,0.3");
        InvalidParameterException e = assertThrows(InvalidParameterException.class,
                () -> summary(new ProgrammeMethod(), raw, 1));
        assertTrue(e.getMessage().contains("'efficacy' has 2 values but 'truth' has 5"), e.getMessage());
    }
}
