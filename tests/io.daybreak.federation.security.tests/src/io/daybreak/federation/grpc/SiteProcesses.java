package io.daybreak.federation.grpc;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.daybreak.federation.analysis.SignedRelease;
import io.daybreak.federation.analysis.StepRequest;
import io.daybreak.federation.grpc.Attacker.Connection;

/**
 * Three site nodes as separate processes of the materialized console product ({@code ./daybreak node}), on
 * loopback with mutual TLS, each holding its part of R's lung data (split by institution, plus {@code dead} =
 * status 2), a study CA and certificates for the sites, for the authorised researcher alice and for mallory, whom
 * no site authorised. The nodes run with the default disclosure policy unless a policy file is given.
 */
final class SiteProcesses implements AutoCloseable {
    static final List<String> SITES = List.of("site0", "site1", "site2");
    static final String ALLOW = "stats.glm,stats.firth,stats.cox,stats.km,stats.table,stats.describe";

    final Path dir;
    final Map<String, Integer> ports = new LinkedHashMap<>();
    private final List<Process> processes = new ArrayList<>();

    private SiteProcesses(Path dir) {
        this.dir = dir;
    }

    /** Starts the three nodes; {@code policy} is the policy file's JSON, or null for the defaults. */
    static SiteProcesses start(Path dir, String policy) throws Exception {
        SiteProcesses sites = new SiteProcesses(dir);
        try {
            sites.startAll(policy);
        } catch (Exception | Error e) {
            sites.close();
            throw e;
        }
        return sites;
    }

    private void startAll(String policy) throws Exception {
        StudyPki.Credential ca = StudyPki.createAuthority("lung", Duration.ofDays(1));
        ca.write(dir, "ca");
        for (String researcher : List.of("alice", "mallory")) {
            StudyPki.issue(ca, researcher, List.of(), Duration.ofDays(1)).write(dir, researcher);
        }
        for (String site : SITES) {
            StudyPki.issue(ca, site, List.of("localhost", "127.0.0.1"), Duration.ofDays(1)).write(dir, site);
        }
        splitLung();
        Path policyFile = null;
        if (policy != null) {
            policyFile = dir.resolve("policy.json");
            Files.writeString(policyFile, policy);
        }
        for (String site : SITES) {
            int port = freePort();
            ports.put(site, port);
            List<String> command = new ArrayList<>(List.of(System.getProperty("daybreak.launcher"), "node", "--site",
                    site, "--data", dir.resolve(site).toString(), "--bind", "127.0.0.1", "--port",
                    Integer.toString(port), "--cert", dir.resolve(site + ".pem").toString(), "--key",
                    dir.resolve(site + ".key").toString(), "--trust", dir.resolve("ca.pem").toString(), "--allow", ALLOW,
                    "--researchers", "alice"));
            if (policyFile != null) {
                command.addAll(List.of("--policy", policyFile.toString()));
            }
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(dir.resolve(site + ".out").toFile());
            builder.environment().put("DAYBREAK_HOME", System.getProperty("daybreak.home"));
            processes.add(builder.start());
        }
        for (String site : SITES) {
            awaitServing(site);
        }
    }

    private void awaitServing(String site) throws Exception {
        Path out = dir.resolve(site + ".out");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            if (Files.exists(out) && Files.readString(out).contains("serving")) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("node " + site + " did not start: " + (Files.exists(out)
                ? Files.readString(out) : "no output"));
    }

    /** The lung rows of each site in {@code siteN/lung.csv}, without the site column, plus dead = (status == 2). */
    private void splitLung() throws IOException {
        Path home = Path.of(System.getProperty("daybreak.home"));
        if (!Files.isDirectory(home.resolve("plugins"))) {
            throw new IllegalStateException("no console product at " + home + ": the attack suite runs after "
                    + "releng/io.daybreak.product.console is built (./mvnw -B verify)");
        }
        List<String> lines = Files.readAllLines(Path.of(System.getProperty("daybreak.testdata.dir"),
                "survival_lung_sites.csv"), StandardCharsets.UTF_8);
        String header = lines.get(0).substring(0, lines.get(0).lastIndexOf(',')) + ",dead";
        for (int s = 0; s < SITES.size(); s++) {
            List<String> rows = new ArrayList<>(List.of(header));
            for (String line : lines.subList(1, lines.size())) {
                int last = line.lastIndexOf(',');
                if (Integer.parseInt(line.substring(last + 1).strip()) == s) {
                    String[] fields = line.split(",", -1);
                    rows.add(line.substring(0, last) + "," + ("2".equals(fields[2]) ? 1 : 0));
                }
            }
            Files.createDirectories(dir.resolve(SITES.get(s)));
            Files.write(dir.resolve(SITES.get(s)).resolve("lung.csv"), rows, StandardCharsets.UTF_8);
        }
    }

    TlsFiles tls(String party) {
        return new TlsFiles(dir.resolve(party + ".pem"), dir.resolve(party + ".key"), dir.resolve("ca.pem"));
    }

    /** A connection to a site as {@code party} (a researcher, or a site using its own certificate). */
    Connection connect(String site, String party) throws IOException {
        return Attacker.connect(ports.get(site), tls(party));
    }

    /** The audit log of a site, line by line. */
    List<String> audit(String site) throws IOException {
        return Files.readAllLines(dir.resolve(site).resolve("audit.log"), StandardCharsets.UTF_8);
    }

    /** Sends one round to every site of the request's analysis as {@code party}; every site must release. */
    List<SignedRelease> round(StepRequest request, String party) throws IOException {
        List<SignedRelease> releases = new ArrayList<>();
        for (String site : request.spec().sites()) {
            try (Connection connection = connect(site, party)) {
                releases.add(connection.run(request));
            }
        }
        return releases;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        for (Process process : processes) {
            process.destroy();
        }
        for (Process process : processes) {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
