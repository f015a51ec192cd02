package io.daybreak.federation.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.memory.unsafe.UnsafeAllocationManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.daybreak.data.ColumnType;
import io.daybreak.data.Table;
import io.daybreak.federation.Aggregates;
import io.daybreak.core.method.MethodDescriptor;
import io.daybreak.core.method.Parameters;
import io.daybreak.federation.FederatedMethod;
import io.daybreak.federation.ReleaseGuard;
import io.daybreak.federation.SiteStep;
import io.daybreak.federation.Sites;
import io.daybreak.federation.analysis.AnalysisSpec;
import io.daybreak.federation.analysis.StepRequest;
import io.daybreak.federation.audit.AuditLog;
import io.daybreak.federation.ledger.RowSetLedger;
import io.daybreak.federation.policy.DisclosurePolicy;

/**
 * A node's code as bundles come and go: site steps and federated methods installed and removed while it runs, a
 * pinned method served only with code from its pinned bundle, refusals and withdrawals audited, and a request whose
 * step goes away under it ending cleanly.
 */
class SiteNodeCodeTest {
    private static final String METHOD = "test.rows";
    private static final String REVIEWED = "a".repeat(64);
    private static final String OTHER = "b".repeat(64);

    @TempDir
    Path dir;

    private BufferAllocator allocator;
    private AuditLog audit;
    private Table data;

    @BeforeEach
    void open() throws IOException {
        allocator = new RootAllocator(RootAllocator.configBuilder()
                .allocationManagerFactory(UnsafeAllocationManager.FACTORY).build());
        audit = AuditLog.open(dir.resolve("audit.log"), Clock.systemUTC());
        data = Table.builder(allocator).add("x", ColumnType.FLOAT64, List.of(1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0))
                .build();
    }

    @AfterEach
    void close() throws IOException {
        audit.close();
        data.close();
        assertEquals(0, allocator.getAllocatedMemory(), "Arrow memory leaked");
        allocator.close();
    }

    /** A site step releasing the row count over all rows, after running {@code during}. */
    private static final class RowCount implements SiteStep {
        private final Runnable during;

        RowCount(Runnable during) {
            this.during = during;
        }

        RowCount() {
            this(() -> { });
        }

        @Override
        public String method() {
            return METHOD;
        }

        @Override
        public Aggregates run(String step, Map<String, Object> arguments, Table table, ReleaseGuard guard) {
            during.run();
            BitSet rows = new BitSet();
            rows.set(0, table.rowCount());
            guard.rows("all rows", rows);
            return Aggregates.builder().put("n", table.rowCount()).build();
        }
    }

    /** Its coordinator code: one round asking every site for its count. */
    private static final class RowCountMethod implements FederatedMethod {
        private static final MethodDescriptor DESCRIPTOR = MethodDescriptor.builder(METHOD, "Rows (tests only)").build();

        @Override
        public MethodDescriptor descriptor() {
            return DESCRIPTOR;
        }

        @Override
        public Outcome run(Sites sites, Parameters parameters, BufferAllocator unused) {
            sites.call(METHOD, "count", Map.of());
            return new Outcome(Map.of(), 1, true);
        }
    }

    private SiteNode node(String allow) {
        SiteNode node = new SiteNode("site0", Map.of("cohort", data), AllowList.parse(allow),
                DisclosurePolicy.DATASHIELD_DEFAULTS, audit, allocator, RowSetLedger.inMemory());
        node.authorize(java.util.Set.of("alice"));
        return node;
    }

    /** The row count the node releases to alice for one analysis. */
    private double count(SiteNode node) {
        AnalysisSpec spec = AnalysisSpec.open(METHOD, "cohort", Map.of(), List.of("site0"));
        byte[] bytes = node.handle(Requester.researcher("CN=alice"), new StepRequest(spec, 0, List.of(), ""))
                .aggregates();
        return Aggregates.fromBytes(bytes, allocator).get("n")[0];
    }

    private static NodeException refused(Supplier<?> request) {
        return assertThrows(NodeException.class, request::get);
    }

    /** The audit entries of kind "configuration". */
    private List<String> configuration() throws IOException {
        return Files.readAllLines(dir.resolve("audit.log"), StandardCharsets.UTF_8).stream()
                .filter(line -> line.contains("\"kind\":\"configuration\"")).toList();
    }

    private static void assertHas(String line, String... pairs) {
        for (String pair : pairs) {
            assertTrue(line.contains(pair), pair + " in " + line);
        }
    }

    @Test
    void aPinnedStepFromAnotherBundleIsNotServedAndItsRefusalIsAudited() throws IOException {
        SiteNode node = node(METHOD + "@" + REVIEWED);
        assertTrue(node.install(new RowCountMethod(), REVIEWED));
        assertFalse(node.install(new RowCount(), OTHER), "the step of an unreviewed bundle is not installed");

        NodeException e = refused(() -> count(node));
        assertEquals(NodeException.Code.UNKNOWN_STEP, e.code(), e.getMessage());
        assertFalse(e.getMessage().contains(OTHER) || e.getMessage().contains(REVIEWED), e.getMessage());
        IllegalStateException start = assertThrows(IllegalStateException.class, node::checkAllowList);
        assertTrue(start.getMessage().contains("pins " + METHOD + " to bundle SHA-256 " + REVIEWED)
                && start.getMessage().contains("has " + OTHER) && start.getMessage().contains("unreviewed code"),
                start.getMessage());
        String refusal = configuration().stream().filter(line -> line.contains("\"change\":\"refused\"")).findFirst()
                .orElseThrow(() -> new AssertionError("no refusal audited"));
        assertHas(refusal, "\"method\":\"" + METHOD + "\"", "\"component\":\"site step\"",
                "\"bundleSha256\":\"" + OTHER + "\"", "\"pinnedSha256\":\"" + REVIEWED + "\"");

        // the reviewed bundle's step comes: served from then on
        assertTrue(node.install(new RowCount(), REVIEWED));
        node.checkAllowList();
        assertEquals(8.0, count(node));
    }

    @Test
    void aPinnedMethodsCoordinatorCodeFromAnotherBundleIsNotReplayed() throws IOException {
        SiteNode node = node(METHOD + "@" + REVIEWED);
        assertTrue(node.install(new RowCount(), REVIEWED));
        assertFalse(node.install(new RowCountMethod(), OTHER));
        assertEquals(NodeException.Code.UNKNOWN_STEP, refused(() -> count(node)).code());
        IllegalStateException start = assertThrows(IllegalStateException.class, node::checkAllowList);
        assertTrue(start.getMessage().contains("has " + OTHER), start.getMessage());
        assertTrue(configuration().stream().anyMatch(line -> line.contains("\"change\":\"refused\"")
                && line.contains("\"component\":\"federated method\"")), "the refusal is audited");
        assertTrue(node.install(new RowCountMethod(), REVIEWED));
        node.checkAllowList();
        assertEquals(8.0, count(node));
    }

    @Test
    void aRemovedStepIsRefusedAtOnceUntilAnotherComes() throws IOException {
        SiteNode node = node(METHOD);
        RowCount first = new RowCount();
        node.install(new RowCountMethod(), OTHER);
        assertTrue(node.install(first, OTHER), "an unpinned method takes any bundle's step");
        assertEquals(8.0, count(node));

        node.remove(first);
        NodeException e = refused(() -> count(node));
        assertEquals(NodeException.Code.UNKNOWN_STEP, e.code());
        assertTrue(e.getMessage().contains("method '" + METHOD + "' has no site step here"), e.getMessage());
        assertThrows(IllegalStateException.class, node::checkAllowList);
        assertTrue(configuration().stream().anyMatch(line -> line.contains("\"change\":\"withdrawn\"")
                && line.contains("\"stillServed\":false")), "the withdrawal is audited");

        node.remove(first); // removing twice changes nothing
        node.install(new RowCount(), REVIEWED);
        assertEquals(8.0, count(node));
    }

    @Test
    void withTwoProvidersTheOtherServesWhenOneGoes() {
        SiteNode node = node(METHOD);
        RowCount first = new RowCount();
        node.install(new RowCountMethod(), OTHER);
        node.install(first, OTHER);
        node.install(new RowCount(), REVIEWED);
        node.remove(first);
        assertEquals(8.0, count(node));
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(30, TimeUnit.SECONDS), "the test's latch was not released");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aRequestWhoseStepIsWithdrawnWhileItRunsFinishes() throws Exception {
        SiteNode node = node(METHOD);
        node.install(new RowCountMethod(), OTHER);
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch removed = new CountDownLatch(1);
        RowCount step = new RowCount(() -> {
            running.countDown();
            await(removed);
        });
        node.install(step, OTHER);
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try {
            Future<Double> finished = executor.submit(() -> count(node));
            await(running);
            node.remove(step);
            removed.countDown();
            assertEquals(8.0, finished.get(30, TimeUnit.SECONDS), "the release it computed is the one it sends");
            assertEquals(NodeException.Code.UNKNOWN_STEP, refused(() -> count(node)).code(), "the next one is refused");
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void aRequestWhoseStepFailsForItsWithdrawalIsRefusedCleanly() throws Exception {
        SiteNode node = node(METHOD);
        node.install(new RowCountMethod(), OTHER);
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch removed = new CountDownLatch(1);
        RowCount step = new RowCount(() -> {
            running.countDown();
            await(removed);
            // what a step whose bundle was refreshed away meets: its class loader is closed
            throw new NoClassDefFoundError("io/daybreak/gone/Helper");
        });
        node.install(step, OTHER);
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try {
            Future<NodeException> failed = executor.submit(() -> refused(() -> count(node)));
            await(running);
            node.remove(step);
            removed.countDown();
            NodeException e = failed.get(30, TimeUnit.SECONDS);
            assertEquals(NodeException.Code.UNKNOWN_STEP, e.code(), e.getMessage());
            assertTrue(e.getMessage().contains("withdrawn while the request ran"), e.getMessage());
            assertTrue(Files.readAllLines(dir.resolve("audit.log"), StandardCharsets.UTF_8).stream().anyMatch(line ->
                    line.contains("\"kind\":\"refusal\"") && line.contains("withdrawn while the request ran")));
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void aStepThatFailsWhileStillInstalledIsAnInternalFailureNotAWithdrawal() {
        SiteNode node = node(METHOD);
        node.install(new RowCountMethod(), OTHER);
        node.install(new RowCount(() -> {
            throw new NoClassDefFoundError("io/daybreak/missing/Helper");
        }), OTHER);
        NodeException e = refused(() -> count(node));
        assertEquals(NodeException.Code.INTERNAL, e.code(), e.getMessage());
        assertTrue(e.getMessage().contains("NoClassDefFoundError"), e.getMessage());
    }
}
