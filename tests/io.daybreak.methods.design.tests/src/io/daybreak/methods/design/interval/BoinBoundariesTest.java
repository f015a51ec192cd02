package io.daybreak.methods.design.interval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Against R BOIN 2.7.2 ({@code get.boundary(target = 0.3, ncohort = 10, cohortsize = 3)}), via methods.md. */
class BoinBoundariesTest {

    @Test
    void lambdasForTargetThirtyPercent() {
        BoinBoundaries b = BoinBoundaries.of(0.3, 0.18, 0.42);
        assertEquals(0.2364906852, b.lambdaE(), 1e-10);
        assertEquals(0.3585194646, b.lambdaD(), 1e-10);
    }

    @Test
    void publishedTableForCohortsOfThree() {
        List<BoinBoundaries.Row> rows = BoinBoundaries.of(0.3, 0.18, 0.42).table(3, 10, 0.95);
        assertArrayEquals(new int[] {0, 1, 2, 2, 3, 4, 4, 5, 6, 7},
                rows.stream().mapToInt(BoinBoundaries.Row::escalateIfAtMost).toArray());
        assertArrayEquals(new int[] {2, 3, 4, 5, 6, 7, 8, 9, 10, 11},
                rows.stream().mapToInt(BoinBoundaries.Row::deescalateIfAtLeast).toArray());
        assertArrayEquals(new int[] {3, 4, 5, 7, 8, 9, 10, 11, 12, 14},
                rows.stream().mapToInt(BoinBoundaries.Row::eliminateIfAtLeast).toArray());
        assertArrayEquals(new int[] {3, 6, 9, 12, 15, 18, 21, 24, 27, 30},
                rows.stream().mapToInt(BoinBoundaries.Row::patients).toArray());
    }

    @Test
    void noEliminationBelowThreePatientsAndNeverIsNull() {
        List<BoinBoundaries.Row> rows = BoinBoundaries.of(0.3, 0.18, 0.42).table(1, 3, 0.95);
        assertNull(rows.get(0).eliminateIfAtLeast());
        assertNull(rows.get(1).eliminateIfAtLeast());
        assertEquals(0, rows.get(0).escalateIfAtMost()); // floor(1 x 0.2365): escalate on 0 of 1
        assertEquals(1, rows.get(0).deescalateIfAtLeast()); // ceil(1 x 0.3585)
        assertEquals(3, rows.get(2).eliminateIfAtLeast());
    }

    @Test
    void rejectsInconsistentRates() {
        assertThrows(IllegalArgumentException.class, () -> BoinBoundaries.of(0.3, 0.35, 0.42));
        assertThrows(IllegalArgumentException.class, () -> BoinBoundaries.of(0.3, 0.18, 1.0));
    }
}
