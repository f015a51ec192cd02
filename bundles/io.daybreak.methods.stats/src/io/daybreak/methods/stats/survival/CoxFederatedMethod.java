package io.daybreak.methods.stats.survival;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.arrow.memory.BufferAllocator;
import org.osgi.service.component.annotations.Component;

import io.daybreak.federation.FederatedMethod;
import io.daybreak.federation.Sites;
import io.daybreak.methods.stats.data.FederatedParameters;
import io.daybreak.methods.stats.meta.MetaCombination;

/** {@code stats.cox} across site nodes ({@link CoxFederated}). */
@Component(service = FederatedMethod.class)
public final class CoxFederatedMethod implements FederatedMethod {
    private static final List<String> PARAMETERS = List.of("time", "status", "eventValue", "covariates", "ties", "combine",
            "stratifyBySite");

    @Override
    public String id() {
        return CoxSiteStep.METHOD;
    }

    @Override
    public String title() {
        return "Cox proportional hazards, exact: pooled risk sets (sites must allow event times) or stratified by site";
    }

    @Override
    public List<String> parameters() {
        return List.of("time: follow-up column (default time)", "status: status column (default status)",
                "eventValue: status value of an event (default 1)", "covariates: comma-separated columns",
                "ties: efron (default) or breslow", "stratifyBySite: true for a baseline hazard per site",
                "combine: exact (default, equal to the pooled fit), or fixed / random: a meta-analysis of per-site "
                        + "fits (inverse variance / DerSimonian-Laird; labelled, not exact)");
    }

    @Override
    public Outcome run(Sites sites, Map<String, String> raw, BufferAllocator allocator) {
        FederatedParameters parameters = new FederatedParameters(raw, PARAMETERS);
        String ties = parameters.string("ties", "efron");
        if (!ties.equals("efron") && !ties.equals("breslow")) {
            throw new IllegalArgumentException("parameter 'ties' must be efron or breslow");
        }
        List<String> covariates = parameters.names("covariates");
        String time = parameters.string("time", "time");
        String status = parameters.string("status", "status");
        double eventValue = parameters.real("eventValue", 1);
        String combine = parameters.string("combine", "exact");
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
        summary.put("coefficients", FederatedParameters.list(result.fit().coefficients()));
        summary.put("standardErrors", FederatedParameters.list(result.fit().standardErrors()));
        summary.put("logLikelihood", FederatedParameters.list(new double[] {result.fit().logLikelihoodNull(),
            result.fit().logLikelihood()}));
        summary.put("events", result.events());
        summary.put("ties", ties);
        summary.put("baselineHazard", parameters.bool("stratifyBySite") ? "one per site" : "common (pooled risk sets)");
        return new Outcome(summary, result.rounds(), true);
    }
}
