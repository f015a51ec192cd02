package io.daybreak.methods.signal;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

import io.daybreak.core.testing.MethodTestSupport;
import io.daybreak.data.ColumnType;
import io.daybreak.data.Table;
import io.daybreak.federation.Aggregates;
import io.daybreak.federation.FederatedMethod;
import io.daybreak.federation.SiteStep;
import io.daybreak.federation.analysis.AnalysisSites;
import io.daybreak.federation.analysis.AnalysisSpec;
import io.daybreak.federation.analysis.SignedRelease;
import io.daybreak.federation.analysis.StepRequest;
import io.daybreak.federation.audit.AuditLog;
import io.daybreak.federation.policy.DisclosurePolicy;
import io.daybreak.federation.site.LocalSites;
import io.daybreak.federation.site.Requester;
import io.daybreak.federation.site.SiteNode;

/**
 * Shared support for the signal family's federated tests (modelled on the statistics bundle's FederatedTestSupport):
 * site nodes in this process, each serving its own table under one dataset name, with the site steps and federated
 * methods a test names; analyses opened as FederatedRun opens them; and the exact bytes a node releases (decoded as
 * {@link Aggregates}) for disclosure tests. Tables built with {@link #table} and audit logs are closed after each test;
 * the allocator must end empty (MethodTestSupport).
 */
public abstract class SignalSites extends MethodTestSupport {
    /** The requester every node authorises (role "researcher"). */
    public static final Requester RESEARCHER = Requester.researcher("CN=researcher,O=Daybreak");

    @TempDir
    protected Path dir;

    private final List<AuditLog> logs = new ArrayList<>();
    private final List<Table> tables = new ArrayList<>();

    @AfterEach
    protected void closeSites() throws IOException {
        for (AuditLog log : logs) {
            log.close();
        }
        tables.forEach(Table::close);
        tables.clear();
    }

    /** A test data file: {@code resources/<name>} of this fragment (or the daybreak.testdata.dir property). */
    protected static Path resource(String name) {
        return Path.of(System.getProperty("daybreak.testdata.dir", "resources"), name);
    }

    /** The defaults (DataSHIELD's) with this minimum cell count. */
    protected static DisclosurePolicy policy(long minCellCount) {
        return DisclosurePolicy.DATASHIELD_DEFAULTS.withMinCellCount(minCellCount);
    }

    /**
     * A table from columns in order: a {@code String[]} column becomes STRING, a {@code double[]} FLOAT64 (NaN is
     * missing), a {@code long[]} INT64. Closed after the test.
     */
    protected Table table(Map<String, Object> columns) {
        var builder = Table.builder(allocator);
        columns.forEach((name, values) -> {
            List<Object> list = new ArrayList<>();
            if (values instanceof String[] strings) {
                list.addAll(List.of((Object[]) strings));
                builder.add(name, ColumnType.STRING, list);
            } else if (values instanceof double[] doubles) {
                for (double v : doubles) {
                    list.add(Double.isNaN(v) ? null : v);
                }
                builder.add(name, ColumnType.FLOAT64, list);
            } else if (values instanceof long[] longs) {
                for (long v : longs) {
                    list.add(v);
                }
                builder.add(name, ColumnType.INT64, list);
            } else {
                throw new IllegalArgumentException("column '" + name + "': String[], double[] or long[] expected");
            }
        });
        return keep(builder.build());
    }

    /** Closes {@code table} after the test. */
    protected Table keep(Table table) {
        tables.add(table);
        return table;
    }

    /** An ordered map of columns for {@link #table}: name, values, name, values, … */
    protected static Map<String, Object> columns(Object... nameThenValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < nameThenValues.length; i += 2) {
            map.put((String) nameThenValues[i], nameThenValues[i + 1]);
        }
        return map;
    }

    /**
     * A node serving {@code data} as {@code dataset} to the researcher, with {@code steps} on its allow-list and
     * {@code methods} as the coordinator code it replays.
     */
    protected SiteNode node(String name, String dataset, Table data, DisclosurePolicy policy, List<SiteStep> steps,
            List<FederatedMethod> methods) throws IOException {
        AuditLog log = AuditLog.open(dir.resolve(name + ".audit"), Clock.systemUTC());
        logs.add(log);
        Set<String> allowed = steps.stream().map(SiteStep::method).collect(Collectors.toSet());
        SiteNode node = new SiteNode(name, Map.of(dataset, data), allowed, steps, methods, policy, log, allocator);
        node.authorize(Set.of("researcher"));
        return node;
    }

    /** Nodes "site0", "site1", … serving one table each as {@code dataset}, all under the same policy. */
    protected LocalSites sites(String dataset, List<Table> perSite, DisclosurePolicy policy, List<SiteStep> steps,
            List<FederatedMethod> methods) throws IOException {
        List<SiteNode> nodes = new ArrayList<>();
        for (int s = 0; s < perSite.size(); s++) {
            nodes.add(node("site" + s, dataset, perSite.get(s), policy, steps, methods));
        }
        return new LocalSites(nodes, dataset, RESEARCHER, allocator);
    }

    /** An analysis of {@code method} with these parameters on the sites, as FederatedRun opens one. */
    protected static AnalysisSites open(LocalSites sites, FederatedMethod method, Map<String, String> parameters) {
        return sites.open(AnalysisSpec.open(method.id(), sites.dataset(), parameters, sites.names()));
    }

    /** Runs {@code method} with these parameters as an analysis on the sites. */
    protected FederatedMethod.Outcome federated(LocalSites sites, FederatedMethod method, Map<String, String> parameters) {
        return method.run(open(sites, method, parameters), parameters, allocator);
    }

    /**
     * The bytes one node releases in round 0 of an analysis of {@code method} on it alone, decoded: what a
     * (possibly malicious) requester receives. A refusal throws the node's exception.
     */
    protected Aggregates release(SiteNode node, String dataset, FederatedMethod method, Map<String, String> parameters) {
        SignedRelease release = node.handle(RESEARCHER, new StepRequest(AnalysisSpec.open(method.id(), dataset, parameters,
                List.of(node.name())), 0, List.of(), ""));
        return Aggregates.fromBytes(release.aggregates(), allocator);
    }
}
