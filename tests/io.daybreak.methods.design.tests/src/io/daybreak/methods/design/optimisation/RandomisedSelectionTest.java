package io.daybreak.methods.design.optimisation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.daybreak.core.method.InvalidParameterException;
import io.daybreak.core.testing.MethodTestSupport;
import io.daybreak.data.Table;

/**
 * Exact selection probabilities against a brute-force R enumeration of every joint outcome
 * (docs/validation/r/optimisation/randomised_selection.R, base R 4.2.2), which the engine's factorised computation
 * does not share.
 */
class RandomisedSelectionTest extends MethodTestSupport {
    private static final double TOL = 1e-12;
    private static final SelectionRule NI = SelectionRule.NON_INFERIORITY;
    private static final SelectionRule UTILITY = SelectionRule.UTILITY;

    /** toxicityLimit 0.3, cutoff 0.9, minEfficacy 0.2, cutoff 0.9, margin 0.1 (the R script's rules() defaults). */
    private static SelectionCriteria criteria(SelectionRule rule, double lambda, double uB, double uN) {
        return new SelectionCriteria(rule, 0.3, 0.9, 0.2, 0.9, 0.1, lambda, uB, uN);
    }

    private static void check(SelectionCriteria criteria, int n, double[] p, double[] q, int maxTox, int minResp,
            int maxDeficit, double... expected) {
        ArmRules rules = new ArmRules(criteria, n);
        assertEquals(maxTox, rules.maxToxicities(), "maxToxicities");
        assertEquals(minResp, rules.minResponses(), "minResponses");
        assertEquals(maxDeficit, rules.maxDeficit(), "maxDeficit");
        assertArrayEquals(expected, rules.probabilities(p, q), TOL);
    }

    @Test
    void twoArmsMatchTheBruteForceEnumeration() {
        // exact(12, c(0.1, 0.25), c(0.35, 0.45), "ni")
        check(criteria(NI, 0.05, 60, 40), 12, new double[] {0.1, 0.25}, new double[] {0.35, 0.45}, 5, 1, 0,
                0.415708319958651, 0.583948451845748, 0.000343228195601);
        // exact(12, c(0.1, 0.25), c(0.35, 0.45), "utility")
        check(criteria(UTILITY, 0.05, 60, 40), 12, new double[] {0.1, 0.25}, new double[] {0.35, 0.45}, 5, 1, 0,
                0.530546082894003, 0.469110688910396, 0.000343228195601);
        // exact(20, c(0.15, 0.3), c(0.3, 0.4), "ni", lambda = 0.08)
        check(criteria(NI, 0.08, 60, 40), 20, new double[] {0.15, 0.3}, new double[] {0.3, 0.4}, 8, 2, 1,
                0.494944922216621, 0.504035917568614, 0.001019160214765);
        // exact(20, c(0.15, 0.3), c(0.3, 0.4), "utility", uB = 50, uN = 30)
        check(criteria(UTILITY, 0.05, 50, 30), 20, new double[] {0.15, 0.3}, new double[] {0.3, 0.4}, 8, 2, 0,
                0.502908760047203, 0.496072079738032, 0.001019160214765);
    }

    @Test
    void threeArmsMatchTheBruteForceEnumeration() {
        // exact(6, c(0.05, 0.2, 0.4), c(0.25, 0.4, 0.45), "ni", lambda = 0.1)
        check(criteria(NI, 0.1, 60, 40), 6, new double[] {0.05, 0.2, 0.4}, new double[] {0.25, 0.4, 0.45}, 3, 0, 0,
                0.341866794747115, 0.337142444422628, 0.320990498221617, 0.000000262608640);
        // exact(6, c(0.05, 0.2, 0.4), c(0.25, 0.4, 0.45), "utility")
        check(criteria(UTILITY, 0.05, 60, 40), 6, new double[] {0.05, 0.2, 0.4}, new double[] {0.25, 0.4, 0.45}, 3, 0,
                0, 0.335234649191502, 0.424300468208711, 0.240464619991148, 0.000000262608640);
    }

    @Test
    void largerSamplesMatchTheResponseEnumeration() {
        SelectionCriteria ni = criteria(NI, 0.05, 60, 40);
        double[] p = {0.1, 0.2};
        // ni2(n, c(0.1, 0.2), c(0.4, 0.4), 0.05) and ni2(n, c(0.1, 0.2), c(0.3, 0.45), 0.05)
        check(ni, 30, p, new double[] {0.4, 0.4}, 12, 3, 1, 0.654650077019147, 0.345349766059190, 0.000000156921663);
        check(ni, 30, p, new double[] {0.3, 0.45}, 12, 3, 1, 0.210868781794851, 0.789124626002313, 0.000006592202836);
        check(ni, 40, p, new double[] {0.4, 0.4}, 15, 5, 1, 0.634945201046679, 0.365054712569611, 0.000000086383710);
        check(ni, 40, p, new double[] {0.3, 0.45}, 15, 5, 1, 0.148901743918507, 0.851090730116371, 0.000007525965122);
        ArmRules n50 = new ArmRules(ni, 50);
        assertArrayEquals(new double[] {0.695301971006588, 0.304698015768502, 0.000000013224910},
                n50.probabilities(p, new double[] {0.4, 0.4}), TOL);
        assertArrayEquals(new double[] {0.148697541734986, 0.851300131535605, 0.000002326729408},
                n50.probabilities(p, new double[] {0.3, 0.45}), TOL);
    }

    @Test
    void theTableReportsTheSelectionOfTrulyInadmissibleArms() throws Exception {
        // exact(6, c(0.05, 0.2, 0.4), c(0.25, 0.4, 0.45), "ni", lambda = 0.1): arm 3 (toxicity 0.4 > 0.3) is
        // inadmissible, so P(select an inadmissible arm) = P(arm 3) = 0.320990498221617; the right arm is 2
        Map<String, String> raw = Map.of("efficacy", "0.25,0.4,0.45", "toxicity", "0.05,0.2,0.4", "boundary", "0.1",
                "minPatients", "6", "maxPatients", "6");
        run(new RandomisedSelectionMethod(), Map.of(), raw, 1, outputs -> {
            Table pcs = outputs.get("pcs");
            assertEquals(1, pcs.rowCount());
            assertEquals(0.320990498221617, pcs.doubles("selectInadmissible").get(0), TOL);
            assertEquals(0.337142444422628, pcs.doubles("pcs").get(0), TOL);
            assertEquals(2L, pcs.longs("correctArm").get(0));
            assertEquals(0.000000262608640, pcs.doubles("noSelection").get(0), TOL);
        });
    }

    @Test
    void theRightArmFollowsTheRuleOnTheTrueRates() {
        SelectionCriteria ni = criteria(NI, 0.05, 60, 40);
        assertEquals(0, ni.correctArm(new double[] {0.1, 0.2}, new double[] {0.4, 0.4}));
        assertEquals(1, ni.correctArm(new double[] {0.1, 0.2}, new double[] {0.3, 0.45}));
        assertEquals(1, ni.correctArm(new double[] {0.1, 0.2}, new double[] {0.3, 0.4})); // exactly the margin
        assertEquals(0, ni.correctArm(new double[] {0.1, 0.35}, new double[] {0.3, 0.6})); // the high dose is too toxic
        assertEquals(-1, ni.correctArm(new double[] {0.1, 0.35}, new double[] {0.1, 0.6}));
        SelectionCriteria utility = criteria(UTILITY, 0.05, 60, 40);
        // 100*0.4*0.9 + 60*0.4*0.1 + 40*0.6*0.9 = 60.0; 100*0.5*0.8 + 60*0.5*0.2 + 40*0.5*0.8 = 62.0
        assertEquals(60.0, utility.utility(0.4, 0.1), 1e-12);
        assertEquals(62.0, utility.utility(0.5, 0.2), 1e-12);
        assertEquals(1, utility.correctArm(new double[] {0.1, 0.2}, new double[] {0.4, 0.5}));
    }

    @Test
    void theSampleSizeIsTheSmallestNReachingTheTargetInEveryScenario() throws Exception {
        Map<String, String> raw = Map.of("efficacy", "0.4,0.4/0.3,0.45", "toxicity", "0.1,0.2", "boundary", "0.075",
                "targetPcs", "0.7", "minPatients", "10", "maxPatients", "40");
        double[][] pcsByRow = new double[1][];
        long[][] nByRow = new long[1][];
        Map<String, Object> s = run(new RandomisedSelectionMethod(), Map.of(), raw, 1, outputs -> {
            Table pcs = outputs.get("pcs");
            assertEquals(62, pcs.rowCount());
            pcsByRow[0] = new double[pcs.rowCount()];
            nByRow[0] = new long[pcs.rowCount()];
            for (int i = 0; i < pcs.rowCount(); i++) {
                pcsByRow[0][i] = pcs.doubles("pcs").get(i);
                nByRow[0][i] = pcs.longs("n").get(i);
            }
        });
        // R: first n in 10:80 with min(PCS) >= 0.7 is 30, PCS 0.745697784956455 (lower right) and 0.704528155236593
        assertEquals(30L, s.get("patientsPerArm"));
        assertEquals(60L, s.get("totalPatients"));
        assertEquals(List.of(1L, 2L), s.get("correctArm"));
        assertArrayEquals(new double[] {0.745697784956455, 0.704528155236593}, doubles(s.get("pcs")), TOL);
        assertEquals(30L, nByRow[0][40]);
        assertEquals(0.745697784956455, pcsByRow[0][40], TOL);
        assertEquals(0.704528155236593, pcsByRow[0][41], TOL);
        // target 0.65: n = 18, PCS 0.699707938941025 and 0.653528395479937
        Map<String, String> lower = new java.util.HashMap<>(raw);
        lower.put("targetPcs", "0.65");
        Map<String, Object> s65 = summary(new RandomisedSelectionMethod(), lower, 1);
        assertEquals(18L, s65.get("patientsPerArm"));
        assertArrayEquals(new double[] {0.699707938941025, 0.653528395479937}, doubles(s65.get("pcs")), TOL);
        Map<String, String> unreachable = new java.util.HashMap<>(raw);
        unreachable.put("targetPcs", "0.99");
        Map<String, Object> none = summary(new RandomisedSelectionMethod(), unreachable, 1);
        assertFalse((Boolean) none.get("targetReached"));
        assertFalse(none.containsKey("patientsPerArm"));
    }

    @Test
    void badScenariosAreRefusedWithTheirNames() {
        RandomisedSelectionMethod method = new RandomisedSelectionMethod();
        InvalidParameterException arms = assertThrows(InvalidParameterException.class,
                () -> summary(method, Map.of("efficacy", "0.3,0.4", "toxicity", "0.1,0.2,0.3"), 1));
        assertTrue(arms.getMessage().contains("'efficacy' has 2 arms but 'toxicity' has 3"), arms.getMessage());
        InvalidParameterException mixed = assertThrows(InvalidParameterException.class,
                () -> summary(method, Map.of("efficacy", "0.3,0.4/0.2,0.3,0.4", "toxicity", "0.1,0.2/0.1,0.2,0.3"), 1));
        assertTrue(mixed.getMessage().contains("scenario 2 has 3 arms but scenario 1 has 2"), mixed.getMessage());
        InvalidParameterException four = assertThrows(InvalidParameterException.class,
                () -> summary(method, Map.of("efficacy", "0.3,0.4,0.5,0.6", "toxicity", "0.1"), 1));
        assertTrue(four.getMessage().contains("parameter 'efficacy': scenario 1 has 4 values"), four.getMessage());
        InvalidParameterException range = assertThrows(InvalidParameterException.class,
                () -> summary(method, Map.of("efficacy", "0.3,1.4", "toxicity", "0.1,0.2"), 1));
        assertTrue(range.getMessage().contains("arm 2 = 1.4 is out of range"), range.getMessage());
        InvalidParameterException boundary = assertThrows(InvalidParameterException.class,
                () -> summary(method, Map.of("efficacy", "0.3,0.4", "toxicity", "0.1,0.2", "boundary", "0.2"), 1));
        assertTrue(boundary.getMessage().contains("'boundary' = 0.2 exceeds 'margin' = 0.1"), boundary.getMessage());
        InvalidParameterException sizes = assertThrows(InvalidParameterException.class, () -> summary(method,
                Map.of("efficacy", "0.3,0.4", "toxicity", "0.1,0.2", "minPatients", "50", "maxPatients", "40"), 1));
        assertTrue(sizes.getMessage().contains("'minPatients' = 50 exceeds 'maxPatients' = 40"), sizes.getMessage());
    }
}
