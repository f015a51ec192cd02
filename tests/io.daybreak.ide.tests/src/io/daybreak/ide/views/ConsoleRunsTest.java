package io.daybreak.ide.views;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.arrow.memory.BufferAllocator;
import org.apache.felix.service.command.CommandProcessor;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.junit.jupiter.api.Test;

import io.daybreak.core.jobs.JobService;
import io.daybreak.core.registry.MethodRegistry;
import io.daybreak.core.study.Study;
import io.daybreak.core.study.StudyFiles;
import io.daybreak.data.ArrowMemory;

/**
 * A run typed into the Console view reaches the Results view (reproduced from its provenance and the line's input
 * files, with the same output digests) and the History view, as a run from the form does.
 */
class ConsoleRunsTest extends UiTestSupport {

    @Test
    void aKaplanMeierTypedInTheConsoleShowsInResultsAndHistory() throws Exception {
        shell.setSize(1300, 800);
        JobService jobs = service(JobService.class);
        BufferAllocator allocator = service(ArrowMemory.class).newChildAllocator("console runs test");
        SashForm split = new SashForm(shell, SWT.HORIZONTAL);
        SashForm left = new SashForm(split, SWT.VERTICAL);
        ConsoleView console = new ConsoleView(left, service(CommandProcessor.class));
        HistoryView history = new HistoryView(left, jobs);
        ResultsView results = new ResultsView(split);
        ConsoleRuns runs = new ConsoleRuns(jobs, service(MethodRegistry.class), allocator);
        console.onRunSucceeded(jobs, (job, invocation) -> runs.reproduce(job, invocation,
                (title, result) -> display.asyncExec(() -> results.show(title, result)), console::note));
        show();
        console.submit("run stats.km --in data=" + InputPickerTest.LUNG + " groupBy=sex timeUnit=days --seed 5");
        assertTrue(spin(Duration.ofSeconds(60), () -> results.rowCount() > 0), console.transcriptText());
        assertTrue(results.title().startsWith("stats.km (console job "), results.title());
        assertTrue(results.title().endsWith("seed 5; reproduced, same output digests)"), results.title());
        Chart.SurvivalCurves curves = (Chart.SurvivalCurves) results.chart();
        assertEquals(2, curves.groups().size());
        assertTrue(results.summaryValue("median").contains("270"), results.summaryValue("median"));
        long consoleJob = Long.parseLong(results.title().replaceAll(".*console job (\\d+),.*", "$1"));
        history.refresh();
        assertTrue(history.select(consoleJob), "the console's job is in the history");
        // History re-runs it by reading the file the line names again
        assertTrue(spin(Duration.ofSeconds(10), () -> RunInputs.of(consoleJob) != null));
        assertEquals(InputPickerTest.LUNG, RunInputs.of(consoleJob).get("data").file());
        history.readInputsInto(() -> allocator);
        java.util.concurrent.atomic.AtomicReference<io.daybreak.core.jobs.Job> rerun =
                new java.util.concurrent.atomic.AtomicReference<>();
        history.onSubmitted(rerun::set);
        assertTrue(history.select(consoleJob));
        assertTrue(history.rerunButton().isEnabled());
        history.rerunButton().notifyListeners(SWT.Selection, new org.eclipse.swt.widgets.Event());
        assertTrue(spin(Duration.ofSeconds(60), () -> rerun.get() != null), history.statusText());
        var original = jobs.jobs().stream().filter(j -> j.id() == consoleJob).findFirst().orElseThrow();
        try (var again = jobs.await(rerun.get(), Duration.ofSeconds(60))) {
            assertEquals(original.provenance().outputDigests(), again.provenance().outputDigests());
        }
        screenshot("console-run-in-results");
        shell.dispose();
        spin(Duration.ofSeconds(10), () -> allocator.getAllocatedMemory() == 0);
        assertEquals(0, allocator.getAllocatedMemory(), "the reproduction's inputs were closed");
        allocator.close();
    }

    @Test
    void aConsoleLineNamesItsMethodAndInputsAsTheRunCommandReadsThem() throws Exception {
        assertEquals(new ConsoleRuns.Invocation("stats.cox", List.of("data=/tmp/a b.csv")),
                ConsoleRuns.parse("run stats.cox \"formula=Surv(time, status) ~ age\" --in 'data=/tmp/a b.csv' --json"));
        assertEquals(new ConsoleRuns.Invocation("design.compare", List.of()),
                ConsoleRuns.parse("compare scenarios=0.1,0.2/0.2,0.3 target=0.25"));
        assertNull(ConsoleRuns.parse("methods"));
        assertNull(ConsoleRuns.parse("lb"));
        Path dir = Files.createTempDirectory("daybreak-console-study");
        StudyFiles.write(new Study("stats.km", Map.of("groupBy", "sex"), 3L, Map.of("data", "lung.csv"), null),
                dir.resolve("km.json"));
        assertEquals(new ConsoleRuns.Invocation("stats.km", List.of("data=" + dir.toAbsolutePath().resolve("lung.csv"))),
                ConsoleRuns.parse("run-study " + dir.resolve("km.json")));
    }
}
