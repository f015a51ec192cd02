package io.daybreak.methods.stats.federated;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.daybreak.data.Table;
import io.daybreak.data.csv.CsvReader;
import io.daybreak.federation.SiteFailedException;
import io.daybreak.federation.audit.AuditLog;
import io.daybreak.federation.audit.AuditVerifier;
import io.daybreak.federation.policy.DisclosurePolicy;
import io.daybreak.federation.site.LocalSites;
import io.daybreak.federation.site.NodeException;
import io.daybreak.federation.site.SiteNode;
import io.daybreak.stats.models.glm.GlmFamily;
import io.daybreak.stats.federated.GlmFederated;
import io.daybreak.methods.stats.glm.GlmMethod;
import io.daybreak.methods.stats.glm.GlmFederatedMethod;
import io.daybreak.methods.stats.glm.GlmSiteStep;
import io.daybreak.methods.stats.survival.CoxSiteStep;
import io.daybreak.federation.analysis.AnalysisSpec;
import io.daybreak.federation.analysis.StepRequest;
import io.daybreak.federation.site.Requester;
import java.util.Set;

/**
 * The federated GLM through site nodes (in this process, through the same request, release, policy and audit
 * path a remote node uses): equal to the pooled fit, and refused where the disclosure rules say so, with
 * nothing released.
 */
class FederatedGlmTest extends FederatedTestSupport {
    private static final DisclosurePolicy DEFAULTS = DisclosurePolicy.DATASHIELD_DEFAULTS;

    @Test
    void federatedFitThroughNodesEqualsThePooledFitAndEveryReleaseIsAudited() throws Exception {
        GlmFederated.Result result = GlmFederated.fit(open(sites(Integer.MAX_VALUE, DEFAULTS), new GlmFederatedMethod(),
                Map.of("response", "wt.loss", "covariates", "age,sex")), "wt.loss", List.of("age", "sex"),
                GlmFamily.GAUSSIAN);
        Map<String, Object> pooled = run(new GlmMethod(), LUNG, Map.of("response", "wt.loss", "covariates", "age,sex"));
        for (int a = 0; a < 3; a++) {
            assertRelative(doubles(pooled.get("coefficients"))[a], result.fit().coefficients()[a], 1e-11, "coefficient " + a);
            assertRelative(doubles(pooled.get("standardErrors"))[a], result.fit().standardErrors()[a], 1e-11, "se " + a);
        }
        assertRelative((Double) pooled.get("nullDeviance"), result.nullDeviance(), 1e-12, "null deviance");
        for (AuditLog log : logs) {
            AuditVerifier.Result check = AuditVerifier.verify(log.file());
            assertTrue(check.intact(), check.problem());
            assertEquals(2L * result.rounds(), check.entries()); // a request and a release per round
            String text = Files.readString(log.file());
            assertTrue(text.contains("\"kind\":\"release\"") && text.contains("\"sha256\""), text);
        }
    }

    @Test
    void aNearlySaturatedModelIsRefusedAndNothingIsReleased() throws Exception {
        // 9 rows at each site: 4 parameters > 0.33 x 9
        LocalSites small = sites(9, DEFAULTS);
        SiteFailedException e = assertThrows(SiteFailedException.class, () -> federated(small, new GlmFederatedMethod(),
                Map.of("response", "wt.loss", "covariates", "age,sex,ph.ecog")));
        assertEquals("site0", e.site());
        assertTrue(e.getMessage().contains("parameter-ratio"), e.getMessage());
        String audit = Files.readString(logs.get(0).file());
        assertTrue(audit.contains("\"kind\":\"refusal\"") && !audit.contains("\"kind\":\"release\""), audit);
    }

    @Test
    void subsetsWhoseComplementIsTinyAreRefused() throws Exception {
        // ph.ecog is missing for one patient: a fit on the complete cases would differ from one on all rows by
        // exactly that patient, so the site refuses (complement of 1 < 3)
        SiteNode site;
        try (Table lung = CsvReader.read(data(LUNG), allocator)) {
            Table all = siteTable(lung, 0, Integer.MAX_VALUE); // the patient without ph.ecog is at site 0 (inst 21)
            long missing = 0;
            for (int i = 0; i < all.rowCount(); i++) {
                missing += all.doubles("ph.ecog").isNull(i) ? 1 : 0;
            }
            assertEquals(1, missing);
            site = node("site-ecog", all, DEFAULTS);
        }
        SiteNode node = site;
        NodeException refused = assertThrows(NodeException.class, () -> release(node, new GlmFederatedMethod(),
                Map.of("response", "age", "covariates", "ph.ecog")));
        assertEquals(NodeException.Code.DISCLOSURE, refused.code());
        assertTrue(refused.getMessage().contains("outside"), refused.getMessage());
    }

    @Test
    void methodsOffTheAllowListUnknownDatasetsAndBadArgumentsAreRefusedWithCodes() throws Exception {
        LocalSites sites = sites(Integer.MAX_VALUE, DEFAULTS);
        SiteNode node;
        SiteNode noGlm;
        try (Table lung = CsvReader.read(data(LUNG), allocator)) {
            node = node("site-x", siteTable(lung, 0, Integer.MAX_VALUE), DEFAULTS);
            noGlm = node("site-y", siteTable(lung, 0, Integer.MAX_VALUE), DEFAULTS, Set.of(CoxSiteStep.METHOD));
        }
        Map<String, String> glm = Map.of("response", "age", "covariates", "sex");
        assertEquals(NodeException.Code.NOT_ALLOWED, assertThrows(NodeException.class,
                () -> release(noGlm, new GlmFederatedMethod(), glm)).code());
        assertEquals(NodeException.Code.UNKNOWN_STEP, assertThrows(NodeException.class, () -> node.handle(RESEARCHER,
                new StepRequest(AnalysisSpec.open("raw.rows", "lung", Map.of(), List.of("site-x")), 0, List.of(), "")))
                .code());
        assertEquals(NodeException.Code.UNKNOWN_DATASET, assertThrows(NodeException.class, () -> node.handle(RESEARCHER,
                new StepRequest(AnalysisSpec.open(GlmSiteStep.METHOD, "other", glm, List.of("site-x")), 0, List.of(),
                        ""))).code());
        NodeException badColumn = assertThrows(NodeException.class, () -> release(node, new GlmFederatedMethod(),
                Map.of("response", "age", "covariates", "nosuch")));
        assertEquals(NodeException.Code.BAD_REQUEST, badColumn.code());
        assertTrue(badColumn.getMessage().contains("'nosuch'"), badColumn.getMessage());
        assertEquals(NodeException.Code.BAD_REQUEST, assertThrows(NodeException.class, () -> release(node,
                new GlmFederatedMethod(), Map.of("response", "x".repeat(81), "covariates", "age"))).code());
        NodeException stranger = assertThrows(NodeException.class, () -> node.handle(Requester.researcher(
                "CN=mallory,O=Daybreak"), new StepRequest(AnalysisSpec.open(GlmSiteStep.METHOD, "lung", glm,
                        List.of("site-x")), 0, List.of(), "")));
        assertEquals(NodeException.Code.NOT_ALLOWED, stranger.code());
        assertEquals(3, sites.names().size());
    }
}
