package io.daybreak.ide.views;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.arrow.memory.BufferAllocator;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Event;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.daybreak.core.jobs.Job;
import io.daybreak.core.jobs.JobService;
import io.daybreak.core.jobs.RunRequest;
import io.daybreak.core.jobs.RunResult;
import io.daybreak.data.ArrowMemory;
import io.daybreak.data.Table;

/**
 * A finished run is listed with its provenance, and re-running it reproduces its results exactly; a run on a CSV is
 * re-run by reading the same file again, unless it is gone; a changed file is said to have changed.
 */
class HistoryViewTest extends UiTestSupport {

    @Test
    void reRunningASimulationWithItsParametersAndSeedReproducesIt() throws Exception {
        JobService jobs = service(JobService.class);
        Job first = jobs.submit(RunRequest.of("design.boin", Map.of("truth", "0.05,0.12,0.25,0.40,0.55", "target", "0.3",
                "trials", "3000")));
        try (RunResult original = jobs.await(first, Duration.ofSeconds(60))) {
            HistoryView history = new HistoryView(shell, jobs);
            AtomicReference<Job> rerun = new AtomicReference<>();
            history.onSubmitted(rerun::set);
            show();
            assertTrue(history.select(first.id()), "the finished job is listed");
            assertTrue(history.rerunButton().isEnabled());
            screenshot("history");
            history.rerunButton().notifyListeners(SWT.Selection, new Event());
            assertNotNull(rerun.get());
            assertNotEquals(first.id(), rerun.get().id());
            try (RunResult again = jobs.await(rerun.get(), Duration.ofSeconds(60))) {
                assertEquals(original.provenance().seed(), again.provenance().seed());
                assertEquals(original.summary().get("selectionPercent"), again.summary().get("selectionPercent"));
                assertEquals(original.provenance().outputDigests(), again.provenance().outputDigests(),
                        "the same output tables, byte for byte");
            }
        }
    }

    /** Runs Kaplan-Meier on a CSV as the Parameters part does (a picker's table, the files recorded); its job. */
    private Job kaplanMeierOn(Path csv, BufferAllocator allocator) throws Exception {
        JobService jobs = service(JobService.class);
        LoadedTable table = LoadedTable.read(csv, allocator);
        Map<String, LoadedTable> leased = Map.of("data", table);
        Map<String, Table> tables = new LinkedHashMap<>();
        leased.forEach((name, t) -> tables.put(name, t.table()));
        Job job = jobs.submit(new RunRequest("stats.km", Map.of("groupBy", "sex"), tables, 7L));
        job.completion().whenComplete((r, f) -> table.release());
        RunInputs.record(job.id(), leased);
        jobs.await(job, Duration.ofSeconds(60)).close();
        return job;
    }

    @Test
    void reRunningAKaplanMeierRunOnACsvReadsTheFileAgain(@TempDir Path dir) throws Exception {
        Path csv = Files.copy(InputPickerTest.LUNG, dir.resolve("lung.csv"));
        BufferAllocator allocator = service(ArrowMemory.class).newChildAllocator("history re-run test");
        try {
            JobService jobs = service(JobService.class);
            Job first = kaplanMeierOn(csv, allocator);
            assertFalse(first.provenance().inputDigests().isEmpty(), "the run read a table");
            HistoryView history = new HistoryView(shell, jobs);
            AtomicReference<Job> rerun = new AtomicReference<>();
            history.onSubmitted(rerun::set);
            show();
            assertTrue(history.select(first.id()));
            assertFalse(history.rerunButton().isEnabled(), "no allocator to read the files into");
            history.readInputsInto(() -> allocator);
            assertTrue(history.rerunButton().isEnabled());
            history.rerunButton().notifyListeners(SWT.Selection, new Event());
            // the file is read in the background; the re-run is submitted when it is there
            assertTrue(spin(Duration.ofSeconds(60), () -> rerun.get() != null), history.statusText());
            assertTrue(history.statusText().startsWith("re-ran job " + first.id()), history.statusText());
            try (RunResult again = jobs.await(rerun.get(), Duration.ofSeconds(60))) {
                assertEquals(first.provenance().inputDigests(), again.provenance().inputDigests());
                assertEquals(first.provenance().outputDigests(), again.provenance().outputDigests(),
                        "the same curves from the same file");
            }
            // a changed file is re-read, and the re-run says so
            rerun.set(null);
            Files.writeString(csv, Files.readString(csv).lines().limit(200).reduce("", (a, b) -> a + b + "\n"));
            Files.setLastModifiedTime(csv, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis()
                    + 5000));
            assertTrue(history.select(first.id()));
            history.rerunButton().notifyListeners(SWT.Selection, new Event());
            assertTrue(spin(Duration.ofSeconds(60), () -> rerun.get() != null), history.statusText());
            assertTrue(history.statusText().contains("lung.csv changed since the run read it"), history.statusText());
            try (RunResult again = jobs.await(rerun.get(), Duration.ofSeconds(60))) {
                assertNotEquals(first.provenance().inputDigests(), again.provenance().inputDigests());
            }
            // a file that is gone: no re-run, and the view says why
            rerun.set(null);
            Files.delete(csv);
            assertTrue(history.select(first.id()));
            history.rerunButton().notifyListeners(SWT.Selection, new Event());
            assertTrue(history.statusText().contains("lung.csv is gone"), history.statusText());
            spin(Duration.ofMillis(200), () -> false);
            assertEquals(null, rerun.get());
        } finally {
            shell.dispose();
            assertTrue(spin(Duration.ofSeconds(30), () -> allocator.getAllocatedMemory() == 0),
                    "re-run tables still open: " + allocator.getAllocatedMemory());
            allocator.close();
        }
    }
}
