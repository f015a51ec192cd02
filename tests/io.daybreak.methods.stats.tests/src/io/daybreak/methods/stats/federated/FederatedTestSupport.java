package io.daybreak.methods.stats.federated;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntPredicate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

import io.daybreak.data.ColumnType;
import io.daybreak.data.DoubleColumn;
import io.daybreak.data.Table;
import io.daybreak.data.csv.CsvReader;
import io.daybreak.federation.Aggregates;
import io.daybreak.federation.FederatedMethod;
import io.daybreak.federation.analysis.AnalysisSites;
import io.daybreak.federation.analysis.AnalysisSpec;
import io.daybreak.federation.analysis.SignedRelease;
import io.daybreak.federation.analysis.StepRequest;
import io.daybreak.federation.audit.AuditLog;
import io.daybreak.federation.policy.DisclosurePolicy;
import io.daybreak.federation.site.LocalSites;
import io.daybreak.federation.site.Requester;
import io.daybreak.federation.site.SiteNode;
import io.daybreak.methods.stats.StatsTestSupport;
import io.daybreak.methods.stats.descriptive.DescribeFederatedMethod;
import io.daybreak.methods.stats.descriptive.DescribeSiteStep;
import io.daybreak.methods.stats.glm.FirthFederatedMethod;
import io.daybreak.methods.stats.glm.FirthSiteStep;
import io.daybreak.methods.stats.glm.GlmFederatedMethod;
import io.daybreak.methods.stats.glm.GlmSiteStep;
import io.daybreak.methods.stats.rmst.RmstFederatedMethod;
import io.daybreak.methods.stats.survival.CoxFederatedMethod;
import io.daybreak.methods.stats.survival.CoxSiteStep;
import io.daybreak.methods.stats.survival.KaplanMeierFederatedMethod;
import io.daybreak.methods.stats.survival.KaplanMeierSiteStep;
import io.daybreak.methods.stats.survival.LogRankFederatedMethod;
import io.daybreak.methods.stats.table.TableFederatedMethod;
import io.daybreak.methods.stats.table.TableSiteStep;

/** Three site nodes in this process, each holding its own part of the lung data (site = inst %% 3). */
abstract class FederatedTestSupport extends StatsTestSupport {
    static final String[] COLUMNS = {"time", "status", "age", "sex", "ph.ecog", "wt.loss"};
    static final Set<String> ALLOWED = Set.of(GlmSiteStep.METHOD, CoxSiteStep.METHOD, KaplanMeierSiteStep.METHOD,
            FirthSiteStep.METHOD, DescribeSiteStep.METHOD, TableSiteStep.METHOD);

    @TempDir
    Path dir;

    final List<AuditLog> logs = new ArrayList<>();
    private final List<Table> tables = new ArrayList<>();

    @AfterEach
    void closeAll() throws IOException {
        for (AuditLog log : logs) {
            log.close();
        }
        tables.forEach(Table::close);
    }

    /** The lung rows of one site as that site's own table (at most {@code limit} rows). */
    Table siteTable(Table lung, double site, int limit) {
        DoubleColumn sites = lung.doubles("site");
        return rows(lung, i -> sites.get(i) == site, limit);
    }

    /**
     * The chosen rows of the lung data with the columns {@link #COLUMNS}, plus {@code dead} (1 when status is 2,
     * a 0/1 response for logistic models).
     */
    Table rows(Table lung, IntPredicate keep, int limit) {
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < lung.rowCount() && rows.size() < limit; i++) {
            if (keep.test(i)) {
                rows.add(i);
            }
        }
        var builder = Table.builder(allocator);
        for (String name : COLUMNS) {
            DoubleColumn column = lung.doubles(name);
            List<Object> values = new ArrayList<>();
            for (int row : rows) {
                values.add(column.isNull(row) ? null : column.get(row));
            }
            builder.add(name, ColumnType.FLOAT64, values);
        }
        List<Object> dead = new ArrayList<>();
        for (int row : rows) {
            dead.add(lung.doubles("status").get(row) == 2 ? 1.0 : 0.0);
        }
        builder.add("dead", ColumnType.FLOAT64, dead);
        Table table = builder.build();
        tables.add(table);
        return table;
    }

    /** The federated methods whose coordinator code the nodes replay. */
    static final List<FederatedMethod> METHODS = List.of(new GlmFederatedMethod(), new CoxFederatedMethod(),
            new KaplanMeierFederatedMethod(), new LogRankFederatedMethod(), new FirthFederatedMethod(),
            new DescribeFederatedMethod(), new TableFederatedMethod(), new RmstFederatedMethod());
    static final Requester RESEARCHER = Requester.researcher("CN=researcher,O=Daybreak");

    SiteNode node(String name, Table data, DisclosurePolicy policy) throws IOException {
        return node(name, data, policy, ALLOWED);
    }

    /** A node serving the lung data to the researcher, with these site steps on its allow-list. */
    SiteNode node(String name, Table data, DisclosurePolicy policy, Set<String> allowed) throws IOException {
        AuditLog log = AuditLog.open(dir.resolve(name + ".audit"), Clock.systemUTC());
        logs.add(log);
        SiteNode node = new SiteNode(name, Map.of("lung", data), allowed, List.of(new GlmSiteStep(), new CoxSiteStep(),
                new KaplanMeierSiteStep(), new FirthSiteStep(), new DescribeSiteStep(), new TableSiteStep()), METHODS,
                policy, log, allocator);
        node.authorize(Set.of("researcher"));
        return node;
    }

    /** An analysis of {@code method} with these parameters on the sites, as FederatedRun opens one. */
    static AnalysisSites open(LocalSites sites, FederatedMethod method, Map<String, String> parameters) {
        return sites.open(AnalysisSpec.open(method.id(), sites.dataset(), parameters, sites.names()));
    }

    /** Runs {@code method} with these parameters as an analysis on the sites. */
    FederatedMethod.Outcome federated(LocalSites sites, FederatedMethod method, Map<String, String> parameters) {
        return method.run(open(sites, method, parameters), parameters, allocator);
    }

    /** What one node releases in round 0 of an analysis of {@code method} on it alone (it refuses: NodeException). */
    Aggregates release(SiteNode node, FederatedMethod method, Map<String, String> parameters) {
        SignedRelease release = node.handle(RESEARCHER, new StepRequest(AnalysisSpec.open(method.id(), "lung", parameters,
                List.of(node.name())), 0, List.of(), ""));
        return Aggregates.fromBytes(release.aggregates(), allocator);
    }

    LocalSites sites(int limitPerSite, DisclosurePolicy policy) throws IOException {
        try (Table lung = CsvReader.read(data(LUNG), allocator)) {
            List<SiteNode> nodes = new ArrayList<>();
            for (int s = 0; s < 3; s++) {
                nodes.add(node("site" + s, siteTable(lung, s, limitPerSite), policy));
            }
            return new LocalSites(nodes, "lung", RESEARCHER, allocator);
        }
    }

    /** The defaults, except that exact event times may leave the site and risk sets may be this small. */
    static DisclosurePolicy survivalPolicy(long minRiskSetSize) {
        DisclosurePolicy d = DisclosurePolicy.DATASHIELD_DEFAULTS;
        return new DisclosurePolicy(d.minCellCount(), d.minSubsetSize(), d.maxParameterRatio(), d.maxFactorLevels(),
                d.maxFactorLevelRatio(), d.maxStringLength(), true, minRiskSetSize);
    }
}
