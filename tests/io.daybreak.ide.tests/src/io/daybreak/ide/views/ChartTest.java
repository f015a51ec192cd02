package io.daybreak.ide.views;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.junit.jupiter.api.Test;

import io.daybreak.core.jobs.JobService;
import io.daybreak.core.jobs.RunRequest;
import io.daybreak.core.jobs.RunResult;

/**
 * Kaplan-Meier curves and a forest plot drawn from real runs (synthetic patients from stats.simulate-trial, then
 * stats.km and stats.cox through the job service), as the results view shows them.
 */
class ChartTest extends UiTestSupport {

    /** An ADaM table's text treatment column names its curves by value, as the HTML report and survfit do. */
    @Test
    void textGroupsAreNamedByTheirValues() throws Exception {
        JobService jobs = service(JobService.class);
        ResultsView curves = new ResultsView(shell);
        try (org.apache.arrow.memory.BufferAllocator allocator = service(io.daybreak.data.ArrowMemory.class)
                .newChildAllocator("text groups test");
                io.daybreak.data.Table adtte = io.daybreak.data.Table.builder(allocator)
                        .addFloat64("AVAL", 30, 60, 120, 200, 45, 150, 250, 350).addFloat64("CNSR", 0, 0, 1, 0, 0, 1, 0, 1)
                        .addString("TRTP", "Placebo", "Placebo", "Placebo", "Placebo", "Drug", "Drug", "Drug", "Drug")
                        .build()) {
            curves.show("stats.km", jobs.run(new RunRequest("stats.km", Map.of("groupBy", "TRTP"), Map.of("data", adtte),
                    1L)));
            show();
            Chart.SurvivalCurves km = (Chart.SurvivalCurves) curves.chart();
            assertEquals(List.of("TRTP=Drug", "TRTP=Placebo"), km.groups());
        }
    }

    @Test
    void survivalCurvesAndAForestPlotShowTheRunsResults() throws Exception {
        JobService jobs = service(JobService.class);
        SashForm split = new SashForm(shell, SWT.HORIZONTAL);
        ResultsView curves = new ResultsView(split);
        ResultsView forest = new ResultsView(split);
        try (RunResult patients = jobs.run(new RunRequest("stats.simulate-trial", Map.of("n", "300"), Map.of(), 7L))) {
            var data = Map.of("data", patients.output("patients"));
            curves.show("stats.km", jobs.run(new RunRequest("stats.km", Map.of("groupBy", "arm"), data,
                    1L)));
            forest.show("stats.cox", jobs.run(new RunRequest("stats.cox", Map.of("covariates", "age,sex,arm"), data, 1L)));
        }
        show();
        Chart.SurvivalCurves km = (Chart.SurvivalCurves) curves.chart();
        assertEquals(List.of("arm=0", "arm=1"), km.groups(), "strata named as R's survfit names them");
        for (double[] survival : km.survival()) {
            for (int i = 1; i < survival.length; i++) {
                assertTrue(survival[i] <= survival[i - 1] && survival[i] >= 0, "S(t) is a non-increasing step function");
            }
        }
        Chart.Forest coefficients = (Chart.Forest) forest.chart();
        assertEquals(List.of("age", "sex", "arm"), coefficients.terms());
        for (int i = 0; i < 3; i++) {
            assertTrue(coefficients.lower()[i] < coefficients.estimate()[i]
                    && coefficients.estimate()[i] < coefficients.upper()[i], "interval around the estimate");
        }
        // the coefficient table reads as rows: the term, then each column with its value
        assertEquals("3 rows", forest.summaryValue("coefficientTable"));
        String age = forest.summaryValue("  age");
        assertTrue(age != null && age.startsWith("coef ") && age.contains("exp(coef) ") && age.contains("lower .95 "),
                String.valueOf(age));
        screenshot("charts-km-and-forest");
        // the shown table exports as CSV (header and one line per row) and as an Arrow IPC file
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("daybreak-export");
        curves.export(dir.resolve("curve.csv"));
        List<String> lines = java.nio.file.Files.readAllLines(dir.resolve("curve.csv"));
        assertEquals(curves.rowCount() + 1, lines.size());
        assertTrue(lines.get(0).startsWith("group,time,atRisk,events,censored,survival"), lines.get(0));
        curves.export(dir.resolve("curve.arrow"));
        byte[] arrow = java.nio.file.Files.readAllBytes(dir.resolve("curve.arrow"));
        assertEquals("ARROW1", new String(arrow, 0, 6, java.nio.charset.StandardCharsets.US_ASCII));
    }
}
