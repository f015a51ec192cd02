package io.daybreak.methods.stats.federated;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.daybreak.core.testing.TestMethodContext;
import io.daybreak.core.testing.DirectStepAnalysis;
import io.daybreak.core.method.InvalidParameterException;
import io.daybreak.data.Table;
import io.daybreak.federation.Aggregates;
import io.daybreak.federation.ReleaseGuard;
import io.daybreak.federation.SiteFailedException;
import io.daybreak.federation.ledger.RowSetLedger;
import io.daybreak.federation.policy.DisclosurePolicy;
import io.daybreak.federation.site.LocalSites;
import io.daybreak.federation.site.NodeException;
import io.daybreak.federation.site.SiteNode;
import io.daybreak.methods.stats.descriptive.DescribeSiteStep;
import io.daybreak.methods.stats.glm.FirthSiteStep;
import io.daybreak.stats.models.glm.GlmFamily;
import io.daybreak.stats.federated.GlmFederated;
import io.daybreak.methods.stats.glm.GlmFederatedMethod;
import io.daybreak.methods.stats.glm.GlmSiteStep;
import io.daybreak.methods.stats.survival.CoxSiteStep;
import io.daybreak.methods.stats.survival.KaplanMeierFederatedMethod;
import io.daybreak.methods.stats.survival.KaplanMeierSiteStep;
import io.daybreak.methods.stats.table.TableFederatedMethod;
import io.daybreak.methods.stats.table.TableMethod;
import io.daybreak.methods.stats.table.TableSiteStep;

/**
 * The disclosure rules of the stats site steps, each shown on what a node releases (the bytes, decoded) or on a
 * refusal that came before the step produced any payload (a spy around each step counts the payloads).
 *
 * <p>The synthetic cohort has 60 patients: y missing for rows 0–3, wt.loss for row 10 only, x3 for rows 20–22;
 * {@code rare} is 1 for patient 5 only, {@code rare3} for patients 5–7.
 */
class FederatedDisclosureRulesTest extends DisclosureTestSupport {
    private static final DisclosurePolicy DEFAULTS = DisclosurePolicy.DATASHIELD_DEFAULTS;
    private static final int N = 60;

    static double age(int i) {
        return 45 + (i * 37) % 41 + 0.125 * (i % 4) + 0.001 * i;
    }

    private Table cohort() {
        Map<String, List<?>> columns = new LinkedHashMap<>();
        columns.put("age", column(N, FederatedDisclosureRulesTest::age));
        columns.put("y", column(N, i -> i < 4 ? null : 10 + 0.5 * age(i) + (i * 13) % 7 - 3));
        columns.put("wt.loss", column(N, i -> i == 10 ? null : 60.0 + (i * 11) % 23));
        columns.put("x3", column(N, i -> i >= 20 && i <= 22 ? null : (double) ((i * 5) % 9)));
        columns.put("rare", column(N, i -> i == 5 ? 1.0 : 0.0));
        columns.put("rare3", column(N, i -> i >= 5 && i <= 7 ? 1.0 : 0.0));
        columns.put("sex", column(N, i -> i % 2 == 0 ? 1.0 : 2.0));
        columns.put("dead", column(N, i -> (i * 7) % 5 < 2 ? 1.0 : 0.0));
        columns.put("count", column(N, i -> (double) (i % 6)));
        columns.put("time", column(N, i -> 30 + (i * 53) % 97 + 0.5));
        columns.put("status", column(N, i -> (i * 7) % 5 < 2 ? 2.0 : 1.0));
        return table(columns);
    }

    private static Map<String, Object> glm(String response, List<String> covariates, String family) {
        return new LinkedHashMap<>(Map.of("response", response, "covariates", covariates, "family", family));
    }

    @Test
    void aModelOneRowAwayFromAnEarlierReleaseIsRefusedAcrossRestartsAndTheSameRowsAreNot() throws Exception {
        Path file = dir.resolve("node.rowsets");
        Table data = cohort();
        SiteNode node = node("site", data, DEFAULTS, RowSetLedger.open(file));
        // y ~ age: the 56 rows with y
        byte[] first = DirectStepAnalysis.handle(node, "CN=alice", GlmSiteStep.METHOD, "sums", "cohort",
                glm("y", List.of("age"), "gaussian"));
        // the same rows again, by anyone: allowed, and the same bytes
        assertArrayEquals(first, DirectStepAnalysis.handle(node, "CN=bob", GlmSiteStep.METHOD, "sums", "cohort",
                glm("y", List.of("age"), "gaussian")));
        // y ~ age + wt.loss: wt.loss is missing for exactly one of those rows; the complement (5 rows) passes, the
        // difference to the earlier release (1 row) does not, and the step never produced its payload
        String message = refused(node, GlmSiteStep.METHOD, "sums", glm("y", List.of("age", "wt.loss"), "gaussian"),
                NodeException.Code.DISCLOSURE, "differencing");
        assertFalse(message.matches(".*\\b(1|55|56)\\b.*"), message);
        // y ~ age + x3: three rows fewer, as far as minSubsetSize: allowed
        Aggregates third = released(node, GlmSiteStep.METHOD, "sums", glm("y", List.of("age", "x3"), "gaussian"),
                allocator);
        assertEquals(53, third.scalar("n"));
        // through the coordinator the analysis fails closed, naming the site and the rule
        LocalSites sites = new LocalSites(List.of(node), "cohort", "CN=carol", allocator);
        SiteFailedException e = assertThrows(SiteFailedException.class, () -> GlmFederated.fit(open(sites,
                new GlmFederatedMethod(), Map.of("response", "y", "covariates", "age,wt.loss")), "y",
                List.of("age", "wt.loss"), GlmFamily.GAUSSIAN));
        assertTrue(e.getMessage().contains("differencing"), e.getMessage());
        // the node restarts: its ledger is read back and still refuses
        ledgers.remove(ledgers.size() - 1).close();
        SiteNode restarted = node("site-restarted", data, DEFAULTS, RowSetLedger.open(file));
        refused(restarted, GlmSiteStep.METHOD, "sums", glm("y", List.of("age", "wt.loss"), "gaussian"),
                NodeException.Code.DISCLOSURE, "differencing");
        assertArrayEquals(first, DirectStepAnalysis.handle(restarted, "CN=alice", GlmSiteStep.METHOD, "sums", "cohort",
                glm("y", List.of("age"), "gaussian")));
    }

    @Test
    void aBinaryCovariateWithOnePatientInALevelIsRefusedWhateverTheResponse() throws Exception {
        SiteNode node = node("site", cohort(), DEFAULTS);
        for (String family : List.of("gaussian", "binomial", "poisson")) {
            String response = family.equals("gaussian") ? "y" : family.equals("binomial") ? "dead" : "count";
            refused(node, GlmSiteStep.METHOD, "sums", glm(response, List.of("age", "rare"), family),
                    NodeException.Code.DISCLOSURE, "cell-count");
        }
        refused(node, FirthSiteStep.METHOD, "information", Map.of("response", "dead", "covariates", List.of("rare"),
                "beta", List.of(0.0, 0.0)), NodeException.Code.DISCLOSURE, "cell-count");
        refused(node, CoxSiteStep.METHOD, "stratumLikelihood", Map.of("time", "time", "status", "status", "eventValue", 2,
                "covariates", List.of("rare"), "beta", List.of(0.0)), NodeException.Code.DISCLOSURE, "cell-count");
        // a binary response (or status) level with one patient: the same rule
        refused(node, GlmSiteStep.METHOD, "sums", glm("rare", List.of("age"), "binomial"), NodeException.Code.DISCLOSURE,
                "cell-count");
        refused(node, DescribeSiteStep.METHOD, "moments", Map.of("columns", List.of("rare")),
                NodeException.Code.DISCLOSURE, "cell-count");
        // three patients in the level: released (the rule is about small levels, not binary covariates)
        Aggregates three = released(node, GlmSiteStep.METHOD, "sums", glm("dead", List.of("rare3"), "binomial"),
                allocator);
        assertEquals(N, three.scalar("n"));
    }

    @Test
    void aGlmReleasesSumsOnlyNeverTheLargestLinearPredictor() throws Exception {
        SiteNode node = node("site", cohort(), DEFAULTS);
        double oldest = 0;
        for (int i = 0; i < N; i++) {
            oldest = Math.max(oldest, age(i));
        }
        for (String family : List.of("gaussian", "binomial")) {
            // beta = (0, 1): |eta| of each row is its age; the release held max |eta| (the oldest patient's age)
            Map<String, Object> arguments = glm(family.equals("gaussian") ? "y" : "dead", List.of("age"), family);
            arguments.put("beta", List.of(0.0, 1.0));
            Aggregates release = released(node, GlmSiteStep.METHOD, "sums", arguments, allocator);
            assertEquals(List.of("xtwx.shape", "xtwx", "xtwz", "deviance", "n", "sumY", "saturatedLogLikelihood"),
                    release.names());
            for (String name : release.names()) {
                for (double value : release.get(name)) {
                    for (int i = 0; i < N; i++) {
                        assertTrue(value != age(i), family + " " + name + " holds patient " + i + "'s age");
                    }
                }
            }
            assertTrue(oldest > 80);
        }
    }

    @Test
    void separationIsDetectedFromSummedSumsAcrossSites() throws Exception {
        // y = (x > 2) across three sites: the maximum-likelihood estimate diverges
        List<SiteNode> nodes = new ArrayList<>();
        for (int s = 0; s < 3; s++) {
            int site = s;
            Map<String, List<?>> columns = new LinkedHashMap<>();
            columns.put("x", column(12, i -> (i + 0.37 * site) / 2.5));
            columns.put("y", column(12, i -> (i + 0.37 * site) / 2.5 > 2 ? 1.0 : 0.0));
            columns.put("z", column(12, i -> (double) ((i * 5 + site) % 7)));
            nodes.add(node("site" + s, table(columns), DEFAULTS));
        }
        LocalSites sites = new LocalSites(nodes, "cohort", "CN=researcher", allocator);
        GlmFederated.Result separated = GlmFederated.fit(open(sites, new GlmFederatedMethod(), Map.of(
                "response", "y", "covariates", "x", "family", "binomial")), "y", List.of("x"), GlmFamily.BINOMIAL);
        assertTrue(separated.fit().separated(), "separation not detected");
        GlmFederated.Result overlapping = GlmFederated.fit(open(sites, new GlmFederatedMethod(), Map.of(
                "response", "y", "covariates", "z", "family", "binomial")), "y", List.of("z"), GlmFamily.BINOMIAL);
        assertFalse(overlapping.fit().separated(), "an ordinary fit flagged as separated");
        assertTrue(overlapping.fit().converged());
    }

    @Test
    void textLevelsAreReleasedOnlyUnderTheFactorRulesAndTablesAddUp() throws Exception {
        List<SiteNode> nodes = new ArrayList<>();
        List<Table> parts = new ArrayList<>();
        for (int s = 0; s < 2; s++) {
            int site = s;
            Map<String, List<?>> columns = new LinkedHashMap<>();
            columns.put("arm", column(30, i -> (i + site) % 3 == 0 ? "treated" : "control"));
            columns.put("sex", column(30, i -> i % 2 == 0 ? 1.0 : 2.0));
            columns.put("region", column(30, i -> i == 7 ? "Isle of Zanzibar" : i % 2 == 0 ? "north" : "south"));
            Table part = table(columns);
            parts.add(part);
            nodes.add(node("site" + s, part, DEFAULTS));
        }
        Aggregates release = released(nodes.get(0), TableSiteStep.METHOD, "counts", Map.of("rows", "arm", "columns",
                "sex"), allocator);
        assertEquals(List.of("rowLabels", "columnValues", "counts"), release.names());
        assertEquals(List.of("control", "treated"), release.labels("rowLabels"));
        // a region with a single patient: refused, and the refusal names no level
        String message = refused(nodes.get(0), TableSiteStep.METHOD, "counts", Map.of("rows", "region"),
                NodeException.Code.DISCLOSURE, "cell-count");
        assertFalse(message.contains("Zanzibar") || message.contains("north"), message);
        // across the sites the labelled tables add up to the pooled table
        LocalSites sites = new LocalSites(nodes, "cohort", "CN=researcher", allocator);
        Map<String, Object> federated = federated(sites, new TableFederatedMethod(), Map.of("rows", "arm",
                "columns", "sex")).summary();
        Map<String, List<?>> pooledColumns = new LinkedHashMap<>();
        for (String name : List.of("arm", "sex")) {
            List<Object> values = new ArrayList<>();
            for (Table part : parts) {
                for (int i = 0; i < part.rowCount(); i++) {
                    values.add(name.equals("arm") ? part.strings(name).get(i) : (Object) part.doubles(name).get(i));
                }
            }
            pooledColumns.put(name, values);
        }
        var pooled = apply(new TableMethod(), Map.of("rows", "arm", "columns", "sex"), Map.of("data",
                table(pooledColumns)), new TestMethodContext(allocator, 1));
        pooled.outputs().values().forEach(Table::close);
        assertEquals(pooled.summary().get("counts"), federated.get("counts"));
        assertEquals(List.of("control", "treated"), federated.get("rowLevels"));
        assertEquals(pooled.summary().get("chiSquared"), federated.get("chiSquared"));
        // the researcher no longer names levels
        InvalidParameterException levels = assertThrows(InvalidParameterException.class, () -> federated(sites,
                new TableFederatedMethod(), Map.of("rows", "arm", "rowLevels", "control,treated")));
        assertTrue(levels.getMessage().contains("unknown parameter 'rowLevels'"), levels.getMessage());
    }

    @Test
    void anAbsentValueAndAValueWithFewRowsGetTheSameAnswer() throws Exception {
        Map<String, List<?>> columns = new LinkedHashMap<>();
        columns.put("time", column(N, i -> 30 + (i * 53) % 97 + 0.5));
        columns.put("status", column(N, i -> i == 9 ? 3.0 : i % 3 == 0 ? 2.0 : 1.0)); // status 3: one patient
        columns.put("age", column(N, FederatedDisclosureRulesTest::age));
        SiteNode node = node("site", table(columns), DEFAULTS);
        String small = refused(node, CoxSiteStep.METHOD, "stratumLikelihood", Map.of("time", "time", "status", "status",
                "eventValue", 3, "covariates", List.of("age"), "beta", List.of(0.0)), NodeException.Code.DISCLOSURE, null);
        String absent = refused(node, CoxSiteStep.METHOD, "stratumLikelihood", Map.of("time", "time", "status", "status",
                "eventValue", 7, "covariates", List.of("age"), "beta", List.of(0.0)), NodeException.Code.DISCLOSURE, null);
        assertEquals(small, absent);
        // and a column that does not exist reads the same for every step that looks columns up
        SiteNode other = node("site2", cohort(), DEFAULTS);
        record Lookup(String method, String step, String argument, Map<String, Object> arguments) {
        }
        List<Lookup> lookups = List.of(
                new Lookup(GlmSiteStep.METHOD, "sums", "response", glm("mrn", List.of("age"), "gaussian")),
                new Lookup(GlmSiteStep.METHOD, "sums", "covariates", glm("y", List.of("age", "mrn"), "gaussian")),
                new Lookup(FirthSiteStep.METHOD, "information", "response", Map.of("response", "mrn", "covariates",
                        List.of(), "beta", List.of(0.0))),
                new Lookup(CoxSiteStep.METHOD, "stratumLikelihood", "time", Map.of("time", "mrn", "status", "status",
                        "eventValue", 2, "covariates", List.of(), "beta", List.of())),
                new Lookup(TableSiteStep.METHOD, "counts", "columns", Map.of("rows", "sex", "columns", "mrn")),
                new Lookup(DescribeSiteStep.METHOD, "moments", "columns", Map.of("columns", List.of("age", "mrn"))),
                new Lookup(KaplanMeierSiteStep.METHOD, "levels", "group", Map.of("time", "time", "status", "status",
                        "eventValue", 2, "group", "mrn")));
        for (Lookup lookup : lookups) {
            String message = refused(other, lookup.method(), lookup.step(), lookup.arguments(),
                    NodeException.Code.BAD_REQUEST, null);
            // the same words for a column that does not exist and one the site hides; no list of the columns it has
            assertEquals("BAD_REQUEST: argument '" + lookup.argument() + "': the data have no column 'mrn'", message);
        }
    }


    @Test
    void kaplanMeierGroupsComeFromTheDataUnderTheFactorRules() throws Exception {
        DisclosurePolicy times = DEFAULTS.withReleaseEventTimes(true);
        int n = 183;
        Map<String, List<?>> columns = new LinkedHashMap<>();
        columns.put("time", column(n, i -> 10 + (i * 31) % 211 + 0.25));
        columns.put("status", column(n, i -> i % 4 == 0 ? 1.0 : 2.0));
        columns.put("unit", column(n, i -> (double) (i % 61))); // 61 groups of three patients
        columns.put("age", column(n, i -> 40 + (i * 17) % 50 + 0.001 * i));
        columns.put("arm", column(n, i -> i == 100 ? 2.0 : (double) (i % 2))); // arm 2: one patient
        columns.put("sex", column(n, i -> i % 3 == 0 ? 1.0 : 2.0));
        SiteNode node = node("site", table(columns), times);
        Map<String, Object> base = new LinkedHashMap<>(Map.of("time", "time", "status", "status", "eventValue", 2));
        for (String group : List.of("unit", "age")) {
            Map<String, Object> arguments = new LinkedHashMap<>(base);
            arguments.put("group", group);
            refused(node, KaplanMeierSiteStep.METHOD, "levels", arguments, NodeException.Code.DISCLOSURE, "factor-levels");
            // asking for the counts directly, with any level list, does not get round the rule
            arguments.put("levels", column(61, i -> (double) i));
            refused(node, KaplanMeierSiteStep.METHOD, "counts", arguments, NodeException.Code.DISCLOSURE, "factor-levels");
        }
        Map<String, Object> arm = new LinkedHashMap<>(base);
        arm.put("group", "arm");
        refused(node, KaplanMeierSiteStep.METHOD, "levels", arm, NodeException.Code.DISCLOSURE, "cell-count");
        // a proper group column: its levels, then the counts over them
        LocalSites sites = new LocalSites(List.of(node), "cohort", "CN=researcher", allocator);
        Map<String, Object> summary = federated(sites, new KaplanMeierFederatedMethod(), Map.of("groupBy",
                "sex", "eventValue", "2")).summary();
        assertEquals(List.of(1.0, 2.0), summary.get("groups"));
        assertEquals(List.of(61L, 122L), summary.get("n"));
        // the researcher's level list is no longer a parameter
        InvalidParameterException levels = assertThrows(InvalidParameterException.class, () -> federated(sites,
                new KaplanMeierFederatedMethod(), Map.of("groupBy", "sex", "levels", "1,2")));
        assertTrue(levels.getMessage().contains("unknown parameter 'levels'"), levels.getMessage());
    }

    @Test
    void coxRiskSetsMustChangeByTheMinimumAndASingleEventsCovariatesStayAtTheSite() throws Exception {
        DisclosurePolicy times = DEFAULTS.withReleaseEventTimes(true);
        // distinct follow-up times: consecutive risk sets differ by one patient
        SiteNode node = node("site", cohort(), times);
        double[] grid = new double[N];
        for (int i = 0; i < N; i++) {
            grid[i] = 30 + (i * 53) % 97 + 0.5;
        }
        // the 50 earliest times: every risk set has at least 11 patients, so only the change rule applies
        double[] sortedGrid = Arrays.stream(grid).distinct().sorted().limit(50).toArray();
        Map<String, Object> sums = new LinkedHashMap<>(Map.of("time", "time", "status", "status", "eventValue", 2,
                "covariates", List.of("age"), "beta", List.of(0.0)));
        sums.put("grid", Arrays.stream(sortedGrid).boxed().toList());
        refused(node, CoxSiteStep.METHOD, "sums", sums, NodeException.Code.DISCLOSURE, "risk-set-change");

        // blocks of three patients per time, one event and two censored each: every change is 3, every risk set
        // at least 3; but each grid time has a single event, whose covariates sumX would be
        int n = 30;
        Map<String, List<?>> columns = new LinkedHashMap<>();
        columns.put("time", column(n, i -> 100.0 + 10 * (i / 3)));
        columns.put("status", column(n, i -> i % 3 == 0 ? 2.0 : 1.0));
        columns.put("age", column(n, i -> 50 + (i * 7) % 23 + 0.317));
        Table blocks = table(columns);
        Map<String, Object> blockSums = new LinkedHashMap<>(Map.of("time", "time", "status", "status", "eventValue", 2,
                "covariates", List.of("age"), "beta", List.of(0.0)));
        blockSums.put("grid", column(n / 3, k -> 100.0 + 10 * k));
        SiteNode strict = node("strict", blocks, times);
        refused(strict, CoxSiteStep.METHOD, "sums", blockSums, NodeException.Code.DISCLOSURE, "cell-count");
        // what the cell rule protects: a site that opts into minCellCount 1 releases that patient's age as sumX
        SiteNode lax = node("lax", blocks, times.withMinCellCount(1));
        double[] sumX = released(lax, CoxSiteStep.METHOD, "sums", blockSums, allocator).get("sumX");
        assertEquals(50 + 0 + 0.317, sumX[0], 1e-12); // patient 0, the event at time 100
    }

    @Test
    void workIsBoundedBeforeAnythingIsAllocated() throws Exception {
        // 50,000 x 50,000 levels under a policy that allows that many: refused before a cell is allocated
        int n = 50_000;
        Map<String, List<?>> columns = new LinkedHashMap<>();
        columns.put("a", column(n, i -> (double) i));
        columns.put("b", column(n, i -> (double) i));
        DisclosurePolicy loose = new DisclosurePolicy(1, 3, 0.33, 100_000, 1.0, 80, false, 3);
        SiteNode node = node("site", table(columns), loose);
        String table = refused(node, TableSiteStep.METHOD, "counts", Map.of("rows", "a", "columns", "b"),
                NodeException.Code.BAD_REQUEST, null);
        assertTrue(table.contains("'rows'") && table.contains("'columns'") && table.contains("1000000"), table);
        SiteNode cohort = node("cohort", cohort(), DEFAULTS.withReleaseEventTimes(true));
        List<Object> many = column(201, i -> "age");
        Map<String, Object> wide = glm("y", List.of(), "gaussian");
        wide.put("covariates", many);
        String covariates = refused(cohort, GlmSiteStep.METHOD, "sums", wide, NodeException.Code.BAD_REQUEST, null);
        assertTrue(covariates.contains("'covariates'") && covariates.contains("200"), covariates);
        Map<String, Object> cox = new LinkedHashMap<>(Map.of("time", "time", "status", "status", "eventValue", 2,
                "covariates", column(10, i -> "age"), "beta", column(10, i -> 0.0)));
        cox.put("grid", column(99_000, i -> (double) i));
        // a grid this long cannot reach a node from a requester any more (it is the union of the sites' released
        // event times, ADR 0013, and a specification parameter holds at most 4,096 characters): the step's own
        // limit is checked on the step
        Table data = cohort();
        ReleaseGuard guard = new ReleaseGuard(DEFAULTS.withReleaseEventTimes(true), RowSetLedger.datasetId("cohort",
                data), data.rowCount(), RowSetLedger.inMemory());
        IllegalArgumentException grid = assertThrows(IllegalArgumentException.class, () -> new CoxSiteStep().run("sums",
                cox, data, guard));
        assertTrue(grid.getMessage().contains("'grid'") && grid.getMessage().contains("20000000"), grid.getMessage());
    }
}
