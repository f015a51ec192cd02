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
import io.daybreak.federation.Aggregates;
import io.daybreak.federation.FederatedMethod;
import io.daybreak.federation.SiteFailedException;
import io.daybreak.federation.policy.DisclosurePolicy;
import io.daybreak.federation.site.LocalSites;
import io.daybreak.federation.site.SiteNode;
import io.daybreak.methods.stats.glm.GlmFederatedMethod;
import io.daybreak.methods.stats.glm.GlmMethod;
import io.daybreak.methods.stats.survival.CoxFederatedMethod;
import io.daybreak.methods.stats.survival.CoxMethod;
import io.daybreak.stats.models.formula.StatusCoding;

/**
 * R formulas across three site nodes: the sites agree each factor's levels (released only under the factor and
 * cell-count rules), the status coding is agreed from what each site's status column looks like, and the fits equal
 * the pooled ones with the same R names; a factor with a level held by fewer than minCellCount patients is refused
 * with nothing released.
 */
class FederatedFormulaTest extends FederatedTestSupport {
    private static final DisclosurePolicy DEFAULTS = DisclosurePolicy.DATASHIELD_DEFAULTS;

    @Test
    void aGlmWithAFactorAndAnInteractionEqualsThePooledFit() throws Exception {
        String formula = "wt.loss ~ age * factor(sex)";
        FederatedMethod.Outcome federated = federated(sites(Integer.MAX_VALUE, DEFAULTS), new GlmFederatedMethod(),
                Map.of("formula", formula));
        Map<String, Object> pooled = run(new GlmMethod(), LUNG, Map.of("formula", formula));
        assertEquals(List.of("(Intercept)", "age", "factor(sex)2", "age:factor(sex)2"), pooled.get("terms"));
        assertEquals(pooled.get("terms"), federated.summary().get("terms"));
        for (int a = 0; a < 4; a++) {
            assertRelative(doubles(pooled.get("coefficients"))[a], doubles(federated.summary().get("coefficients"))[a],
                    1e-10, "coefficient " + a);
            assertRelative(doubles(pooled.get("standardErrors"))[a],
                    doubles(federated.summary().get("standardErrors"))[a], 1e-10, "se " + a);
        }
        assertRelative((Double) pooled.get("aic"), (Double) federated.summary().get("aic"), 1e-12, "AIC");
        assertRelative((Double) pooled.get("nullDeviance"), (Double) federated.summary().get("nullDeviance"), 1e-12,
                "null deviance");
    }

    @Test
    void aCoxModelWithAFactorAndSurvsStatusCodingEqualsThePooledFit() throws Exception {
        // status is 1/2 at every site: the sites release only that their column is coded 1/2, and 2 is the event
        String formula = "Surv(time, status) ~ age + factor(sex)";
        FederatedMethod.Outcome federated = federated(sites(Integer.MAX_VALUE, DEFAULTS), new CoxFederatedMethod(),
                Map.of("formula", formula, "stratifyBySite", "true"));
        Map<String, Object> pooled = run(new CoxMethod(), LUNG, Map.of("formula", formula, "siteColumn", "site",
                "stratifyBySite", "true"));
        assertEquals(List.of("age", "factor(sex)2"), federated.summary().get("terms"));
        for (int a = 0; a < 2; a++) {
            assertRelative(doubles(pooled.get("coefficients"))[a], doubles(federated.summary().get("coefficients"))[a],
                    1e-10, "coefficient " + a);
        }
        assertEquals(pooled.get("events"), federated.summary().get("events"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> tests = (List<Map<String, Object>>) federated.summary().get("tests");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> pooledTests = (List<Map<String, Object>>) pooled.get("tests");
        for (int t = 0; t < 3; t++) {
            assertRelative((Double) pooledTests.get(t).get("statistic"), (Double) tests.get(t).get("statistic"), 1e-10,
                    "test " + t);
        }
    }

    @Test
    void aLevelWithTooFewPatientsIsRefusedWithNothingReleased() throws Exception {
        // ph.ecog = 3 is one patient: its level cannot be released, so the sites do not agree a level set with it
        LocalSites sites = sites(Integer.MAX_VALUE, DEFAULTS);
        SiteFailedException e = assertThrows(SiteFailedException.class, () -> federated(sites, new GlmFederatedMethod(),
                Map.of("formula", "wt.loss ~ age + factor(ph.ecog)")));
        assertTrue(e.getMessage().contains("cell-count") && e.getMessage().contains("factor(ph.ecog)"), e.getMessage());
        String audit = Files.readString(logs.get(Integer.parseInt(e.site().replace("site", ""))).file());
        assertTrue(audit.contains("\"kind\":\"refusal\"") && !audit.contains("\"kind\":\"release\""), audit);
    }

    @Test
    void theLevelAndStatusStepsReleaseOnlyLabelsAndKinds() throws Exception {
        try (Table lung = CsvReader.read(data(LUNG), allocator)) {
            SiteNode node = node("site0", siteTable(lung, 0, Integer.MAX_VALUE), DEFAULTS);
            // round 0 of a formula with a factor: the factor's levels at the site, as labels, and nothing else
            Aggregates levels = release(node, new GlmFederatedMethod(), Map.of("formula", "wt.loss ~ age + factor(sex)"));
            assertEquals(List.of("levels:factor(sex)", "numeric:factor(sex)"), levels.names());
            assertEquals(List.of("1", "2"), levels.labels("levels:factor(sex)"));
            // round 0 of a Cox model without eventValue: one number, the kind of the status column (1/2 with a 2)
            Aggregates kind = release(node, new CoxFederatedMethod(), Map.of("formula", "Surv(time, status) ~ age",
                    "stratifyBySite", "true"));
            assertEquals(List.of("kind"), kind.names());
            assertEquals(StatusCoding.Kind.ONE_TWO.ordinal(), (int) kind.scalar("kind"));
        }
    }

    @Test
    void transformationsThatLetOneValueDominateASumAreNotComputedAtSites() throws Exception {
        // sum(age^50)^(1/50) is close to the oldest patient's age, and log(sum(exp(age))) to it as well
        for (String formula : List.of("wt.loss ~ I(age^50)", "wt.loss ~ exp(age)", "wt.loss ~ I(age^-3)")) {
            LocalSites sites = sites(Integer.MAX_VALUE, DEFAULTS);
            SiteFailedException e = assertThrows(SiteFailedException.class, () -> federated(sites,
                    new GlmFederatedMethod(), Map.of("formula", formula)));
            assertTrue(e.getMessage().contains("is not computed at this site"), e.getMessage());
            String audit = Files.readString(logs.get(logs.size() - 3).file());
            assertTrue(!audit.contains("\"kind\":\"release\""), audit);
        }
        // squares and logs are computed, and equal the pooled fit
        for (String formula : List.of("wt.loss ~ sex + I(age^2)", "wt.loss ~ sex + log(age)")) {
            FederatedMethod.Outcome kept = federated(sites(Integer.MAX_VALUE, DEFAULTS), new GlmFederatedMethod(),
                    Map.of("formula", formula));
            Map<String, Object> pooled = run(new GlmMethod(), LUNG, Map.of("formula", formula));
            for (int a = 0; a < 3; a++) {
                assertRelative(doubles(pooled.get("coefficients"))[a], doubles(kept.summary().get("coefficients"))[a],
                        1e-10, formula + " coefficient " + a);
            }
        }
    }

    @Test
    void aReferenceLevelIsAppliedToTheAgreedLevels() throws Exception {
        String formula = "wt.loss ~ age + factor(sex)";
        FederatedMethod.Outcome federated = federated(sites(Integer.MAX_VALUE, DEFAULTS), new GlmFederatedMethod(),
                Map.of("formula", formula, "ref", "sex=2"));
        Map<String, Object> pooled = run(new GlmMethod(), LUNG, Map.of("formula", formula, "ref", "sex=2"));
        assertEquals(List.of("(Intercept)", "age", "factor(sex)1"), federated.summary().get("terms"));
        assertRelative(doubles(pooled.get("coefficients"))[2], doubles(federated.summary().get("coefficients"))[2], 1e-10,
                "the sex effect against the new reference");
        SiteFailedException unknown = assertThrows(SiteFailedException.class, () -> federated(sites(Integer.MAX_VALUE,
                DEFAULTS), new GlmFederatedMethod(), Map.of("formula", "wt.loss ~ bogus")));
        assertTrue(unknown.getMessage().contains("no column 'bogus'"), unknown.getMessage());
    }
}
