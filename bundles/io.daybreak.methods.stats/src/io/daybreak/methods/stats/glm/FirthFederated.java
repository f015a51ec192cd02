package io.daybreak.methods.stats.glm;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.daybreak.federation.Aggregates;
import io.daybreak.federation.Sites;
import io.daybreak.stats.models.columns.SummaryValues;
import io.daybreak.stats.models.glm.FirthFit;

/**
 * The coordinator of federated Firth logistic regression: {@link FirthFit}'s iteration on the information and
 * modified scores the sites release ({@link FirthSiteStep}), summed in the sites' fixed order. Equal to the
 * pooled fit.
 */
public final class FirthFederated {
    private FirthFederated() {
    }

    /** The fit and the rounds it took (one round = one call to every site). */
    public record Result(FirthFit fit, int rounds) {
    }

    public static Result fit(Sites sites, String response, List<String> covariates) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("response", response);
        model.put("covariates", covariates);
        return fit(sites, model, covariates.size() + 1);
    }

    /** The fit of a model given as site-step arguments (see {@link FederatedModel}) with {@code p} coefficients. */
    public static Result fit(Sites sites, Map<String, Object> model, int p) {
        int[] rounds = new int[1];
        FirthFit fit = FirthFit.fit(beta -> {
            Map<String, Aggregates> replies = sites.call(FirthSiteStep.METHOD, "information",
                    arguments(model, beta, rounds));
            double[][] total = new double[p + 1][p];
            for (String site : sites.names()) {
                double[][] part = replies.get(site).getMatrix("information");
                for (int a = 0; a <= p; a++) {
                    for (int b = 0; b < p; b++) {
                        total[a][b] += part[a][b];
                    }
                }
            }
            return total;
        }, (beta, inverse) -> {
            Map<String, Object> arguments = arguments(model, beta, rounds);
            double[] flat = new double[p * p];
            for (int a = 0; a < p; a++) {
                System.arraycopy(inverse[a], 0, flat, a * p, p);
            }
            arguments.put("inverseInformation", SummaryValues.list(flat));
            Map<String, Aggregates> replies = sites.call(FirthSiteStep.METHOD, "score", arguments);
            double[] total = new double[p];
            for (String site : sites.names()) {
                double[] part = replies.get(site).get("score");
                for (int a = 0; a < p; a++) {
                    total[a] += part[a];
                }
            }
            return total;
        }, p);
        return new Result(fit, rounds[0]);
    }

    private static Map<String, Object> arguments(Map<String, Object> model, double[] beta, int[] rounds) {
        rounds[0]++;
        Map<String, Object> arguments = new LinkedHashMap<>(model);
        arguments.put("beta", SummaryValues.list(beta));
        return arguments;
    }
}
