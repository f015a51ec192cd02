package io.daybreak.console.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

import org.apache.felix.service.command.Descriptor;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import io.daybreak.data.ArrowMemory;
import io.daybreak.data.InvalidInputException;
import io.daybreak.federation.FederatedMethod;
import io.daybreak.federation.audit.AuditLog;
import io.daybreak.federation.audit.AuditVerifier;
import io.daybreak.federation.grpc.Coordinator;
import io.daybreak.federation.grpc.RemoteSites;
import io.daybreak.federation.grpc.SiteNodeRunner;
import io.daybreak.federation.grpc.SiteNodes;
import io.daybreak.federation.grpc.StudyPki;
import io.daybreak.federation.grpc.TlsFiles;
import io.daybreak.federation.site.AllowList;

/**
 * The federation commands of scope {@code daybreak}: {@code node} (serve a site), {@code fed} (run a federated
 * method across nodes), {@code pki} (study certificates) and {@code audit} (verify a node's log). Thin: they
 * parse, delegate to the federation bundles and print one document (JSON with {@code --json}).
 */
@Component(service = FederationCommands.class, property = {
        "osgi.command.scope=daybreak",
        "osgi.command.function=node",
        "osgi.command.function=fed",
        "osgi.command.function=pki",
        "osgi.command.function=audit"})
public final class FederationCommands {
    private static final Set<String> JSON = Set.of("--json");
    private static final Set<String> FED_FLAGS = Set.of("--json", "--allow-partial");
    private static final Set<String> TLS = Set.of("--cert", "--key", "--trust");

    @Reference
    private ArrowMemory memory;
    @Reference
    private Coordinator coordinator;
    @Reference
    private SiteNodes siteNodes;
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    private final List<FederatedMethod> federatedMethods = new CopyOnWriteArrayList<>();

    @Descriptor("serve this site's datasets to federated analyses over gRPC with mutual TLS (runs until stopped)")
    public void node(@Descriptor("--site NAME (--data DIR | --datasets datasets.json) --port P --cert site.pem "
            + "--key site.key --trust ca.pem "
            + "--allow method[@sha256],... (--researchers cn,... | --any-study-researcher) [--bind ADDRESS] "
            + "[--policy policy.json] [--audit audit.log] [--new-audit-log]") String... args)
            throws Exception {
        CommandLine line = CommandLine.parse("node", args, Set.of("--any-study-researcher", "--new-audit-log"),
                union(TLS, Set.of("--site", "--data", "--datasets", "--port", "--allow", "--researchers", "--policy",
                        "--audit", "--bind")));
        line.requireNoPositional("node");
        line.requireNoKeyValues("node");
        // a datasets file names the node's datasets (files, DuckDB, PostgreSQL, OMOP cohorts); else --data DIR's files
        Path datasets = line.option("node", "--datasets") == null ? null : Path.of(line.option("node", "--datasets"));
        if (datasets == null && line.option("node", "--data") == null) {
            throw new InvalidInputException("node: name the site's datasets: --data DIR (every table file in it) or "
                    + "--datasets datasets.json (files, DuckDB, PostgreSQL, OMOP cohorts; docs/data.md)");
        }
        Path data = line.option("node", "--data") == null ? null : Path.of(line.option("node", "--data"));
        int port = port(required(line, "node", "--port"));
        String site = required(line, "node", "--site");
        AllowList allow;
        try {
            allow = AllowList.parse(required(line, "node", "--allow"));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("node: --allow " + e.getMessage());
        }
        Path audit = line.option("node", "--audit") == null
                ? (data != null ? data : datasets.toAbsolutePath().getParent()).resolve("audit.log")
                : Path.of(line.option("node", "--audit"));
        Path policy = line.option("node", "--policy") == null ? null : Path.of(line.option("node", "--policy"));
        Set<String> researchers = line.option("node", "--researchers") == null ? Set.of()
                : new LinkedHashSet<>(List.of(line.option("node", "--researchers").split(",")));
        boolean anyResearcher = line.flag("--any-study-researcher");
        if (researchers.isEmpty() && !anyResearcher) {
            throw new InvalidInputException("node: name the researchers this site serves (--researchers alice,bob), "
                    + "or explicitly allow any researcher of the study CA (--any-study-researcher)");
        }
        // the audit log is checked before any data is loaded, so a log that cannot be continued stops the node
        // with its own message; --new-audit-log sets such a log aside and begins a new one that records the flag
        boolean newLog = line.flag("--new-audit-log");
        try (AuditLog checked = AuditLog.open(audit, AuditLog.defaultKeyFile(audit), Clock.systemUTC(), newLog,
                newLog ? "daybreak node --new-audit-log" : null)) {
            if (newLog) {
                System.out.println("node " + site + ": started a new audit log " + audit + " (head "
                        + checked.lastHash() + ")");
            }
        } catch (IOException e) {
            throw new InvalidInputException("node: " + e.getMessage());
        }
        String bind = line.option("node", "--bind");
        SiteNodeRunner.Config config = new SiteNodeRunner.Config(site, data, bind, port, tls(line, "node"), policy,
                audit, allow.methods(), researchers, anyResearcher, datasets);
        org.apache.arrow.memory.BufferAllocator allocator = memory.newChildAllocator("node " + site);
        SiteNodeRunner runner;
        try {
            // the node serves the site steps installed now and follows bundles that come and go; pins are checked
            // whenever a step or method arrives, and every allow-listed method must be served for it to start
            runner = siteNodes.start(config, allow, allocator);
        } catch (IOException | RuntimeException e) {
            allocator.close();
            throw new InvalidInputException("node: " + e.getMessage());
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                runner.close();
                allocator.close();
            } catch (IOException | RuntimeException e) {
                System.err.println("daybreak: node " + site + ": " + e.getMessage());
            }
            stopped.countDown();
        }, "daybreak-node-shutdown"));
        System.out.println("node " + site + " serving " + runner.node().datasets().size() + " dataset(s) on "
                + (bind == null ? "every interface" : bind) + ", port " + runner.port() + " (mutual TLS); methods "
                + allow.methods() + (anyResearcher ? "; any researcher of the study CA" : "; researchers " + researchers)
                + "; audit log " + audit);
        System.out.flush();
        stopped.await();
    }

    @Descriptor("run a federated method across site nodes; prints the result and its certificate")
    public void fed(@Descriptor("<method> --nodes a=host:port,b=host:port --cert researcher.pem --key researcher.key "
            + "--trust ca.pem dataset=NAME [key=value ...] [--deadline ms] [--allow-partial] "
            + "[--pin site=digest,...] [--save result.json] [--json]") String... args) throws Exception {
        DaybreakCommands.execute(args, () -> {
            CommandLine line = CommandLine.parse("fed", args, FED_FLAGS, union(TLS, Set.of("--nodes", "--deadline",
                    "--save", "--pin")));
            Map<String, String> pins = pins(line.option("fed", "--pin"));
            Path save = line.option("fed", "--save") == null ? null : Output.jsonOutput("fed", line.option("fed", "--save"));
            String id = line.onlyPositional("fed", "federated method id");
            FederatedMethod method = federatedMethods.stream().filter(m -> m.id().equals(id)).findFirst()
                    .orElseThrow(() -> DaybreakCommands.noFederatedMethod("fed", id, federatedMethods));
            Map<String, String> parameters = new LinkedHashMap<>(line.keyValues());
            String dataset = parameters.remove("dataset");
            if (dataset == null) {
                throw new InvalidInputException("fed: parameter 'dataset' is required (the dataset name at the sites)");
            }
            try (org.apache.arrow.memory.BufferAllocator allocator = memory.newChildAllocator("fed " + id);
                    RemoteSites sites = sites(line, "fed", dataset, allocator)) {
                Map<String, Object> document;
                try {
                    document = coordinator.run(method, sites, parameters, allocator, line.flag("--allow-partial"), pins);
                } catch (IllegalArgumentException e) {
                    throw new InvalidInputException("fed " + id + ": " + e.getMessage());
                }
                if (save != null) {
                    Output.writeJson(save, document);
                }
                return document;
            }
        }, (out, document) -> {
            out.println(document.get("method") + " (federated)");
            @SuppressWarnings("unchecked")
            Map<String, Object> summary = (Map<String, Object>) document.get("summary");
            Output.keyValues(out, summary, "  ");
            if (Output.hasLongList(summary)) {
                out.println("  (" + Output.LONG_LIST_NOTE + "; --save file writes it as JSON)");
            }
            out.println("certificate:");
            @SuppressWarnings("unchecked")
            Map<String, Object> certificate = (Map<String, Object>) document.get("certificate");
            Output.keyValues(out, certificate, "  ");
        });
    }

    /** Lists the datasets each node offers (called as fed-datasets through {@link FedDatasetsFunction}). */
    void fedDatasets(String... args) throws Exception {
        DaybreakCommands.execute(args, () -> {
            CommandLine line = CommandLine.parse("fed-datasets", args, JSON, union(TLS, Set.of("--nodes", "--deadline")));
            line.requireNoPositional("fed-datasets");
            line.requireNoKeyValues("fed-datasets");
            try (org.apache.arrow.memory.BufferAllocator allocator = memory.newChildAllocator("fed-datasets");
                    RemoteSites sites = sites(line, "fed-datasets", "", allocator)) {
                List<Object> rows = new ArrayList<>();
                sites.datasets().forEach((site, datasets) -> datasets.forEach(d -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("site", site);
                    row.put("dataset", d.name());
                    row.put("rows", d.rows());
                    row.put("columns", new ArrayList<Object>(d.columns()));
                    row.put("types", new ArrayList<Object>(d.types()));
                    row.put("digest", d.digest());
                    rows.add(row);
                }));
                Map<String, Object> document = new LinkedHashMap<>();
                document.put("datasets", rows);
                return document;
            }
        }, (out, document) -> {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> rows = (List<Map<String, Object>>) document.get("datasets");
            List<List<String>> table = new ArrayList<>();
            for (Map<String, Object> row : rows) {
                table.add(List.of(String.valueOf(row.get("site")), String.valueOf(row.get("dataset")),
                        String.valueOf(row.get("rows")), String.valueOf(row.get("digest")),
                        String.valueOf(row.get("columns"))));
            }
            Output.table(out, List.of("site", "dataset", "rows", "digest", "columns"), table);
        });
    }

    @Descriptor("study certificates: 'pki init' creates the study CA, 'pki issue' a site or researcher certificate")
    public void pki(@Descriptor("init --dir DIR --study NAME [--days N] | issue --dir DIR --name NAME "
            + "[--hosts host,...] [--days N] [--json]") String... args) throws Exception {
        DaybreakCommands.execute(args, () -> {
            CommandLine line = CommandLine.parse("pki", args, JSON, Set.of("--dir", "--study", "--name", "--hosts",
                    "--days"));
            String action = line.onlyPositional("pki", "action (init or issue)");
            Path dir = Path.of(required(line, "pki", "--dir"));
            Duration validity = Duration.ofDays(line.option("pki", "--days") == null ? 365
                    : positive(line.option("pki", "--days"), "--days"));
            Map<String, Object> document = new LinkedHashMap<>();
            try {
                if (action.equals("init")) {
                    if (Files.exists(dir.resolve("ca.key"))) {
                        throw new InvalidInputException("pki init: " + dir.resolve("ca.key") + " exists; refusing to "
                                + "replace a study CA");
                    }
                    StudyPki.createAuthority(required(line, "pki", "--study"), validity).write(dir, "ca");
                    document.put("created", List.of(dir.resolve("ca.pem").toString(), dir.resolve("ca.key").toString()));
                } else if (action.equals("issue")) {
                    String name = required(line, "pki", "--name");
                    List<String> hosts = line.option("pki", "--hosts") == null ? List.of()
                            : List.of(line.option("pki", "--hosts").split(","));
                    StudyPki.issue(StudyPki.load(dir, "ca"), name, hosts, validity).write(dir, name);
                    document.put("created", List.of(dir.resolve(name + ".pem").toString(),
                            dir.resolve(name + ".key").toString()));
                    document.put("use", hosts.isEmpty() ? "researcher (client)" : "site (server and client)");
                } else {
                    throw new InvalidInputException("pki: unknown action '" + action + "'; allowed: init, issue");
                }
            } catch (GeneralSecurityException e) {
                throw new InvalidInputException("pki " + action + ": " + e.getMessage());
            }
            return document;
        }, (out, document) -> Output.keyValues(out, document, ""));
    }

    @Descriptor("verify a node's audit log with its key: every entry intact, in order, none missing, none rewritten")
    public void audit(@Descriptor("verify --log audit.log [--key audit.log.key] [--json]") String... args)
            throws Exception {
        DaybreakCommands.execute(args, () -> {
            CommandLine line = CommandLine.parse("audit", args, JSON, Set.of("--log", "--key"));
            List<String> positional = line.positional();
            String named = line.option("audit", "--log");
            // 'audit verify <audit.log>' is the form before --log, still accepted
            if (positional.size() != (named == null ? 2 : 1) || !positional.get(0).equals("verify")) {
                throw new InvalidInputException("audit: usage: audit verify --log <audit.log> [--key <audit.log.key>]");
            }
            Path file = Path.of(named != null ? named : positional.get(1));
            Path key = line.option("audit", "--key") == null ? AuditLog.defaultKeyFile(file)
                    : Path.of(line.option("audit", "--key"));
            if (!Files.isReadable(file)) {
                throw new InvalidInputException("audit verify: cannot read " + file);
            }
            AuditVerifier.Result result = AuditVerifier.verify(file, key);
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("file", file.toString());
            document.put("key", key.toString());
            document.put("intact", result.intact());
            document.put("entries", result.entries());
            document.put("head", result.lastHash());
            if (!result.intact()) {
                document.put("problem", result.problem());
            }
            if (!result.intact()) {
                throw new AuditBrokenException(document);
            }
            return document;
        }, (out, document) -> Output.keyValues(out, document, ""));
    }

    private static RemoteSites sites(CommandLine line, String command, String dataset,
            org.apache.arrow.memory.BufferAllocator allocator) throws IOException {
        List<RemoteSites.Endpoint> endpoints;
        try {
            endpoints = RemoteSites.Endpoint.parseList(required(line, command, "--nodes"));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(command + ": --nodes " + e.getMessage());
        }
        long deadline = line.option(command, "--deadline") == null ? 60_000
                : positive(line.option(command, "--deadline"), "--deadline");
        return new RemoteSites(endpoints, dataset, tls(line, command), deadline, allocator);
    }

    /**
     * The dataset versions a --pin option requires: {@code site=digest,site=digest} with the digests fed-datasets
     * shows; none without the option.
     */
    static Map<String, String> pins(String text) {
        Map<String, String> pins = new LinkedHashMap<>();
        if (text == null) {
            return pins;
        }
        for (String entry : text.split(",")) {
            String[] siteAndDigest = entry.strip().split("=", 2);
            if (siteAndDigest.length != 2 || siteAndDigest[0].isBlank()
                    || !io.daybreak.federation.site.DatasetVersions.DIGEST.matcher(siteAndDigest[1].strip()).matches()) {
                throw new InvalidInputException("fed: --pin entry '" + entry.strip() + "' is not site=digest (the 64 "
                        + "hex digits fed-datasets shows for the site's dataset)");
            }
            if (pins.put(siteAndDigest[0].strip(), siteAndDigest[1].strip()) != null) {
                throw new InvalidInputException("fed: --pin names site '" + siteAndDigest[0].strip() + "' twice");
            }
        }
        return pins;
    }

    private static TlsFiles tls(CommandLine line, String command) {
        try {
            return new TlsFiles(Path.of(required(line, command, "--cert")), Path.of(required(line, command, "--key")),
                    Path.of(required(line, command, "--trust")));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(command + ": " + e.getMessage());
        }
    }

    private static String required(CommandLine line, String command, String option) {
        String value = line.option(command, option);
        if (value == null) {
            throw new InvalidInputException(command + ": option " + option + " is required");
        }
        return value;
    }

    private static int port(String text) {
        int port = (int) positive(text, "port");
        if (port > 65535) {
            throw new InvalidInputException("port " + port + " is out of range; allowed: 1 to 65535");
        }
        return port;
    }

    private static long positive(String text, String what) {
        try {
            long value = Long.parseLong(text);
            if (value <= 0) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new InvalidInputException(what + " must be a positive whole number, got '" + text + "'");
        }
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new LinkedHashSet<>(a);
        all.addAll(b);
        return all;
    }

    /** A broken audit log: reported as a failure (exit code 1) with the verification document. */
    static final class AuditBrokenException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        AuditBrokenException(Map<String, Object> document) {
            super("audit log not intact: " + document.get("problem"));
        }
    }
}
