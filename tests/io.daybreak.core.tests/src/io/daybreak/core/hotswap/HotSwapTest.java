package io.daybreak.core.hotswap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.wiring.FrameworkWiring;

import io.daybreak.core.hotswap.fixture.VersionedSlowMethod;
import io.daybreak.core.jobs.Job;
import io.daybreak.core.jobs.JobService;
import io.daybreak.core.jobs.JobStatus;
import io.daybreak.core.jobs.RunFailedException;
import io.daybreak.core.jobs.RunRequest;
import io.daybreak.core.jobs.RunResult;
import io.daybreak.core.provenance.WiredBundle;
import io.daybreak.core.registry.MethodRegistry;
import io.daybreak.core.registry.UnknownMethodException;
import io.daybreak.core.testing.Await;
import io.daybreak.data.ArrowMemory;

/**
 * Hot swap, end to end in a running framework: a method bundle is installed, run, updated to a new
 * version while a long run is in flight on the old one, refreshed, and uninstalled.
 */
class HotSwapTest {
    private static final Duration JOB_TIMEOUT = Duration.ofSeconds(30);

    private BundleContext context;
    private MethodRegistry registry;
    private JobService jobs;
    private ArrowMemory memory;
    private Bundle installed;
    private final List<Bundle> others = new java.util.ArrayList<>();

    @BeforeEach
    void services() {
        context = FrameworkUtil.getBundle(HotSwapTest.class).getBundleContext();
        registry = Await.service(context, MethodRegistry.class);
        jobs = Await.service(context, JobService.class);
        memory = Await.service(context, ArrowMemory.class);
    }

    @AfterEach
    void cleanUp() throws Exception {
        if (installed != null && installed.getState() != Bundle.UNINSTALLED) {
            installed.uninstall();
        }
        for (Bundle bundle : others) {
            if (bundle.getState() != Bundle.UNINSTALLED) {
                bundle.uninstall();
            }
        }
        Await.until(() -> memory.allocatedBytes() == 0, "all Arrow memory is released");
    }

    private String version() {
        return registry.find(VersionedSlowMethod.ID).map(m -> m.version()).orElse(null);
    }

    private String quickRun() throws InterruptedException {
        try (RunResult result = jobs.await(jobs.submit(RunRequest.of(VersionedSlowMethod.ID, Map.of())), JOB_TIMEOUT)) {
            assertEquals(result.summary().get("version"), result.output("version").strings("version").get(0));
            assertEquals(result.provenance().methodVersion(), result.summary().get("version"),
                    "provenance names the version that actually ran");
            return (String) result.summary().get("version");
        }
    }

    @Test
    void installRunUpdateWhileRunningRefreshUninstall() throws Exception {
        installed = context.installBundle("daybreak-test:hotswap", MethodBundles.jar("1.0.0"));
        installed.start();
        Await.until(() -> "1.0.0".equals(version()), "the registry lists test.hotswap 1.0.0");
        assertEquals("1.0.0", quickRun());

        // A long run on 1.0.0 (about 3 s), then the bundle is updated under it.
        Job longRun = jobs.submit(RunRequest.of(VersionedSlowMethod.ID, Map.of("steps", 300, "sleepMillis", 10)));
        Await.until(() -> longRun.status() == JobStatus.RUNNING && longRun.progress() > 0, "the long run is running");
        installed.update(MethodBundles.jar("2.0.0"));
        refresh(installed);
        Await.until(() -> "2.0.0".equals(version()), "the registry lists test.hotswap 2.0.0");
        assertEquals("2.0.0", quickRun(), "new runs use the new version");

        // The old run ends, without hanging, either completed on 1.0.0 or cancelled naming the update.
        try (RunResult result = jobs.await(longRun, JOB_TIMEOUT)) {
            assertEquals("1.0.0", result.summary().get("version"));
            assertEquals("1.0.0", result.output("version").strings("version").get(0));
            assertEquals("1.0.0", result.provenance().methodVersion());
        } catch (RunFailedException e) {
            assertEquals(JobStatus.CANCELLED, e.status(), e.getMessage());
            assertEquals(JobStatus.CANCELLED, longRun.status());
            assertTrue(longRun.message().contains(MethodBundles.SYMBOLIC_NAME), longRun.message());
            assertEquals("1.0.0", longRun.methodVersion());
            assertEquals("1.0.0", longRun.provenance().methodVersion());
        }

        installed.uninstall();
        Await.until(() -> version() == null, "test.hotswap is gone from the registry");
        UnknownMethodException gone = assertThrows(UnknownMethodException.class,
                () -> jobs.submit(RunRequest.of(VersionedSlowMethod.ID, Map.of())));
        assertTrue(gone.getMessage().contains("unknown method 'test.hotswap'"), gone.getMessage());
    }

    @Test
    void uninstallDuringARunCancelsItWithAClearStatus() throws Exception {
        installed = context.installBundle("daybreak-test:hotswap-uninstall", MethodBundles.jar("1.2.3"));
        installed.start();
        Await.until(() -> "1.2.3".equals(version()), "the registry lists test.hotswap 1.2.3");
        Job run = jobs.submit(RunRequest.of(VersionedSlowMethod.ID, Map.of("steps", 100_000, "sleepMillis", 5)));
        Await.until(() -> run.status() == JobStatus.RUNNING, "the run has started");
        installed.uninstall();
        RunFailedException e = assertThrows(RunFailedException.class, () -> jobs.await(run, JOB_TIMEOUT));
        assertEquals(JobStatus.CANCELLED, e.status());
        assertTrue(run.message().contains("withdrawn") && run.message().contains(MethodBundles.SYMBOLIC_NAME),
                run.message());
        assertEquals("CANCELLED", run.provenance().status());
        Await.until(() -> version() == null, "test.hotswap is gone from the registry");
    }

    /**
     * A library bundle is updated under two method bundles that import it while a run of one of them is in flight:
     * after the refresh both run the new library, the run in flight completes on the old one or ends cancelled with
     * a clear status, and provenance names the library version and SHA-256 each run used.
     */
    @Test
    void aLibraryUpdatedUnderTwoMethodBundlesIsUsedByNewRunsAndProvenanceTellsThemApart() throws Exception {
        Bundle library = context.installBundle("daybreak-test:library", MethodBundles.library("1.0.0"));
        others.add(library);
        for (String user : List.of("a", "b")) {
            Bundle bundle = context.installBundle("daybreak-test:user-" + user, MethodBundles.libraryUser(
                    "io.daybreak.tests.hotswap.user." + user, "test.library-" + user));
            others.add(bundle);
            bundle.start();
        }
        Await.until(() -> registry.find("test.library-a").isPresent() && registry.find("test.library-b").isPresent(),
                "the registry lists both library users");
        WiredBundle before = null;
        for (String user : List.of("a", "b")) {
            try (RunResult result = jobs.await(jobs.submit(RunRequest.of("test.library-" + user, Map.of())), JOB_TIMEOUT)) {
                assertEquals("1.0.0", result.summary().get("libraryVersion"));
                WiredBundle used = library(result.provenance().libraries());
                assertEquals("1.0.0", used.version());
                assertTrue(before == null || before.equals(used), "both methods run the same library: " + used);
                before = used;
                assertTrue(result.provenance().libraries().stream().anyMatch(b -> b.symbolicName().equals("io.daybreak.core")),
                        "the platform bundle the method is wired to is named too: " + result.provenance().libraries());
            }
        }

        Job inFlight = jobs.submit(RunRequest.of("test.library-a", Map.of("steps", 300, "sleepMillis", 10)));
        Await.until(() -> inFlight.status() == JobStatus.RUNNING && inFlight.progress() > 0, "the long run is running");
        library.update(MethodBundles.library("2.0.0"));
        refresh(library);
        WiredBundle old = before;
        for (String user : List.of("a", "b")) {
            Await.until(() -> "2.0.0".equals(libraryVersionOfANewRun("test.library-" + user)),
                    "new runs of test.library-" + user + " use library 2.0.0");
            try (RunResult result = jobs.await(jobs.submit(RunRequest.of("test.library-" + user, Map.of())), JOB_TIMEOUT)) {
                WiredBundle used = library(result.provenance().libraries());
                assertEquals("2.0.0", used.version());
                assertNotEquals(old.sha256(), used.sha256(), "provenance tells the two library builds apart");
            }
        }
        try (RunResult result = jobs.await(inFlight, JOB_TIMEOUT)) {
            assertEquals("1.0.0", result.summary().get("libraryVersion"));
            assertEquals(old, library(result.provenance().libraries()), "the run in flight names the library it ran");
        } catch (RunFailedException e) {
            assertEquals(JobStatus.CANCELLED, e.status(), e.getMessage());
            assertTrue(inFlight.message().contains("io.daybreak.tests.hotswap.user.a"), inFlight.message());
            assertEquals(old, library(inFlight.provenance().libraries()), "a cancelled run names its library too");
        }
    }

    private static WiredBundle library(List<WiredBundle> libraries) {
        return libraries.stream().filter(b -> b.symbolicName().equals(MethodBundles.LIBRARY)).findFirst()
                .orElseThrow(() -> new AssertionError("provenance does not name the library: " + libraries));
    }

    /** A quick run's library version, or null while the method is withdrawn during the refresh. */
    private String libraryVersionOfANewRun(String method) {
        try (RunResult result = jobs.await(jobs.submit(RunRequest.of(method, Map.of())), JOB_TIMEOUT)) {
            return (String) result.summary().get("libraryVersion");
        } catch (UnknownMethodException | RunFailedException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private void refresh(Bundle bundle) throws InterruptedException {
        CountDownLatch refreshed = new CountDownLatch(1);
        context.getBundle(0).adapt(FrameworkWiring.class).refreshBundles(List.of(bundle), event -> {
            if (event.getType() == FrameworkEvent.PACKAGES_REFRESHED) {
                refreshed.countDown();
            }
        });
        if (!refreshed.await(30, TimeUnit.SECONDS)) {
            fail("bundle refresh did not finish");
        }
    }
}
