package io.daybreak.ide.views;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.junit.jupiter.api.Test;

import io.daybreak.core.jobs.JobService;
import io.daybreak.core.jobs.RunRequest;
import io.daybreak.core.registry.MethodRegistry;

/**
 * The generated parameter form rejects an invalid value (Run disabled, the problem shown), and a design
 * simulation runs from the form: its results appear in the results view.
 */
class ParameterFormTest extends UiTestSupport {

    @Test
    void aFormRejectsAnInvalidValueAndRunStaysDisabled() throws Exception {
        ParameterForm form = new ParameterForm(shell);
        form.show(service(MethodRegistry.class).require("design.boin").descriptor());
        show();
        form.set("truth", "0.05,0.12,0.25,0.40,0.55");
        form.set("target", "0.3");
        assertTrue(form.runButton().isEnabled(), "a valid form: " + form.problem("target"));
        form.set("target", "1.5");
        assertFalse(form.runButton().isEnabled());
        assertTrue(form.problem("target").contains("target"), form.problem("target"));
        screenshot("parameter-form-invalid");
        form.set("target", "0.3");
        assertTrue(form.runButton().isEnabled());
        assertEquals("", form.problem("target"));
    }

    @Test
    void aFormSavedAsAStudyFileOpensAgainWithTheSameValuesAndSeed() throws Exception {
        var descriptor = service(MethodRegistry.class).require("design.crm").descriptor();
        ParameterForm form = new ParameterForm(shell);
        form.show(descriptor);
        show();
        form.set("truth", "0.05,0.12,0.25,0.40,0.55");
        form.set("target", "0.25");
        form.set("trials", "500");
        assertTrue(form.runButton().isEnabled(), form.problem("target"));
        java.nio.file.Path file = java.nio.file.Files.createTempDirectory("daybreak-study").resolve("crm.json");
        io.daybreak.core.study.StudyFiles.write(form.study(), file);
        ParameterForm reopened = new ParameterForm(shell);
        reopened.show(descriptor);
        reopened.load(io.daybreak.core.study.StudyFiles.read(file));
        assertEquals(form.values(), reopened.values());
        assertEquals(form.seed(), reopened.seed());
        reopened.load(new io.daybreak.core.study.Study("design.crm", form.values(), 99L, java.util.Map.of(), null));
        assertEquals(99L, reopened.seed());
        assertEquals(form.study().parameters(), reopened.study().parameters());
    }

    @Test
    void aDesignSimulationRunsFromTheFormAndItsResultsShow() throws Exception {
        JobService jobs = service(JobService.class);
        SashForm split = new SashForm(shell, SWT.VERTICAL);
        var top = new org.eclipse.swt.widgets.Composite(split, SWT.NONE);
        top.setLayout(new org.eclipse.swt.layout.GridLayout(1, false));
        ParameterForm form = new ParameterForm(top);
        RunPanel runs = new RunPanel(top, jobs);
        ResultsView results = new ResultsView(split);
        form.onRun(values -> runs.follow(jobs.submit(RunRequest.of("design.boin", values)),
                result -> results.show("design.boin", result)));
        form.show(service(MethodRegistry.class).require("design.boin").descriptor());
        form.set("truth", "0.05,0.12,0.25,0.40,0.55");
        form.set("target", "0.3");
        form.set("trials", "2000");
        show();
        assertTrue(form.runButton().isEnabled());
        form.runButton().notifyListeners(SWT.Selection, new org.eclipse.swt.widgets.Event());
        assertTrue(spin(Duration.ofSeconds(60), () -> results.rowCount() > 0), "no results: " + runs.statusText());
        assertTrue(runs.statusText().contains("succeeded"), runs.statusText());
        assertNotNull(results.summaryValue("selectionPercent"));
        assertEquals(5, results.rowCount(), "one row per dose");
        Chart.OperatingCharacteristics chart = (Chart.OperatingCharacteristics) results.chart();
        // the true MTD, dose 3 (the highest true DLT rate at most the target 0.3), is marked as the report marks it
        assertEquals(java.util.List.of("1", "2", "3 MTD", "4", "5"), chart.doses());
        double total = 0;
        for (double percent : chart.selection()[0]) {
            total += percent;
        }
        assertEquals(100, total + Double.parseDouble(results.summaryValue("noSelectionPercent")), 1e-6,
                "selection % over doses and no selection add up to 100");
        screenshot("design-run");
    }
}
