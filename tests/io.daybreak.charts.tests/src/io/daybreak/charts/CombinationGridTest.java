package io.daybreak.charts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** Rows of a per-combination table placed on the grid, in any order; tables that do not fill a grid are refused. */
class CombinationGridTest {

    @Test
    void rowsInAnyOrderGoToTheirRowMajorCells() {
        CombinationGrid grid = CombinationGrid.of(new double[] {2, 1, 2, 1, 1, 2}, new double[] {3, 1, 1, 2, 3, 2});
        assertEquals(2, grid.rows());
        assertEquals(3, grid.columns());
        assertEquals(6, grid.size());
        assertArrayEquals(new int[] {5, 0, 3, 1, 2, 4}, grid.cells());
    }

    @Test
    void aTableThatDoesNotFillTheGridHasNoGrid() {
        assertNull(CombinationGrid.of(new double[] {1, 2}, new double[] {1, 2}), "2 rows for a 2 x 2 grid");
        assertNull(CombinationGrid.of(new double[] {0, 1}, new double[] {1, 1}), "level 0");
        assertNull(CombinationGrid.of(new double[] {Double.NaN}, new double[] {1}), "missing level");
        assertNull(CombinationGrid.of(new double[0], new double[0]), "empty");
    }
}
