package io.daybreak.methods.stats.glm;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.arrow.memory.BufferAllocator;
import org.osgi.service.component.annotations.Component;

import io.daybreak.core.method.MethodDescriptor;
import io.daybreak.core.method.Parameters;
import io.daybreak.core.method.Setting;
import io.daybreak.core.method.Settings;
import io.daybreak.federation.FederatedMethod;
import io.daybreak.federation.Sites;
import io.daybreak.methods.stats.settings.Combine;
import io.daybreak.stats.models.columns.SummaryValues;
import io.daybreak.stats.federated.MetaCombination;
import io.daybreak.stats.federated.GlmFederated;
import io.daybreak.stats.models.columns.Coefficients;
import io.daybreak.stats.models.glm.GlmFit;
import io.daybreak.stats.models.glm.GlmFamily;

/** {@code stats.glm} across site nodes ({@link GlmFederated}). */
@Component(service = FederatedMethod.class)
public final class GlmFederatedMethod implements FederatedMethod {
    /** What stats.glm takes across site nodes: its local twin's settings without the site split. */
    record GlmFederatedSettings(GlmColumns model,
            @Setting(defaultValue = "gaussian", doc = "error distribution (canonical link)")
            GlmFamily family,
            Combine combine) {
    }

    private static final MethodDescriptor DESCRIPTOR = MethodDescriptor.builder(GlmSiteStep.METHOD,
            "Generalised linear model across sites (exact)")
            .category("statistics")
            .reference("McCullagh & Nelder, Generalized Linear Models (1989); Jones et al., JAMIA (2013); R stats::glm")
            .description("Gaussian, binomial or Poisson GLM fitted by IRLS from the sites' summed information and score "
                    + "(each site computes the iterate itself, ADR 0013): equal to the pooled fit.")
            .settings(GlmFederatedSettings.class)
            .build();

    @Override
    public MethodDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Outcome run(Sites sites, Parameters parameters, BufferAllocator allocator) {
        GlmFederatedSettings settings = Settings.bind(GlmFederatedSettings.class, parameters);
        GlmFamily family = settings.family();
        FederatedModel model = FederatedModel.of(sites, GlmSiteStep.METHOD, settings.model());
        List<String> terms = model.terms();
        if (!settings.combine().exact()) {
            MetaCombination.Federated meta = MetaCombination.acrossSites(sites, site -> {
                GlmFederated.Result fit = GlmFederated.fit(site, model.arguments(), terms.size(), model.intercept(),
                        model.offset(), family);
                return new MetaCombination.SiteFit(fit.fit().coefficients(), fit.fit().standardErrors(), fit.rounds(),
                        fit.fit().converged());
            }, settings.combine().random());
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("terms", new java.util.ArrayList<Object>(terms));
            summary.putAll(meta.summary());
            return new Outcome(summary, meta.rounds(), meta.converged());
        }
        GlmFederated.Result result = GlmFederated.fit(sites, model.arguments(), terms.size(), model.intercept(),
                model.offset(), family);
        GlmFit fit = result.fit();
        double tDf = family.estimatesDispersion() ? fit.n() - terms.size() : 0;
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("formula", model.formula().toString());
        summary.put("family", family.name().toLowerCase(java.util.Locale.ROOT));
        summary.put("coefficientTable", new java.util.ArrayList<Object>(Coefficients.rows(terms, fit.coefficients(),
                fit.standardErrors(), null, Coefficients.Layout.glm(GlmMethod.ratioName(family), tDf))));
        summary.put("terms", new java.util.ArrayList<Object>(terms));
        summary.put("coefficients", SummaryValues.list(fit.coefficients()));
        summary.put("standardErrors", SummaryValues.list(fit.standardErrors()));
        summary.put("deviance", fit.deviance());
        summary.put("nullDeviance", result.nullDeviance());
        summary.put("nullDf", fit.n() - (model.intercept() ? 1 : 0));
        summary.put("residualDf", fit.n() - terms.size());
        summary.put("aic", fit.aic(family));
        summary.put("dispersion", fit.dispersion());
        summary.put("n", fit.n());
        return new Outcome(summary, result.rounds(), fit.converged());
    }
}
