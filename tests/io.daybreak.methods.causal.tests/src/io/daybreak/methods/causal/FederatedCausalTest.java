package io.daybreak.methods.causal;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.util.function.IntPredicate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.daybreak.data.Table;
import io.daybreak.federation.FederatedMethod;
import io.daybreak.federation.FederatedRun;
import io.daybreak.federation.SiteFailedException;
import io.daybreak.federation.audit.AuditLog;
import io.daybreak.federation.policy.DisclosurePolicy;
import io.daybreak.federation.site.LocalSites;
import io.daybreak.federation.site.SiteNode;
import io.daybreak.methods.causal.federated.CausalFederatedMethod;
import io.daybreak.methods.causal.federated.CausalSiteStep;

/**
 * {@code causal.iptw} through three in-process site nodes holding parts of the veteran data equals the pooled
 * {@code causal.weighting} and {@code causal.effect} results to 1e-10 relative: split at random over the sites,
 * and split as an external control arm (one site with the treated only, two with controls only).
 */
class FederatedCausalTest extends CausalTestSupport {
    private static final double TOLERANCE = 1e-10;

    @TempDir
    Path dir;
    private final List<AuditLog> logs = new ArrayList<>();
    private final List<Table> tables = new ArrayList<>();

    @AfterEach
    void closeAll() throws IOException {
        for (AuditLog log : logs) {
            log.close();
        }
        tables.forEach(Table::close);
    }

    @Test
    void continuousAndBinaryOutcomesEqualThePooledAnalysis() throws Exception {
        for (boolean externalControls : List.of(false, true)) {
            for (String estimand : List.of("ATE", "ATT", "ATO")) {
                Map<String, Object> federated = federated(externalControls, policy(1), Map.of("outcome", "dead100",
                        "outcomeType", "binary", "estimand", estimand));
                Map<String, double[]> pooled = effects("dead100", "binary", estimand);
                String what = estimand + (externalControls ? " external controls" : " random split");
                assertClose(pooled.get("iptw difference")[0], (Double) federated.get("difference"), what + " difference");
                assertClose(pooled.get("iptw difference")[1], (Double) federated.get("differenceStdError"), what + " SE");
                assertClose(pooled.get("iptw riskRatio")[0], (Double) federated.get("riskRatio"), what + " RR");
                assertClose(pooled.get("iptw riskRatio")[1], (Double) federated.get("riskRatioStdError"), what + " RR SE");
                assertClose(pooled.get("iptw oddsRatio")[0], (Double) federated.get("oddsRatio"), what + " OR");
                assertClose(pooled.get("iptw oddsRatio")[1], (Double) federated.get("oddsRatioStdError"), what + " OR SE");
                Map<String, Object> weighting = pooledWeighting(estimand, false);
                assertClose((Double) weighting.get("effectiveSizeTreated"), (Double) federated.get("effectiveSizeTreated"),
                        what + " ESS treated");
                assertClose((Double) weighting.get("effectiveSizeControls"),
                        (Double) federated.get("effectiveSizeControls"), what + " ESS controls");
                Map<String, double[]> balance = balance(estimand);
                List<?> covariates = (List<?>) federated.get("balanceCovariates");
                for (int c = 0; c < covariates.size(); c++) {
                    double[] row = balance.get((String) covariates.get(c));
                    // absolute: overlap weights balance the means exactly, so the pooled SMD after is 0 up to rounding
                    assertEquals(row[0], doubles(federated.get("differenceBefore"))[c], TOLERANCE, what + " SMD before");
                    assertEquals(row[1], doubles(federated.get("differenceAfter"))[c], TOLERANCE, what + " SMD after");
                }
            }
        }
        Map<String, Object> continuous = federated(false, policy(1), Map.of("outcome", "logTime", "stabilize", "true"));
        Map<String, double[]> pooled = effects("logTime", "continuous", "ATE");
        assertClose(pooled.get("iptw difference")[0], (Double) continuous.get("difference"), "continuous difference");
        assertClose(pooled.get("iptw difference")[1], (Double) continuous.get("differenceStdError"), "continuous SE");
        List<?> coefficients = (List<?>) continuous.get("propensityCoefficients");
        // glm(A ~ age + karno + diagtime + prior10, binomial) on veteran (causal.R), as VeteranReferenceTest pins
        assertClose(-0.684728598228691, (Double) coefficients.get(0), "propensity intercept", 1e-9);
    }

    @Test
    void timeToEventEqualsThePooledWeightedKaplanMeierAndCox() throws Exception {
        for (boolean externalControls : List.of(false, true)) {
            for (String ties : List.of("efron", "breslow")) {
                Map<String, Object> federated = federated(externalControls, policy(1), Map.of("outcome", "time",
                        "outcomeType", "survival", "times", "100,200", "ties", ties));
                Map<String, Object> summary = new HashMap<>();
                Map<String, double[]> pooled = pooledSurvival(ties, summary);
                String what = ties + (externalControls ? " external controls" : " random split");
                assertClose(pooled.get("iptw hazardRatio")[0], (Double) federated.get("hazardRatio"), what + " HR");
                assertClose(pooled.get("iptw hazardRatio")[1], (Double) federated.get("logHazardRatioRobustSE"),
                        what + " robust SE");
                assertClose((Double) summary.get("logHazardRatioNaiveSE"), (Double) federated.get("logHazardRatioNaiveSE"),
                        what + " naive SE");
                double[] at100 = pooled.get("iptw survivalDifference(t=100)");
                assertClose(at100[4], doubles(federated.get("survivalTreated"))[0], what + " S1(100)");
                assertClose(at100[5], doubles(federated.get("survivalControl"))[0], what + " S0(100)");
                assertClose(at100[1], doubles(federated.get("survivalDifferenceStdError"))[0], what + " SE(100)");
                double[] at200 = pooled.get("iptw survivalDifference(t=200)");
                assertClose(at200[0], doubles(federated.get("survivalDifference"))[1], what + " difference(200)");
            }
        }
    }

    @Test
    void covariatesAsAFormulaAgreeTheirLevelsAcrossSites() throws Exception {
        // factor(prior10) of a 0/1 column is the same design as the column itself: the sites agree the levels 0 and 1,
        // and the analysis equals the one with numeric columns, term names as R's
        Map<String, Object> columns = federated(false, policy(1), Map.of("outcome", "dead100", "outcomeType", "binary"));
        Map<String, Object> formula = federated(false, policy(1), Map.of("outcome", "dead100", "outcomeType", "binary",
                "covariates", "~ age + karno + diagtime + factor(prior10)"));
        assertEquals(List.of("age", "karno", "diagtime", "factor(prior10)1"), formula.get("balanceCovariates"));
        for (String key : List.of("difference", "differenceStdError", "riskRatio", "effectiveSizeTreated")) {
            assertClose((Double) columns.get(key), (Double) formula.get(key), "formula " + key);
        }
    }

    @Test
    void sitesRefuseWhatTheirPolicyForbids() throws Exception {
        // DataSHIELD defaults: exact event times may not leave a site (the status coding given)
        SiteFailedException times = assertThrows(SiteFailedException.class, () -> federated(false,
                DisclosurePolicy.DATASHIELD_DEFAULTS, Map.of("outcome", "time", "outcomeType", "survival",
                        "eventValue", "1")));
        assertTrue(times.getMessage().contains("event-times"), times.getMessage());
        // without eventValue the sites are first asked how their status column is coded: a site with fewer than
        // minCellCount censored patients refuses even that, naming the rule, not the count
        SiteFailedException coding = assertThrows(SiteFailedException.class, () -> federated(false,
                DisclosurePolicy.DATASHIELD_DEFAULTS, Map.of("outcome", "time", "outcomeType", "survival")));
        assertTrue(coding.getMessage().contains("cell-count"),
                coding.getMessage());
        // a binary covariate with a count of 1 or 2 in an arm at some site is a small cell
        SiteFailedException cells = assertThrows(SiteFailedException.class, () -> federated(false,
                new DisclosurePolicy(10, 3, 0.33, 40, 0.33, 80, true, 1), Map.of("outcome", "logTime")));
        assertTrue(cells.getMessage().contains("cell-count"), cells.getMessage());
        IllegalArgumentException separation = assertThrows(IllegalArgumentException.class, () -> federated(false,
                policy(1), Map.of("covariates", "age,karno,diagtime,prior10,trt")));
        assertTrue(separation.getMessage().contains("separat"),
                separation.getMessage());
    }

    private Map<String, Object> federated(boolean externalControls, DisclosurePolicy policy, Map<String, String> extra)
            throws Exception {
        Map<String, String> parameters = new HashMap<>(Map.of("treatment", "trt", "treatedValue", "2", "controlValue",
                "1", "covariates", COVARIATES));
        parameters.putAll(extra);
        try (Table veteran = veteran()) {
            List<SiteNode> nodes = new ArrayList<>();
            double[] trt = new double[veteran.rowCount()];
            for (int i = 0; i < trt.length; i++) {
                trt[i] = veteran.doubles("trt").get(i);
            }
            for (int s = 0; s < 3; s++) {
                int site = s;
                IntPredicate keep = externalControls
                        ? i -> site == 0 ? trt[i] == 2 : trt[i] == 1 && i % 2 == site - 1
                        : i -> i % 3 == site;
                Table part = rows(veteran, keep);
                tables.add(part);
                AuditLog log = AuditLog.open(dir.resolve("site" + s + "-" + logs.size() + ".audit"), Clock.systemUTC());
                logs.add(log);
                SiteNode node = new SiteNode("site" + s, Map.of("veteran", part), Set.of(CausalSiteStep.METHOD),
                        List.of(new CausalSiteStep()), List.of(new CausalFederatedMethod()), policy, log, allocator);
                node.authorize(Set.of("researcher"));
                nodes.add(node);
            }
            FederatedMethod method = new CausalFederatedMethod();
            return FederatedRun.run(method, new LocalSites(nodes, "veteran", "CN=researcher", allocator), parameters,
                    allocator, false).outcome().summary();
        }
    }

    private Map<String, Object> pooledWeighting(String estimand, boolean stabilize) throws Exception {
        try (Table data = veteran()) {
            return run(new WeightingMethod(), data, Map.of("treatment", "trt", "treatedValue", "2", "covariates",
                    COVARIATES, "estimand", estimand, "stabilize", String.valueOf(stabilize)), null);
        }
    }

    private Map<String, double[]> pooledSurvival(String ties, Map<String, Object> summary) throws Exception {
        Map<String, double[]> rows = new HashMap<>();
        try (Table data = veteran()) {
            summary.putAll(run(new EffectMethod(), data, Map.of("treatment", "trt", "treatedValue", "2", "covariates",
                    COVARIATES, "outcome", "time", "outcomeType", "survival", "times", "100,200", "ties", ties),
                    outputs -> rows.putAll(SyntheticEffectTest.effects(outputs.get("effects")))));
        }
        return rows;
    }

    /** The chosen rows of a table of FLOAT64 columns, as a new table. */
    private Table rows(Table table, IntPredicate keep) {
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i < table.rowCount(); i++) {
            if (keep.test(i)) {
                kept.add(i);
            }
        }
        var builder = Table.builder(allocator);
        for (String name : table.columnNames()) {
            double[] values = new double[kept.size()];
            for (int k = 0; k < values.length; k++) {
                values[k] = table.doubles(name).get(kept.get(k));
            }
            builder.addFloat64(name, values);
        }
        return builder.build();
    }

    /**
     * A policy that opts into exact weighted survival on purpose: event times, risk sets of this size, single events
     * at a time (minCellCount 1) and consecutive risk sets one patient apart (minRiskSetChange 1, added with the
     * risk-set-change rule); the defaults refuse all of these.
     */
    private static DisclosurePolicy policy(long minRiskSetSize) {
        return new DisclosurePolicy(1, 3, 0.33, 40, 0.33, 80, true, minRiskSetSize).withMinRiskSetChange(1);
    }

    private static void assertClose(double expected, double actual, String what) {
        assertClose(expected, actual, what, TOLERANCE);
    }

    private static void assertClose(double expected, double actual, String what, double tolerance) {
        double scale = Math.max(Math.abs(expected), 1e-300);
        assertTrue(Math.abs(expected - actual) <= tolerance * scale, what + ": pooled " + expected + ", federated "
                + actual);
        assertEquals(Double.isNaN(expected), Double.isNaN(actual), what);
    }
}
