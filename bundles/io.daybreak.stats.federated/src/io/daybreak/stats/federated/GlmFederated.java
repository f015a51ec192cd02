package io.daybreak.stats.federated;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.daybreak.federation.Aggregates;
import io.daybreak.federation.Sites;
import io.daybreak.stats.models.columns.SummaryValues;
import io.daybreak.stats.models.glm.GlmFamily;
import io.daybreak.stats.models.glm.GlmFit;
import io.daybreak.stats.models.glm.GlmSums;

/**
 * The coordinator of the federated GLM: the IRLS of {@link GlmFit} on the sums the sites release
 * ({@link GlmSiteStep}), added in the sites' fixed order. Every site sees the same coefficients each round;
 * the result equals the pooled fit.
 */
public final class GlmFederated {
    private GlmFederated() {
    }

    /** The fit and the null deviance, plus the rounds they took. */
    public record Result(GlmFit fit, double nullDeviance, int rounds) {
    }

    /**
     * The IRLS fit on the summed sums, then the null deviance as R's {@code glm.fit} computes it: one more round, the
     * intercept-only model at the pooled mean response (Σy / n from the releases), where its fit lies exactly.
     */
    public static Result fit(Sites sites, String response, List<String> covariates, GlmFamily family) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("response", response);
        model.put("covariates", covariates);
        return fit(sites, model, covariates.size() + 1, true, false, family);
    }

    /**
     * The fit of a model given as site-step arguments (response and covariates, or a formula and its agreed levels:
     * {@link FormulaReleases#arguments}) with {@code p} coefficients. With an offset the null deviance is that of the
     * intercept-only model fitted with the offset (more rounds); without an intercept it is not computed (NaN).
     */
    public static Result fit(Sites sites, Map<String, Object> model, int p, boolean intercept, boolean offset,
            GlmFamily family) {
        int[] rounds = new int[1];
        GlmSums[] latest = new GlmSums[1];
        GlmFit fit = GlmFit.fit(beta -> latest[0] = round(sites, model, family, beta, false, rounds), family, p);
        double nullDeviance;
        if (!intercept) {
            nullDeviance = Double.NaN;
        } else if (offset) {
            nullDeviance = GlmFit.fit(beta -> round(sites, model, family, beta, true, rounds), family, 1).deviance();
        } else {
            double mean = latest[0].meanResponse();
            nullDeviance = round(sites, model, family, new double[] {family.link(mean)}, true, rounds).deviance();
        }
        return new Result(fit, nullDeviance, rounds[0]);
    }

    private static GlmSums round(Sites sites, Map<String, Object> model, GlmFamily family, double[] beta,
            boolean interceptOnly, int[] rounds) {
        Map<String, Object> arguments = new LinkedHashMap<>(model);
        arguments.put("family", family.name().toLowerCase(java.util.Locale.ROOT));
        arguments.put("interceptOnly", interceptOnly);
        if (beta != null) {
            arguments.put("beta", SummaryValues.list(beta));
        }
        rounds[0]++;
        return sum(sites, sites.call(GlmReleases.METHOD, "sums", arguments));
    }

    /** The sites' IRLS sums (released as {@link GlmSiteStep#release}) added in the sites' fixed order. */
    public static GlmSums sum(Sites sites, Map<String, Aggregates> replies) {
        GlmSums total = null;
        for (String site : sites.names()) {
            GlmSums sums = GlmReleases.fromRelease(replies.get(site));
            if (total == null) {
                total = sums;
            } else {
                total.add(sums);
            }
        }
        return total;
    }
}
