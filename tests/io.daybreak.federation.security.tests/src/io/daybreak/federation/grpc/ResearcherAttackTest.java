package io.daybreak.federation.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.daybreak.federation.analysis.AnalysisSpec;
import io.daybreak.federation.analysis.Canonical;
import io.daybreak.federation.analysis.ReleaseSigner;
import io.daybreak.federation.analysis.SignedRelease;
import io.daybreak.federation.analysis.StepRequest;
import io.daybreak.federation.grpc.Attacker.Connection;
import io.daybreak.federation.policy.DisclosurePolicy;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;

/**
 * The attack suite: a researcher holding a valid study certificate (alice, authorised at every site) against three
 * real node processes with the default disclosure policy. Each test is one class of attack found by the adversarial
 * review (issue 13), asserted on what the nodes actually sent back and on their audit logs.
 */
class ResearcherAttackTest {
    @TempDir
    static Path dir;
    static SiteProcesses sites;

    @BeforeAll
    static void startNodes() throws Exception {
        // the default policy, but for a column the sites do not offer (it exists in their files)
        sites = SiteProcesses.start(dir, "{\"hiddenColumns\": [\"meal.cal\"]}");
    }

    @AfterAll
    static void stopNodes() throws Exception {
        if (sites != null) {
            sites.close();
        }
    }

    private static AnalysisSpec logistic() {
        return AnalysisSpec.open("stats.glm", "lung", Map.of("response", "dead", "covariates", "age", "family",
                "binomial"), SiteProcesses.SITES);
    }

    private static StatusRuntimeException refused(String site, StepRequest request) throws Exception {
        try (Connection connection = sites.connect(site, "alice")) {
            return assertThrows(StatusRuntimeException.class, () -> connection.run(request));
        }
    }

    /** The audit lines of a site that belong to an analysis, of one kind. */
    private static List<String> entries(String site, AnalysisSpec spec, String kind) throws Exception {
        return sites.audit(site).stream().filter(line -> line.contains("\"analysis\":\"" + spec.id() + "\"")
                && line.contains("\"kind\":\"" + kind + "\"")).toList();
    }

    /**
     * The probe of the review: a β chosen by the researcher (here (0, 1), whose largest |η| is the oldest patient's
     * age; or one that is 0 everywhere but at one age) turns a GLM step into a query on single patients. A node
     * computes the next iterate itself from the signed releases of round 0; a request that names any other point is
     * refused and audited, and nothing is released for it.
     */
    @Test
    void aChosenEvaluationPointIsRefusedAndTheSiteEvaluatesOnlyAtItsOwnIterate() throws Exception {
        AnalysisSpec spec = logistic();
        List<SignedRelease> round0 = sites.round(new StepRequest(spec, 0, List.of(), ""), "alice");
        Map<String, Object> probe = new LinkedHashMap<>();
        probe.put("response", "dead");
        probe.put("covariates", List.of("age"));
        probe.put("family", "binomial");
        probe.put("interceptOnly", false);
        probe.put("beta", List.of(0.0, 1.0));
        String chosen = Canonical.sha256(probe);
        for (String site : SiteProcesses.SITES) {
            StatusRuntimeException e = refused(site, new StepRequest(spec, 1, List.of(round0), chosen));
            assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode());
            assertTrue(e.getStatus().getDescription().contains("evaluation-point"), Attacker.said(e));
            assertEquals(1, entries(site, spec, "refusal").size(), "the refusal is audited");
            assertEquals(1, entries(site, spec, "release").size(), "only round 0 was released");
        }
        List<SignedRelease> round1 = sites.round(new StepRequest(spec, 1, List.of(round0), ""), "alice");
        Set<String> points = new HashSet<>();
        round1.forEach(release -> points.add(release.argumentsSha256()));
        assertEquals(1, points.size(), "every site evaluates round 1 at the same, self-computed iterate");
        assertNotEquals(chosen, points.iterator().next());
        for (SignedRelease release : round1) {
            assertFalse(release.aggregatesSha256().isEmpty());
            assertEquals(1, release.round());
        }
    }

    /**
     * The transcript a coordinator forwards cannot be bent: a release whose bytes were changed (a site's sums
     * replaced, to steer the next iterate), an unsigned one, one signed by a researcher's key, one from another
     * analysis, rounds in the wrong order and a round without one site's release are all refused and audited.
     */
    @Test
    void forgedUnsignedResearcherSignedReplayedReorderedAndIncompleteTranscriptsAreRefused() throws Exception {
        AnalysisSpec spec = logistic();
        List<SignedRelease> round0 = sites.round(new StepRequest(spec, 0, List.of(), ""), "alice");
        List<SignedRelease> round1 = sites.round(new StepRequest(spec, 1, List.of(round0), ""), "alice");
        SignedRelease genuine = round0.get(1);
        SignedRelease steered = new SignedRelease(genuine.site(), genuine.analysisId(), genuine.specSha256(),
                genuine.round(), genuine.method(), genuine.step(), genuine.argumentsSha256(), round0.get(2).aggregates(),
                genuine.auditEntries(), genuine.auditHead(), genuine.certificate(), genuine.signature());
        SignedRelease unsigned = new SignedRelease(genuine.site(), genuine.analysisId(), genuine.specSha256(),
                genuine.round(), genuine.method(), genuine.step(), genuine.argumentsSha256(), genuine.aggregates(),
                genuine.auditEntries(), genuine.auditHead(), genuine.certificate(), new byte[0]);
        var alice = StudyPki.load(dir, "alice");
        SignedRelease researcherSigned = new ReleaseSigner("site1", alice.keys().getPrivate(),
                alice.certificate().getEncoded()).sign(genuine.analysisId(), genuine.specSha256(), 0, genuine.method(),
                        genuine.step(), genuine.argumentsSha256(), round0.get(2).aggregates(), genuine.auditEntries(),
                        genuine.auditHead());
        AnalysisSpec other = logistic();
        List<SignedRelease> otherRound0 = sites.round(new StepRequest(other, 0, List.of(), ""), "alice");
        Map<String, List<List<SignedRelease>>> attacks = new LinkedHashMap<>();
        attacks.put("does not verify", List.of(List.of(round0.get(0), steered, round0.get(2))));
        attacks.put("does not verify ", List.of(List.of(round0.get(0), unsigned, round0.get(2))));
        attacks.put("not a site's", List.of(List.of(round0.get(0), researcherSigned, round0.get(2))));
        attacks.put("another analysis", List.of(otherRound0));
        attacks.put("lacks a site's release", List.of(List.of(round0.get(0), round0.get(2))));
        attacks.put("another analysis, round", List.of(round1, round0));
        int refusals = 0;
        for (Map.Entry<String, List<List<SignedRelease>>> attack : attacks.entrySet()) {
            StepRequest request = new StepRequest(spec, attack.getValue().size(), attack.getValue(), "");
            StatusRuntimeException e = refused("site0", request);
            assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode(), attack.getKey());
            assertTrue(e.getStatus().getDescription().contains(attack.getKey().strip()), attack.getKey() + ": "
                    + Attacker.said(e));
            refusals++;
            assertEquals(refusals, entries("site0", spec, "refusal").size(), "every attempt is audited");
        }
        assertEquals(2, entries("site0", spec, "release").size(), "nothing was released for a bent transcript");
    }

    /**
     * Refusals carry no data: hostile and malformed analyses (non-0/1 responses, event codes aimed at one age, unknown
     * columns, factor levels of a continuous column) are refused with texts whose numbers are all in the request or
     * in the published policy, and the audit reasons likewise.
     */
    @Test
    void refusalsCarryNoNumberFromTheRows() throws Exception {
        List<Map<String, String>> hostile = List.of(
                Map.of("method", "stats.firth", "response", "age", "covariates", "sex"),
                Map.of("method", "stats.glm", "response", "age", "covariates", "sex", "family", "binomial"),
                Map.of("method", "stats.glm", "response", "wt.loss", "covariates", "sex", "family", "poisson"),
                Map.of("method", "stats.glm", "response", "age", "covariates", "nosuch"),
                Map.of("method", "stats.cox", "covariates", "sex", "status", "age", "eventValue", "74"),
                Map.of("method", "stats.table", "rows", "age"),
                Map.of("method", "stats.table", "rows", "sex", "columns", "ph.ecog"),
                Map.of("method", "stats.km", "groupBy", "age", "levels", "74,75"),
                Map.of("method", "stats.describe", "columns", "age,nosuch"),
                Map.of("method", "stats.glm", "response", "age", "covariates", "ph.ecog"));
        Set<String> policy = new HashSet<>();
        DisclosurePolicy d = DisclosurePolicy.DATASHIELD_DEFAULTS;
        for (Number n : List.<Number>of(d.minCellCount(), d.minSubsetSize(), d.maxParameterRatio(), d.maxFactorLevels(),
                d.maxFactorLevelRatio(), d.maxStringLength(), d.minRiskSetSize(), 0, 1, 64, 1000, 4096, 1_000_000)) {
            policy.add(n.toString());
        }
        int refusedCount = 0;
        for (Map<String, String> attack : hostile) {
            Map<String, String> parameters = new LinkedHashMap<>(attack);
            String method = parameters.remove("method");
            AnalysisSpec spec = AnalysisSpec.open(method, "lung", parameters, List.of("site0"));
            Set<String> allowed = new HashSet<>(policy);
            parameters.forEach((k, v) -> allowed.addAll(Attacker.numbers(k + " " + v)));
            allowed.add("0");
            try (Connection connection = sites.connect("site0", "alice")) {
                StatusRuntimeException e;
                try {
                    connection.run(new StepRequest(spec, 0, List.of(), ""));
                    continue; // released: nothing to check here (the disclosure rules are tested elsewhere)
                } catch (StatusRuntimeException refusal) {
                    e = refusal;
                }
                refusedCount++;
                String said = Attacker.said(e);
                for (String number : Attacker.numbers(said)) {
                    assertTrue(allowed.contains(number), method + " " + parameters + ": refusal carries " + number
                            + ", which is not in the request: " + said);
                }
                for (String line : entries("site0", spec, "refusal")) {
                    String reason = line.replaceAll(".*\"reason\":\"([^\"]*)\".*", "$1");
                    for (String number : Attacker.numbers(reason)) {
                        assertTrue(allowed.contains(number), "audit reason carries " + number + ": " + reason);
                    }
                }
            }
        }
        assertTrue(refusedCount >= 6, "most hostile analyses are refused: " + refusedCount);
    }

    /**
     * Differencing: two fits whose row sets differ by one patient (wt.loss is recorded for 71 of site0's 78 patients;
     * ph.ecog is missing for one of those 71) are not both released, whoever asks and however the rows are picked.
     * The second is refused before anything is computed, and nothing of it is released.
     */
    @Test
    void twoReleasesThatDifferByOnePatientAreNotBothMade() throws Exception {
        AnalysisSpec first = AnalysisSpec.open("stats.glm", "lung", Map.of("response", "dead", "covariates",
                "age,wt.loss", "family", "binomial"), List.of("site0"));
        SignedRelease released = sites.round(new StepRequest(first, 0, List.of(), ""), "alice").get(0);
        try (org.apache.arrow.memory.BufferAllocator allocator = new org.apache.arrow.memory.RootAllocator()) {
            assertEquals(71.0, io.daybreak.federation.Aggregates.fromBytes(released.aggregates(), allocator).scalar("n"));
        }
        AnalysisSpec second = AnalysisSpec.open("stats.glm", "lung", Map.of("response", "dead", "covariates",
                "age,wt.loss,ph.ecog", "family", "binomial"), List.of("site0"));
        StatusRuntimeException e = refused("site0", new StepRequest(second, 0, List.of(), ""));
        assertEquals(Status.Code.FAILED_PRECONDITION, e.getStatus().getCode());
        assertTrue(e.getStatus().getDescription().contains("differencing"), Attacker.said(e));
        assertFalse(Attacker.numbers(Attacker.said(e)).contains("70"), Attacker.said(e));
        assertTrue(entries("site0", second, "release").isEmpty());
        assertEquals(1, entries("site0", second, "refusal").size());
        // the same rows again are fine (same bytes: nothing new is learnt)
        SignedRelease again = sites.round(new StepRequest(AnalysisSpec.open("stats.glm", "lung", Map.of("response",
                "dead", "covariates", "age,wt.loss", "family", "binomial"), List.of("site0")), 0, List.of(), ""), "alice")
                .get(0);
        assertEquals(released.aggregatesSha256(), again.aggregatesSha256());
    }

    /** A column the policy hides and a column that does not exist get the same answer, and neither is listed. */
    @Test
    void aHiddenColumnAnswersExactlyAsAnAbsentOne() throws Exception {
        Map<String, String> answers = new LinkedHashMap<>();
        for (String column : List.of("meal.cal", "no.such")) {
            AnalysisSpec spec = AnalysisSpec.open("stats.describe", "lung", Map.of("columns", column),
                    List.of("site0"));
            StatusRuntimeException e = refused("site0", new StepRequest(spec, 0, List.of(), ""));
            answers.put(column, Attacker.said(e).replace(column, "COLUMN"));
        }
        assertEquals(answers.get("meal.cal"), answers.get("no.such"), answers.toString());
        try (Connection connection = sites.connect("site0", "alice")) {
            var listing = connection.stub.listDatasets(io.daybreak.federation.grpc.v2.ListDatasetsRequest.newBuilder()
                    .setProtocolVersion(Protocol.VERSION).build());
            assertFalse(listing.getDatasets(0).getColumnsList().contains("meal.cal"), listing.toString());
            assertTrue(listing.getDatasets(0).getColumnsList().contains("wt.loss"), listing.toString());
        }
    }

    /** Only researchers the site named: not mallory (certified by the same CA), not another site's certificate. */
    @Test
    void aStrangerAndASiteCertificateAreRefusedBeforeAnythingIsComputed() throws Exception {
        AnalysisSpec spec = logistic();
        for (String party : List.of("mallory", "site1")) {
            try (Connection connection = sites.connect("site0", party)) {
                StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> connection.run(
                        new StepRequest(spec, 0, List.of(), "")));
                assertEquals(Status.Code.PERMISSION_DENIED, e.getStatus().getCode(), party);
            }
        }
        assertTrue(entries("site0", spec, "release").isEmpty());
        assertEquals(2, entries("site0", spec, "refusal").size());
    }

    /** Oversized and malformed analyses are bad requests; the node keeps serving. */
    @Test
    void hostileSizesAreRefusedAndTheNodeKeepsServing() throws Exception {
        Map<String, String> many = new LinkedHashMap<>();
        for (int i = 0; i < 100; i++) {
            many.put("p" + i, "x");
        }
        List<String> crowd = new ArrayList<>();
        for (int i = 0; i < 65; i++) {
            crowd.add("site" + i);
        }
        List<AnalysisSpec> hostile = List.of(
                AnalysisSpec.open("stats.glm", "lung", many, List.of("site0")),
                AnalysisSpec.open("stats.glm", "lung", Map.of("response", "x".repeat(100_000)), List.of("site0")),
                AnalysisSpec.open("stats.glm", "lung", Map.of("response", "age"), crowd),
                AnalysisSpec.open("stats.glm", "lung", Map.of("response", "age"), List.of("site0", "site0")),
                AnalysisSpec.open("stats.glm", "lung", Map.of("response", "age"), List.of("elsewhere")),
                new AnalysisSpec("not-hex", "stats.glm", "lung", Map.of(), List.of("site0")));
        for (AnalysisSpec spec : hostile) {
            assertEquals(Status.Code.INVALID_ARGUMENT, refused("site0", new StepRequest(spec, 0, List.of(), ""))
                    .getStatus().getCode(), spec.toString().substring(0, Math.min(200, spec.toString().length())));
        }
        assertEquals(Status.Code.INVALID_ARGUMENT, refused("site0", new StepRequest(logistic(), 999, List.of(), ""))
                .getStatus().getCode());
        List<String> audit = sites.audit("site0");
        assertTrue(audit.stream().allMatch(line -> line.length() < 64 * 1024), "audit entries stay bounded");
        assertEquals(1, sites.round(new StepRequest(AnalysisSpec.open("stats.glm", "lung", Map.of("response", "dead",
                "covariates", "age", "family", "binomial"), List.of("site0")), 0, List.of(), ""), "alice").size());
    }
}
