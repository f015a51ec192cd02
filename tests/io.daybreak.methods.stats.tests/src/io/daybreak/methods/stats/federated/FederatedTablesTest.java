package io.daybreak.methods.stats.federated;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.daybreak.core.method.MethodResult;
import io.daybreak.core.testing.TestMethodContext;
import io.daybreak.data.Table;
import io.daybreak.data.csv.CsvReader;
import io.daybreak.federation.Aggregates;
import io.daybreak.federation.SiteFailedException;
import io.daybreak.federation.policy.DisclosurePolicy;
import io.daybreak.federation.site.LocalSites;
import io.daybreak.federation.site.NodeException;
import io.daybreak.federation.site.SiteNode;
import io.daybreak.methods.stats.descriptive.DescribeFederatedMethod;
import io.daybreak.methods.stats.glm.FirthFederated;
import io.daybreak.methods.stats.glm.FirthFederatedMethod;
import io.daybreak.methods.stats.glm.FirthMethod;
import io.daybreak.methods.stats.table.TableFederatedMethod;

/**
 * Descriptives, contingency tables and Firth logistic regression through three site nodes (lung split by
 * institution): equal to the pooled analysis and to R (docs/validation/r/stats/tables.R and firth.R), with the
 * disclosure checks asserted on what the node released.
 */
class FederatedTablesTest extends FederatedTestSupport {
    private static final DisclosurePolicy DEFAULTS = DisclosurePolicy.DATASHIELD_DEFAULTS;

    @Test
    void describeEqualsRAndReleasesOnlyMergeableMoments() throws Exception {
        LocalSites sites = sites(Integer.MAX_VALUE, DEFAULTS);
        Map<String, Object> summary = federated(sites, new DescribeFederatedMethod(), Map.of("columns", "wt.loss,age"))
                .summary();
        // R: c(sum(!is.na(wt.loss)), sum(is.na(wt.loss)), mean(wt.loss, na.rm = TRUE), var(wt.loss, na.rm = TRUE))
        assertEquals(214, doubles(summary.get("n"))[0], 0);
        assertEquals(14, doubles(summary.get("missing"))[0], 0);
        assertRelative(9.83177570093458, doubles(summary.get("mean"))[0], 1e-13, "mean");
        assertRelative(172.65701373349128, doubles(summary.get("variance"))[0], 1e-13, "variance");
        // the bytes a node sends hold n, missing, mean and M2 per column, never a minimum or maximum
        SiteNode node = node("site-d", siteTableOf(0), DEFAULTS);
        Aggregates released = release(node, new DescribeFederatedMethod(), Map.of("columns", "age"));
        assertEquals(List.of("n", "missing", "mean", "m2"), released.names());
    }

    @Test
    void aTwoByTwoTableAcrossSitesEqualsRsChiSquaredTest() throws Exception {
        LocalSites sites = sites(Integer.MAX_VALUE, DEFAULTS);
        TableFederatedMethod method = new TableFederatedMethod();
        Map<String, Object> yates = federated(sites, method, Map.of("rows", "sex", "columns", "status")).summary();
        // tables.R: table(lung$sex, lung$status) = 26 112 / 37 53; chisq.test(t) and chisq.test(t, correct = FALSE)
        assertEquals(List.of(List.of(26L, 112L), List.of(37L, 53L)), yates.get("counts"));
        assertEquals(List.of("1", "2"), yates.get("rowLevels"));
        assertRelative(12.4204061317105, (Double) yates.get("chiSquared"), 1e-13, "Yates chi-squared");
        assertRelative(0.000424667876385555, (Double) yates.get("pValue"), 1e-12, "Yates p");
        Map<String, Object> plain = federated(sites, method, Map.of("rows", "sex", "columns", "status", "correct",
                "false")).summary();
        assertRelative(13.5111746868269, (Double) plain.get("chiSquared"), 1e-13, "chi-squared");
        assertRelative(0.000237147046203486, (Double) plain.get("pValue"), 1e-12, "p");
        assertEquals(1L, plain.get("df"));
    }

    @Test
    void aTableWithASmallCellIsRefusedAndNothingIsReleased() throws Exception {
        // sex x ph.ecog has a single patient with ph.ecog = 3 (tables.R); a site holding all patients with a
        // recorded ph.ecog refuses the table for that cell
        SiteNode node;
        try (Table lung = CsvReader.read(data(LUNG), allocator)) {
            node = node("site-ecog", rows(lung, i -> !lung.doubles("ph.ecog").isNull(i), Integer.MAX_VALUE), DEFAULTS);
        }
        NodeException e = assertThrows(NodeException.class, () -> release(node, new TableFederatedMethod(),
                Map.of("rows", "sex", "columns", "ph.ecog")));
        assertEquals(NodeException.Code.DISCLOSURE, e.code());
        assertTrue(e.getMessage().contains("cell-count"), e.getMessage());
        String audit = Files.readString(logs.get(logs.size() - 1).file());
        assertTrue(audit.contains("\"kind\":\"refusal\"") && !audit.contains("\"kind\":\"release\""), audit);
        // across the three sites the analysis fails closed, naming a site
        LocalSites sites = sites(Integer.MAX_VALUE, DEFAULTS);
        assertThrows(SiteFailedException.class, () -> federated(sites, new TableFederatedMethod(),
                Map.of("rows", "sex", "columns", "ph.ecog")));
    }

    @Test
    void tooManyLevelsAreRefusedAndLevelListsFromTheRequesterAreNotAccepted() throws Exception {
        SiteNode node = node("site-t", siteTableOf(0), DEFAULTS);
        // age has far more distinct values than 0.33 x N allows as factor levels
        NodeException levels = assertThrows(NodeException.class, () -> release(node, new TableFederatedMethod(),
                Map.of("rows", "age")));
        assertEquals(NodeException.Code.DISCLOSURE, levels.code());
        assertTrue(levels.getMessage().contains("factor-levels"), levels.getMessage());
        // changed with the level rules: a researcher-named level list was an existence oracle; it is refused now
        // (the method no longer has such a parameter), and the site releases the levels its data hold (each with
        // enough rows) with the counts
        NodeException named = assertThrows(NodeException.class, () -> release(node, new TableFederatedMethod(),
                Map.of("rows", "sex", "rowLevels", "1,2")));
        assertEquals(NodeException.Code.BAD_REQUEST, named.code());
        Aggregates released = release(node, new TableFederatedMethod(), Map.of("rows", "sex"));
        assertEquals(List.of("rowValues", "counts"), released.names());
    }

    @Test
    void firthAcrossSitesEqualsThePooledFitAndR() throws Exception {
        LocalSites sites = sites(Integer.MAX_VALUE, DEFAULTS);
        FirthFederated.Result federated = FirthFederated.fit(open(sites, new FirthFederatedMethod(),
                Map.of("response", "dead", "covariates", "age,sex")), "dead", List.of("age", "sex"));
        // firth.R: firth(cbind(1, lung$age, lung$sex), as.numeric(lung$status == 2))
        double[] r = {0.5081202876657942, 0.0314085497077124, -1.0331211876161304};
        double[] rSe = {1.1707318794400756, 0.0169498586687569, 0.3073268905001353};
        try (Table lung = CsvReader.read(data(LUNG), allocator); Table all = rows(lung, i -> true, Integer.MAX_VALUE)) {
            MethodResult pooled = apply(new FirthMethod(), Map.of("response", "dead", "covariates", "age,sex"),
                    Map.of("data", all), new TestMethodContext(allocator, 1));
            pooled.outputs().values().forEach(Table::close);
            for (int a = 0; a < 3; a++) {
                assertRelative(r[a], federated.fit().coefficients()[a], 1e-10, "coefficient " + a);
                assertRelative(rSe[a], federated.fit().standardErrors()[a], 1e-10, "se " + a);
                assertRelative(doubles(pooled.summary().get("coefficients"))[a], federated.fit().coefficients()[a],
                        1e-11, "federated = pooled coefficient " + a);
            }
            assertRelative(-118.836442206798, federated.fit().penalizedLogLikelihood(), 1e-12, "penalised loglik");
        }
        assertFalse(federated.rounds() < 2);
    }

    private Table siteTableOf(int site) throws Exception {
        try (Table lung = CsvReader.read(data(LUNG), allocator)) {
            return siteTable(lung, site, Integer.MAX_VALUE);
        }
    }
}
