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
        int p = covariates.size() + 1;
        int[] rounds = new int[1];
        FirthFit fit = FirthFit.fit(beta -> {
            Map<String, Aggregates> replies = sites.call(FirthSiteStep.METHOD, "information",
                    arguments(response, covariates, beta, rounds));
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
            Map<String, Object> arguments = arguments(response, covariates, beta, rounds);
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

    private static Map<String, Object> arguments(String response, List<String> covariates, double[] beta, int[] rounds) {
        rounds[0]++;
        Map<String, Object> arguments = new LinkedHashMap<>();
        arguments.put("response", response);
        arguments.put("covariates", covariates);
        arguments.put("beta", SummaryValues.list(beta));
        return arguments;
    }
}
