package io.daybreak.methods.biomarker.penalized;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.daybreak.data.Table;
import io.daybreak.federation.Aggregates;
import io.daybreak.federation.analysis.AnalysisSpec;
import io.daybreak.federation.analysis.SignedRelease;
import io.daybreak.federation.analysis.StepRequest;
import io.daybreak.federation.policy.DisclosurePolicy;
import io.daybreak.federation.site.LocalSites;
import io.daybreak.federation.site.SiteNode;
import io.daybreak.stats.biomarker.penalized.ElasticNet;
import io.daybreak.stats.biomarker.penalized.Family;
import io.daybreak.stats.biomarker.penalized.NewtonFits;
import io.daybreak.stats.biomarker.penalized.PenalizedData;
import io.daybreak.stats.biomarker.penalized.PenalizedPath;
import io.daybreak.stats.biomarker.penalized.PenalizedSettings;

/**
 * The federated binomial and Cox elastic nets (ADR 0035) on three in-process site nodes: the path equals the pooled
 * proximal-Newton fit of the same rows to 1e-10 and glmnet's solution (our coordinate descent, itself pinned to
 * glmnet in {@link ElasticNetGlmnetTest}) to 1e-6; the leave-one-site-out deviance equals the deviance of the held-out
 * rows at the fit to the other rows, both computed here from rows; a site releases exactly its sums at the origin
 * (bytes checked against the rows), and refuses, releasing nothing, a Cox model under a policy that withholds event
 * times, a response with a value in fewer than 3 rows and a response that is not 0/1.
 */
class FederatedNewtonElasticNetTest extends EnetSiteNodes {
    private static final int P = 6;
    private static final int[] CUT = {0, 33, 66, 100};
    private static final Map<String, String> BINOMIAL = Map.of("family", "binomial", "response", "yb",
            "features", "x1,x2,x3,x4,x5,x6", "alpha", "0.5", "thresh", "1e-12", "penaltyFactors", "x1=0,x4=2");
    private static final DisclosurePolicy EVENT_TIMES = new DisclosurePolicy(3, 3, 0.33, 40, 0.33, 80, true, 3);
    /**
     * Simulated survival data: 300 patients, 6 features (x6 0/1), follow-up in 5 intervals (events tie; every site
     * has 0 or at least 3 events per interval).
     */
    private static final int N_COX = 300;
    private static final double[][] CX = new double[P][N_COX];
    private static final double[] CTIME = new double[N_COX];
    private static final double[] CSTATUS = new double[N_COX];

    static {
        SplittableRandom random = new SplittableRandom(20261203);
        for (int i = 0; i < N_COX; i++) {
            for (int j = 0; j < P - 1; j++) {
                CX[j][i] = gaussian(random);
            }
            CX[P - 1][i] = random.nextDouble() < 0.4 ? 1 : 0;
            double eta = 0.8 * CX[0][i] - 0.5 * CX[1][i] + 0.3 * CX[P - 1][i];
            double event = -Math.log(random.nextDouble()) / (0.06 * Math.exp(eta));
            double censor = 20 * random.nextDouble() + 4;
            double t = Math.min(event, censor);
            CTIME[i] = Math.min(5, Math.ceil(t / 3));
            CSTATUS[i] = event <= censor && t <= 15 ? 1 : 0;
        }
    }

    private static double gaussian(SplittableRandom random) {
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    private Table binomialRows(int from, int to) {
        var builder = Table.builder(allocator);
        for (int j = 0; j < P; j++) {
            builder.addFloat64("x" + (j + 1), Arrays.copyOfRange(EnetData.X[j], from, to));
        }
        Table table = builder.addFloat64("yb", Arrays.copyOfRange(EnetData.YB, from, to)).build();
        return keep(table);
    }

    private Table coxRows(int from, int to) {
        var builder = Table.builder(allocator);
        for (int j = 0; j < P; j++) {
            builder.addFloat64("x" + (j + 1), Arrays.copyOfRange(CX[j], from, to));
        }
        Table table = builder.addFloat64("time", Arrays.copyOfRange(CTIME, from, to))
                .addFloat64("status", Arrays.copyOfRange(CSTATUS, from, to)).build();
        return keep(table);
    }

    private Map<String, Object> runFederated(List<SiteNode> nodes, Map<String, String> parameters) {
        LocalSites sites = new LocalSites(nodes, "enet", RESEARCHER, allocator);
        ElasticNetFederatedMethod method = new ElasticNetFederatedMethod();
        return method.run(sites.open(AnalysisSpec.open(method.id(), sites.dataset(), parameters, sites.names())),
                parameters, allocator).summary();
    }

    private static double[][] slice(double[][] x, int[] rows) {
        double[][] out = new double[x.length][rows.length];
        for (int j = 0; j < x.length; j++) {
            for (int t = 0; t < rows.length; t++) {
                out[j][t] = x[j][rows[t]];
            }
        }
        return out;
    }

    private static double[] slice(double[] v, int[] rows) {
        return Arrays.stream(rows).mapToDouble(i -> v[i]).toArray();
    }

    private static boolean[] events(double[] status) {
        boolean[] e = new boolean[status.length];
        for (int i = 0; i < e.length; i++) {
            e[i] = status[i] == 1;
        }
        return e;
    }

    @SuppressWarnings("unchecked")
    private static double[] doubles(Object list) {
        return ((List<Number>) list).stream().mapToDouble(Number::doubleValue).toArray();
    }

    private static double[] coefficients(Map<String, Object> summary, String key) {
        return doubles(summary.get(key));
    }

    private static void assertSamePath(PenalizedPath expected, Map<String, Object> summary, double tolerance,
            double lambdaTolerance, String what) {
        double[] lambda = doubles(summary.get("lambda"));
        double[] devRatio = doubles(summary.get("devRatio"));
        double[] intercept = doubles(summary.get("intercept"));
        assertEquals(expected.size(), lambda.length, what + ": number of lambda values");
        for (int m = 0; m < lambda.length; m++) {
            assertEquals(expected.lambda()[m], lambda[m], lambdaTolerance * lambda[m], what + ": lambda " + m);
            assertEquals(expected.devRatio()[m], devRatio[m], tolerance, what + ": dev.ratio " + m);
            assertEquals(expected.intercept()[m], intercept[m], tolerance, what + ": intercept " + m);
        }
    }

    private static PenalizedSettings binomialSettings() {
        return PenalizedSettings.defaults().withThresh(1e-12).withAlpha(0.5)
                .withPenaltyFactor(new double[] {0, 1, 1, 2, 1, 1});
    }

    @Test
    void binomialEqualsPooledAndGlmnetAndCrossValidatesBySite() throws IOException {
        List<SiteNode> nodes = new ArrayList<>();
        for (int s = 0; s < 3; s++) {
            nodes.add(node("site" + s, binomialRows(CUT[s], CUT[s + 1]), DisclosurePolicy.DATASHIELD_DEFAULTS));
        }
        Map<String, Object> summary = runFederated(nodes, BINOMIAL);
        double[][] x = Arrays.copyOf(EnetData.X, P);
        PenalizedData pooledData = new PenalizedData(Family.BINOMIAL, x, EnetData.YB, null, null);
        PenalizedPath pooled = NewtonFits.pooled(pooledData, binomialSettings());
        assertSamePath(pooled, summary, 1e-10, 1e-12, "binomial, pooled Newton");
        PenalizedPath glmnet = ElasticNet.fit(pooledData, binomialSettings().withThresh(1e-13));
        assertSamePath(glmnet, summary, 1e-6, 1e-7, "binomial, glmnet's coordinate descent");
        assertTrue(((Number) summary.get("rounds")).longValue() <= 30, "rounds " + summary.get("rounds"));
        double[] lambda = doubles(summary.get("lambda"));
        // leave-one-site-out deviance, recomputed from the rows: fit on the other rows, deviance of the held-out rows
        double[] cvm = coefficients(summary, "cvm");
        int best = 0;
        double[][] raw = new double[3][lambda.length];
        for (int s = 0; s < 3; s++) {
            int from = CUT[s];
            int to = CUT[s + 1];
            int[] train = IntStream.range(0, 100).filter(i -> i < from || i >= to).toArray();
            PenalizedPath fold = NewtonFits.pooled(new PenalizedData(Family.BINOMIAL, slice(x, train),
                    slice(EnetData.YB, train), null, null), binomialSettings().withLambda(lambda));
            for (int m = 0; m < lambda.length; m++) {
                double dev = 0;
                for (int i = from; i < to; i++) {
                    double prob = 1 / (1 + Math.exp(-fold.linearPredictor(m, x, i)));
                    dev -= 2 * (EnetData.YB[i] == 1 ? Math.log(prob) : Math.log(1 - prob));
                }
                raw[s][m] = dev / (to - from);
            }
        }
        for (int m = 0; m < lambda.length; m++) {
            double mean = 0;
            for (int s = 0; s < 3; s++) {
                mean += (CUT[s + 1] - CUT[s]) * raw[s][m] / 100.0;
            }
            assertEquals(mean, cvm[m], 1e-9, "cvm " + m);
            best = mean < cvm[best] ? m : best;
        }
        assertEquals(lambda[best], (Double) summary.get("lambdaMin"), 0);
        assertArrayEquals(pooled.beta()[best], coefficients(summary, "coefficientsMin"), 1e-10);
    }

    @Test
    void coxEqualsPooledAndGlmnetAndCrossValidatesBySite() throws IOException {
        int[] cut = {0, 100, 200, 300};
        List<SiteNode> nodes = new ArrayList<>();
        for (int s = 0; s < 3; s++) {
            nodes.add(node("site" + s, coxRows(cut[s], cut[s + 1]), EVENT_TIMES));
        }
        Map<String, String> parameters = Map.of("family", "cox", "time", "time", "status", "status",
                "features", "x1,x2,x3,x4,x5,x6", "alpha", "0.7", "thresh", "1e-14", "nlambda", "25");
        Map<String, Object> summary = runFederated(nodes, parameters);
        PenalizedSettings settings = PenalizedSettings.defaults().withThresh(1e-14).withAlpha(0.7).withNlambda(25,
                Double.NaN);
        PenalizedData pooledData = new PenalizedData(Family.COX, CX, null, CTIME, events(CSTATUS));
        PenalizedPath pooled = NewtonFits.pooled(pooledData, settings);
        assertSamePath(pooled, summary, 1e-10, 1e-12, "cox, pooled Newton");
        PenalizedPath glmnet = ElasticNet.fit(pooledData, settings.withThresh(1e-13));
        assertSamePath(glmnet, summary, 1e-6, 1e-7, "cox, glmnet's coordinate descent");
        int last = pooled.size() - 1;
        assertTrue(Math.abs(pooled.beta()[last][0] - 0.8) < 0.3, "x1's effect is found: " + pooled.beta()[last][0]);
        assertEquals((double) Arrays.stream(CSTATUS).sum(), ((Number) summary.get("events")).doubleValue(), 0);
        // grouped leave-one-site-out deviance (cv.glmnet's default for Cox) recomputed from the rows
        double[] lambda = doubles(summary.get("lambda"));
        double[] cvm = coefficients(summary, "cvm");
        double[] mean = new double[lambda.length];
        double events = Arrays.stream(CSTATUS).sum();
        for (int s = 0; s < 3; s++) {
            int from = cut[s];
            int to = cut[s + 1];
            int[] train = IntStream.range(0, N_COX).filter(i -> i < from || i >= to).toArray();
            PenalizedPath fold = NewtonFits.pooled(new PenalizedData(Family.COX, slice(CX, train), null,
                    slice(CTIME, train), events(slice(CSTATUS, train))), settings.withLambda(lambda));
            double heldEvents = Arrays.stream(CSTATUS, from, to).sum();
            for (int m = 0; m < lambda.length; m++) {
                double all = breslowDeviance(fold, m, IntStream.range(0, N_COX).toArray());
                double rest = breslowDeviance(fold, m, train);
                mean[m] += (all - rest) / events;
            }
            assertTrue(heldEvents > 0);
        }
        for (int m = 0; m < lambda.length; m++) {
            // a difference of two deviances of all and of two thirds of the rows: 1e-9 relative is 10 digits of each
            assertEquals(mean[m], cvm[m], 1e-9 * Math.abs(mean[m]), "cvm " + m);
        }
    }

    /** The coordinator's view of the sites, keeping what each site released in each call (decoded from its bytes). */
    private static final class Recording implements io.daybreak.federation.Sites {
        final io.daybreak.federation.Sites inner;
        final List<Map.Entry<String, Map<String, Aggregates>>> calls = new ArrayList<>();

        Recording(io.daybreak.federation.Sites inner) {
            this.inner = inner;
        }

        @Override
        public List<String> names() {
            return inner.names();
        }

        @Override
        public Map<String, Aggregates> call(String method, String step, Map<String, Object> arguments) {
            Map<String, Aggregates> replies = inner.call(method, step, arguments);
            calls.add(Map.entry(step, replies));
            return replies;
        }

        @Override
        public Map<String, io.daybreak.federation.site.DatasetInfo> datasetInfo() {
            return inner.datasetInfo();
        }

        @Override
        public io.daybreak.federation.Sites only(List<String> names) {
            return inner.only(names);
        }
    }

    /**
     * What a Cox site actually releases: its distinct event times; at the origin (β = 0) the number at risk and the
     * events at each pooled event time — each 0 or at least 3 rows — its feature sums and Σ η = 0 over its events,
     * nothing else; the Gram step only the weighted sums of its 6 features, one set per point.
     */
    @Test
    void aCoxSiteReleasesOnlyRiskSetSumsOfEnoughRows() throws IOException {
        int[] cut = {0, 100, 200, 300};
        List<SiteNode> nodes = new ArrayList<>();
        for (int s = 0; s < 3; s++) {
            nodes.add(node("site" + s, coxRows(cut[s], cut[s + 1]), EVENT_TIMES));
        }
        Map<String, String> parameters = Map.of("family", "cox", "time", "time", "status", "status",
                "features", "x1,x2,x3,x4,x5,x6", "nlambda", "5");
        LocalSites local = new LocalSites(nodes, "enet", RESEARCHER, allocator);
        ElasticNetFederatedMethod method = new ElasticNetFederatedMethod();
        Recording sites = new Recording(local.open(AnalysisSpec.open(method.id(), local.dataset(), parameters,
                local.names())));
        method.run(sites, parameters, allocator);
        Aggregates times = sites.calls.get(0).getValue().get("site0");
        assertEquals("eventTimes", sites.calls.get(0).getKey());
        double[] own = IntStream.range(0, 100).filter(i -> CSTATUS[i] == 1).mapToDouble(i -> CTIME[i]).distinct()
                .sorted().toArray();
        assertArrayEquals(own, times.get("eventTimes"), 0);
        double[] grid = sites.calls.get(0).getValue().values().stream()
                .flatMapToDouble(a -> Arrays.stream(a.get("eventTimes"))).distinct().sorted().toArray();
        assertEquals("coxRisk", sites.calls.get(1).getKey());
        Aggregates risk = sites.calls.get(1).getValue().get("site0");
        assertEquals(List.of("n", "sumX", "sumXX", "d", "s0", "eventEta"), risk.names());
        assertEquals(100, risk.scalar("n"), 0);
        for (int k = 0; k < grid.length; k++) {
            double t = grid[k];
            long atRisk = IntStream.range(0, 100).filter(i -> CTIME[i] >= t).count();
            long events = IntStream.range(0, 100).filter(i -> CTIME[i] == t && CSTATUS[i] == 1).count();
            assertEquals(atRisk, risk.get("s0")[k], 1e-9, "at risk at " + t);
            assertEquals(events, risk.get("d")[k], 0, "events at " + t);
            assertTrue(atRisk == 0 || atRisk >= 3, "risk set at " + t);
            assertTrue(events == 0 || events >= 3, "events at " + t);
        }
        assertEquals(0, risk.get("eventEta")[0], 0);
        assertEquals("coxGram", sites.calls.get(2).getKey());
        Aggregates gram = sites.calls.get(2).getValue().get("site0");
        assertEquals(List.of("xwx", "wx", "w", "score"), gram.names());
        int points = gram.get("w").length;
        assertEquals(points * 21, gram.get("xwx").length, "one upper triangle of 6 features per point");
        assertEquals(points * 6, gram.get("score").length);
    }

    /** 2(ℓ_saturated − ℓ) with Breslow ties over the given rows at λ_m of a path (glmnet's coxnet.deviance). */
    private static double breslowDeviance(PenalizedPath path, int m, int[] rows) {
        Map<Double, Integer> deaths = new HashMap<>();
        double ll = 0;
        for (int i : rows) {
            if (CSTATUS[i] == 1) {
                ll += path.linearPredictor(m, CX, i);
                deaths.merge(CTIME[i], 1, Integer::sum);
            }
        }
        double saturated = 0;
        for (Map.Entry<Double, Integer> e : deaths.entrySet()) {
            double risk = 0;
            for (int i : rows) {
                if (CTIME[i] >= e.getKey()) {
                    risk += Math.exp(path.linearPredictor(m, CX, i));
                }
            }
            ll -= e.getValue() * Math.log(risk);
            saturated -= e.getValue() * Math.log(e.getValue());
        }
        return 2 * (saturated - ll);
    }

    /** 40 features and 2,000 lambda values: stopped before a round whose releases would outgrow a message is sent. */
    @Test
    void anAnalysisThatWouldOutgrowItsTranscriptStopsNamingWhatToReduce() throws IOException {
        SplittableRandom random = new SplittableRandom(7);
        int p = 40;
        List<SiteNode> nodes = new ArrayList<>();
        StringBuilder features = new StringBuilder();
        for (int s = 0; s < 3; s++) {
            var builder = Table.builder(allocator);
            double[][] x = new double[p][130];
            double[] y = new double[130];
            for (int i = 0; i < 130; i++) {
                for (int j = 0; j < p; j++) {
                    x[j][i] = gaussian(random);
                }
                y[i] = random.nextDouble() < 1 / (1 + Math.exp(-x[0][i])) ? 1 : 0;
            }
            for (int j = 0; j < p; j++) {
                builder.addFloat64("g" + j, x[j]);
            }
            nodes.add(node("site" + s, keep(builder.addFloat64("yb", y).build()), DisclosurePolicy.DATASHIELD_DEFAULTS));
        }
        for (int j = 0; j < p; j++) {
            features.append(j == 0 ? "" : ",").append("g").append(j);
        }
        Map<String, String> parameters = Map.of("family", "binomial", "response", "yb", "features", features.toString(),
                "nlambda", "2000");
        RuntimeException stopped = assertThrows(RuntimeException.class, () -> runFederated(nodes, parameters));
        assertTrue(String.valueOf(stopped.getMessage()).contains("lower nlambda"), stopped.getMessage());
    }

    private SignedRelease firstRound(SiteNode node, Map<String, String> parameters) {
        return node.handle(RESEARCHER, new StepRequest(AnalysisSpec.open(ElasticNetSiteStep.METHOD, "enet", parameters,
                List.of(node.name())), 0, List.of(), ""));
    }

    @Test
    void aBinomialSiteReleasesOnlyItsSumsAtTheOrigin() throws IOException {
        SiteNode node = node("site0", binomialRows(0, 33), DisclosurePolicy.DATASHIELD_DEFAULTS);
        Aggregates released = Aggregates.fromBytes(firstRound(node, BINOMIAL).aggregates(), allocator);
        assertEquals(List.of("n", "logLikelihood", "score", "information"), released.names());
        assertEquals(33, released.scalar("n"), 0);
        // at the origin: ℓ = 33 log(1/2), score = Σ (y − 1/2)(1, x), information = Σ (1, x)(1, x)ᵀ / 4 (upper)
        assertArrayEquals(new double[] {33 * Math.log(0.5)}, released.get("logLikelihood"), 1e-12);
        double[] score = new double[P + 1];
        double[] info = new double[(P + 1) * (P + 2) / 2];
        for (int i = 0; i < 33; i++) {
            double[] row = new double[P + 1];
            row[0] = 1;
            for (int j = 0; j < P; j++) {
                row[j + 1] = EnetData.X[j][i];
            }
            int k = 0;
            for (int a = 0; a <= P; a++) {
                score[a] += (EnetData.YB[i] - 0.5) * row[a];
                for (int b = a; b <= P; b++) {
                    info[k++] += row[a] * row[b] / 4;
                }
            }
        }
        assertArrayEquals(score, released.get("score"), 1e-12);
        assertArrayEquals(info, released.get("information"), 1e-12);
    }

    @Test
    void refusalsReleaseNothing() throws IOException {
        // Cox under a policy that withholds event times
        SiteNode closed = node("closed", coxRows(0, 100), DisclosurePolicy.DATASHIELD_DEFAULTS);
        Map<String, String> cox = Map.of("family", "cox", "time", "time", "status", "status", "features",
                "x1,x2,x3,x4,x5,x6");
        RuntimeException refused = assertThrows(RuntimeException.class, () -> firstRound(closed, cox));
        assertTrue(String.valueOf(refused.getMessage()).contains("event times"), refused.getMessage());
        // a 0/1 response with the value 1 in 2 of 40 rows
        double[] rare = new double[40];
        rare[5] = 1;
        rare[30] = 1;
        var builder = Table.builder(allocator);
        for (int j = 0; j < P; j++) {
            builder.addFloat64("x" + (j + 1), Arrays.copyOfRange(EnetData.X[j], 0, 40));
        }
        Table data = builder.addFloat64("yb", rare).addFloat64("y", Arrays.copyOfRange(EnetData.Y, 0, 40)).build();
        keep(data);
        SiteNode site = node("rare", data, DisclosurePolicy.DATASHIELD_DEFAULTS);
        RuntimeException small = assertThrows(RuntimeException.class, () -> firstRound(site, BINOMIAL));
        assertTrue(String.valueOf(small.getMessage()).contains("yb"), small.getMessage());
        // a response that is not 0/1
        Map<String, String> continuous = new HashMap<>(BINOMIAL);
        continuous.put("response", "y");
        RuntimeException coded = assertThrows(RuntimeException.class, () -> firstRound(site, continuous));
        assertTrue(String.valueOf(coded.getMessage()).contains("0/1"), coded.getMessage());
        for (RuntimeException e : List.of(refused, small, coded)) {
            assertTrue(!String.valueOf(e.getMessage()).matches(".*\\d+\\.\\d{3,}.*"), "no values: " + e.getMessage());
        }
    }
}
