package io.daybreak.methods.stats.glm;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.arrow.memory.BufferAllocator;
import org.osgi.service.component.annotations.Component;

import io.daybreak.federation.FederatedMethod;
import io.daybreak.federation.Sites;
import io.daybreak.methods.stats.data.FederatedParameters;
import io.daybreak.methods.stats.meta.MetaCombination;

/** {@code stats.glm} across site nodes ({@link GlmFederated}). */
@Component(service = FederatedMethod.class)
public final class GlmFederatedMethod implements FederatedMethod {
    private static final List<String> PARAMETERS = List.of("response", "covariates", "family", "combine");

    @Override
    public String id() {
        return GlmSiteStep.METHOD;
    }

    @Override
    public String title() {
        return "generalised linear model (gaussian, binomial, poisson), exact: equal to the pooled fit";
    }

    @Override
    public List<String> parameters() {
        return List.of("response: response column", "covariates: comma-separated columns (an intercept is added)",
                "family: gaussian (default), binomial or poisson",
                "combine: exact (default, equal to the pooled fit), or fixed / random: a meta-analysis of per-site "
                        + "fits (inverse variance / DerSimonian-Laird; labelled, not exact)");
    }

    @Override
    public Outcome run(Sites sites, Map<String, String> raw, BufferAllocator allocator) {
        FederatedParameters parameters = new FederatedParameters(raw, PARAMETERS);
        GlmFamily family;
        try {
            family = GlmFamily.valueOf(parameters.string("family", "gaussian").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("parameter 'family' must be gaussian, binomial or poisson");
        }
        List<String> covariates = parameters.names("covariates");
        String response = parameters.string("response", null);
        String combine = parameters.string("combine", "exact");
        if (!combine.equals("exact")) {
            MetaCombination.Federated meta = MetaCombination.acrossSites(sites, site -> {
                GlmFederated.Result fit = GlmFederated.fit(site, response, covariates, family);
                return new MetaCombination.SiteFit(fit.fit().coefficients(), fit.fit().standardErrors(), fit.rounds(),
                        fit.fit().converged());
            }, MetaCombination.random(combine));
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("terms", new java.util.ArrayList<Object>(DesignMatrix.terms(covariates)));
            summary.putAll(meta.summary());
            return new Outcome(summary, meta.rounds(), meta.converged());
        }
        GlmFederated.Result result = GlmFederated.fit(sites, response, covariates, family);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("terms", new java.util.ArrayList<Object>(DesignMatrix.terms(covariates)));
        summary.put("coefficients", FederatedParameters.list(result.fit().coefficients()));
        summary.put("standardErrors", FederatedParameters.list(result.fit().standardErrors()));
        summary.put("deviance", result.fit().deviance());
        summary.put("nullDeviance", result.nullDeviance());
        summary.put("dispersion", result.fit().dispersion());
        summary.put("n", result.fit().n());
        return new Outcome(summary, result.rounds(), result.fit().converged());
    }
}
