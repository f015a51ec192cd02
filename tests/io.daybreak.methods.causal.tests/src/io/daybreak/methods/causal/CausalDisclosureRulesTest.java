package io.daybreak.methods.causal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.daybreak.core.testing.CountingSiteStep;
import io.daybreak.core.testing.DirectStepAnalysis;
import io.daybreak.data.ColumnType;
import io.daybreak.data.Table;
import io.daybreak.federation.Aggregates;
import io.daybreak.federation.ReleaseGuard;
import io.daybreak.federation.audit.AuditLog;
import io.daybreak.federation.ledger.RowSetLedger;
import io.daybreak.federation.policy.DisclosurePolicy;
import io.daybreak.federation.site.NodeException;
import io.daybreak.federation.site.SiteNode;
import io.daybreak.methods.causal.federated.CausalSiteStep;

/**
 * The disclosure rules of the federated IPTW site steps, on what a node releases or refuses: small levels of
 * binary covariates, the treatment and the status; no single-row value in the propensity release; the same
 * answer for an absent arm value and one with a single patient; the risk-set and per-time cell rules of the
 * weighted survival steps; and no value, count or level of the data in any message.
 */
class CausalDisclosureRulesTest extends CausalTestSupport {
    private static final int N = 61;
    private static final DisclosurePolicy DEFAULTS = DisclosurePolicy.DATASHIELD_DEFAULTS;

    @TempDir
    Path dir;
    private final List<AuditLog> logs = new ArrayList<>();
    private final List<Table> tables = new ArrayList<>();
    /** The steps of every node of a test, counting the payloads they produced. */
    private final List<CountingSiteStep> spies = new ArrayList<>();

    @AfterEach
    void closeAll() throws IOException {
        for (AuditLog log : logs) {
            log.close();
        }
        tables.forEach(Table::close);
    }

    private static double age(int i) {
        return 48.271 + 0.613 * i;
    }

    private static List<Object> column(int n, IntFunction<Object> value) {
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            values.add(value.apply(i));
        }
        return values;
    }

    /** 61 patients: trt 1 (31) / 2 (30), except patient 60 with trt 3; rare = 1 for patient 4 only. */
    private Table data() {
        Map<String, List<?>> columns = new LinkedHashMap<>();
        columns.put("trt", column(N, i -> i == 60 ? 3.0 : i % 2 == 0 ? 1.0 : 2.0));
        columns.put("trt2", column(N, i -> i % 2 == 0 ? 1.0 : 2.0));
        columns.put("age", column(N, CausalDisclosureRulesTest::age));
        columns.put("karno", column(N, i -> (double) (40 + (i * 13) % 50)));
        columns.put("rare", column(N, i -> i == 4 ? 1.0 : 0.0));
        columns.put("y", column(N, i -> 3.917 + 0.211 * ((i * 7) % 11)));
        columns.put("time", column(N, i -> 12.5 + (i * 37) % 101 + 0.037 * i));
        columns.put("status", column(N, i -> i % 4 == 0 ? 0.0 : 1.0));
        columns.put("label", column(N, i -> "Kookaburra"));
        var builder = Table.builder(allocator);
        columns.forEach((name, values) -> builder.add(name, name.equals("label") ? ColumnType.STRING : ColumnType.FLOAT64,
                values));
        Table table = builder.build();
        tables.add(table);
        return table;
    }

    private SiteNode node(Table data, DisclosurePolicy policy) throws IOException {
        AuditLog log = AuditLog.open(dir.resolve("site" + logs.size() + ".audit"), Clock.systemUTC());
        logs.add(log);
        CountingSiteStep spy = new CountingSiteStep(new CausalSiteStep());
        spies.add(spy);
        SiteNode node = new SiteNode("site", Map.of("cohort", data), Set.of(CausalSiteStep.METHOD), List.of(spy),
                List.of(new DirectStepAnalysis()), policy, log, allocator, RowSetLedger.inMemory());
        node.authorizeAnyStudyResearcher();
        return node;
    }

    private static Map<String, Object> base(String treatment, double treated, double control, List<String> covariates) {
        Map<String, Object> arguments = new LinkedHashMap<>();
        arguments.put("treatment", treatment);
        arguments.put("treatedValue", treated);
        arguments.put("controlValue", control);
        arguments.put("covariates", covariates);
        return arguments;
    }

    private int produced() {
        return spies.stream().mapToInt(CountingSiteStep::produced).sum();
    }

    private String refused(SiteNode node, String step, Map<String, Object> arguments, String rule) {
        int before = produced();
        NodeException e = assertThrows(NodeException.class, () -> DirectStepAnalysis.handle(node, "CN=r",
                CausalSiteStep.METHOD, step,
                "cohort", arguments));
        assertEquals(NodeException.Code.DISCLOSURE, e.code(), e.getMessage());
        assertTrue(rule == null || e.getMessage().contains("(" + rule + ")"), e.getMessage());
        assertEquals(before, produced(), "a payload was produced before the refusal");
        return e.getMessage();
    }

    @Test
    void aBinaryCovariateWithOnePatientIsRefusedAndThePropensityReleaseHoldsSumsOnly() throws Exception {
        SiteNode node = node(data(), DEFAULTS);
        refused(node, "propensity", base("trt2", 2, 1, List.of("age", "rare")), "cell-count");
        Map<String, Object> arguments = base("trt2", 2, 1, List.of("age"));
        arguments.put("beta", List.of(0.0, 1.0)); // |eta| of each row is its age
        Aggregates release = Aggregates.fromBytes(DirectStepAnalysis.handle(node, "CN=r", CausalSiteStep.METHOD,
                "propensity", "cohort",
                arguments), allocator);
        assertEquals(List.of("xtwx.shape", "xtwx", "xtwz", "deviance", "n", "sumY", "saturatedLogLikelihood"),
                release.names());
        for (String name : release.names()) {
            for (double value : release.get(name)) {
                for (int i = 0; i < N; i++) {
                    assertTrue(value != age(i), name + " holds patient " + i + "'s age");
                }
            }
        }
    }

    @Test
    void anAbsentArmValueAndAnArmOfOnePatientGetTheSameAnswer() throws Exception {
        SiteNode node = node(data(), DEFAULTS);
        // trt holds 1 (30), 2 (30) and 3 (one patient): asking for arm 3 or for an arm 7 nobody has
        String small = refused(node, "propensity", base("trt", 3, 1, List.of("age")), null);
        String absent = refused(node, "propensity", base("trt", 7, 1, List.of("age")), null);
        assertEquals(small, absent);
        // without small levels, an arm nobody has is a single-arm site, served
        Aggregates singleArm = Aggregates.fromBytes(DirectStepAnalysis.handle(node, "CN=r", CausalSiteStep.METHOD,
                "propensity", "cohort",
                base("trt2", 2, 1, List.of("karno"))), allocator);
        assertEquals(N, singleArm.scalar("n"));
    }

    @Test
    void weightedSurvivalNeedsItsOptInsForSingleEventsAndOnePatientRiskSetChanges() throws Exception {
        Map<String, Object> arguments = base("trt2", 2, 1, List.of("karno"));
        arguments.put("time", "time");
        arguments.put("status", "status");
        arguments.put("eventValue", 1);
        arguments.put("propensity", List.of(0.0, 0.0));
        arguments.put("estimand", "ATE");
        arguments.put("armFactors", List.of(1.0, 1.0));
        DisclosurePolicy times = DEFAULTS.withReleaseEventTimes(true);
        // distinct times: one event per time, whose weight would be one patient's weight
        refused(node(data(), times), "survivalCounts", arguments, "cell-count");
        Map<String, Object> cox = new LinkedHashMap<>(arguments);
        cox.put("beta", List.of(0.0));
        cox.put("grid", column(20, k -> 30.0 + 2 * k));
        refused(node(data(), times.withMinCellCount(1)), "coxSums", cox, "risk-set-change");
        // with both opt-ins the same request is served
        Aggregates sums = Aggregates.fromBytes(DirectStepAnalysis.handle(node(data(), times.withMinCellCount(1)
                .withMinRiskSetChange(1)), "CN=r", CausalSiteStep.METHOD, "coxSums", "cohort", cox), allocator);
        assertEquals(20, sums.get("s0").length);
    }

    @Test
    void noMessageCarriesAValueACountOrALevelFromTheData() throws Exception {
        Table data = data();
        Set<String> forbidden = new LinkedHashSet<>(List.of("Kookaburra", "61", "31", "30", "3.0", "16", "45"));
        for (int i = 0; i < N; i++) {
            forbidden.add(Double.toString(age(i)));
            forbidden.add(String.format(Locale.ROOT, "%.3f", age(i)));
            forbidden.add(Double.toString(data.doubles("time").get(i)));
            forbidden.add(Double.toString(data.doubles("y").get(i)));
        }
        List<Map<String, Object>> requests = new ArrayList<>();
        requests.add(base("trt", 2, 1, List.of("age"))); // trt holds a third value
        requests.add(base("trt", 3, 1, List.of("age")));
        requests.add(base("trt2", 2, 1, List.of("age", "rare")));
        requests.add(base("trt2", 2, 1, List.of("label")));
        requests.add(base("trt2", 2, 1, List.of("nosuch")));
        requests.add(base("age", 2, 1, List.of("karno")));
        requests.add(base("trt2", Double.NaN, 1, List.of("karno")));
        requests.add(base("label", 2, 1, List.of("karno")));
        Map<String, Object> outcome = base("trt2", 2, 1, List.of("karno"));
        outcome.put("outcome", "rare");
        requests.add(outcome);
        Map<String, Object> weights = base("trt2", 2, 1, List.of("karno"));
        weights.put("propensity", List.of(0.0, Double.NaN));
        weights.put("estimand", "ATX");
        requests.add(weights);
        Map<String, Object> survival = base("trt2", 2, 1, List.of("karno"));
        survival.put("time", "time");
        survival.put("status", "age");
        survival.put("eventValue", 1);
        requests.add(survival);
        DisclosurePolicy policy = DEFAULTS.withReleaseEventTimes(true);
        int refusals = 0;
        for (Map<String, Object> request : requests) {
            for (String step : List.of("propensity", "weighted", "survivalCounts", "coxSums", "coxMeat")) {
                List<String> messages = new ArrayList<>();
                try {
                    new CausalSiteStep().run(step, new HashMap<>(request), data, new ReleaseGuard(policy, "cohort@0", N,
                            RowSetLedger.inMemory()));
                } catch (RuntimeException e) {
                    refusals++;
                    for (Throwable t = e; t != null; t = t.getCause()) {
                        messages.add(t.getMessage());
                    }
                }
                try {
                    DirectStepAnalysis.handle(node(data, policy), "CN=mallory", CausalSiteStep.METHOD, step, "cohort", request);
                } catch (NodeException e) {
                    messages.add(e.getMessage());
                }
                for (String message : messages) {
                    for (String value : forbidden) {
                        assertFalse(message != null && Pattern.compile("(?<![\\d.])" + Pattern.quote(value) + "(?![\\d])")
                                .matcher(message).find(), step + " " + request + ": '" + value + "' in " + message);
                    }
                }
            }
        }
        assertTrue(refusals >= requests.size() * 5 - 2, "hostile requests were served: " + refusals);
    }
}
