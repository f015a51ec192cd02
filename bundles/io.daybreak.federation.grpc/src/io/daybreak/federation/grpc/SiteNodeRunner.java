package io.daybreak.federation.grpc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.arrow.memory.BufferAllocator;

import io.daybreak.data.Table;
import io.daybreak.data.files.TableFiles;
import io.daybreak.federation.FederatedMethod;
import io.daybreak.federation.SiteStep;
import io.daybreak.federation.audit.AuditLog;
import io.daybreak.federation.ledger.RowSetLedger;
import io.daybreak.federation.policy.DisclosurePolicy;
import io.daybreak.federation.site.DatasetVersions;
import io.daybreak.federation.site.SiteNode;
import io.daybreak.federation.sources.NodeDatasets;

/**
 * Starts a site node from its configuration: its datasets — those a datasets file names ({@link NodeDatasets}: table
 * files, embedded DuckDB over Parquet/CSV files, PostgreSQL tables, views, queries and OMOP cohorts, materialised
 * once, all or nothing), or else every table file in the data directory, named after the file (without extension) —
 * the policy file (or DataSHIELD's defaults), the audit log (opened and verified), the key that names dataset
 * versions (beside the audit log, made at the first start), the allow-list, and a mutual-TLS gRPC server. Closing
 * stops the server, then closes the log and the datasets. A node whose code follows the installed bundles, with
 * pinned methods, is started by {@link SiteNodes}.
 */
public final class SiteNodeRunner implements AutoCloseable {
    /**
     * A node's configuration; {@code policy} may be null (defaults), {@code bindAddress} null (every interface).
     * A node serves the researchers named in {@code authorizedResearchers}, or, only when
     * {@code anyStudyResearcher} is set, any researcher the study CA certified (never another site). With a
     * {@code datasets} file the node serves exactly the datasets it names and {@code dataDirectory} may be null;
     * without one, every table file in {@code dataDirectory}.
     */
    public record Config(String site, Path dataDirectory, String bindAddress, int port, TlsFiles tls, Path policy,
            Path auditLog, Set<String> allowedMethods, Set<String> authorizedResearchers, boolean anyStudyResearcher,
            Path datasets) {
        public Config {
            if (authorizedResearchers.isEmpty() && !anyStudyResearcher) {
                throw new IllegalArgumentException("a node must be told whom it serves: name the researchers "
                        + "(--researchers alice,bob) or, explicitly, any study researcher (--any-study-researcher)");
            }
            if (dataDirectory == null && datasets == null) {
                throw new IllegalArgumentException("a node needs a data directory (--data DIR) or a datasets file "
                        + "(--datasets datasets.json)");
            }
        }

        /** A node serving every table file of its data directory. */
        public Config(String site, Path dataDirectory, String bindAddress, int port, TlsFiles tls, Path policy,
                Path auditLog, Set<String> allowedMethods, Set<String> authorizedResearchers,
                boolean anyStudyResearcher) {
            this(site, dataDirectory, bindAddress, port, tls, policy, auditLog, allowedMethods, authorizedResearchers,
                    anyStudyResearcher, null);
        }
    }

    private final NodeServer server;
    private final AuditLog audit;
    private final RowSetLedger ledger;
    private final List<Table> tables;
    private final SiteNode node;
    private final Runnable onClose;

    private SiteNodeRunner(NodeServer server, AuditLog audit, RowSetLedger ledger, List<Table> tables, SiteNode node,
            Runnable onClose) {
        this.server = server;
        this.audit = audit;
        this.ledger = ledger;
        this.tables = tables;
        this.node = node;
        this.onClose = onClose;
    }

    /** Makes the node, with its code installed, once its datasets, policy, audit log and ledger are open. */
    interface NodeFactory {
        SiteNode create(Map<String, Table> datasets, DisclosurePolicy policy, AuditLog audit, RowSetLedger ledger);
    }

    /** A node serving exactly these steps and methods for as long as it runs, unpinned. */
    public static SiteNodeRunner start(Config config, List<SiteStep> steps, List<FederatedMethod> methods,
            BufferAllocator allocator) throws IOException {
        return start(config, steps.stream().map(SiteStep::method).toList(), (datasets, policy, audit, ledger) ->
                new SiteNode(config.site(), datasets, config.allowedMethods(), steps, methods, policy, audit, allocator,
                        ledger), () -> { }, allocator);
    }

    /**
     * @param available the methods whose site steps are installed now, to refuse a wrong allow-list before anything
     *                  is opened
     * @param factory   makes the node; it must serve every allow-listed method ({@link SiteNode#checkAllowList()})
     * @param onClose   run first when the runner closes, before its audit log is; not run when the start fails
     */
    static SiteNodeRunner start(Config config, Collection<String> available, NodeFactory factory, Runnable onClose,
            BufferAllocator allocator) throws IOException {
        if (config.datasets() == null && !Files.isDirectory(config.dataDirectory())) {
            throw new IOException("data directory " + config.dataDirectory() + " does not exist");
        }
        // a datasets file is checked (syntax, files, cohort definitions) before anything is opened
        NodeDatasets sources = config.datasets() == null ? null : NodeDatasets.read(config.datasets());
        DisclosurePolicy policy = config.policy() == null ? DisclosurePolicy.DATASHIELD_DEFAULTS
                : DisclosurePolicy.read(config.policy());
        for (String method : config.allowedMethods()) {
            if (!available.contains(method)) {
                throw new IOException("allow-list names '" + method + "', but no installed bundle provides its site step; "
                        + "available: " + available.stream().sorted().distinct().toList());
            }
        }
        // the audit log first: a log that cannot be continued stops the node before any data is loaded
        AuditLog audit = AuditLog.open(config.auditLog(), Clock.systemUTC());
        Map<String, Table> datasets = new LinkedHashMap<>();
        List<Table> tables = new ArrayList<>();
        RowSetLedger ledger = null;
        try {
            if (sources != null) {
                // all or nothing: a database that is down or a view that fails stops the node, naming both
                Map<String, Table> loaded = sources.load(allocator, policy.hiddenColumns());
                tables.addAll(loaded.values());
                datasets.putAll(loaded);
                // the audit log dates the snapshot the node serves: each dataset's origin, rows and columns
                List<Object> served = new ArrayList<>();
                sources.origins().forEach((name, origin) -> {
                    Map<String, Object> dataset = new LinkedHashMap<>();
                    dataset.put("dataset", name);
                    dataset.putAll(origin);
                    dataset.put("rows", loaded.get(name).rowCount());
                    dataset.put("columns", loaded.get(name).columnCount());
                    served.add(dataset);
                });
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("setting", "datasets materialised at start");
                entry.put("datasets", served);
                audit.append("configuration", entry);
            }
            try (Stream<Path> files = sources != null ? Stream.empty() : Files.list(config.dataDirectory())) {
                for (Path file : files.sorted().toList()) {
                    String name = file.getFileName().toString();
                    int dot = name.lastIndexOf('.');
                    // a provenance record written next to an output (x.csv.provenance.json) is JSON, not a dataset
                    if (Files.isRegularFile(file) && TableFiles.isSupported(file) && !name.endsWith(".provenance.json")) {
                        // columns the policy hides are dropped here: to a requester they do not exist
                        Table table = TableFiles.read(file, allocator).without(policy.hiddenColumns());
                        tables.add(table);
                        datasets.put(name.substring(0, dot), table);
                    }
                }
            }
            ledger = RowSetLedger.open(ledgerFile(config.auditLog()));
            SiteNode node = factory.create(datasets, policy, audit, ledger);
            // the site's key for dataset versions lives beside its audit key; each served table's digest is computed
            // now, so the first request does not wait for it
            node.useDatasetVersions(DatasetVersions.open(DatasetVersions.keyFile(config.auditLog())));
            node.datasets();
            try {
                node.checkAllowList();
            } catch (IllegalStateException e) {
                throw new IOException(e.getMessage(), e);
            }
            node.authorize(config.authorizedResearchers());
            if (config.anyStudyResearcher()) {
                node.authorizeAnyStudyResearcher();
            }
            NodeServer server = NodeServer.start(node, config.bindAddress(), config.port(), config.tls());
            return new SiteNodeRunner(server, audit, ledger, tables, node, onClose);
        } catch (IOException | RuntimeException e) {
            audit.close();
            if (ledger != null) {
                ledger.close();
            }
            tables.forEach(Table::close);
            throw e;
        }
    }

    /**
     * The node's row-set ledger lives beside its audit log ({@code audit.log} → {@code audit.log.rowsets}): the row
     * sets of everything the site released, for the differencing rule across restarts.
     */
    static Path ledgerFile(Path auditLog) {
        return auditLog.resolveSibling(auditLog.getFileName() + ".rowsets");
    }

    public int port() {
        return server.port();
    }

    public SiteNode node() {
        return node;
    }

    @Override
    public void close() throws IOException {
        try {
            onClose.run();
            server.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            audit.close();
            ledger.close();
            tables.forEach(Table::close);
        }
    }
}
