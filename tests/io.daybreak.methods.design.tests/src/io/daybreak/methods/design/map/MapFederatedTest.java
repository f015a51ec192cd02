package io.daybreak.methods.design.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.daybreak.core.testing.InstalledMethods;
import io.daybreak.core.testing.MethodTestSupport;
import io.daybreak.data.ColumnType;
import io.daybreak.data.Table;
import io.daybreak.federation.Aggregates;
import io.daybreak.federation.FederatedMethod;
import io.daybreak.federation.SiteStep;
import io.daybreak.federation.analysis.AnalysisSpec;
import io.daybreak.federation.analysis.SignedRelease;
import io.daybreak.federation.analysis.StepRequest;
import io.daybreak.federation.audit.AuditLog;
import io.daybreak.federation.policy.DisclosurePolicy;
import io.daybreak.federation.site.LocalSites;
import io.daybreak.federation.site.Requester;
import io.daybreak.federation.site.SiteNode;

/**
 * design.map-prior across three site nodes holding the patients of historical studies (one row per patient: STUDYID,
 * AVAL 0/1), built by us from the summaries of {@link MapPriorTest} scenario 1: site0 holds S1 and S2, site1 S3 and
 * half of S4, site2 the other half of S4, S5 and S6. Without suppression the federated fit equals the local method on
 * the pooled summaries exactly; under minCellCount the bytes a node releases hold no small cell.
 */
class MapFederatedTest extends MethodTestSupport {
    static final String DATASET = "history";
    static final Requester RESEARCHER = Requester.researcher("CN=researcher,O=Daybreak");
    static final List<SiteStep> STEPS = List.of(new MapSiteStep());
    static final List<FederatedMethod> METHODS = List.of(new MapFederatedMethod());

    @TempDir
    Path dir;
    private final List<AuditLog> logs = new ArrayList<>();
    private final List<Table> tables = new ArrayList<>();

    @AfterEach
    void close() throws IOException {
        for (AuditLog log : logs) {
            log.close();
        }
        tables.forEach(Table::close);
        tables.clear();
    }

    /** Patient rows: for each (label, n, r), r rows with AVAL 1 then n - r with 0. */
    Table patients(Object... labelNr) {
        List<Object> study = new ArrayList<>();
        List<Object> aval = new ArrayList<>();
        for (int k = 0; k < labelNr.length; k += 3) {
            int n = (Integer) labelNr[k + 1];
            int r = (Integer) labelNr[k + 2];
            for (int i = 0; i < n; i++) {
                study.add(labelNr[k]);
                aval.add(i < r ? 1.0 : 0.0);
            }
        }
        Table t = Table.builder(allocator).add("STUDYID", ColumnType.STRING, study).add("AVAL", ColumnType.FLOAT64, aval)
                .build();
        tables.add(t);
        return t;
    }

    SiteNode node(String name, Table data, long minCellCount) throws IOException {
        AuditLog log = AuditLog.open(dir.resolve(name + ".audit"), Clock.systemUTC());
        logs.add(log);
        DisclosurePolicy policy = DisclosurePolicy.DATASHIELD_DEFAULTS.withMinCellCount(minCellCount);
        SiteNode node = new SiteNode(name, Map.of(DATASET, data), Set.of(MapSiteStep.METHOD), STEPS, METHODS, policy,
                log, allocator);
        node.authorize(Set.of("researcher"));
        return node;
    }

    Map<String, Object> federated(List<SiteNode> nodes, Map<String, String> parameters) {
        LocalSites sites = new LocalSites(nodes, DATASET, RESEARCHER, allocator);
        MapFederatedMethod method = new MapFederatedMethod();
        return method.run(sites.open(AnalysisSpec.open(method.id(), DATASET, parameters, sites.names())), parameters,
                allocator).summary();
    }

    Aggregates release(SiteNode node, Map<String, String> parameters) {
        SignedRelease release = node.handle(RESEARCHER, new StepRequest(AnalysisSpec.open(MapSiteStep.METHOD, DATASET,
                parameters, List.of(node.name())), 0, List.of(), ""));
        return Aggregates.fromBytes(release.aggregates(), allocator);
    }

    @Test
    void federatedEqualsTheLocalFitOnThePooledSummaries() throws Exception {
        List<SiteNode> nodes = List.of(node("site0", patients("S1", 30, 6, "S2", 45, 11), 1),
                node("site1", patients("S3", 25, 4, "S4", 31, 8), 1),
                node("site2", patients("S4", 29, 7, "S5", 38, 9, "S6", 52, 10), 1));
        Map<String, String> p = new HashMap<>(Map.of("tauScale", "1", "robustWeight", "0.2"));
        Map<String, Object> fed = federated(nodes, p);
        assertEquals(List.of("S1", "S2", "S3", "S4", "S5", "S6"), fed.get("study"));
        assertEquals(List.of(30L, 45L, 25L, 60L, 38L, 52L), fed.get("patients"));
        assertEquals(List.of(6L, 11L, 4L, 15L, 9L, 10L), fed.get("responses"));
        assertFalse(fed.containsKey("warning"));
        Map<String, String> local = new HashMap<>(p);
        local.put("patients", "30,45,25,60,38,52");
        local.put("responses", "6,11,4,15,9,10");
        Map<String, Object> pooled = summary(new MapPriorMethod(), local, 1);
        for (String key : pooled.keySet()) {
            assertEquals(pooled.get(key), fed.get(key), key + ": same summaries, same numbers");
        }
        // and the numbers are the validated ones (map-integrate.R, scenario 1)
        assertEquals(0.22319992315932441, (Double) fed.get("mapMean"), 1e-7);
    }

    @Test
    void releasedBytesHoldNoSmallCell() throws Exception {
        // minCellCount 5: A (n 30, r 6) is released; B (n 20, r 3) has its responses suppressed; C (n 4) is withheld;
        // D (n 12, r 10: 2 non-responders) is suppressed; E (n 8, r 0) is released
        Table data = patients("A", 30, 6, "B", 20, 3, "C", 4, 2, "D", 12, 10, "E", 8, 0);
        SiteNode node = node("site0", data, 5);
        Map<String, String> p = Map.of("tauScale", "1");
        Aggregates r = release(node, p);
        assertEquals(List.of("studies", "patients", "responses", "suppressed", "withheldStudies"), r.names());
        assertEquals(List.of("A", "B", "D", "E"), r.labels("studies"));
        assertEquals(List.of(30.0, 20.0, 12.0, 8.0), java.util.Arrays.stream(r.get("patients")).boxed().toList());
        assertEquals(List.of(6.0, 0.0, 0.0, 0.0), java.util.Arrays.stream(r.get("responses")).boxed().toList());
        assertEquals(List.of(0.0, 1.0, 1.0, 0.0), java.util.Arrays.stream(r.get("suppressed")).boxed().toList());
        assertEquals(1.0, r.scalar("withheldStudies"));
        double[] n = r.get("patients");
        double[] x = r.get("responses");
        double[] hidden = r.get("suppressed");
        for (int h = 0; h < n.length; h++) {
            assertTrue(n[h] >= 5, "a released study has at least minCellCount patients");
            if (hidden[h] == 0) {
                assertTrue(x[h] == 0 || x[h] >= 5, "responders " + x[h]);
                assertTrue(n[h] - x[h] == 0 || n[h] - x[h] >= 5, "non-responders " + (n[h] - x[h]));
            } else {
                assertEquals(0, x[h], 0, "a suppressed count leaves as 0");
            }
        }
        // the analysis fits A and E only and says what it left out
        Map<String, Object> s = federated(List.of(node("site1", data, 5)), p);
        assertEquals(List.of("A", "E"), s.get("study"));
        assertEquals(List.of("B", "D"), s.get("excludedStudies"));
        assertEquals(1L, s.get("withheldStudies"));
        assertTrue(((String) s.get("warning")).startsWith("incomplete history"));
    }

    @Test
    void aResponseColumnThatIsNotZeroOrOneIsRefusedWithoutValues() throws Exception {
        List<Object> study = new ArrayList<>();
        List<Object> aval = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            study.add("A");
            aval.add(i == 7 ? 2.5 : i % 2);
        }
        Table data = Table.builder(allocator).add("STUDYID", ColumnType.STRING, study)
                .add("AVAL", ColumnType.FLOAT64, aval).build();
        tables.add(data);
        SiteNode node = node("site0", data, 3);
        Exception e = assertThrows(Exception.class, () -> release(node, Map.of("tauScale", "1")));
        assertFalse(String.valueOf(e.getMessage()).contains("2.5"), e.getMessage());
    }

    @Test
    void twoStudyColumnsThatDifferByOnePatientAreNotBothAnswered() throws Exception {
        // STUDY2 equals STUDYID except that one patient of A is labelled B: the two releases would give that
        // patient's response by difference, so the node refuses the second
        List<Object> study = new ArrayList<>();
        List<Object> study2 = new ArrayList<>();
        List<Object> aval = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            study.add(i < 20 ? "A" : "B");
            study2.add(i < 19 ? "A" : "B");
            aval.add(i % 3 == 0 ? 1.0 : 0.0);
        }
        Table data = Table.builder(allocator).add("STUDYID", ColumnType.STRING, study)
                .add("STUDY2", ColumnType.STRING, study2).add("AVAL", ColumnType.FLOAT64, aval).build();
        tables.add(data);
        SiteNode node = node("site0", data, 3);
        Aggregates first = release(node, Map.of("tauScale", "1"));
        assertEquals(List.of(20.0, 20.0), java.util.Arrays.stream(first.get("patients")).boxed().toList());
        assertThrows(Exception.class, () -> release(node, Map.of("tauScale", "1", "studyColumn", "STUDY2")));
        // on its own the second column is answered: the refusal above is the differencing rule
        SiteNode fresh = node("site1", data, 3);
        assertEquals(List.of(19.0, 21.0),
                java.util.Arrays.stream(release(fresh, Map.of("tauScale", "1", "studyColumn", "STUDY2")).get("patients"))
                        .boxed().toList());
    }

    @Test
    void theMethodTheSiteStepAndTheFederatedMethodAreServices() {
        assertEquals(MapPriorMethod.ID, InstalledMethods.method(MapPriorMethod.ID).descriptor().id());
        assertEquals(MapPriorMethod.ID, InstalledMethods.step(MapPriorMethod.ID).method());
        assertEquals(MapPriorMethod.ID, InstalledMethods.federated(MapPriorMethod.ID).id());
    }
}
