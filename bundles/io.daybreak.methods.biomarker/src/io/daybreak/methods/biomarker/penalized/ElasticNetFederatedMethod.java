package io.daybreak.methods.biomarker.penalized;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.arrow.memory.BufferAllocator;
import org.osgi.service.component.annotations.Component;

import io.daybreak.core.method.InvalidParameterException;
import io.daybreak.core.method.MethodDescriptor;
import io.daybreak.core.method.Parameters;
import io.daybreak.core.method.Setting;
import io.daybreak.core.method.Settings;
import io.daybreak.federation.Aggregates;
import io.daybreak.federation.FederatedMethod;
import io.daybreak.federation.Sites;
import io.daybreak.stats.biomarker.penalized.ElasticNet;
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
            @Setting(doc = "response column (numbers)")
            String response,
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
            @Setting(defaultValue = "true", doc = "fit an intercept")
            boolean intercept,
            @Setting(min = 0, minInclusive = false, defaultValue = "1e-7", doc = "convergence threshold (glmnet's "
                    + "thresh)")
            double thresh) {
    }

    private static final MethodDescriptor DESCRIPTOR = MethodDescriptor.builder(ElasticNetSiteStep.METHOD,
            "Gaussian elastic net across sites (exact, from site Gram matrices)")
            .category("biomarker")
            .reference("Friedman, Hastie & Tibshirani, J Stat Softw 33(1) (2010); R glmnet 4.1; ADR 0031")
            .description("Each site releases the sums of x, y, x x', x y and y^2 over its complete cases (refusing when "
                    + "it has fewer than about 3 rows per feature, or small counts hide in the sums); their sum gives "
                    + "the pooled gaussian elastic-net path exactly. With 3 or more sites, leave-one-site-out "
                    + "cross-validation (mean squared error, weighted by site size) picks lambda.min and lambda.1se.")
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
        int p = features.size();
        Map<String, Object> arguments = new LinkedHashMap<>();
        arguments.put("response", s.response());
        arguments.put("features", new ArrayList<>(features));
        Map<String, Aggregates> releases = sites.call(ElasticNetSiteStep.METHOD, "gram", arguments);
        List<GramStatistics> parts = new ArrayList<>();
        GramStatistics total = null;
        for (String site : sites.names()) {
            GramStatistics part = ElasticNetSiteStep.statistics(releases.get(site), p);
            parts.add(part);
            total = total == null ? part : total.plus(part);
        }
        PenalizedSettings settings = new PenalizedSettings(s.alpha(), s.nlambda(),
                s.lambdaMinRatio() == null ? Double.NaN : s.lambdaMinRatio(), s.lambda(),
                ElasticNetMethod.penaltyFactors(s.penaltyFactors(), features), s.standardize(), s.intercept(),
                s.thresh(), 100_000, Ties.BRESLOW);
        PenalizedPath path;
        try {
            path = ElasticNet.fitGram(total, settings);
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterException(e.getMessage());
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("rows", total.n());
        summary.put("sites", (long) parts.size());
        summary.put("terms", new ArrayList<Object>(features));
        summary.put("lambda", list(path.lambda()));
        summary.put("df", list(java.util.Arrays.stream(path.df()).asDoubleStream().toArray()));
        summary.put("devRatio", list(path.devRatio()));
        summary.put("intercept", list(path.intercept()));
        if (parts.size() >= 3) {
            crossValidate(parts, total, settings, path, summary);
        }
        return new Outcome(summary, 1, true);
    }

    /** Leave-one-site-out CV of the squared error, from each site's own sums, as cv.glmnet summarises folds. */
    static void crossValidate(List<GramStatistics> parts, GramStatistics total, PenalizedSettings settings,
            PenalizedPath path, Map<String, Object> summary) {
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
