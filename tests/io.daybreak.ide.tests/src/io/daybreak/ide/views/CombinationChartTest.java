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
}
