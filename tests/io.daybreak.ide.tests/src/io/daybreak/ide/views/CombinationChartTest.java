package io.daybreak.ide.views;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.Map;

import org.apache.arrow.memory.BufferAllocator;
import org.junit.jupiter.api.Test;

import io.daybreak.data.ArrowMemory;
import io.daybreak.data.Table;

/**
 * The byCombination table of {@code design.boin-comb} (built here with its columns: doseA, doseB as whole numbers,
 * truth, trueMtd, selectionPercent, patients; a 3 × 5 grid, docs/designs.md) as the results view charts it: the
 * selection and allocation heat maps, cell (A, B) in row A and column B, drawn by the SWT renderer.
 */
class CombinationChartTest extends UiTestSupport {

    @Test
    void aCombinationTableIsTwoHeatMaps() throws Exception {
        double[] truth = {0.01, 0.03, 0.10, 0.20, 0.30, 0.03, 0.05, 0.15, 0.30, 0.60, 0.08, 0.10, 0.30, 0.60, 0.75};
        double[] selection = {0.0, 0.1, 1.1, 4.4, 5.9, 0.1, 0.3, 8.0, 20.3, 1.0, 0.6, 8.1, 47.7, 2.5, 0.0};
        double[] patients = {3.1, 1.7, 1.3, 1.4, 0.9, 1.7, 1.9, 3.5, 3.6, 1.1, 1.0, 3.5, 7.9, 3.2, 0.2};
        long[] a = new long[15];
        long[] b = new long[15];
        boolean[] mtd = new boolean[15];
        for (int i = 0; i < 15; i++) {
            a[i] = i / 5 + 1;
            b[i] = i % 5 + 1;
            mtd[i] = truth[i] == 0.30;
        }
        try (BufferAllocator allocator = service(ArrowMemory.class).newChildAllocator("combination chart test");
                Table table = Table.builder(allocator).addInt64("doseA", a).addInt64("doseB", b).addFloat64("truth", truth)
                        .addBoolean("trueMtd", mtd).addFloat64("selectionPercent", selection)
                        .addFloat64("patients", patients).build()) {
            Chart chart = Chart.of("design.boin-comb", null, table, null, null, null, 0, Map.of());
            Chart.CombinationMatrices matrices = assertInstanceOf(Chart.CombinationMatrices.class, chart);
            assertEquals(2, matrices.models().size(), "selection and allocation");
            io.daybreak.charts.HeatMap selected = matrices.selection();
            int row = selected.rowLabels().indexOf("A3");
            int column = selected.columnLabels().indexOf("B3");
            assertEquals(47.7, selected.values()[row][column], 1e-12, "A3B3: 3rd level of A, 3rd of B");
            assertEquals(true, selected.outlined()[row][column], "a true MTD");
            int low = selected.rowLabels().indexOf("A1");
            assertEquals(5.9, selected.values()[low][selected.columnLabels().indexOf("B5")], 1e-12, "A1B5");
            ChartCanvas canvas = new ChartCanvas(shell);
            canvas.show(chart);
            show();
            screenshot("design-boin-comb");
        }
    }

    /**
     * The posterior table of {@code design.blrm-combo-posterior} (its columns; a 3 × 3 grid after 0/3 at A1 B1, 0/3 at
     * A2 B1 and 1/3 at A2 B2, probabilities as the docs' example gives them): P(overdose) and P(target) heat maps, the
     * admissible combinations outlined, each cell's data under its P(overdose).
     */
    @Test
    void aTwoDrugPosteriorIsTwoHeatMaps() throws Exception {
        double[] over = {0.005, 0.015, 0.067, 0.015, 0.040, 0.146, 0.096, 0.178, 0.340};
        double[] target = {0.086, 0.188, 0.406, 0.222, 0.356, 0.493, 0.483, 0.510, 0.463};
        double[] mean = {0.08, 0.11, 0.17, 0.12, 0.15, 0.22, 0.19, 0.23, 0.29};
        long[] patients = {3, 0, 0, 3, 3, 0, 0, 0, 0};
        long[] dlts = {0, 0, 0, 0, 1, 0, 0, 0, 0};
        boolean[] admissible = {true, true, true, true, true, true, true, true, false};
        long[] a = new long[9];
        long[] b = new long[9];
        for (int i = 0; i < 9; i++) {
            a[i] = i / 3 + 1;
            b[i] = i % 3 + 1;
        }
        try (BufferAllocator allocator = service(ArrowMemory.class).newChildAllocator("posterior chart test");
                Table table = Table.builder(allocator).addInt64("doseA", a).addInt64("doseB", b)
                        .addInt64("patients", patients).addInt64("dlts", dlts).addFloat64("meanP", mean)
                        .addFloat64("pTarget", target).addFloat64("pOver", over).addBoolean("admissible", admissible)
                        .build()) {
            Chart chart = Chart.of("design.blrm-combo-posterior", null, table, null, null, null, 0, Map.of());
            Chart.CombinationPosterior posterior = assertInstanceOf(Chart.CombinationPosterior.class, chart);
            assertEquals(2, posterior.models().size(), "P(overdose) and P(target)");
            io.daybreak.charts.HeatMap overdose = posterior.overdose();
            int row = overdose.rowLabels().indexOf("A2");
            int column = overdose.columnLabels().indexOf("B2");
            assertEquals(0.040, overdose.values()[row][column], 1e-12, "A2B2: 2nd level of A, 2nd of B");
            assertEquals("1/3 DLT", overdose.notes()[row][column]);
            int top = overdose.rowLabels().indexOf("A3");
            int right = overdose.columnLabels().indexOf("B3");
            assertEquals("34.0%", overdose.texts()[top][right]);
            assertEquals(false, overdose.outlined()[top][right], "A3B3 fails EWOC");
            assertEquals(true, overdose.outlined()[row][column]);
            assertEquals("mean p 0.23", posterior.target().notes()[top][overdose.columnLabels().indexOf("B2")]);
            ChartCanvas canvas = new ChartCanvas(shell);
            canvas.show(chart);
            show();
            screenshot("design-blrm-combo-posterior");
        }
    }
}
