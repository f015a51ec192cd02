package io.daybreak.methods.design.interval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.daybreak.core.method.InvalidParameterException;
import io.daybreak.core.testing.MethodTestSupport;

/**
 * Keyboard boundaries against an R 4.2.2 transcription of the Keyboard rule (keys of width 0.1, strongest
 * by {@code pbeta} differences under Beta(1 + y, 1 + n - y), partial end keys ignored), and the equivalence
 * with mTPI-2 (unit probability mass, partial end intervals kept), which the same R script also found for
 * n ≤ 30 at targets 0.3 and 0.25.
 */
class KeyboardTest extends MethodTestSupport {

    private static List<Integer> escalate(KeyboardBoundaries b) {
        return java.util.stream.IntStream.rangeClosed(1, 10).map(c -> b.escalateIfAtMost(3 * c)).boxed().toList();
    }

    private static List<Integer> deescalate(KeyboardBoundaries b) {
        return java.util.stream.IntStream.rangeClosed(1, 10).map(c -> b.deescalateIfAtLeast(3 * c)).boxed().toList();
    }

    @Test
    void boundariesMatchTheRTranscription() {
        KeyboardBoundaries thirty = new KeyboardBoundaries(0.3, 0.05, 0.05, false);
        assertEquals(List.of(0, 1, 2, 2, 3, 4, 5, 5, 6, 7), escalate(thirty));
        assertEquals(List.of(2, 3, 4, 5, 6, 7, 8, 9, 10, 11), deescalate(thirty));
        KeyboardBoundaries quarter = new KeyboardBoundaries(0.25, 0.05, 0.05, false);
        assertEquals(List.of(0, 1, 1, 2, 2, 3, 4, 4, 5, 5), escalate(quarter));
        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 9), deescalate(quarter));
    }

    @Test
    void keyboardAndMtpi2DecideAlikeEverywhere() {
        for (double target : new double[] {0.15, 0.2, 0.25, 0.3, 0.33, 0.4}) {
            KeyboardBoundaries keyboard = new KeyboardBoundaries(target, 0.05, 0.05, false);
            KeyboardBoundaries mtpi2 = new KeyboardBoundaries(target, 0.05, 0.05, true);
            for (int n = 1; n <= 60; n++) {
                for (int y = 0; y <= n; y++) {
                    assertEquals(keyboard.decide(n, y), mtpi2.decide(n, y), "target " + target + ", " + y + "/" + n);
                }
            }
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void simulationsOfBothRulesAreIdenticalAndSensible() throws Exception {
        Map<String, String> raw = Map.of("truth", "0.05,0.12,0.25,0.40,0.55,0.70", "target", "0.3", "cohorts", "12",
                "trials", "20000");
        Map<String, Object> keyboard = summary(new KeyboardMethod(), raw, 5);
        java.util.HashMap<String, String> mtpi2Raw = new java.util.HashMap<>(raw);
        mtpi2Raw.put("rule", "mtpi2");
        Map<String, Object> mtpi2 = summary(new KeyboardMethod(), mtpi2Raw, 5);
        assertEquals(keyboard.get("selectionPercent"), mtpi2.get("selectionPercent"));
        List<Double> selection = (List<Double>) keyboard.get("selectionPercent");
        assertTrue(selection.get(2) == selection.stream().mapToDouble(x -> x).max().orElseThrow(), selection.toString());
        assertThrows(InvalidParameterException.class, () -> summary(new KeyboardMethod(), Map.of("truth", "0.1,0.2",
                "target", "0.04"), 1));
    }
}
