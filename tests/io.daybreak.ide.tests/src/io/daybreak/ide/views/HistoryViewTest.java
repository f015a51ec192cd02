package io.daybreak.ide.views;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Event;
import org.junit.jupiter.api.Test;

import io.daybreak.core.jobs.Job;
import io.daybreak.core.jobs.JobService;
import io.daybreak.core.jobs.RunRequest;
import io.daybreak.core.jobs.RunResult;

/** A finished run is listed with its provenance, and re-running it reproduces its results exactly. */
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
}
