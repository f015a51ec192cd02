package io.daybreak.federation.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static io.daybreak.core.testing.InstalledMethods.step;
import static io.daybreak.core.testing.InstalledMethods.federated;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.FrameworkUtil;

import io.daybreak.core.method.Method;
import io.daybreak.core.testing.InstalledMethods;
import io.daybreak.core.method.Parameters;
import io.daybreak.core.testing.Await;
import io.daybreak.core.testing.MethodTestSupport;
import io.daybreak.core.testing.TestMethodContext;
import io.daybreak.data.ColumnType;
import io.daybreak.data.DoubleColumn;
import io.daybreak.data.Table;
import io.daybreak.data.csv.CsvReader;
import io.daybreak.federation.Aggregates;
import io.daybreak.federation.FederatedRun;
import io.daybreak.federation.SiteFailedException;
import io.daybreak.federation.Sites;
import io.daybreak.federation.audit.AuditLog;
import io.daybreak.federation.audit.AuditVerifier;
import io.daybreak.federation.analysis.AnalysisSites;
import io.daybreak.federation.analysis.AnalysisSpec;
import io.daybreak.federation.grpc.v2.SiteServiceGrpc;
import io.daybreak.federation.grpc.v2.StepRequest;
import io.daybreak.federation.policy.DisclosurePolicy;
import io.daybreak.federation.site.DatasetInfo;
import io.daybreak.federation.site.SiteNode;
import io.daybreak.stats.models.glm.GlmFamily;
import io.daybreak.stats.federated.GlmFederated;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.daybreak.stats.federated.CoxReleases;
import io.daybreak.stats.federated.GlmReleases;

/**
 * Three site nodes on loopback behind gRPC servers with mutual TLS, certificates from a study CA made with
 * {@link StudyPki}: the federated GLM over the network equals the pooled fit; strangers and plaintext are
 * turned away; refusals and garbage arrive as status codes and leave the nodes serving.
 */
class GrpcFederationTest extends MethodTestSupport {
    private static final String[] COLUMNS = {"time", "status", "age", "sex", "ph.ecog", "wt.loss"};

    @TempDir
    Path dir;

    private final List<NodeServer> servers = new ArrayList<>();
    private final List<SiteNode> nodes = new ArrayList<>();
    private final List<AuditLog> logs = new ArrayList<>();
    private final List<Table> tables = new ArrayList<>();
    private final List<RemoteSites.Endpoint> endpoints = new ArrayList<>();
    private final List<Table> siteTables = new ArrayList<>();
    private TlsFiles researcher;

    @BeforeEach
    void startNodes() throws Exception {
        StudyPki.Credential ca = StudyPki.createAuthority("lung", Duration.ofDays(1));
        ca.write(dir, "ca");
        StudyPki.issue(ca, "alice", List.of(), Duration.ofDays(1)).write(dir, "alice");
        researcher = new TlsFiles(dir.resolve("alice.pem"), dir.resolve("alice.key"), dir.resolve("ca.pem"));
        try (Table lung = CsvReader.read(Path.of(System.getProperty("daybreak.testdata.dir"),
                "survival_lung_sites.csv"), allocator)) {
            for (int s = 0; s < 3; s++) {
                String name = "site" + s;
                StudyPki.issue(ca, name, List.of("localhost", "127.0.0.1"), Duration.ofDays(1)).write(dir, name);
                siteTables.add(siteTable(lung, s));
                SiteNode node = node(s, siteTables.get(s));
                nodes.add(node);
                NodeServer server = NodeServer.start(node, 0, siteTls(name));
                servers.add(server);
                endpoints.add(new RemoteSites.Endpoint(name, "localhost", server.port()));
            }
        }
    }

    /** Site s serving a table, with its audit log opened (or reopened, continuing its chain). */
    private SiteNode node(int s, Table table) throws IOException {
        String name = "site" + s;
        AuditLog log = AuditLog.open(dir.resolve(name + ".audit"), Clock.systemUTC());
        logs.add(log);
        SiteNode node = new SiteNode(name, Map.of("lung", table), Set.of(GlmReleases.METHOD, CoxReleases.METHOD,
                "stats.km"), List.of(step("stats.glm"), step("stats.cox"), step("stats.km")),
                List.of(federated("stats.glm"), federated("stats.cox")), DisclosurePolicy.DATASHIELD_DEFAULTS, log,
                allocator);
        node.authorize(Set.of("alice"));
        return node;
    }

    private TlsFiles siteTls(String name) {
        return new TlsFiles(dir.resolve(name + ".pem"), dir.resolve(name + ".key"), dir.resolve("ca.pem"));
    }

    /** Stops site s's server and closes its audit log, as a node process that exits. */
    private void stop(int s) throws Exception {
        servers.get(s).close();
        logs.get(s).close();
    }

    /** Starts site s again on its port with its audit log reopened, as a restarted node process. */
    private void restart(int s) throws Exception {
        AuditLog old = logs.get(s);
        SiteNode node = node(s, siteTables.get(s));
        logs.set(s, logs.remove(logs.size() - 1));
        old.close();
        nodes.set(s, node);
        servers.set(s, NodeServer.start(node, endpoints.get(s).port(), siteTls("site" + s)));
    }

    /** Sites that run an action before the given call (1-based), e.g. a node stopping mid-analysis. */
    private static Sites interrupting(Sites sites, int beforeCall, ThrowingAction action) {
        int[] calls = new int[1];
        return new Sites() {
            @Override
            public List<String> names() {
                return sites.names();
            }

            @Override
            public Map<String, Aggregates> call(String method, String step, Map<String, Object> arguments) {
                if (++calls[0] == beforeCall) {
                    try {
                        action.run();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
                return sites.call(method, step, arguments);
            }

            @Override
            public Map<String, DatasetInfo> datasetInfo() {
                return sites.datasetInfo();
            }

            @Override
            public Sites only(List<String> names) {
                return sites.only(names);
            }
        };
    }

    /** An analysis of the GLM of wt.loss on these covariates, as FederatedRun opens it. */
    private static AnalysisSites glm(RemoteSites sites, String covariates) {
        return sites.open(AnalysisSpec.open(GlmReleases.METHOD, sites.dataset(), Map.of("response", "wt.loss",
                "covariates", covariates), sites.names()));
    }

    /** The federated GLM of wt.loss on these covariates. */
    private static GlmFederated.Result fitGlm(Sites analysis, String covariates) {
        return GlmFederated.fit(analysis, "wt.loss", List.of(covariates.split(",")), GlmFamily.GAUSSIAN);
    }

    private interface ThrowingAction {
        void run() throws Exception;
    }

    @AfterEach
    void stopNodes() throws Exception {
        for (NodeServer server : servers) {
            server.close();
        }
        for (AuditLog log : logs) {
            log.close();
        }
        tables.forEach(Table::close);
    }

    private Table siteTable(Table lung, double site) {
        return rows(lung, value -> value == site, List.of(COLUMNS));
    }

    /** The columns of the lung rows whose site passes the test. */
    private Table rows(Table lung, java.util.function.DoublePredicate site, List<String> columns) {
        DoubleColumn sites = lung.doubles("site");
        var builder = Table.builder(allocator);
        for (String name : columns) {
            DoubleColumn column = lung.doubles(name);
            List<Object> values = new ArrayList<>();
            for (int row = 0; row < lung.rowCount(); row++) {
                if (site.test(sites.get(row))) {
                    values.add(column.isNull(row) ? null : column.get(row));
                }
            }
            builder.add(name, ColumnType.FLOAT64, values);
        }
        Table table = builder.build();
        tables.add(table);
        return table;
    }

    @Test
    void federatedGlmOverMutualTlsEqualsThePooledFit() throws Exception {
        GlmFederated.Result remote;
        try (RemoteSites sites = new RemoteSites(endpoints, "lung", researcher, 30_000, allocator)) {
            AnalysisSites analysis = glm(sites, "age,sex");
            remote = fitGlm(analysis, "age,sex");
            assertEquals(Map.of("site0", 78L, "site1", 105L, "site2", 45L), analysis.sizes());
            // every site's last release is signed over its audit head, as the certificate reports it
            analysis.latestReleases().forEach((site, release) -> sites.verifier().verify(release));
            assertEquals(List.of("site0", "site1", "site2"), List.copyOf(analysis.latestReleases().keySet()));
        }
        double[] pooled;
        try (Table lung = CsvReader.read(Path.of(System.getProperty("daybreak.testdata.dir"), "survival_lung_sites.csv"),
                allocator)) {
            Method method = InstalledMethods.method("stats.glm");
            var result = method.apply(Map.of("data", lung), Parameters.bind(method.descriptor(),
                    Map.of("response", "wt.loss", "covariates", "age,sex")), new TestMethodContext(allocator, 1));
            result.outputs().values().forEach(Table::close);
            pooled = ((List<?>) result.summary().get("coefficients")).stream()
                    .mapToDouble(v -> ((Number) v).doubleValue()).toArray();
        }
        for (int a = 0; a < 3; a++) {
            assertEquals(pooled[a], remote.fit().coefficients()[a], 1e-11 * Math.abs(pooled[a]), "coefficient " + a);
        }
        for (AuditLog log : logs) {
            AuditVerifier.Result check = AuditVerifier.verify(log.file());
            assertTrue(check.intact(), check.problem());
            assertTrue(Files.readString(log.file()).contains("CN=alice"), "the requester's certificate identity is audited");
        }
    }

    @Test
    void theCoordinatorServiceRunsTheFederatedGlmAndCertifiesItWithItsBundle() throws Exception {
        // the DS service the console's fed command and the IDE's Federation view use
        Coordinator coordinator = Await.service(FrameworkUtil.getBundle(GrpcFederationTest.class).getBundleContext(),
                Coordinator.class);
        Map<String, Object> document;
        GlmFederated.Result direct;
        try (RemoteSites sites = new RemoteSites(endpoints, "lung", researcher, 30_000, allocator)) {
            document = coordinator.run(federated("stats.glm"), sites, Map.of("response", "wt.loss", "covariates",
                    "age,sex"), allocator, false);
            direct = fitGlm(glm(sites, "age,sex"), "age,sex");
        }
        assertEquals(GlmReleases.METHOD, document.get("method"));
        @SuppressWarnings("unchecked")
        Map<String, Object> certificate = (Map<String, Object>) document.get("certificate");
        assertEquals("io.daybreak.methods.stats", certificate.get("bundle"));
        assertTrue(String.valueOf(certificate.get("bundleSha256")).matches("[0-9a-f]{64}"),
                String.valueOf(certificate.get("bundleSha256")));
        assertEquals("lung", certificate.get("dataset"));
        @SuppressWarnings("unchecked")
        Map<String, Object> summary = (Map<String, Object>) document.get("summary");
        double[] coefficients = ((List<?>) summary.get("coefficients")).stream()
                .mapToDouble(v -> ((Number) v).doubleValue()).toArray();
        assertEquals(direct.fit().coefficients().length, coefficients.length);
        for (int a = 0; a < coefficients.length; a++) {
            assertEquals(direct.fit().coefficients()[a], coefficients[a], 0, "coefficient " + a);
        }
    }

    @Test
    void aResearcherFromAnotherCaIsTurnedAwayAndTheAnalysisFailsClosed() throws Exception {
        StudyPki.Credential rogueCa = StudyPki.createAuthority("other", Duration.ofDays(1));
        rogueCa.write(dir, "rogue-ca");
        StudyPki.issue(rogueCa, "mallory", List.of(), Duration.ofDays(1)).write(dir, "mallory");
        // mallory trusts the real CA (so she accepts the nodes) but holds a certificate the nodes do not trust
        TlsFiles mallory = new TlsFiles(dir.resolve("mallory.pem"), dir.resolve("mallory.key"), dir.resolve("ca.pem"));
        try (RemoteSites sites = new RemoteSites(endpoints, "lung", mallory, 10_000, allocator)) {
            SiteFailedException e = assertThrows(SiteFailedException.class, () -> fitGlm(glm(sites, "age"), "age"));
            assertEquals("site0", e.site());
        }
        for (AuditLog log : logs) {
            assertEquals(0, log.entries(), "nothing reached the node");
        }
    }

    @Test
    void refusalsAndGarbageComeBackAsStatusCodesAndTheNodeKeepsServing() throws Exception {
        try (RemoteSites sites = new RemoteSites(endpoints, "lung", researcher, 10_000, allocator)) {
            // exact Cox needs event times, which the default policy keeps at the site
            SiteFailedException refused = assertThrows(SiteFailedException.class, () -> FederatedRun.run(
                    federated("stats.cox"), sites, Map.of("covariates", "age", "eventValue", "2"), allocator, false));
            assertTrue(refused.getMessage().contains("FAILED_PRECONDITION") && refused.getMessage().contains("event-times"),
                    refused.getMessage());
        }
        var ssl = GrpcSslContexts.forClient().keyManager(researcher.certificate().toFile(),
                researcher.privateKey().toFile()).trustManager(researcher.trustedAuthority().toFile()).build();
        var channel = NettyChannelBuilder.forAddress("localhost", servers.get(0).port()).sslContext(ssl).build();
        try {
            var stub = SiteServiceGrpc.newBlockingStub(channel);
            StatusRuntimeException garbage = assertThrows(StatusRuntimeException.class, () -> stub.runStep(
                    StepRequest.newBuilder().setProtocolVersion(Protocol.VERSION).build()));
            assertEquals(io.grpc.Status.Code.INVALID_ARGUMENT, garbage.getStatus().getCode());
            StatusRuntimeException version = assertThrows(StatusRuntimeException.class, () -> stub.runStep(
                    StepRequest.newBuilder().setProtocolVersion("99").build()));
            assertEquals(io.grpc.Status.Code.INVALID_ARGUMENT, version.getStatus().getCode());
            StatusRuntimeException unknown = assertThrows(StatusRuntimeException.class, () -> stub.runStep(
                    ProtoCodec.toProto(new io.daybreak.federation.analysis.StepRequest(AnalysisSpec.open("raw.rows",
                            "lung", Map.of(), List.of("site0")), 0, List.of(), ""))));
            assertEquals(io.grpc.Status.Code.UNIMPLEMENTED, unknown.getStatus().getCode());
            // and the node still serves a good request: round 0 of a GLM on this site alone
            assertTrue(stub.runStep(ProtoCodec.toProto(new io.daybreak.federation.analysis.StepRequest(
                    AnalysisSpec.open(GlmReleases.METHOD, "lung", Map.of("response", "wt.loss", "covariates", "age"),
                            List.of("site0")), 0, List.of(), ""))).getRelease().getAggregates().size() > 0);
            // the malformed requests and the unknown version are in the audit log too
            String audit = Files.readString(logs.get(0).file());
            assertTrue(audit.contains("not supported") && audit.contains("names no analysis"), audit);
        } finally {
            channel.shutdownNow();
        }
    }

    @Test
    void aNodeServesOnlyTheResearchersItAuthorises() throws Exception {
        nodes.get(0).authorize(Set.of("bob"));
        try (RemoteSites sites = new RemoteSites(endpoints, "lung", researcher, 10_000, allocator)) {
            SiteFailedException e = assertThrows(SiteFailedException.class, () -> fitGlm(glm(sites, "age"), "age"));
            assertEquals("site0", e.site());
            assertTrue(e.getMessage().contains("PERMISSION_DENIED") && e.getMessage().contains("not authorised"),
                    e.getMessage());
            assertThrows(SiteFailedException.class, sites::datasets);
        }
        String audit = Files.readString(logs.get(0).file());
        assertTrue(audit.contains("\"kind\":\"refusal\"") && !audit.contains("\"kind\":\"release\""), audit);
        nodes.get(0).authorize(Set.of("alice", "bob"));
        try (RemoteSites sites = new RemoteSites(endpoints, "lung", researcher, 10_000, allocator)) {
            assertEquals(2, fitGlm(glm(sites, "age"), "age").fit().coefficients().length,
                    "alice, now authorised, gets the fit");
        }
    }

    @Test
    void aNodeRestartedBetweenRoundsIsTransparentAndItsAuditLogContinuesIntact() throws Exception {
        GlmFederated.Result undisturbed;
        GlmFederated.Result restarted;
        try (RemoteSites sites = new RemoteSites(endpoints, "lung", researcher, 30_000, allocator)) {
            undisturbed = fitGlm(glm(sites, "age,sex"), "age,sex");
            // a node keeps no analysis state (each request carries the signed releases it needs): a node that
            // restarts between two rounds answers the next one as before
            restarted = fitGlm(interrupting(glm(sites, "age,sex"), 2, () -> {
                stop(1);
                restart(1);
            }), "age,sex");
        }
        for (int a = 0; a < 3; a++) {
            assertEquals(undisturbed.fit().coefficients()[a], restarted.fit().coefficients()[a], 0, "coefficient " + a);
        }
        AuditVerifier.Result check = AuditVerifier.verify(dir.resolve("site1.audit"));
        assertTrue(check.intact(), check.problem());
        assertEquals(2L * (undisturbed.rounds() + restarted.rounds()), check.entries(), "every request and release, "
                + "before and after the restart, in one chain");
    }

    @Test
    void aNodeDownMidAnalysisFailsItClosedNamingTheSiteAndServesAgainOnceRestarted() throws Exception {
        try (RemoteSites sites = new RemoteSites(endpoints, "lung", researcher, 10_000, allocator)) {
            SiteFailedException e = assertThrows(SiteFailedException.class, () -> fitGlm(
                    interrupting(glm(sites, "age,sex"), 3, () -> stop(1)), "age,sex"));
            assertEquals("site1", e.site());
            assertTrue(e.getMessage().contains("unreachable"), e.getMessage());
            restart(1);
            assertEquals(3, fitGlm(glm(sites, "age,sex"), "age,sex").fit().coefficients().length);
        }
        AuditVerifier.Result check = AuditVerifier.verify(dir.resolve("site1.audit"));
        assertTrue(check.intact(), check.problem());
    }

    @Test
    void allowPartialLeavesOutAFailingSiteSaysWhyAndEqualsThePooledFitOfTheOthers() throws Exception {
        nodes.get(2).authorize(Set.of("bob")); // site2 refuses alice
        Map<String, String> parameters = Map.of("response", "wt.loss", "covariates", "age,sex");
        FederatedRun.Result partial;
        try (RemoteSites sites = new RemoteSites(endpoints, "lung", researcher, 10_000, allocator)) {
            SiteFailedException exact = assertThrows(SiteFailedException.class, () -> FederatedRun.run(
                    federated("stats.glm"), sites, parameters, allocator, false));
            assertEquals("site2", exact.site());
            partial = FederatedRun.run(federated("stats.glm"), sites, parameters, allocator, true);
        }
        assertEquals(Map.of("site0", 78L, "site1", 105L), partial.participants());
        assertEquals(List.of("site2"), List.copyOf(partial.excluded().keySet()));
        assertTrue(partial.excluded().get("site2").contains("not authorised"), partial.excluded().toString());
        double[] pooled;
        try (Table lung = CsvReader.read(Path.of(System.getProperty("daybreak.testdata.dir"), "survival_lung_sites.csv"),
                allocator); Table twoSites = rows(lung, site -> site != 2, List.of(COLUMNS))) {
            Method method = InstalledMethods.method("stats.glm");
            var result = method.apply(Map.of("data", twoSites), Parameters.bind(method.descriptor(), parameters),
                    new TestMethodContext(allocator, 1));
            result.outputs().values().forEach(Table::close);
            pooled = ((List<?>) result.summary().get("coefficients")).stream()
                    .mapToDouble(v -> ((Number) v).doubleValue()).toArray();
        }
        List<?> coefficients = (List<?>) partial.outcome().summary().get("coefficients");
        for (int a = 0; a < 3; a++) {
            double value = ((Number) coefficients.get(a)).doubleValue();
            assertEquals(pooled[a], value, 1e-11 * Math.abs(pooled[a]), "coefficient " + a);
        }
    }

    @Test
    void sitesWhoseDatasetsDifferAreAnErrorNamingSiteAndColumn() throws Exception {
        StudyPki.Credential ca = StudyPki.load(dir, "ca");
        StudyPki.issue(ca, "site3", List.of("localhost"), Duration.ofDays(1)).write(dir, "site3");
        AuditLog log = AuditLog.open(dir.resolve("site3.audit"), Clock.systemUTC());
        logs.add(log);
        Table withoutWeightLoss;
        try (Table lung = CsvReader.read(Path.of(System.getProperty("daybreak.testdata.dir"), "survival_lung_sites.csv"),
                allocator)) {
            withoutWeightLoss = rows(lung, site -> site == 0, List.of("time", "status", "age", "sex", "ph.ecog"));
        }
        SiteNode odd = new SiteNode("site3", Map.of("lung", withoutWeightLoss), Set.of(GlmReleases.METHOD),
                List.of(step("stats.glm")), List.of(federated("stats.glm")), DisclosurePolicy.DATASHIELD_DEFAULTS, log,
                allocator);
        odd.authorize(Set.of("alice"));
        servers.add(NodeServer.start(odd, 0, siteTls("site3")));
        List<RemoteSites.Endpoint> four = new ArrayList<>(endpoints);
        four.add(new RemoteSites.Endpoint("site3", "localhost", servers.get(servers.size() - 1).port()));
        try (RemoteSites sites = new RemoteSites(four, "lung", researcher, 10_000, allocator)) {
            FederatedRun.SchemaMismatchException e = assertThrows(FederatedRun.SchemaMismatchException.class,
                    () -> FederatedRun.run(federated("stats.glm"), sites, Map.of("response", "age", "covariates",
                            "sex"), allocator, true));
            assertEquals("dataset 'lung' differs between sites: site 'site3' has no column 'wt.loss', site 'site0' has",
                    e.getMessage());
        }
        try (RemoteSites sites = new RemoteSites(endpoints, "lugn", researcher, 10_000, allocator)) {
            SiteFailedException missing = assertThrows(SiteFailedException.class, () -> FederatedRun.run(
                    federated("stats.glm"), sites, Map.of("response", "age", "covariates", "sex"), allocator, false));
            assertEquals("site 'site0': offers no dataset 'lugn'", missing.getMessage());
        }
    }

    @Test
    void anUnreachableSiteIsNamed() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        List<RemoteSites.Endpoint> withDead = new ArrayList<>(endpoints);
        withDead.add(new RemoteSites.Endpoint("site-down", "localhost", closedPort));
        try (RemoteSites sites = new RemoteSites(withDead, "lung", researcher, 5_000, allocator)) {
            SiteFailedException e = assertThrows(SiteFailedException.class, () -> fitGlm(glm(sites, "age"), "age"));
            assertEquals("site-down", e.site());
        }
    }
}
