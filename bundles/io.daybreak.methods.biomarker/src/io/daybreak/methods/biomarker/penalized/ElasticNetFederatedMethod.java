package io.daybreak.methods.biomarker.penalized;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.arrow.memory.BufferAllocator;
import org.osgi.service.component.annotations.Component;

import io.daybreak.core.method.Choice;
import io.daybreak.core.method.InvalidParameterException;
import io.daybreak.core.method.MethodDescriptor;
import io.daybreak.core.method.Parameters;
import io.daybreak.core.method.Setting;
import io.daybreak.core.method.Settings;
import io.daybreak.federation.Aggregates;
import io.daybreak.federation.FederatedMethod;
import io.daybreak.federation.Sites;
import io.daybreak.stats.biomarker.penalized.ElasticNet;
import io.daybreak.stats.biomarker.penalized.Family;
import io.daybreak.stats.biomarker.penalized.GramStatistics;
import io.daybreak.stats.biomarker.penalized.PenalizedPath;
import io.daybreak.stats.biomarker.penalized.PenalizedSettings;
import io.daybreak.stats.biomarker.penalized.Ties;
import io.daybreak.stats.models.columns.NumericColumns;

/**
 * {@code biomarker.elastic-net} across site nodes, gaussian only (ADR 0031): one round of {@link ElasticNetSiteStep}
 * releases each site's sums; their sum gives the pooled path exactly ({@link ElasticNet#fitGram}), and with three or
 * more sites each site's own sums give leave-one-site-out cross-validation without another release.
 */
@Component(service = FederatedMethod.class)
public final class ElasticNetFederatedMethod implements FederatedMethod {
    /** What the federated elastic net takes: the columns the sites read and glmnet's arguments. */
    record ElasticNetFederatedSettings(
            @Setting(defaultValue = "gaussian", doc = "the model: gaussian (one round of Gram matrices), binomial or cox "
                    + "(proximal Newton rounds)")
            @Choice({"gaussian", "binomial", "cox"})
            String family,
            @Setting(optional = true, doc = "response column (gaussian: numbers; binomial: 0/1)")
            String response,
            @Setting(optional = true, doc = "follow-up time column (cox)")
            String time,
            @Setting(optional = true, doc = "event column (cox)")
            String status,
            @Setting(defaultValue = "1", doc = "the value of the status column that marks an event (cox)")
            double eventValue,
            @Setting(doc = "comma-separated numeric feature columns (each site needs at least 3 rows per feature "
                    + "under the default policy)")
            String features,
            @Setting(min = 0, max = 1, defaultValue = "1", doc = "elastic-net mixing: 1 lasso, 0 ridge")
            double alpha,
            @Setting(min = 2, max = 10000, defaultValue = "100", doc = "number of lambda values on the automatic path")
            int nlambda,
            @Setting(min = 0, minInclusive = false, max = 1, maxInclusive = false, optional = true, doc = "smallest "
                    + "lambda as a fraction of lambda_max (default as glmnet)")
            Double lambdaMinRatio,
            @Setting(min = 0, optional = true, doc = "comma-separated lambda values instead of the automatic path")
            double[] lambda,
            @Setting(optional = true, doc = "penalty factors as feature=factor pairs, e.g. age=0 (others 1)")
            String penaltyFactors,
            @Setting(defaultValue = "true", doc = "standardise features (pooled 1/n variance) for the fit")
            boolean standardize,
            @Setting(defaultValue = "true", doc = "fit an intercept (gaussian, binomial)")
            boolean intercept,
            @Setting(min = 0, minInclusive = false, defaultValue = "1e-7", doc = "convergence threshold (glmnet's "
                    + "thresh)")
            double thresh) {

        ElasticNetFederatedSettings {
            if ("cox".equals(family) && (time == null || status == null)) {
                throw new InvalidParameterException("family cox needs the parameters time= and status=");
            }
            if (!"cox".equals(family) && response == null) {
                throw new InvalidParameterException("family " + family + " needs the parameter response=");
            }
        }
    }

    private static final MethodDescriptor DESCRIPTOR = MethodDescriptor.builder(ElasticNetSiteStep.METHOD,
            "Elastic net across sites (gaussian, binomial, Cox; equal to the pooled fit)")
            .category("biomarker")
            .reference("Friedman, Hastie & Tibshirani, J Stat Softw 33(1) (2010); Simon et al., J Stat Softw 39(5) "
                    + "(2011); R glmnet 4.1; ADRs 0031, 0035")
            .description("Gaussian: each site releases the sums of x, y, x x', x y and y^2 over its complete cases "
                    + "(refusing when it has fewer than about 3 rows per feature, or small counts hide in the sums); "
                    + "their sum gives the pooled path exactly. Binomial and Cox: proximal Newton rounds, in which each "
                    + "site releases its log likelihood, score and (weighted) Gram matrix at points its own replay of "
                    + "the analysis computes; every lambda moves in the same rounds. Cox uses Breslow ties and needs "
                    + "the sites' policy to allow event times. With 3 or more sites, leave-one-site-out "
                    + "cross-validation (mean squared error or deviance, weighted by site size or events) picks "
                    + "lambda.min and lambda.1se.")
            .settings(ElasticNetFederatedSettings.class)
            .build();

    @Override
    public MethodDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Outcome run(Sites sites, Parameters parameters, BufferAllocator allocator) {
        ElasticNetFederatedSettings s = Settings.bind(ElasticNetFederatedSettings.class, parameters);
        List<String> features = NumericColumns.names("features", s.features());
        PenalizedSettings settings = new PenalizedSettings(s.alpha(), s.nlambda(),
                s.lambdaMinRatio() == null ? Double.NaN : s.lambdaMinRatio(), s.lambda(),
                ElasticNetMethod.penaltyFactors(s.penaltyFactors(), features), s.standardize(), s.intercept(),
                s.thresh(), 100_000, Ties.BRESLOW);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("family", s.family());
        int rounds;
        try {
            if ("gaussian".equals(s.family())) {
                rounds = gaussian(sites, s.response(), features, settings, summary);
            } else {
                Family family = "cox".equals(s.family()) ? Family.COX : Family.BINOMIAL;
                NewtonFederated.Result result = NewtonFederated.run(sites, new NewtonFederated.Model(family,
                        s.response(), s.time(), s.status(), s.eventValue(), features), settings);
                describe(result.path(), result.rows(), sites.names().size(), features, summary);
                if (family == Family.COX) {
                    summary.put("events", result.events());
                }
                summary.put("rounds", (long) result.rounds());
                if (result.heldOut() != null) {
                    summarise(result.heldOut(), result.weights(), result.path(), summary);
                }
                rounds = result.rounds();
            }
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new InvalidParameterException(e.getMessage());
        }
        return new Outcome(summary, rounds, true);
    }

    /** The gaussian path from one round of Gram matrices (ADR 0031); returns the rounds (1). */
    private static int gaussian(Sites sites, String response, List<String> features, PenalizedSettings settings,
            Map<String, Object> summary) {
        int p = features.size();
        Map<String, Object> arguments = new LinkedHashMap<>();
        arguments.put("response", response);
        arguments.put("features", new ArrayList<>(features));
        Map<String, Aggregates> releases = sites.call(ElasticNetSiteStep.METHOD, "gram", arguments);
        List<GramStatistics> parts = new ArrayList<>();
        GramStatistics total = null;
        for (String site : sites.names()) {
            GramStatistics part = ElasticNetSiteStep.statistics(releases.get(site), p);
            parts.add(part);
            total = total == null ? part : total.plus(part);
        }
        PenalizedPath path = ElasticNet.fitGram(total, settings);
        describe(path, total.n(), parts.size(), features, summary);
        if (parts.size() >= 3) {
            crossValidate(parts, settings, path, summary);
        }
        return 1;
    }

    private static void describe(PenalizedPath path, long rows, int sites, List<String> features,
            Map<String, Object> summary) {
        summary.put("rows", rows);
        summary.put("sites", (long) sites);
        summary.put("terms", new ArrayList<Object>(features));
        summary.put("lambda", list(path.lambda()));
        summary.put("df", list(java.util.Arrays.stream(path.df()).asDoubleStream().toArray()));
        summary.put("devRatio", list(path.devRatio()));
        summary.put("intercept", list(path.intercept()));
    }

    /** Leave-one-site-out CV of the squared error, from each site's own sums, as cv.glmnet summarises folds. */
    static void crossValidate(List<GramStatistics> parts, PenalizedSettings settings, PenalizedPath path,
            Map<String, Object> summary) {
        int k = parts.size();
        int nl = path.size();
        double[][] raw = new double[k][nl];
        double[] weight = new double[k];
        for (int f = 0; f < k; f++) {
            GramStatistics held = parts.get(f);
            GramStatistics rest = null;
            for (int o = 0; o < k; o++) {
                if (o != f) {
                    rest = rest == null ? parts.get(o) : rest.plus(parts.get(o));
                }
            }
            PenalizedPath fold = ElasticNet.fitGram(rest, settings.withLambda(path.lambda()));
            weight[f] = held.n();
            for (int m = 0; m < nl; m++) {
                raw[f][m] = squaredError(held, fold.intercept()[m], fold.beta()[m]) / held.n();
            }
        }
        summarise(raw, weight, path, summary);
    }

    /**
     * cv.glmnet's summary of per-fold measures (rows: held-out sites) with fold weights: the weighted mean, its
     * standard error, lambda.min, lambda.1se and the coefficients at both.
     */
    static void summarise(double[][] raw, double[] weight, PenalizedPath path, Map<String, Object> summary) {
        int k = raw.length;
        int nl = path.size();
        double[] cvm = new double[nl];
        double[] cvsd = new double[nl];
        double sw = java.util.Arrays.stream(weight).sum();
        int best = 0;
        for (int m = 0; m < nl; m++) {
            for (int f = 0; f < k; f++) {
                cvm[m] += weight[f] * raw[f][m] / sw;
            }
            double ss = 0;
            for (int f = 0; f < k; f++) {
                ss += weight[f] * (raw[f][m] - cvm[m]) * (raw[f][m] - cvm[m]);
            }
            cvsd[m] = Math.sqrt(ss / sw / (k - 1));
            if (cvm[m] < cvm[best]) {
                best = m;
            }
        }
        int oneSe = best;
        for (int m = 0; m < nl; m++) {
            if (cvm[m] <= cvm[best] + cvsd[best]) {
                oneSe = m;
                break;
            }
        }
        summary.put("cvm", list(cvm));
        summary.put("cvsd", list(cvsd));
        summary.put("lambdaMin", path.lambda()[best]);
        summary.put("lambda1se", path.lambda()[oneSe]);
        summary.put("coefficientsMin", list(path.beta()[best]));
        summary.put("coefficients1se", list(path.beta()[oneSe]));
        summary.put("interceptMin", path.intercept()[best]);
        summary.put("intercept1se", path.intercept()[oneSe]);
    }

    /** Σ(y − a − x'b)² over a site's rows, from its sums alone. */
    static double squaredError(GramStatistics g, double a, double[] b) {
        int p = b.length;
        double bxy = 0;
        double bx = 0;
        double bxxb = 0;
        for (int j = 0; j < p; j++) {
            if (b[j] == 0) {
                continue;
            }
            bxy += b[j] * g.sumXY()[j];
            bx += b[j] * g.sumX()[j];
            for (int l = 0; l < p; l++) {
                bxxb += b[j] * g.sumXX()[j][l] * b[l];
            }
        }
        return g.sumYY() - 2 * a * g.sumY() - 2 * bxy + g.n() * a * a + 2 * a * bx + bxxb;
    }

    private static List<Object> list(double[] values) {
        List<Object> list = new ArrayList<>(values.length);
        for (double v : values) {
            list.add(v);
        }
        return list;
    }
}
