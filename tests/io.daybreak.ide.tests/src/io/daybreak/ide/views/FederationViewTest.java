package io.daybreak.ide.views;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.arrow.memory.BufferAllocator;
import org.junit.jupiter.api.Test;

import io.daybreak.core.jobs.JobService;
import io.daybreak.core.jobs.RunRequest;
import io.daybreak.core.jobs.RunResult;
import io.daybreak.core.study.Study;
import io.daybreak.core.study.StudyFiles;
import io.daybreak.data.ArrowMemory;
import io.daybreak.federation.FederatedMethod;
import io.daybreak.federation.SiteStep;
import io.daybreak.federation.audit.AuditLog;
import io.daybreak.federation.grpc.Coordinator;
import io.daybreak.federation.grpc.NodeServer;
import io.daybreak.federation.grpc.StudyPki;
import io.daybreak.federation.grpc.TlsFiles;
import io.daybreak.federation.policy.DisclosurePolicy;
import io.daybreak.federation.site.SiteNode;

/**
 * The Federation view against two real site nodes (gRPC servers with mutual TLS from a study CA, each with its
 * own synthetic patients) and one that is down: the sites' datasets are listed, the dead one is named, and a
 * federated logistic regression returns its result and certificate.
 */
class FederationViewTest extends UiTestSupport {

    @Test
    void listsWhatSitesOfferAndRunsAFederatedAnalysisWithItsCertificate() throws Exception {
        Path dir = Files.createTempDirectory("daybreak-federation-ui");
        StudyPki.Credential ca = StudyPki.createAuthority("ui", Duration.ofDays(1));
        ca.write(dir, "ca");
        StudyPki.issue(ca, "alice", List.of(), Duration.ofDays(1)).write(dir, "alice");
        JobService jobs = service(JobService.class);
        List<SiteStep> steps = new ArrayList<>();
        context().getServiceReferences(SiteStep.class, null).forEach(r -> steps.add(context().getService(r)));
        List<io.daybreak.federation.FederatedMethod> federatedMethods = new ArrayList<>();
        context().getServiceReferences(io.daybreak.federation.FederatedMethod.class, null)
                .forEach(r -> federatedMethods.add(context().getService(r)));
        List<FederatedMethod> methods = new ArrayList<>();
        context().getServiceReferences(FederatedMethod.class, null).forEach(r -> methods.add(context().getService(r)));
        List<NodeServer> servers = new ArrayList<>();
        List<AuditLog> logs = new ArrayList<>();
        List<RunResult> data = new ArrayList<>();
        try (BufferAllocator allocator = service(ArrowMemory.class).newChildAllocator("federation ui test")) {
            StringBuilder nodes = new StringBuilder();
            for (int s = 0; s < 2; s++) {
                String name = "site" + s;
                StudyPki.issue(ca, name, List.of("localhost", "127.0.0.1"), Duration.ofDays(1)).write(dir, name);
                RunResult patients = jobs.run(new RunRequest("stats.simulate-trial", Map.of("n", "150", "firstId",
                        Integer.toString(1000 * (s + 1))), Map.of(), (long) s + 1));
                data.add(patients);
                AuditLog log = AuditLog.open(dir.resolve(name + ".audit"), Clock.systemUTC());
                logs.add(log);
                SiteNode node = new SiteNode(name, Map.of("patients", patients.output("patients")), Set.of("stats.glm"),
                        steps, federatedMethods, DisclosurePolicy.DATASHIELD_DEFAULTS, log, allocator);
                node.authorize(Set.of("alice"));
                NodeServer server = NodeServer.start(node, 0, new TlsFiles(dir.resolve(name + ".pem"),
                        dir.resolve(name + ".key"), dir.resolve("ca.pem")));
                servers.add(server);
                nodes.append(name).append("=localhost:").append(server.port()).append(',');
            }
            int closed;
            try (ServerSocket socket = new ServerSocket(0)) {
                closed = socket.getLocalPort();
            }
            nodes.append("site-down=localhost:").append(closed);
            // the view runs analyses through the Coordinator service, as the Federation part does
            Coordinator coordinator = service(Coordinator.class);
            FederationView view = new FederationView(shell, () -> methods, () -> coordinator, allocator);
            view.configure(nodes.toString(), dir.resolve("alice.pem"), dir.resolve("alice.key"), dir.resolve("ca.pem"));
            show();
            view.connect();
            assertTrue(spin(Duration.ofSeconds(60), () -> view.siteRows().size() == 3), view.statusText());
            assertEquals("site0 ok patients 150", view.siteRows().get(0));
            assertEquals("site1 ok patients 150", view.siteRows().get(1));
            assertTrue(view.siteRows().get(2).startsWith("site-down unavailable"), view.siteRows().get(2));
            // an exact analysis needs every listed site: reconnect to the two that answer, then run
            view.configure(nodes.substring(0, nodes.lastIndexOf(",site-down")), dir.resolve("alice.pem"),
                    dir.resolve("alice.key"), dir.resolve("ca.pem"));
            view.connect();
            assertTrue(spin(Duration.ofSeconds(60), () -> view.siteRows().size() == 2), view.statusText());
            // the method's form is generated from its descriptor: a model given neither as a formula nor as
            // covariates breaks the rule across parameters; the form says so and the analysis does not start
            view.choose("stats.glm", "patients", Map.of("response", "response", "covariates", ""));
            assertEquals("", view.parameterProblem("covariates"), "optional: a formula can stand in for it");
            // the federated form's column parameters offer the columns the sites describe for the dataset
            assertTrue(view.columnChoices("response").containsAll(java.util.List.of("response", "age", "arm")),
                    view.columnChoices("response").toString());
            view.runSelected();
            assertTrue(view.statusText().contains("covariates"), view.statusText());
            assertTrue(view.resultText().isEmpty() || !view.resultText().contains("certificate"), view.resultText());
            view.choose("stats.glm", "patients", Map.of("response", "response", "covariates", "arm,age", "family",
                    "binomial"));
            view.runSelected();
            assertTrue(spin(Duration.ofSeconds(60), () -> view.resultText().contains("certificate")), view.statusText());
            String result = view.resultText();
            assertTrue(result.contains("coefficients: [") && result.contains("converged: true"), result);
            assertTrue(result.contains("site=site0, n=150") && result.contains("site=site1, n=150"), result);
            screenshot("federation");

            // Save Study: the analysis as a study file, certificate paths relative to it; Open Study in a fresh
            // view and Run federated gives the same result
            Path file = dir.resolve("glm.study.json");
            StudyFiles.write(view.study(dir), file);
            Study saved = StudyFiles.read(file);
            assertEquals("stats.glm", saved.method());
            assertEquals("patients", saved.federation().dataset());
            assertEquals("alice.pem", saved.federation().certificate());
            // the form generated from the method's descriptor: what was typed, and the defaults it shows
            assertEquals(Map.of("response", "response", "covariates", "arm,age", "family", "binomial", "combine",
                    "exact"), saved.parameters());
            assertEquals(2, saved.federation().nodes().size());
            FederationView reopened = new FederationView(shell, () -> methods, () -> coordinator, allocator);
            shell.layout(true, true);
            reopened.load(saved, dir);
            assertEquals(saved, reopened.study(dir));
            reopened.connect();
            assertTrue(spin(Duration.ofSeconds(60), () -> reopened.siteRows().size() == 2), reopened.statusText());
            reopened.runSelected();
            assertTrue(spin(Duration.ofSeconds(60), () -> reopened.resultText().contains("certificate")),
                    reopened.statusText());
            assertEquals(coefficients(result), coefficients(reopened.resultText()));
        } finally {
            for (NodeServer server : servers) {
                server.close();
            }
            for (AuditLog log : logs) {
                log.close();
            }
            data.forEach(RunResult::close);
        }
    }

    private static String coefficients(String resultText) {
        return resultText.lines().filter(l -> l.strip().startsWith("coefficients:")).findFirst().orElse("none");
    }
}
