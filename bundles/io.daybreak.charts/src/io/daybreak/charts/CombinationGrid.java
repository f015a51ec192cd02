package io.daybreak.charts;

/**
 * Where each row of a per-combination table goes on a drug-combination grid: from the rows' 1-based levels of drug A
 * and drug B, the grid's size and each row's row-major cell (drug A level 1 first), as {@link HeatMap}'s factories
 * take their values.
 *
 * @param rows    levels of drug A (the highest level in the table)
 * @param columns levels of drug B
 * @param cells   per table row, its cell index (level A − 1) × columns + level B − 1
 */
public record CombinationGrid(int rows, int columns, int[] cells) {

    /**
     * The grid of the given levels, or null when the table does not fill it (a level below 1, or as many rows as
     * cells is not the case).
     */
    public static CombinationGrid of(double[] levelA, double[] levelB) {
        int n = levelA.length;
        int rows = 0;
        int columns = 0;
        for (int i = 0; i < n; i++) {
            if (!(levelA[i] >= 1) || !(levelB[i] >= 1)) {
                return null;
            }
            rows = Math.max(rows, (int) levelA[i]);
            columns = Math.max(columns, (int) levelB[i]);
        }
        if (n == 0 || levelB.length != n || (long) rows * columns != n) {
            return null;
        }
        int[] cells = new int[n];
        for (int i = 0; i < n; i++) {
            cells[i] = ((int) levelA[i] - 1) * columns + (int) levelB[i] - 1;
        }
        return new CombinationGrid(rows, columns, cells);
    }

    /** The number of cells, rows × columns. */
    public int size() {
        return rows * columns;
    }

    @Override
    public int[] cells() {
        return cells.clone();
    }

    /** The cell of table row {@code i}. */
    public int cell(int i) {
        return cells[i];
    }
}
