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
import io.daybreak.stats.models.survival.SurvivalData;
import io.daybreak.core.method.InvalidParameterException;
import io.daybreak.stats.federated.FormulaReleases;
import io.daybreak.stats.federated.StatusReleases;
import io.daybreak.stats.models.columns.Coefficients;
import io.daybreak.stats.models.formula.Formula;
import io.daybreak.stats.models.formula.ModelFrame;
import io.daybreak.stats.models.formula.Response;
import io.daybreak.stats.models.survival.CoxFit;

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

    /** ADaM's AVAL and CNSR (1 = censored) by default, as the local method reads them (SurvivalData). */
    @Override
    public Map<String, String> withDatasetDefaults(Map<String, String> parameters, List<String> columns) {
        return SurvivalData.adamParameters(parameters, columns);
    }

    @Override
    public MethodDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Outcome run(Sites sites, Parameters parameters, BufferAllocator allocator) {
        CoxFederatedSettings settings = Settings.bind(CoxFederatedSettings.class, parameters);
        String ties = settings.model().ties();
        boolean stratifyBySite = settings.bySite().stratifyBySite();
        Formula formula = settings.model().model(settings.survival());
        if (!formula.strata().isEmpty() || !formula.offsets().isEmpty() || formula.cluster() != null) {
            throw new InvalidParameterException("parameter 'formula': across sites a Cox formula takes no strata(), "
                    + "cluster() or offset(); stratifyBySite=true gives each site its own baseline hazard");
        }
        Response outcome = formula.response();
        Map<String, Object> model = new LinkedHashMap<>();
        List<String> terms;
        if (outcome.eventValue() == null || settings.model().formula() == null) {
            model.put("eventValue", StatusReleases.eventValue(sites, CoxSiteStep.METHOD, outcome.time(), outcome.status(),
                    settings.survival().eventValue()));
        }
        if (settings.model().formula() == null) {
            terms = formula.termLabels();
            model.put("time", outcome.time());
            model.put("status", outcome.status());
            model.put("covariates", terms);
        } else {
            Map<String, List<String>> levels = FormulaReleases.agree(sites, CoxSiteStep.METHOD, formula,
                    settings.model().references());
            model.putAll(FormulaReleases.arguments(formula, levels));
            terms = ModelFrame.columnNames(formula, levels);
            if (formula.intercept()) {
                terms = terms.subList(1, terms.size());
            }
        }
        int p = terms.size();
        if (!settings.combine().exact()) {
            MetaCombination.Federated meta = MetaCombination.acrossSites(sites, site -> {
                CoxFederated.Result fit = CoxFederated.fit(site, model, p, settings.model().efron(), false);
                return new MetaCombination.SiteFit(fit.fit().coefficients(), fit.fit().standardErrors(), fit.rounds(),
                        true);
            }, settings.combine().random());
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("terms", new java.util.ArrayList<Object>(terms));
            summary.putAll(meta.summary());
            summary.put("ties", ties);
            return new Outcome(summary, meta.rounds(), meta.converged());
        }
        CoxFederated.Result result = CoxFederated.fit(sites, model, p, settings.model().efron(), stratifyBySite);
        CoxFit fit = result.fit();
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("formula", formula.toString());
        summary.put("coefficientTable", new java.util.ArrayList<Object>(Coefficients.rows(terms, fit.coefficients(),
                fit.standardErrors(), null, Coefficients.Layout.cox())));
        summary.put("terms", new java.util.ArrayList<Object>(terms));
        summary.put("coefficients", SummaryValues.list(fit.coefficients()));
        summary.put("standardErrors", SummaryValues.list(fit.standardErrors()));
        summary.put("events", result.events());
        summary.put("logLikelihood", SummaryValues.list(new double[] {fit.logLikelihoodNull(), fit.logLikelihood()}));
        summary.put("tests", new java.util.ArrayList<Object>(CoxTests.of(fit, null)));
        summary.put("ties", ties);
        summary.put("baselineHazard", stratifyBySite ? "one per site" : "common (pooled risk sets)");
        return new Outcome(summary, result.rounds(), true);
    }
}
