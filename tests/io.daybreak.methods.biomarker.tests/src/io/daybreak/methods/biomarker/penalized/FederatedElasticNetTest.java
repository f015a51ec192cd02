package io.daybreak.methods.biomarker.penalized;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.daybreak.data.Table;
import io.daybreak.federation.Aggregates;
import io.daybreak.federation.FederatedMethod;
import io.daybreak.federation.analysis.AnalysisSpec;
import io.daybreak.federation.analysis.SignedRelease;
import io.daybreak.federation.analysis.StepRequest;
import io.daybreak.federation.policy.DisclosurePolicy;
import io.daybreak.federation.site.LocalSites;
import io.daybreak.federation.site.SiteNode;
import io.daybreak.stats.biomarker.penalized.ElasticNet;
import io.daybreak.stats.biomarker.penalized.Family;
import io.daybreak.stats.biomarker.penalized.PenalizedData;
import io.daybreak.stats.biomarker.penalized.PenalizedPath;
import io.daybreak.stats.biomarker.penalized.PenalizedSettings;

/**
 * The federated gaussian elastic net (ADR 0031) on three site nodes holding rows 1–33, 34–66 and 67–100 of
 * elastic-net-data.csv (features x1..x6): the path equals the pooled engine fit to 1e-10; leave-one-site-out CV equals
 * the squared errors computed from the held-out rows themselves; a site releases exactly its sums (the bytes checked)
 * and refuses, releasing nothing, with fewer than 3 rows per parameter (22 rows for 7 parameters pass, 21 fail) or a
 * two-valued feature with a value in fewer than 3 rows.
 */
class FederatedElasticNetTest extends EnetSiteNodes {
    private static final int P = 6;
    private static final int[] CUT = {0, 33, 66, 100};
    private static final Map<String, String> PARAMETERS = Map.of("response", "y", "features", "x1,x2,x3,x4,x5,x6",
            "alpha", "0.5", "thresh", "1e-14", "penaltyFactors", "x1=0,x4=2");

    private Table rows(int from, int to) {
        var builder = Table.builder(allocator);
        for (int j = 0; j < P; j++) {
            builder.addFloat64("x" + (j + 1), Arrays.copyOfRange(EnetData.X[j], from, to));
        }
        Table table = builder.addFloat64("y", Arrays.copyOfRange(EnetData.Y, from, to)).build();
        return keep(table);
    }

    private SiteNode node(String name, Table data) throws IOException {
        return node(name, data, DisclosurePolicy.DATASHIELD_DEFAULTS);
    }

    private static double[][] columns(int from, int to) {
        double[][] x = new double[P][];
        for (int j = 0; j < P; j++) {
            x[j] = Arrays.copyOfRange(EnetData.X[j], from, to);
        }
        return x;
    }

    private static PenalizedSettings settings() {
        return PenalizedSettings.defaults().withThresh(1e-14).withAlpha(0.5)
                .withPenaltyFactor(new double[] {0, 1, 1, 2, 1, 1});
    }

    @SuppressWarnings("unchecked")
    private static double[] doubles(Object list) {
        return ((List<Number>) list).stream().mapToDouble(Number::doubleValue).toArray();
    }

    @Test
    void federatedEqualsPooledAndCrossValidatesBySite() throws IOException {
        List<SiteNode> nodes = new ArrayList<>();
        for (int s = 0; s < 3; s++) {
            nodes.add(node("site" + s, rows(CUT[s], CUT[s + 1])));
        }
        LocalSites sites = new LocalSites(nodes, "enet", RESEARCHER, allocator);
        ElasticNetFederatedMethod method = new ElasticNetFederatedMethod();
        FederatedMethod.Outcome outcome = method.run(sites.open(AnalysisSpec.open(method.id(), sites.dataset(),
                PARAMETERS, sites.names())), PARAMETERS, allocator);
        Map<String, Object> summary = outcome.summary();
        PenalizedPath pooled = ElasticNet.fit(new PenalizedData(Family.GAUSSIAN, columns(0, 100), EnetData.Y, null,
                null), settings());
        double[] lambda = doubles(summary.get("lambda"));
        assertEquals(pooled.size(), lambda.length);
        for (int m = 0; m < lambda.length; m++) {
            assertEquals(pooled.lambda()[m], lambda[m], 1e-12 * lambda[m], "lambda " + m);
            assertEquals(pooled.intercept()[m], doubles(summary.get("intercept"))[m], 1e-10, "intercept " + m);
        }
        // leave-one-site-out: refit on the other sites' rows, squared error on the held-out rows, as cv.glmnet
        double[][] raw = new double[3][lambda.length];
        for (int s = 0; s < 3; s++) {
            int from = CUT[s];
            int to = CUT[s + 1];
            int[] train = java.util.stream.IntStream.range(0, 100).filter(i -> i < from || i >= to).toArray();
            double[][] x = new double[P][train.length];
            double[] y = new double[train.length];
            for (int t = 0; t < train.length; t++) {
                for (int j = 0; j < P; j++) {
                    x[j][t] = EnetData.X[j][train[t]];
                }
                y[t] = EnetData.Y[train[t]];
            }
            PenalizedPath fold = ElasticNet.fit(new PenalizedData(Family.GAUSSIAN, x, y, null, null),
                    settings().withLambda(lambda));
            for (int m = 0; m < lambda.length; m++) {
                double sse = 0;
                for (int i = CUT[s]; i < CUT[s + 1]; i++) {
                    double e = EnetData.Y[i] - fold.linearPredictor(m, EnetData.X, i);
                    sse += e * e;
                }
                raw[s][m] = sse / (CUT[s + 1] - CUT[s]);
            }
        }
        double[] cvm = doubles(summary.get("cvm"));
        double[] cvsd = doubles(summary.get("cvsd"));
        int best = 0;
        for (int m = 0; m < lambda.length; m++) {
            double mean = 0;
            for (int s = 0; s < 3; s++) {
                mean += (CUT[s + 1] - CUT[s]) * raw[s][m] / 100.0;
            }
            double ss = 0;
            for (int s = 0; s < 3; s++) {
                ss += (CUT[s + 1] - CUT[s]) * (raw[s][m] - mean) * (raw[s][m] - mean) / 100.0;
            }
            assertEquals(mean, cvm[m], 1e-10, "cvm " + m);
            assertEquals(Math.sqrt(ss / 2), cvsd[m], 1e-10, "cvsd " + m);
            best = mean < cvm[best] ? m : best;
        }
        assertEquals(lambda[best], (Double) summary.get("lambdaMin"), 0);
        double[] coefficients = doubles(summary.get("coefficientsMin"));
        for (int j = 0; j < P; j++) {
            assertEquals(pooled.beta()[best][j], coefficients[j], 1e-10, "x" + (j + 1) + " at lambda.min");
        }
    }

    @Test
    void aSiteReleasesOnlyItsSumsAndRefusesWithTooFewRowsPerFeature() throws IOException {
        ElasticNetFederatedMethod method = new ElasticNetFederatedMethod();
        SiteNode node = node("site0", rows(0, 33));
        SignedRelease release = node.handle(RESEARCHER, new StepRequest(AnalysisSpec.open(method.id(), "enet",
                PARAMETERS, List.of(node.name())), 0, List.of(), ""));
        Aggregates aggregates = Aggregates.fromBytes(release.aggregates(), allocator);
        assertEquals(List.of("n", "sumX", "sumY", "sumXX", "sumXY", "sumYY"), aggregates.names());
        assertEquals(33, aggregates.scalar("n"), 0);
        assertEquals(P * (P + 1) / 2, aggregates.get("sumXX").length);
        double sumY = 0;
        for (int i = 0; i < 33; i++) {
            sumY += EnetData.Y[i];
        }
        assertEquals(sumY, aggregates.scalar("sumY"), 1e-12);
        // 20 rows for 6 features: 7 parameters > 0.33 x 20
        SiteNode small = node("small", rows(0, 20));
        RuntimeException refused = assertThrows(RuntimeException.class, () -> small.handle(RESEARCHER,
                new StepRequest(AnalysisSpec.open(method.id(), "enet", PARAMETERS, List.of(small.name())), 0,
                        List.of(), "")));
        assertTrue(String.valueOf(refused.getMessage()).contains("parameter"), refused.getMessage());
    }

    private SignedRelease gram(SiteNode node, Map<String, String> parameters) {
        return node.handle(RESEARCHER, new StepRequest(AnalysisSpec.open(ElasticNetSiteStep.METHOD, "enet", parameters,
                List.of(node.name())), 0, List.of(), ""));
    }

    @Test
    void theRowsPerParameterBoundaryAndRareValuesOfTwoValuedColumns() throws IOException {
        // 7 parameters: 22 rows pass 7 <= 0.33 x 22 = 7.26, 21 rows fail 7 > 6.93
        SiteNode at = node("at", rows(0, 22));
        assertEquals(22, Aggregates.fromBytes(gram(at, PARAMETERS).aggregates(), allocator).scalar("n"), 0);
        SiteNode below = node("below", rows(0, 21));
        RuntimeException ratio = assertThrows(RuntimeException.class, () -> gram(below, PARAMETERS));
        assertTrue(String.valueOf(ratio.getMessage()).contains("parameter"), ratio.getMessage());
        // a 0/1 feature with the value 1 in only 2 of 40 rows: its sum would release a count below 3
        double[] flag = new double[40];
        flag[3] = 1;
        flag[17] = 1;
        var builder = Table.builder(allocator);
        for (int j = 0; j < 5; j++) {
            builder.addFloat64("x" + (j + 1), Arrays.copyOfRange(EnetData.X[j], 0, 40));
        }
        Table data = builder.addFloat64("flag", flag).addFloat64("y", Arrays.copyOfRange(EnetData.Y, 0, 40)).build();
        keep(data);
        SiteNode rare = node("rare", data);
        Map<String, String> withFlag = Map.of("response", "y", "features", "x1,x2,x3,x4,x5,flag");
        RuntimeException refused = assertThrows(RuntimeException.class, () -> gram(rare, withFlag));
        assertTrue(String.valueOf(refused.getMessage()).contains("flag"), refused.getMessage());
    }

    @Test
    void smallCrossedCountsAndFewResidualDegreesOfFreedomAreRefused() throws IOException {
        // two 0/1 features with 10 and 11 ones in 40 rows, both at row 9 only: their 2 x 2 table has a cell of 1
        double[] f1 = new double[40];
        double[] f2 = new double[40];
        for (int i = 0; i < 10; i++) {
            f1[i] = 1;
            f2[i + 9] = 1;
        }
        f2[20] = 1;
        var builder = Table.builder(allocator);
        for (int j = 0; j < 3; j++) {
            builder.addFloat64("x" + (j + 1), Arrays.copyOfRange(EnetData.X[j], 0, 40));
        }
        Table data = builder.addFloat64("f1", f1).addFloat64("f2", f2)
                .addFloat64("y", Arrays.copyOfRange(EnetData.Y, 0, 40)).build();
        keep(data);
        SiteNode crossed = node("crossed", data);
        RuntimeException refused = assertThrows(RuntimeException.class, () -> gram(crossed,
                Map.of("response", "y", "features", "x1,x2,x3,f1,f2")));
        assertTrue(String.valueOf(refused.getMessage()).contains("crossed"), refused.getMessage());
        // a policy allowing one parameter per row still keeps minCellCount residual degrees of freedom: 9 rows and 6
        // features leave 2
        DisclosurePolicy d = DisclosurePolicy.DATASHIELD_DEFAULTS;
        DisclosurePolicy loose = new DisclosurePolicy(d.minCellCount(), d.minSubsetSize(), 1.0, d.maxFactorLevels(),
                d.maxFactorLevelRatio(), d.maxStringLength(), false, d.minRiskSetSize());
        SiteNode few = node("few", rows(0, 9), loose);
        RuntimeException residual = assertThrows(RuntimeException.class, () -> gram(few, PARAMETERS));
        assertTrue(String.valueOf(residual.getMessage()).contains("residual degrees of freedom"), residual.getMessage());
        SiteNode enough = node("enough", rows(0, 10), loose);
        assertEquals(10, Aggregates.fromBytes(gram(enough, PARAMETERS).aggregates(), allocator).scalar("n"), 0);
    }
}
