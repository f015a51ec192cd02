package io.daybreak.methods.stats.federated;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

import io.daybreak.core.testing.CountingSiteStep;
import io.daybreak.core.testing.DirectStepAnalysis;
import io.daybreak.data.ColumnType;
import io.daybreak.data.Table;
import io.daybreak.federation.Aggregates;
import io.daybreak.federation.FederatedMethod;
import io.daybreak.federation.analysis.AnalysisSites;
import io.daybreak.federation.analysis.AnalysisSpec;
import io.daybreak.federation.site.LocalSites;
import io.daybreak.methods.stats.descriptive.DescribeFederatedMethod;
import io.daybreak.methods.stats.glm.FirthFederatedMethod;
import io.daybreak.methods.stats.glm.GlmFederatedMethod;
import io.daybreak.methods.stats.survival.CoxFederatedMethod;
import io.daybreak.methods.stats.survival.KaplanMeierFederatedMethod;
import io.daybreak.methods.stats.survival.LogRankFederatedMethod;
import io.daybreak.methods.stats.table.TableFederatedMethod;
import io.daybreak.federation.SiteStep;
import io.daybreak.federation.audit.AuditLog;
import io.daybreak.federation.ledger.RowSetLedger;
import io.daybreak.federation.policy.DisclosurePolicy;
import io.daybreak.federation.site.NodeException;
import io.daybreak.federation.site.SiteNode;
import io.daybreak.methods.stats.StatsTestSupport;
import io.daybreak.methods.stats.descriptive.DescribeSiteStep;
import io.daybreak.methods.stats.glm.FirthSiteStep;
import io.daybreak.methods.stats.glm.GlmSiteStep;
import io.daybreak.methods.stats.survival.CoxSiteStep;
import io.daybreak.methods.stats.survival.KaplanMeierSiteStep;
import io.daybreak.methods.stats.table.TableSiteStep;

/**
 * Site nodes over small synthetic tables for the disclosure-rule tests, whose steps are wrapped in a {@link CountingSiteStep}
 * that counts the payloads a step actually produced: a refusal must come before the payload exists, not after.
 */
abstract class DisclosureTestSupport extends StatsTestSupport {
    @TempDir
    Path dir;

    final List<AuditLog> logs = new ArrayList<>();
    final Map<SiteNode, AuditLog> audits = new LinkedHashMap<>();
    final Map<SiteNode, Map<String, CountingSiteStep>> spiesOf = new LinkedHashMap<>();
    final List<RowSetLedger> ledgers = new ArrayList<>();
    private final List<Table> tables = new ArrayList<>();

    @AfterEach
    void closeNodes() throws IOException {
        for (AuditLog log : logs) {
            log.close();
        }
        for (RowSetLedger ledger : ledgers) {
            ledger.close();
        }
        tables.forEach(Table::close);
    }

    /**
     * The federated methods the nodes replay, and the test-only one that asks for one step at chosen arguments
     * ({@link DirectStepAnalysis}), to test the steps' rules at any point through the node.
     */
    static final List<FederatedMethod> METHODS = List.of(new DirectStepAnalysis(), new GlmFederatedMethod(),
            new FirthFederatedMethod(), new CoxFederatedMethod(), new KaplanMeierFederatedMethod(),
            new LogRankFederatedMethod(), new TableFederatedMethod(), new DescribeFederatedMethod());

    /** The stats site steps, each in a spy. */
    final Map<String, CountingSiteStep> spies = new LinkedHashMap<>();

    List<SiteStep> steps() {
        spies.clear();
        for (SiteStep step : List.<SiteStep>of(new GlmSiteStep(), new FirthSiteStep(), new CoxSiteStep(),
                new KaplanMeierSiteStep(), new TableSiteStep(), new DescribeSiteStep())) {
            spies.put(step.method(), new CountingSiteStep(step));
        }
        return new ArrayList<>(spies.values());
    }

    /** A table of float64 columns (null: missing) and string columns, kept open until the test ends. */
    Table table(Map<String, List<?>> columns) {
        var builder = Table.builder(allocator);
        columns.forEach((name, values) -> builder.add(name, values.stream().anyMatch(String.class::isInstance)
                ? ColumnType.STRING : ColumnType.FLOAT64, values));
        Table table = builder.build();
        tables.add(table);
        return table;
    }

    /** A node serving {@code data} as dataset "cohort", with a ledger in memory. */
    SiteNode node(String name, Table data, DisclosurePolicy policy) throws IOException {
        return node(name, data, policy, RowSetLedger.inMemory());
    }

    SiteNode node(String name, Table data, DisclosurePolicy policy, RowSetLedger ledger) throws IOException {
        AuditLog log = AuditLog.open(dir.resolve(name + "-" + logs.size() + ".audit"), Clock.systemUTC());
        logs.add(log);
        ledgers.add(ledger);
        List<SiteStep> steps = steps();
        SiteNode node = new SiteNode(name, Map.of("cohort", data), Set.copyOf(spies.keySet()), steps, METHODS, policy,
                log, allocator, ledger);
        // any researcher: the tests ask as alice, bob, carol, mallory, ... (some of them colluding)
        node.authorizeAnyStudyResearcher();
        audits.put(node, log);
        spiesOf.put(node, new LinkedHashMap<>(spies));
        return node;
    }

    static Aggregates released(SiteNode node, String method, String step, Map<String, Object> arguments,
            org.apache.arrow.memory.BufferAllocator allocator) {
        return Aggregates.fromBytes(DirectStepAnalysis.handle(node, "CN=researcher", method, step, "cohort", arguments),
                allocator);
    }

    /** Asserts a refusal with this code and rule that produced no payload, and returns its message. */
    String refused(SiteNode node, String method, String step, Map<String, Object> arguments, NodeException.Code code,
            String rule) throws IOException {
        CountingSiteStep spy = spiesOf.get(node).get(method);
        int before = spy.produced();
        NodeException e = assertThrows(NodeException.class, () -> DirectStepAnalysis.handle(node, "CN=researcher", method,
                step, "cohort",
                arguments));
        assertEquals(code, e.code(), e.getMessage());
        if (rule != null) {
            assertEquals(true, e.getMessage().contains("(" + rule + ")"), e.getMessage());
        }
        assertEquals(before, spy.produced(), "the step produced a payload before it was refused");
        String audit = Files.readString(audits.get(node).file());
        assertEquals(true, audit.contains("\"kind\":\"refusal\""), audit);
        return e.getMessage();
    }

    /** An analysis of {@code method} with these parameters on the sites, as FederatedRun opens one. */
    static AnalysisSites open(LocalSites sites, FederatedMethod method, Map<String, String> parameters) {
        return sites.open(AnalysisSpec.open(method.id(), sites.dataset(), parameters, sites.names()));
    }

    /** Runs {@code method} with these parameters as an analysis on the sites. */
    FederatedMethod.Outcome federated(LocalSites sites, FederatedMethod method, Map<String, String> parameters) {
        return method.run(open(sites, method, parameters), parameters, allocator);
    }

    /** 0, 1, …, n − 1 as doubles, mapped. */
    static List<Object> column(int n, java.util.function.IntFunction<Object> value) {
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            values.add(value.apply(i));
        }
        return values;
    }
}
