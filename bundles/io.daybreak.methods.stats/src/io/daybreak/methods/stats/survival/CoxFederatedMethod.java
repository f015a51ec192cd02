package io.daybreak.methods.stats.survival;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.arrow.memory.BufferAllocator;
import org.osgi.service.component.annotations.Component;

import io.daybreak.core.method.Adjust;
import io.daybreak.core.method.MethodDescriptor;
import io.daybreak.core.method.Parameters;
import io.daybreak.core.method.Settings;
import io.daybreak.federation.FederatedMethod;
import io.daybreak.federation.Sites;
import io.daybreak.methods.stats.settings.Combine;
import io.daybreak.stats.models.columns.SummaryValues;
import io.daybreak.stats.federated.MetaCombination;
import io.daybreak.stats.federated.CoxFederated;
import io.daybreak.stats.models.survival.SurvivalColumns;

/** {@code stats.cox} across site nodes ({@link CoxFederated}). */
@Component(service = FederatedMethod.class)
public final class CoxFederatedMethod implements FederatedMethod {
    /** What stats.cox takes across site nodes: the groups of its local twin, without the site split and strata. */
    record CoxFederatedSettings(SurvivalColumns survival, CoxModel model,
            @Adjust(name = "stratifyBySite",
                    doc = "each site is a stratum (its own baseline hazard); no event times leave the sites")
            SiteStrata bySite,
            Combine combine) {
    }

    private static final MethodDescriptor DESCRIPTOR = MethodDescriptor.builder(CoxSiteStep.METHOD,
            "Cox proportional hazards across sites (exact)")
            .category("statistics")
            .reference("Cox, JRSS-B 34:187 (1972); Efron, JASA 72:557 (1977); Lu et al., JAMIA 22:1212 (2015); "
                    + "R survival::coxph")
            .description("Pooled risk sets (the sites must opt in to releasing risk-set sums at event times) or a "
                    + "baseline hazard per site; equal to the pooled fit.")
            .settings(CoxFederatedSettings.class)
            .build();

    @Override
    public MethodDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Outcome run(Sites sites, Parameters parameters, BufferAllocator allocator) {
        CoxFederatedSettings settings = Settings.bind(CoxFederatedSettings.class, parameters);
        String ties = settings.model().ties();
        List<String> covariates = settings.model().covariateNames();
        String time = settings.survival().time();
        String status = settings.survival().status();
        double eventValue = settings.survival().eventValue();
        boolean stratifyBySite = settings.bySite().stratifyBySite();
        if (!settings.combine().exact()) {
            MetaCombination.Federated meta = MetaCombination.acrossSites(sites, site -> {
                CoxFederated.Result fit = CoxFederated.fit(site, time, status, eventValue, covariates,
                        settings.model().efron(), false);
                return new MetaCombination.SiteFit(fit.fit().coefficients(), fit.fit().standardErrors(), fit.rounds(),
                        true);
            }, settings.combine().random());
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("terms", new java.util.ArrayList<Object>(covariates));
            summary.putAll(meta.summary());
            summary.put("ties", ties);
            return new Outcome(summary, meta.rounds(), meta.converged());
        }
        CoxFederated.Result result = CoxFederated.fit(sites, time, status, eventValue, covariates,
                settings.model().efron(), stratifyBySite);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("terms", new java.util.ArrayList<Object>(covariates));
        summary.put("coefficients", SummaryValues.list(result.fit().coefficients()));
        summary.put("standardErrors", SummaryValues.list(result.fit().standardErrors()));
        summary.put("logLikelihood", SummaryValues.list(new double[] {result.fit().logLikelihoodNull(),
            result.fit().logLikelihood()}));
        summary.put("events", result.events());
        summary.put("ties", ties);
        summary.put("baselineHazard", stratifyBySite ? "one per site" : "common (pooled risk sets)");
        return new Outcome(summary, result.rounds(), true);
    }
}
