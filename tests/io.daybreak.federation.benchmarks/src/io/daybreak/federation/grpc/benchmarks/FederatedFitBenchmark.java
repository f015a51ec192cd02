package io.daybreak.federation.grpc.benchmarks;

import static io.daybreak.core.testing.InstalledMethods.step;
import static io.daybreak.core.testing.InstalledMethods.federated;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Supplier;

import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.memory.unsafe.UnsafeAllocationManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.daybreak.core.testing.InstalledMethods;
import io.daybreak.core.method.MethodResult;
import io.daybreak.core.method.Parameters;
import io.daybreak.core.testing.TestMethodContext;
import io.daybreak.data.Table;
import io.daybreak.data.TableBuilder;
import io.daybreak.federation.audit.AuditLog;
import io.daybreak.federation.grpc.NodeServer;
import io.daybreak.federation.grpc.RemoteSites;
import io.daybreak.federation.grpc.StudyPki;
import io.daybreak.federation.grpc.TlsFiles;
import io.daybreak.federation.policy.DisclosurePolicy;
import io.daybreak.federation.site.SiteNode;
import io.daybreak.stats.models.glm.GlmFamily;
import io.daybreak.stats.federated.GlmFederated;
import io.daybreak.federation.analysis.AnalysisSpec;
import io.daybreak.stats.federated.CoxFederated;
import io.daybreak.stats.federated.CoxReleases;
import io.daybreak.stats.federated.GlmReleases;

/**
 * Federated against pooled fits at the issue's scale: 3 sites x 1,000,000 rows, 10 covariates, logistic
 * regression and a Cox model (times in whole days, so ties), the sites as three gRPC servers with mutual TLS
 * on loopback in this JVM, the pooled fit in process on the union of the data. Reports the median of three
 * runs of each, the ratio, and the latency per round. Asserts nothing; only with
 * {@code ./mvnw -B verify -Pbenchmarks} (docs/benchmarks.md). {@code -Ddaybreak.benchmark.rows=N} changes
 * the rows per site.
 */
class FederatedFitBenchmark {
    private static final int SITES = 3;
    private static final int COVARIATES = 10;

    @TempDir
    Path dir;

    @Test
    void federatedAgainstPooled() throws Exception {
        int rows = Integer.getInteger("daybreak.benchmark.rows", 1_000_000);
        StringBuilder report = new StringBuilder();
        try (BufferAllocator allocator = new RootAllocator(RootAllocator.configBuilder()
                .allocationManagerFactory(UnsafeAllocationManager.FACTORY).build())) {
            List<Table> sites = new ArrayList<>();
            for (int s = 0; s < SITES; s++) {
                sites.add(data(allocator, rows, 1000L + s));
            }
            List<String> covariates = new ArrayList<>();
            for (int j = 1; j <= COVARIATES; j++) {
                covariates.add("x" + j);
            }
            StudyPki.Credential ca = StudyPki.createAuthority("benchmark", Duration.ofDays(1));
            ca.write(dir, "ca");
            StudyPki.issue(ca, "researcher", List.of(), Duration.ofDays(1)).write(dir, "researcher");
            List<NodeServer> servers = new ArrayList<>();
            List<AuditLog> logs = new ArrayList<>();
            List<RemoteSites.Endpoint> endpoints = new ArrayList<>();
            // exact Cox with a common baseline hazard: the sites opt into event times, and into grid times with fewer
            // than three events and risk sets one patient apart, which follow-up in days has (ADR 0006)
            DisclosurePolicy policy = DisclosurePolicy.DATASHIELD_DEFAULTS.withReleaseEventTimes(true).withMinCellCount(1)
                    .withMinRiskSetChange(1);
            for (int s = 0; s < SITES; s++) {
                String name = "site" + s;
                StudyPki.issue(ca, name, List.of("localhost", "127.0.0.1"), Duration.ofDays(1)).write(dir, name);
                AuditLog log = AuditLog.open(dir.resolve(name + ".audit"), Clock.systemUTC());
                logs.add(log);
                SiteNode node = new SiteNode(name, Map.of("trial", sites.get(s)), Set.of(GlmReleases.METHOD,
                        CoxReleases.METHOD), List.of(step("stats.glm"), step("stats.cox")), List.of(
                                federated("stats.glm"), federated("stats.cox")), policy, log, allocator);
                node.authorize(Set.of("researcher"));
                NodeServer server = NodeServer.start(node, 0, new TlsFiles(dir.resolve(name + ".pem"),
                        dir.resolve(name + ".key"), dir.resolve("ca.pem")));
                servers.add(server);
                endpoints.add(new RemoteSites.Endpoint(name, "localhost", server.port()));
            }
            TlsFiles researcher = new TlsFiles(dir.resolve("researcher.pem"), dir.resolve("researcher.key"),
                    dir.resolve("ca.pem"));
            try (Table pooled = union(allocator, sites);
                    RemoteSites remote = new RemoteSites(endpoints, "trial", researcher, 600_000, allocator)) {
                int[] rounds = new int[1];
                double federatedGlm = median(() -> {
                    rounds[0] = GlmFederated.fit(remote.open(AnalysisSpec.open(GlmReleases.METHOD, "trial", Map.of(
                            "response", "y", "covariates", String.join(",", covariates), "family", "binomial"),
                            remote.names())), "y", covariates, GlmFamily.BINOMIAL).rounds();
                    return null;
                });
                double pooledGlm = median(() -> run(InstalledMethods.method("stats.glm"), pooled, Map.of("response", "y",
                        "covariates", String.join(",", covariates), "family", "binomial"), allocator));
                report.append(String.format("logistic regression, %d sites x %,d rows, %d covariates: federated %.0f ms "
                        + "(%d rounds, %.0f ms per round), pooled in process %.0f ms, ratio %.2f%n", SITES, rows, COVARIATES,
                        federatedGlm, rounds[0], federatedGlm / rounds[0], pooledGlm, federatedGlm / pooledGlm));
                double federatedCox = median(() -> {
                    rounds[0] = CoxFederated.fit(remote.open(AnalysisSpec.open(CoxReleases.METHOD, "trial", Map.of(
                            "covariates", String.join(",", covariates)), remote.names())), "time", "status", 1,
                            covariates, true, false).rounds();
                    return null;
                });
                double pooledCox = median(() -> run(InstalledMethods.method("stats.cox"), pooled, Map.of("covariates",
                        String.join(",", covariates)), allocator));
                report.append(String.format("Cox (Efron, common baseline), same data: federated %.0f ms (%d rounds, %.0f ms "
                        + "per round), pooled in process %.0f ms, ratio %.2f%n", federatedCox, rounds[0],
                        federatedCox / rounds[0], pooledCox, federatedCox / pooledCox));
            } finally {
                for (NodeServer server : servers) {
                    server.close();
                }
                for (AuditLog log : logs) {
                    log.close();
                }
                sites.forEach(Table::close);
            }
        }
        report.append(String.format("java %s, %d processors, max heap %d MB%n", Runtime.version(),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20));
        System.out.print(report);
        String file = System.getProperty("daybreak.benchmark.report");
        if (file != null) {
            Files.writeString(Path.of(file), report.toString());
        }
    }

    /** Rows with 10 standard normal covariates, a logistic response and a Cox outcome in whole days. */
    private static Table data(BufferAllocator allocator, int rows, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] x = new double[COVARIATES][rows];
        double[] y = new double[rows];
        double[] time = new double[rows];
        double[] status = new double[rows];
        for (int i = 0; i < rows; i++) {
            double eta = 0.3;
            double hazardEta = 0;
            for (int j = 0; j < COVARIATES; j++) {
                x[j][i] = gaussian(random);
                eta += 0.05 * (j + 1) * x[j][i] / COVARIATES;
                hazardEta += 0.02 * (j - COVARIATES / 2.0) * x[j][i];
            }
            y[i] = random.nextDouble() < 1 / (1 + Math.exp(-eta)) ? 1 : 0;
            double death = -Math.log1p(-random.nextDouble()) / (0.002 * Math.exp(hazardEta));
            double censor = 365 + 365 * random.nextDouble();
            time[i] = Math.ceil(Math.min(death, censor));
            status[i] = death <= censor ? 1 : 0;
        }
        TableBuilder builder = Table.builder(allocator).addFloat64("y", y).addFloat64("time", time)
                .addFloat64("status", status);
        for (int j = 0; j < COVARIATES; j++) {
            builder.addFloat64("x" + (j + 1), x[j]);
        }
        return builder.build();
    }

    private static double gaussian(SplittableRandom random) {
        // Box-Muller, one of the pair
        return Math.sqrt(-2 * Math.log1p(-random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    private static Table union(BufferAllocator allocator, List<Table> sites) {
        TableBuilder builder = Table.builder(allocator);
        for (String name : sites.get(0).columnNames()) {
            double[] all = new double[sites.stream().mapToInt(Table::rowCount).sum()];
            int offset = 0;
            for (Table site : sites) {
                var column = site.doubles(name);
                for (int i = 0; i < site.rowCount(); i++) {
                    all[offset++] = column.get(i);
                }
            }
            builder.addFloat64(name, all);
        }
        return builder.build();
    }

    private static Object run(io.daybreak.core.method.Method method, Table data, Map<String, String> raw,
            BufferAllocator allocator) {
        MethodResult result;
        try {
            result = method.apply(Map.of("data", data), Parameters.bind(method.descriptor(), raw),
                    new TestMethodContext(allocator, 1));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        result.outputs().values().forEach(Table::close);
        return result;
    }

    private static double median(Supplier<Object> action) {
        double[] ms = new double[3];
        for (int i = 0; i < ms.length; i++) {
            long start = System.nanoTime();
            action.get();
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(ms);
        return ms[1];
    }
}
