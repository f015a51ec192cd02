package io.daybreak.methods.twin;

import java.util.ArrayList;
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
import io.daybreak.stats.models.columns.SummaryValues;
import io.daybreak.stats.models.glm.GlmFamily;
import io.daybreak.stats.federated.CoxFederated;
import io.daybreak.stats.federated.CoxReleases;
import io.daybreak.stats.federated.FormulaReleases;
import io.daybreak.stats.federated.GlmFederated;
import io.daybreak.stats.federated.GlmReleases;
import io.daybreak.stats.federated.StatusReleases;
import io.daybreak.stats.models.formula.Formula;
import io.daybreak.stats.models.formula.ModelFrame;
import io.daybreak.stats.models.formula.Response;
import io.daybreak.stats.models.formula.Variable;

/**
 * {@code twin.prognostic-train} across site nodes: the unpenalised GLM or Cox score fitted by the existing exact
 * federated algorithms ({@link GlmFederated}: sites release X'WX, X'Wz and the deviance per round;
 * {@link CoxFederated}: pooled risk sets from released sums), so the coefficients equal the pooled fit. The nodes
 * must allow {@code stats.glm} or {@code stats.cox}; no new site step is needed. Ridge is not federated here.
 */
@Component(service = FederatedMethod.class)
public final class PrognosticFederatedMethod implements FederatedMethod {
    /** What twin.prognostic-train takes across sites: the local method's model, without ridge or a score column. */
    record PrognosticFederatedSettings(
            @Adjust(name = "model", doc = "the prognostic model")
            @Adjust(name = "status", doc = "cox: column of the event status")
            @Adjust(name = "eventValue", doc = "cox: the status value of an event")
            @Adjust(name = "ties", doc = "cox: handling of tied times")
            PrognosticModel prognostic) {
    }

    private static final MethodDescriptor DESCRIPTOR = MethodDescriptor.builder("twin.prognostic-train",
            "Prognostic score (GLM or Cox) across sites (exact)")
            .category("twin")
            .reference("Schuler et al., Int J Biostat 18:329 (2022) (PROCOVA); R stats::glm, survival::coxph")
            .description("Trains a prognostic model from the sites' GLM or Cox sums (the sites run stats.glm / "
                    + "stats.cox); equal to the pooled fit. Covariates given as a formula (~ age + factor(ecog)) make the "
                    + "sites agree each factor's levels first, under the factor and cell-count rules, as stats.glm does.")
            .settings(PrognosticFederatedSettings.class)
            .build();

    @Override
    public MethodDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Outcome run(Sites sites, Parameters parameters, BufferAllocator allocator) {
        PrognosticModel prognostic = Settings.bind(PrognosticFederatedSettings.class, parameters).prognostic();
        String model = prognostic.model();
        boolean cox = model.equals("cox");
        String method = cox ? CoxReleases.METHOD : GlmReleases.METHOD;
        Formula right = prognostic.covariateFormula();
        Formula formula = right.withResponse(cox ? new Response(null, prognostic.outcome(), prognostic.status(), null)
                : new Response(Variable.of(prognostic.outcome()), null, null, null));
        Map<String, Object> arguments = new LinkedHashMap<>();
        List<String> terms;
        if (prognostic.covariates().strip().startsWith("~")) {
            // the sites agree each factor's levels first; every later step carries the formula and the levels
            Map<String, List<String>> levels = FormulaReleases.agree(sites, method, formula, prognostic.references());
            arguments.putAll(FormulaReleases.arguments(formula, levels));
            terms = ModelFrame.columnNames(formula, levels);
        } else if (cox) {
            arguments.put("time", prognostic.outcome());
            arguments.put("status", prognostic.status());
            arguments.put("covariates", right.termLabels());
            terms = ModelFrame.columnNames(right, Map.of());
        } else {
            arguments.put("response", prognostic.outcome());
            arguments.put("covariates", right.termLabels());
            terms = ModelFrame.columnNames(right, Map.of());
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("model", model);
        summary.put("covariates", right.toString());
        int rounds;
        double[] coefficients;
        double[] se;
        if (cox) {
            terms = terms.subList(1, terms.size());
            arguments.put("eventValue", StatusReleases.eventValue(sites, method, prognostic.outcome(),
                    prognostic.status(), prognostic.eventValue()));
            CoxFederated.Result result = CoxFederated.fit(sites, arguments, terms.size(), prognostic.efron(), false);
            coefficients = result.fit().coefficients();
            se = result.fit().standardErrors();
            rounds = result.rounds();
            summary.put("events", result.events());
        } else {
            GlmFederated.Result result = GlmFederated.fit(sites, arguments, terms.size(), true, false,
                    model.equals("gaussian") ? GlmFamily.GAUSSIAN : GlmFamily.BINOMIAL);
            coefficients = result.fit().coefficients();
            se = result.fit().standardErrors();
            rounds = result.rounds();
        }
        summary.put("terms", new ArrayList<Object>(terms));
        summary.put("coefficients", SummaryValues.list(coefficients));
        summary.put("standardErrors", SummaryValues.list(se));
        return new Outcome(summary, rounds, true);
    }
}
