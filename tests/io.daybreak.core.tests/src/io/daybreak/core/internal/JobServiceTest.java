package io.daybreak.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;

import org.apache.arrow.memory.BufferAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;

import io.daybreak.core.jobs.Job;
import io.daybreak.core.jobs.JobService;
import io.daybreak.core.jobs.JobStatus;
import io.daybreak.core.jobs.RunFailedException;
import io.daybreak.core.jobs.RunRequest;
import io.daybreak.core.jobs.RunResult;
import io.daybreak.core.method.InvalidParameterException;
import io.daybreak.core.method.Method;
import io.daybreak.core.provenance.ProvenanceRecord;
import io.daybreak.core.registry.MethodRegistry;
import io.daybreak.core.registry.UnknownMethodException;
import io.daybreak.core.testing.Await;
import io.daybreak.data.ArrowMemory;
import io.daybreak.data.InvalidInputException;
import io.daybreak.data.Table;
import io.daybreak.data.TableDigest;

/** The registry and job service as DS components in a running framework, with test methods registered as services. */
class JobServiceTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private BundleContext context;
    private MethodRegistry registry;
    private JobService jobs;
    private ArrowMemory memory;
    private final List<ServiceRegistration<Method>> registrations = new ArrayList<>();
    private BufferAllocator inputs;

    @BeforeEach
    void setUp() {
        context = FrameworkUtil.getBundle(JobServiceTest.class).getBundleContext();
        registry = Await.service(context, MethodRegistry.class);
        jobs = Await.service(context, JobService.class);
        memory = Await.service(context, ArrowMemory.class);
        for (Method method : List.of(new TestMethods.Scale(), new TestMethods.Slow(), new TestMethods.Faulty())) {
            registrations.add(context.registerService(Method.class, method, new Hashtable<>()));
        }
        inputs = memory.newChildAllocator("test-inputs");
    }

    @AfterEach
    void tearDown() {
        jobs.jobs().forEach(job -> jobs.cancel(job.id()));
        Await.until(() -> jobs.jobs().stream().allMatch(j -> j.status().isFinal()), "every job has finished");
        registrations.forEach(ServiceRegistration::unregister);
        inputs.close();
        Await.until(() -> memory.allocatedBytes() == 0, "all Arrow memory is released");
    }

    private Table data(double... values) {
        return Table.builder(inputs).addFloat64("AVAL", values).build();
    }

    @Test
    void registryTracksServicesAsTheyComeAndGo() {
        assertEquals("test.scale", registry.require("test.scale").id());
        assertEquals(context.getBundle().getVersion().toString(), registry.require("test.scale").version());
        assertTrue(registry.methods().stream().anyMatch(m -> m.id().equals("test.slow")));
        registrations.remove(1).unregister();
        assertTrue(registry.find("test.slow").isEmpty());
        UnknownMethodException e = assertThrows(UnknownMethodException.class, () -> registry.require("test.slow"));
        assertTrue(e.getMessage().contains("test.scale"), "lists what is available: " + e.getMessage());
    }

    @Test
    void successfulRunHasOutputsSummaryAndProvenance() throws Exception {
        try (Table data = data(1, 2, 3.5);
                RunResult result = jobs.run(new RunRequest("test.scale", Map.of("factor", "3"), Map.of("data", data),
                        42L))) {
            assertEquals(19.5, (Double) result.summary().get("result"), 1e-15);
            Table draws = result.output("draws");
            assertEquals(3, draws.rowCount());
            ProvenanceRecord p = result.provenance();
            assertEquals("test.scale", p.methodId());
            assertEquals(context.getBundle().getSymbolicName(), p.bundle());
            assertTrue(p.bundleSha256().matches("[0-9a-f]{64}"), p.bundleSha256());
            assertEquals(Map.of("factor", 3.0, "draws", 3L, "mode", "sum"), p.parameters());
            assertEquals(42L, p.seed());
            assertEquals(TableDigest.sha256(data), p.inputDigests().get("data"));
            assertEquals(TableDigest.sha256(draws), p.outputDigests().get("draws"));
            assertEquals("SUCCEEDED", p.status());
            assertFalse(p.finished().isBefore(p.started()));
        }
    }

    @Test
    void sameSeedSameResultOtherSeedOtherResult() throws Exception {
        String first;
        try (RunResult a = jobs.run(new RunRequest("test.scale", Map.of(), Map.of(), 7L))) {
            first = a.provenance().outputDigests().get("draws");
        }
        try (RunResult b = jobs.run(new RunRequest("test.scale", Map.of(), Map.of(), 7L))) {
            assertEquals(first, b.provenance().outputDigests().get("draws"));
        }
        try (RunResult c = jobs.run(new RunRequest("test.scale", Map.of(), Map.of(), 8L))) {
            assertNotEquals(first, c.provenance().outputDigests().get("draws"));
        }
        try (RunResult d = jobs.run(RunRequest.of("test.scale", Map.of()))) {
            assertNotEquals(0L, d.provenance().seed(), "a drawn seed is recorded");
        }
    }

    @Test
    void badRequestsAreRefusedAtSubmissionNamingTheProblem() {
        int jobsBefore = jobs.jobs().size();
        assertMessage(() -> jobs.submit(RunRequest.of("test.nope", Map.of())), "unknown method 'test.nope'");
        assertMessage(() -> jobs.submit(RunRequest.of("test.scale", Map.of("factr", "1"))),
                "unknown parameter 'factr'", "factor, draws, mode");
        assertMessage(() -> jobs.submit(RunRequest.of("test.scale", Map.of("factor", "11"))),
                "'factor' = 11 is out of range", "[-10, 10]");
        assertMessage(() -> jobs.submit(RunRequest.of("test.scale", Map.of("draws", "2.5"))),
                "'draws' must be an integer", "2.5");
        assertMessage(() -> jobs.submit(RunRequest.of("test.scale", Map.of("mode", "median"))),
                "'mode' = 'median' is not allowed", "sum, mean");
        assertMessage(() -> jobs.submit(RunRequest.of("test.faulty", Map.of())), "missing required parameter 'fault'");
        try (Table wrong = Table.builder(inputs).addString("AVAL", "x").build();
                Table other = data(1)) {
            assertMessage(() -> jobs.submit(new RunRequest("test.scale", Map.of(), Map.of("data", wrong), 1L)),
                    "column 'AVAL' is string, expected float64");
            assertMessage(() -> jobs.submit(new RunRequest("test.scale", Map.of(), Map.of("dta", other), 1L)),
                    "has no input 'dta'");
        }
        assertEquals(jobsBefore, jobs.jobs().size(), "nothing was queued");
    }

    private static void assertMessage(org.junit.jupiter.api.function.Executable call, String... fragments) {
        InvalidInputException e = assertThrows(InvalidInputException.class, call);
        for (String fragment : fragments) {
            assertTrue(e.getMessage().contains(fragment), "'" + e.getMessage() + "' should contain '" + fragment + "'");
        }
    }

    @Test
    void failuresEndTheJobWithAReason() throws Exception {
        RunFailedException thrown = assertThrows(RunFailedException.class,
                () -> jobs.run(RunRequest.of("test.faulty", Map.of("fault", "throw"))));
        assertEquals(JobStatus.FAILED, thrown.status());
        assertInstanceOf(ArithmeticException.class, thrown.getCause());
        Job job = jobs.job(thrown.jobId()).orElseThrow();
        assertEquals("simulated numerical failure", job.message());
        assertEquals("FAILED", job.provenance().status());

        RunFailedException badOutput = assertThrows(RunFailedException.class,
                () -> jobs.run(RunRequest.of("test.faulty", Map.of("fault", "bad-output"))));
        assertTrue(badOutput.getMessage().contains("has no column 'x'"), badOutput.getMessage());

        RunFailedException badCombination = assertThrows(RunFailedException.class,
                () -> jobs.run(RunRequest.of("test.faulty", Map.of("fault", "bad-combination"))));
        assertInstanceOf(InvalidParameterException.class, badCombination.getCause(), "stays recognisable as bad input");
    }

    @Test
    void leakedArrowMemoryFailsTheRun() throws Exception {
        RunFailedException e = assertThrows(RunFailedException.class,
                () -> jobs.run(RunRequest.of("test.faulty", Map.of("fault", "leak"))));
        assertEquals(JobStatus.FAILED, e.status());
        assertTrue(e.getMessage().contains("leaked Arrow memory"), e.getMessage());
        TestMethods.Faulty.leaked.close(); // give the memory back so the runtime allocator ends at zero
    }

    @Test
    void runningAndQueuedJobsCanBeCancelled() throws Exception {
        List<Job> submitted = new ArrayList<>();
        int workers = Runtime.getRuntime().availableProcessors();
        for (int i = 0; i < workers + 1; i++) {
            submitted.add(jobs.submit(RunRequest.of("test.slow", Map.of())));
        }
        Job queued = submitted.get(workers);
        Await.until(() -> submitted.get(0).status() == JobStatus.RUNNING, "the first job runs");
        assertEquals(JobStatus.QUEUED, queued.status(), "all workers are busy");
        assertTrue(jobs.cancel(queued.id()));
        for (Job job : submitted) {
            jobs.cancel(job.id());
            RunFailedException e = assertThrows(RunFailedException.class, () -> jobs.await(job, TIMEOUT));
            assertEquals(JobStatus.CANCELLED, e.status());
            assertEquals("cancelled on request", job.message());
        }
        assertFalse(jobs.cancel(submitted.get(0).id()), "a finished job cannot be cancelled again");
        assertFalse(jobs.cancel(987_654_321L), "unknown job");
        assertEquals(submitted.get(workers).id(), jobs.jobs().get(0).id(), "newest first");
    }

    @Test
    void progressIsVisibleWhileRunning() throws Exception {
        Job job = jobs.submit(RunRequest.of("test.slow", Map.of("steps", "400")));
        Await.until(() -> job.progress() > 0.05, "progress is reported");
        assertTrue(job.message().startsWith("step "), job.message());
        try (RunResult result = jobs.await(job, TIMEOUT)) {
            assertEquals(1.0, job.progress());
            assertEquals(400L, result.summary().get("steps"));
        }
    }
}
