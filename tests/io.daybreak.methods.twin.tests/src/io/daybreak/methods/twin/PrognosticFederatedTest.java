package io.daybreak.methods.twin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static io.daybreak.core.testing.InstalledMethods.step;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.daybreak.data.Table;
import io.daybreak.federation.FederatedMethod;
import io.daybreak.federation.FederatedRun;
import io.daybreak.federation.audit.AuditLog;
import io.daybreak.federation.policy.DisclosurePolicy;
import io.daybreak.federation.site.LocalSites;
import io.daybreak.federation.site.SiteNode;
import io.daybreak.stats.federated.CoxReleases;
import io.daybreak.stats.federated.GlmReleases;

/**
 * The federated prognostic score through three in-process site nodes (a file split by row number mod 3): gaussian,
 * binomial and Cox coefficients and SEs equal the pooled {@code twin.prognostic-train} fit to 1e-10 relative, with
 * covariates as columns or as a formula with factors.
 */
class PrognosticFederatedTest extends TwinTestSupport {
    @TempDir
    Path dir;

    private final List<AuditLog> logs = new ArrayList<>();

    @AfterEach
    void closeLogs() throws IOException {
        for (AuditLog log : logs) {
            log.close();
        }
    }

    @Test
    void federatedCoefficientsEqualThePooledOnes() throws Exception {
        for (String model : List.of("gaussian", "binomial", "cox")) {
            String outcome = switch (model) {
            case "gaussian" -> "y";
            case "binomial" -> "resp";
            default -> "time";
            };
            checkEqualsPooled("procova_historical.csv", Map.of("outcome", outcome, "covariates", "x1,x2,x3", "model",
                    model));
        }
    }

    /**
     * Covariates as a formula with factors: the sites agree the levels first (infert's text column education, with
     * another reference level; factor(x2) of a 0/1 column in a Cox model, reference 1), and the fit equals the pooled
     * one.
     */
    @Test
    void formulasWithFactorsEqualThePooledFit() throws Exception {
        checkEqualsPooled("datasets_infert.csv", Map.of("outcome", "case", "model", "binomial", "covariates",
                "~ age + education + spontaneous", "ref", "education=6-11yrs"));
        checkEqualsPooled("procova_historical.csv", Map.of("outcome", "time", "model", "cox", "covariates",
                "~ x1 + factor(x2) + x3", "ref", "x2=1"));
    }

    /** Fits the model on the whole file and across three sites holding its rows by row number mod 3. */
    private void checkEqualsPooled(String file, Map<String, String> raw) throws Exception {
        String model = raw.get("model");
        double[][] pooled = new double[2][];
        List<String> pooledTerms = new ArrayList<>();
        try (Table data = csv(file)) {
            run(new PrognosticTrainMethod(), Map.of("data", data), raw, outputs -> {
                Table c = outputs.get("coefficients");
                pooled[0] = new double[c.rowCount()];
                pooled[1] = new double[c.rowCount()];
                for (int i = 0; i < c.rowCount(); i++) {
                    pooled[0][i] = c.doubles("estimate").get(i);
                    pooled[1][i] = c.doubles("stdError").get(i);
                    pooledTerms.add(c.strings("term").get(i));
                }
            });
        }
        List<Table> parts = new ArrayList<>();
        try (Table data = csv(file)) {
            for (int s = 0; s < 3; s++) {
                parts.add(part(data, s));
            }
        }
        try {
            List<SiteNode> nodes = new ArrayList<>();
            for (int s = 0; s < 3; s++) {
                AuditLog log = AuditLog.open(dir.resolve(file + model + s + ".audit"), Clock.systemUTC());
                logs.add(log);
                SiteNode node = new SiteNode("site" + s, Map.of("historical", parts.get(s)),
                        Set.of(GlmReleases.METHOD, CoxReleases.METHOD),
                        List.of(step("stats.glm"), step("stats.cox")),
                        List.of(new PrognosticFederatedMethod()), policy(model), log, allocator);
                node.authorize(Set.of("researcher"));
                nodes.add(node);
            }
            LocalSites sites = new LocalSites(nodes, "historical", "CN=researcher", allocator);
            FederatedMethod.Outcome outcome = FederatedRun.run(new PrognosticFederatedMethod(), sites, raw, allocator,
                    false).outcome();
            assertEquals(pooledTerms, outcome.summary().get("terms"), file + " " + model);
            double[] coefficients = doubles(outcome.summary().get("coefficients"));
            double[] se = doubles(outcome.summary().get("standardErrors"));
            assertEquals(pooled[0].length, coefficients.length, model);
            for (int a = 0; a < coefficients.length; a++) {
                assertRelative(pooled[0][a], coefficients[a], 1e-10, file + " " + model + " coefficient " + a);
                assertRelative(pooled[1][a], se[a], 1e-10, file + " " + model + " se " + a);
            }
        } finally {
            parts.forEach(Table::close);
        }
    }

    /**
     * The defaults, except that exact event times may leave a site (pooled Cox risk sets); for the Cox model the
     * sites also opt in, explicitly, to consecutive risk sets one patient apart (minRiskSetChange 1) and single
     * events at a time (minCellCount 1), which continuous follow-up times always produce and the defaults refuse.
     */
    private static DisclosurePolicy policy(String model) {
        DisclosurePolicy d = DisclosurePolicy.DATASHIELD_DEFAULTS;
        DisclosurePolicy policy = new DisclosurePolicy(d.minCellCount(), d.minSubsetSize(), d.maxParameterRatio(),
                d.maxFactorLevels(), d.maxFactorLevelRatio(), d.maxStringLength(), true, 3);
        return model.equals("cox") ? policy.withMinRiskSetChange(1).withMinCellCount(1) : policy;
    }

    private Table part(Table data, int site) {
        var builder = Table.builder(allocator);
        for (String name : data.columnNames()) {
            boolean text = data.columnType(name) == io.daybreak.data.ColumnType.STRING;
            List<Object> values = new ArrayList<>();
            for (int i = site; i < data.rowCount(); i += 3) {
                if (text) {
                    values.add(data.strings(name).isNull(i) ? null : data.strings(name).get(i));
                } else {
                    values.add(data.doubles(name).isNull(i) ? null : (Object) data.doubles(name).get(i));
                }
            }
            builder.add(name, text ? io.daybreak.data.ColumnType.STRING : io.daybreak.data.ColumnType.FLOAT64, values);
        }
        return builder.build();
    }
}
