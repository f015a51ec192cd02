package io.daybreak.methods.stats.survival;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.arrow.memory.BufferAllocator;
import org.osgi.service.component.annotations.Component;

import io.daybreak.core.method.MethodDescriptor;
import io.daybreak.core.method.ParameterSpec;
import io.daybreak.core.method.Parameters;
import io.daybreak.federation.FederatedMethod;
import io.daybreak.federation.Sites;
import io.daybreak.stats.models.columns.NumericColumns;
import io.daybreak.stats.models.columns.SummaryValues;
import io.daybreak.stats.federated.MetaCombination;
import io.daybreak.stats.federated.CoxFederated;
import io.daybreak.stats.models.survival.SurvivalInput;

/** {@code stats.cox} across site nodes ({@link CoxFederated}). */
@Component(service = FederatedMethod.class)
public final class CoxFederatedMethod implements FederatedMethod {
    private static final MethodDescriptor DESCRIPTOR = SurvivalInput.columns(MethodDescriptor.builder(CoxSiteStep.METHOD,
            "Cox proportional hazards across sites (exact)")
            .category("statistics")
            .reference("Cox, JRSS-B 34:187 (1972); Efron, JASA 72:557 (1977); Lu et al., JAMIA 22:1212 (2015); "
                    + "R survival::coxph")
            .description("Pooled risk sets (the sites must opt in to releasing risk-set sums at event times) or a "
                    + "baseline hazard per site; equal to the pooled fit."))
            .parameter(ParameterSpec.string("covariates").doc("comma-separated numeric columns, e.g. age,sex"))
            .parameter(ParameterSpec.choice("ties", "efron", "breslow").defaultValue("efron").doc("handling of tied times"))
            .parameter(ParameterSpec.bool("stratifyBySite").defaultValue(false)
                    .doc("each site is a stratum (its own baseline hazard); no event times leave the sites"))
            .parameter(MetaCombination.parameter())
            .build();

    @Override
    public MethodDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Outcome run(Sites sites, Parameters parameters, BufferAllocator allocator) {
        String ties = parameters.string("ties");
        List<String> covariates = NumericColumns.names("covariates", parameters.string("covariates"));
        String time = parameters.string("time");
        String status = parameters.string("status");
        double eventValue = parameters.real("eventValue");
        String combine = parameters.string("combine");
        if (!combine.equals("exact")) {
            MetaCombination.Federated meta = MetaCombination.acrossSites(sites, site -> {
                CoxFederated.Result fit = CoxFederated.fit(site, time, status, eventValue, covariates, ties.equals("efron"),
                        false);
                return new MetaCombination.SiteFit(fit.fit().coefficients(), fit.fit().standardErrors(), fit.rounds(),
                        true);
            }, MetaCombination.random(combine));
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("terms", new java.util.ArrayList<Object>(covariates));
            summary.putAll(meta.summary());
            summary.put("ties", ties);
            return new Outcome(summary, meta.rounds(), meta.converged());
        }
        CoxFederated.Result result = CoxFederated.fit(sites, time, status, eventValue, covariates,
                ties.equals("efron"), parameters.bool("stratifyBySite"));
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("terms", new java.util.ArrayList<Object>(covariates));
        summary.put("coefficients", SummaryValues.list(result.fit().coefficients()));
        summary.put("standardErrors", SummaryValues.list(result.fit().standardErrors()));
        summary.put("logLikelihood", SummaryValues.list(new double[] {result.fit().logLikelihoodNull(),
            result.fit().logLikelihood()}));
        summary.put("events", result.events());
        summary.put("ties", ties);
        summary.put("baselineHazard", parameters.bool("stratifyBySite") ? "one per site" : "common (pooled risk sets)");
        return new Outcome(summary, result.rounds(), true);
    }
}
