package io.daybreak.methods.causal.federated;

import java.util.LinkedHashMap;
import java.util.Map;

import org.hipparchus.exception.MathIllegalArgumentException;

import io.daybreak.federation.Aggregates;
import io.daybreak.federation.Sites;
import io.daybreak.stats.causal.WeightedKaplanMeier;
import io.daybreak.stats.models.columns.SummaryValues;
import io.daybreak.stats.models.glm.GlmFamily;
import io.daybreak.stats.models.glm.GlmFit;
import io.daybreak.stats.federated.GlmFederated;
import io.daybreak.stats.federated.CoxFederated;
import io.daybreak.stats.models.survival.CoxFit;
import io.daybreak.stats.models.survival.CoxRobust;
import io.daybreak.stats.models.survival.CoxSums;
import io.daybreak.stats.federated.CoxReleases;

/**
 * The coordinator's rounds of the federated IPTW analysis ({@link CausalSiteStep}); each adds the sites' releases
 * in the sites' fixed order, so every quantity equals the pooled analysis: the propensity model by IRLS on summed
 * sums, the weighted sums, the weighted Kaplan–Meier counts, the weighted Cox model by Newton on summed risk-set
 * sums, and its robust variance from the sites' parts of the middle term.
 */
final class CausalFederated {
    private final Sites sites;
    private final Map<String, Object> base;
    private final int covariates;
    private int rounds;

    CausalFederated(Sites sites, Map<String, Object> base, int covariates) {
        this.sites = sites;
        this.base = base;
        this.covariates = covariates;
    }

    int rounds() {
        return rounds;
    }

    private Map<String, Aggregates> call(String step, Map<String, Object> arguments) {
        rounds++;
        return sites.call(CausalSiteStep.METHOD, step, arguments);
    }

    /** The propensity model, fitted on the summed IRLS sums. */
    GlmFit propensity() {
        GlmFit fit;
        try {
            fit = fitPropensity();
        } catch (MathIllegalArgumentException e) {
            throw new IllegalArgumentException("the propensity model cannot be fitted: the covariates are collinear or "
                    + "separate the arms (X'WX is singular): " + e.getMessage());
        }
        // decided from the summed information alone (GlmFit.separated): no site releases a value of a single row
        if (fit.separated() || !fit.converged()) {
            throw new IllegalArgumentException("perfect separation: the covariates predict the treatment exactly "
                    + "across the sites (propensity scores of 0 or 1), so the arms do not overlap");
        }
        return fit;
    }

    private GlmFit fitPropensity() {
        return GlmFit.fit(beta -> {
            Map<String, Object> arguments = new LinkedHashMap<>(base);
            if (beta != null) {
                arguments.put("beta", SummaryValues.list(beta));
            }
            return GlmFederated.sum(sites, call("propensity", arguments));
        }, GlmFamily.BINOMIAL, covariates + 1);
    }

    /** The pooled weighted sums at the given weighting arguments. */
    WeightedSums weighted(Map<String, Object> weighting, boolean withOutcome) {
        Map<String, Aggregates> replies = call("weighted", weighting);
        WeightedSums total = null;
        for (String site : sites.names()) {
            total = WeightedSums.add(total, replies.get(site), covariates, withOutcome);
        }
        return total;
    }

    /** Each arm's pooled HC3 middle term Σ w²(y − μ)²/(1 − w/Σw)² at the pooled means: {controls, treated}. */
    double[] hc3(Map<String, Object> weighting, double[] means, double[] totals) {
        Map<String, Object> arguments = new LinkedHashMap<>(weighting);
        arguments.put("means", SummaryValues.list(means));
        arguments.put("totals", SummaryValues.list(totals));
        Map<String, Aggregates> replies = call("hc3", arguments);
        double[] total = new double[2];
        for (String site : sites.names()) {
            double[] part = replies.get(site).get("hc3");
            total[0] += part[0];
            total[1] += part[1];
        }
        return total;
    }

    /** Each arm's pooled weighted Kaplan–Meier counts: {controls, treated}. */
    WeightedKaplanMeier.Counts[] survivalCounts(Map<String, Object> weighting) {
        Map<String, Aggregates> replies = call("survivalCounts", weighting);
        WeightedKaplanMeier.Counts[] counts = {new WeightedKaplanMeier.Counts(), new WeightedKaplanMeier.Counts()};
        for (String site : sites.names()) {
            Aggregates reply = replies.get(site);
            for (int arm = 0; arm <= 1; arm++) {
                if (!reply.names().contains("time." + arm)) {
                    continue; // an empty array does not travel: the site has no rows of this arm
                }
                counts[arm].merge(WeightedKaplanMeier.Counts.fromArrays(new double[][] {reply.get("time." + arm),
                    reply.get("eventWeight." + arm), reply.get("exitWeight." + arm), reply.get("eventSquares." + arm),
                    reply.get("exitSquares." + arm)}));
            }
        }
        return counts;
    }

    /** The weighted Cox fit of the treatment over the event-time grid, and its robust variance. */
    double[] cox(Map<String, Object> weighting, double[] grid, boolean efron) {
        CoxFit fit = CoxFit.fit(beta -> coxSums(weighting, grid, beta).evaluate(beta, efron), 1);
        double[] beta = fit.coefficients();
        Map<String, Object> arguments = new LinkedHashMap<>(weighting);
        arguments.put("beta", SummaryValues.list(beta));
        arguments.put("grid", SummaryValues.list(grid));
        arguments.put("ties", efron ? "efron" : "breslow");
        Aggregates pooled = CoxReleases.toAggregates(coxSums(weighting, grid, beta));
        for (String name : CausalSiteStep.COX_SUMS) {
            arguments.put("pooled." + name, SummaryValues.list(pooled.get(name)));
        }
        Map<String, Aggregates> replies = call("coxMeat", arguments);
        double meat = 0;
        for (String site : sites.names()) {
            meat += replies.get(site).getMatrix("meat")[0][0];
        }
        double[][] robust = CoxRobust.sandwich(fit.covariance(), new double[][] {{meat}});
        return new double[] {beta[0], Math.sqrt(fit.covariance()[0][0]), Math.sqrt(robust[0][0])};
    }

    private CoxSums coxSums(Map<String, Object> weighting, double[] grid, double[] beta) {
        Map<String, Object> arguments = new LinkedHashMap<>(weighting);
        arguments.put("beta", SummaryValues.list(beta));
        arguments.put("grid", SummaryValues.list(grid));
        return CoxFederated.sum(sites, call("coxSums", arguments), grid, 1);
    }
}
