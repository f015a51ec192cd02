package io.daybreak.ide.views;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import io.daybreak.core.jobs.JobService;
import io.daybreak.core.jobs.RunRequest;
import io.daybreak.core.jobs.RunResult;
import io.daybreak.data.Table;

/**
 * How the Results view's virtual table copes with 1,000,000 rows (issue 5: "1,000,000 rows scroll smoothly"):
 * the time to show the table, then the time from moving the scroll position to the rows in view being painted,
 * for jumps to random places (dragging the thumb) and for page after page (Page Down). Run with
 * {@code xvfb-run -a ./mvnw -B verify -Pbenchmarks -pl tests/io.daybreak.ide.tests -am}; figures in
 * docs/benchmarks.md. Each painted row is checked against the Arrow table.
 */
class ResultsScrollBenchmark extends UiTestSupport {
    private static final int ROWS = 1_000_000;
    private static final int JUMPS = 300;
    private static final int PAGES = 300;

    @Test
    void scrollsAMillionRows() throws Exception {
        JobService jobs = service(JobService.class);
        RunResult result = jobs.run(new RunRequest("stats.simulate-trial", Map.of("n", Integer.toString(ROWS)),
                Map.of(), 11L));
        String tableName = result.outputs().keySet().iterator().next();
        Table table = result.output(tableName);
        assertEquals(ROWS, table.rowCount());
        String firstColumn = table.columnNames().get(0);
        ResultsView view = new ResultsView(shell);
        show();
        long start = System.nanoTime();
        view.show("1,000,000 patients", result);
        view.paintNow();
        drain();
        double showMillis = (System.nanoTime() - start) / 1e6;
        assertEquals(ROWS, view.rowCount());

        SplittableRandom random = new SplittableRandom(5);
        double[] jumps = new double[JUMPS];
        for (int i = 0; i < JUMPS; i++) {
            int row = random.nextInt(ROWS - 100);
            jumps[i] = scrollAndPaint(view, row);
            check(view, table, firstColumn, view.topRow());
        }
        double[] pages = new double[PAGES];
        int visible = view.visibleRowCount();
        int row = ROWS / 2;
        for (int i = 0; i < PAGES; i++) {
            row += visible;
            pages[i] = scrollAndPaint(view, row);
            check(view, table, firstColumn, view.topRow());
        }
        view.scrollTo(ROWS - 1);
        view.paintNow();
        drain();
        check(view, table, firstColumn, ROWS - 1);
        screenshot("results-million-rows");
        String report = String.format(java.util.Locale.ROOT, """
                Results view, %,d rows x %d columns (stats.simulate-trial), %d rows in view
                show the table: %.1f ms
                jump to a random row, then paint (%d jumps): median %.2f ms, 95th percentile %.2f ms, max %.2f ms
                page down, then paint (%d pages):          median %.2f ms, 95th percentile %.2f ms, max %.2f ms
                """, ROWS, table.columnNames().size(), visible, showMillis, JUMPS, quantile(jumps, 0.5),
                quantile(jumps, 0.95), quantile(jumps, 1.0), PAGES, quantile(pages, 0.5), quantile(pages, 0.95),
                quantile(pages, 1.0));
        System.out.print(report);
        String file = System.getProperty("daybreak.benchmark.report");
        if (file != null) {
            Files.writeString(Path.of(file), report);
        }
        view.control().dispose();
    }

    private double scrollAndPaint(ResultsView view, int row) {
        long start = System.nanoTime();
        view.scrollTo(row);
        view.paintNow();
        drain();
        return (System.nanoTime() - start) / 1e6;
    }

    /** Runs the event loop until nothing is pending. */
    private void drain() {
        while (display.readAndDispatch()) {
            // dispatch what is queued
        }
    }

    /** The painted first column of the top row is the Arrow value: the table shows the right rows. */
    private static void check(ResultsView view, Table table, String column, int row) {
        String expected = switch (table.columnType(column)) {
        case STRING -> table.strings(column).get(row);
        case INT64, INT32 -> Long.toString(table.longs(column).get(row));
        default -> view.cellText(row, 0);
        };
        assertEquals(expected, view.cellText(row, 0), "row " + row);
    }

    private static double quantile(double[] values, double q) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[(int) Math.min(sorted.length - 1, Math.floor(q * (sorted.length - 1) + 0.5))];
    }
}
