package io.daybreak.charts;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A grid of cells shaded by value, with a text in each cell and some cells outlined: the selection and allocation
 * matrices of a drug-combination design (drug A levels up the rows, drug B levels along the columns, so that doses
 * increase upwards and to the right as on the dose grid; outlined: the true MTDs). Values are drawn from white (0) to
 * a full colour at {@code maximum}.
 *
 * @param rowTitle     what the rows are, e.g. "Drug A dose level"
 * @param columnTitle  what the columns are
 * @param rowLabels    per row, bottom to top (row 0 is drawn at the bottom)
 * @param columnLabels per column, left to right
 * @param values       [row][column]; NaN draws an empty cell
 * @param texts        [row][column] the main text of a cell (e.g. "47.7%")
 * @param notes        [row][column] a small second line (e.g. the true DLT probability), may be empty
 * @param outlined     [row][column] cells drawn with a heavy outline
 * @param maximum      the value drawn at full colour (values above it are drawn at full colour too)
 * @param legend       what the outline means, e.g. "outlined: true MTD"; may be empty
 * @param note         a line under the chart, may be empty
 */
public record HeatMap(String title, String label, String rowTitle, String columnTitle, List<String> rowLabels,
        List<String> columnLabels, double[][] values, String[][] texts, String[][] notes, boolean[][] outlined,
        double maximum, String legend, String note) implements Chart {

    public HeatMap {
        rowLabels = List.copyOf(rowLabels);
        columnLabels = List.copyOf(columnLabels);
        int rows = rowLabels.size();
        int cols = columnLabels.size();
        if (rows == 0 || cols == 0 || values.length != rows || texts.length != rows || notes.length != rows
                || outlined.length != rows) {
            throw new IllegalArgumentException("a heat map needs a value, a text, a note and a flag for every cell");
        }
        for (int i = 0; i < rows; i++) {
            if (values[i].length != cols || texts[i].length != cols || notes[i].length != cols
                    || outlined[i].length != cols) {
                throw new IllegalArgumentException("row " + i + " of the heat map does not have " + cols + " cells");
            }
        }
        if (!(maximum > 0)) {
            throw new IllegalArgumentException("the heat map's maximum must be positive, got " + maximum);
        }
    }

    /** The number of rows. */
    public int rows() {
        return rowLabels.size();
    }

    /** The number of columns. */
    public int columns() {
        return columnLabels.size();
    }

    /**
     * The selection matrix of a combination design: % of trials selecting each combination (row-major, drug A level
     * 1 first), the true DLT probability under it, the true MTDs outlined; shaded from 0 to the largest percentage
     * (so that where the selections go shows at a glance also when no cell is near 100%).
     *
     * @param noSelection % of trials without an MTD, stated under the chart (NaN: not stated)
     */
    public static HeatMap selection(String title, int rows, int cols, double[] percent, double[] truth,
            boolean[] trueMtd, String mtdMeaning, double noSelection) {
        double max = 0;
        for (double v : percent) {
            max = Math.max(max, v);
        }
        String note = (Double.isNaN(noSelection) ? ""
                : String.format(Locale.ROOT, "No MTD selected in %.1f%% of trials. ", noSelection))
                + "Shading from 0 to the largest cell.";
        return grid(title, "selection matrix", rows, cols, percent, v -> String.format(Locale.ROOT, "%.1f%%", v), truth,
                trueMtd, max > 0 ? max : 1, mtdMeaning, note);
    }

    /**
     * The allocation matrix: mean patients treated at each combination per trial, shaded from 0 to the largest mean.
     */
    public static HeatMap allocation(String title, int rows, int cols, double[] patients, double[] truth,
            boolean[] trueMtd, String mtdMeaning, double meanPatients) {
        double max = 0;
        for (double v : patients) {
            max = Math.max(max, v);
        }
        String note = (Double.isNaN(meanPatients) ? ""
                : String.format(Locale.ROOT, "Mean patients per trial: %.1f. ", meanPatients))
                + "Shading from 0 to the largest cell.";
        return grid(title, "allocation matrix", rows, cols, patients, v -> String.format(Locale.ROOT, "%.1f", v), truth,
                trueMtd, max > 0 ? max : 1, mtdMeaning, note);
    }

    /** Legend of the posterior heat maps: what the outline means. */
    static final String ADMISSIBLE = "outlined: admissible next (EWOC met, no skipping)";

    /**
     * A two-drug model's P(overdose) per combination with each combination's data ("1/3 DLT", "no patients"), the
     * combinations admissible next outlined and the recommended one ({@code next}, a cell of {@code grid}, -1 for none)
     * marked; shaded from 0 to 100%. The arrays are per table row, placed by {@code grid}.
     *
     * @param decision a line stated under the chart (e.g. "Decision: next combination A2 B1."), may be empty
     */
    public static HeatMap posteriorOverdose(CombinationGrid grid, double[] pOver, double[] patients, double[] dlts,
            boolean[] admissible, int next, String decision) {
        String[] data = new String[pOver.length];
        for (int i = 0; i < data.length; i++) {
            data[i] = patients[i] == 0 ? "no patients" : (long) dlts[i] + "/" + (long) patients[i] + " DLT";
        }
        return posterior("P(overdose) of each combination, with its data", "overdose probability", grid, pOver, data,
                admissible, next, ("Shading from 0 to 100%. " + decision).trim());
    }

    /**
     * P(target) per combination with its posterior mean DLT probability, placed, outlined and marked as
     * {@link #posteriorOverdose}.
     */
    public static HeatMap posteriorTarget(CombinationGrid grid, double[] pTarget, double[] meanP, boolean[] admissible,
            int next) {
        String[] means = new String[meanP.length];
        for (int i = 0; i < means.length; i++) {
            means[i] = String.format(Locale.ROOT, "mean p %.2f", meanP[i]);
        }
        return posterior("P(target) of each combination, with its posterior mean DLT probability", "target probability",
                grid, pTarget, means, admissible, next, "Shading from 0 to 100%.");
    }

    private static HeatMap posterior(String title, String label, CombinationGrid grid, double[] probability,
            String[] notes, boolean[] admissible, int next, String note) {
        int rows = grid.rows();
        int cols = grid.columns();
        if (probability.length != grid.size() || notes.length != grid.size() || admissible.length != grid.size()) {
            throw new IllegalArgumentException("need " + rows + " x " + cols + " probabilities, notes and flags");
        }
        double[][] v = new double[rows][cols];
        String[][] texts = new String[rows][cols];
        String[][] small = new String[rows][cols];
        boolean[][] outlined = new boolean[rows][cols];
        for (int i = 0; i < probability.length; i++) {
            int c = grid.cell(i);
            int a = c / cols;
            int b = c % cols;
            v[a][b] = probability[i];
            texts[a][b] = Double.isFinite(probability[i]) ? String.format(Locale.ROOT, "%.1f%%", 100 * probability[i]) : "";
            small[a][b] = notes[i] + (c == next ? " \u00b7 next" : "");
            outlined[a][b] = admissible[i];
        }
        return new HeatMap(title, label, "Drug A dose level", "Drug B dose level", levels("A", rows), levels("B", cols),
                v, texts, small, outlined, 1, ADMISSIBLE, note);
    }

    private static List<String> levels(String drug, int count) {
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            labels.add(drug + (i + 1));
        }
        return labels;
    }

    private static HeatMap grid(String title, String label, int rows, int cols, double[] values,
            java.util.function.DoubleFunction<String> format, double[] truth, boolean[] trueMtd, double maximum,
            String mtdMeaning, String note) {
        if (values.length != rows * cols || truth.length != rows * cols || trueMtd.length != rows * cols) {
            throw new IllegalArgumentException("need " + rows + " x " + cols + " values, truths and flags");
        }
        double[][] v = new double[rows][cols];
        String[][] texts = new String[rows][cols];
        String[][] notes = new String[rows][cols];
        boolean[][] outlined = new boolean[rows][cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                int c = i * cols + j;
                v[i][j] = values[c];
                texts[i][j] = Double.isFinite(values[c]) ? format.apply(values[c]) : "";
                notes[i][j] = Double.isFinite(truth[c]) ? "p = " + String.format(Locale.ROOT, "%.2f", truth[c]) : "";
                outlined[i][j] = trueMtd[c];
            }
        }
        return new HeatMap(title, label, "Drug A dose level", "Drug B dose level", levels("A", rows), levels("B", cols),
                v, texts, notes, outlined, maximum, "Outlined: " + mtdMeaning + "; p = true DLT probability", note);
    }
}
