package io.daybreak.federation.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;

import io.daybreak.core.provenance.BundleDigests;
import io.daybreak.core.testing.Await;
import io.daybreak.core.testing.MethodTestSupport;
import io.daybreak.federation.Aggregates;
import io.daybreak.federation.analysis.AnalysisSpec;
import io.daybreak.federation.analysis.StepRequest;
import io.daybreak.federation.grpc.fixture.RowCountStep;
import io.daybreak.federation.site.AllowList;
import io.daybreak.federation.site.NodeException;
import io.daybreak.federation.site.Requester;
import io.daybreak.federation.site.SiteNode;

/**
 * The {@link SiteNodes} DS service with method bundles built and installed at run time ({@link RowCountBundles}):
 * a running node serves a method while its bundle is there, refuses it the moment the bundle stops or goes, serves it
 * again when it comes back, and serves a pinned method only from a bundle with the pinned content SHA-256 — refusing
 * and auditing any other, also after an update.
 */
class SiteNodesTest extends MethodTestSupport {
    private static final String METHOD = RowCountStep.METHOD;

    @TempDir
    Path dir;

    private final BundleDigests digests = new BundleDigests();
    private final List<Bundle> installed = new ArrayList<>();
    private BundleContext context;
    private SiteNodes siteNodes;
    private SiteNodeRunner runner;
    private TlsFiles tls;

    @BeforeEach
    void setUp() throws Exception {
        context = FrameworkUtil.getBundle(SiteNodesTest.class).getBundleContext();
        siteNodes = Await.service(context, SiteNodes.class);
        StudyPki.Credential ca = StudyPki.createAuthority("rows", Duration.ofDays(1));
        ca.write(dir, "ca");
        StudyPki.issue(ca, "site0", List.of("localhost", "127.0.0.1"), Duration.ofDays(1)).write(dir, "site0");
        tls = new TlsFiles(dir.resolve("site0.pem"), dir.resolve("site0.key"), dir.resolve("ca.pem"));
        Files.createDirectories(dir.resolve("data"));
        Files.writeString(dir.resolve("data/cohort.csv"), "x\n1\n2\n3\n4\n5\n6\n7\n8\n");
        // the provenance record a run writes next to its output: JSON, but no Dataset-JSON table, and no dataset
        Files.writeString(dir.resolve("data/cohort.csv.provenance.json"), "{\"seed\": 1}\n");
    }

    @AfterEach
    void tearDown() throws Exception {
        if (runner != null) {
            runner.close();
        }
        for (Bundle bundle : installed) {
            if (bundle.getState() != Bundle.UNINSTALLED) {
                bundle.uninstall();
            }
        }
    }

    private Bundle install(String variant) throws Exception {
        Bundle bundle = context.installBundle("daybreak-test:rowcount-" + installed.size(), RowCountBundles.jar(variant));
        installed.add(bundle);
        return bundle;
    }

    /** Starts the bundle and waits until DS registered its site step and federated method. */
    private static void start(Bundle bundle) throws Exception {
        bundle.start();
        awaitServices(bundle);
    }

    private static void awaitServices(Bundle bundle) {
        Await.until(() -> bundle.getRegisteredServices() != null && bundle.getRegisteredServices().length == 2,
                "the bundle's site step and federated method are registered");
    }

    private SiteNodeRunner startNode(String allow) throws IOException {
        SiteNodeRunner.Config config = new SiteNodeRunner.Config("site0", dir.resolve("data"), "127.0.0.1", 0, tls, null,
                dir.resolve("audit.log"), AllowList.parse(allow).methods(), Set.of("alice"), false);
        return siteNodes.start(config, AllowList.parse(allow), allocator);
    }

    /** The row count the node releases to alice for one analysis of {@code test.rows}. */
    private double count(SiteNode node) {
        AnalysisSpec spec = AnalysisSpec.open(METHOD, "cohort", Map.of(), List.of("site0"));
        byte[] bytes = node.handle(Requester.researcher("CN=alice"), new StepRequest(spec, 0, List.of(), ""))
                .aggregates();
        return Aggregates.fromBytes(bytes, allocator).get("n")[0];
    }

    private boolean serves(SiteNode node) {
        try {
            return count(node) == 8.0;
        } catch (NodeException e) {
            return false;
        }
    }

    private void assertRefused(SiteNode node, String when) {
        NodeException e = assertThrows(NodeException.class, () -> count(node), when);
        assertEquals(NodeException.Code.UNKNOWN_STEP, e.code(), when + ": " + e.getMessage());
    }

    private List<String> configurationEntries(String change) throws IOException {
        return Files.readAllLines(dir.resolve("audit.log"), StandardCharsets.UTF_8).stream()
                .filter(line -> line.contains("\"kind\":\"configuration\"") && line.contains("\"change\":\"" + change + "\"")
                        && line.contains("\"method\":\"" + METHOD + "\""))
                .toList();
    }

    @Test
    void aRunningNodeFollowsTheMethodBundleAsItComesAndGoes() throws Exception {
        Bundle bundle = install("1");
        start(bundle);
        runner = startNode(METHOD);
        SiteNode node = runner.node();
        assertTrue(siteNodes.nodes().contains(node));
        assertEquals(8.0, count(node));

        bundle.stop();
        // the services are unregistered while stop() runs: the node refuses from the moment it returns
        assertRefused(node, "after the bundle stopped");
        assertFalse(configurationEntries("withdrawn").isEmpty(), "the withdrawal is audited");

        bundle.start();
        Await.until(() -> serves(node), "the node serves the method again once its bundle is back");

        bundle.uninstall();
        assertRefused(node, "after the bundle was uninstalled");

        Bundle another = install("2");
        assertRefused(node, "a bundle installed but not started provides nothing");
        start(another);
        Await.until(() -> serves(node), "an unpinned method is served from any bundle that provides it");

        runner.close();
        runner = null;
        assertFalse(siteNodes.nodes().contains(node), "a closed node follows the bundles no more");
    }

    @Test
    void aPinnedMethodIsServedOnlyFromTheBundleWithThePinnedDigest() throws Exception {
        Bundle bundle = install("reviewed");
        String reviewed = digests.sha256(bundle);
        start(bundle);
        runner = startNode(METHOD + "@" + reviewed);
        SiteNode node = runner.node();
        assertEquals(8.0, count(node));

        // the same code in a bundle of other content: not the reviewed bundle, so not served
        bundle.update(RowCountBundles.jar("changed"));
        awaitServices(bundle);
        String changed = digests.sha256(bundle);
        assertNotEquals(reviewed, changed);
        assertRefused(node, "after an update to unreviewed content");
        List<String> refusals = configurationEntries("refused");
        assertEquals(2, refusals.size(), "the site step and the federated method are both refused: " + refusals);
        for (String refusal : refusals) {
            assertTrue(refusal.contains("\"bundleSha256\":\"" + changed + "\"")
                    && refusal.contains("\"pinnedSha256\":\"" + reviewed + "\""), refusal);
        }

        // the reviewed content back (same bytes, same digest): served again
        bundle.update(RowCountBundles.jar("reviewed"));
        awaitServices(bundle);
        assertEquals(reviewed, digests.sha256(bundle));
        Await.until(() -> serves(node), "the reviewed bundle is served again");
    }

    @Test
    void aNodeWhosePinnedMethodComesFromAnotherBundleDoesNotStart() throws Exception {
        start(install("changed"));
        String pin = "0".repeat(64);
        IOException e = assertThrows(IOException.class, () -> startNode(METHOD + "@" + pin));
        assertTrue(e.getMessage().contains("pins " + METHOD + " to bundle SHA-256 " + pin)
                && e.getMessage().contains("refusing to serve unreviewed code"), e.getMessage());
        assertFalse(configurationEntries("refused").isEmpty(), "the refusal is audited");
        assertTrue(siteNodes.nodes().isEmpty(), "a node that did not start is not followed");

        IOException missing = assertThrows(IOException.class, () -> startNode("test.nosuch"));
        assertTrue(missing.getMessage().contains("allow-list names 'test.nosuch'"), missing.getMessage());
    }
}
