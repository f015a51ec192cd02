package io.daybreak.methods.twin;

import java.util.ArrayList;
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
import io.daybreak.stats.models.glm.GlmFamily;
import io.daybreak.stats.federated.GlmFederated;
import io.daybreak.stats.federated.CoxFederated;

/**
 * {@code twin.prognostic-train} across site nodes: the unpenalised GLM or Cox score fitted by the existing exact
 * federated algorithms ({@link GlmFederated}: sites release X'WX, X'Wz and the deviance per round;
 * {@link CoxFederated}: pooled risk sets from released sums), so the coefficients equal the pooled fit. The nodes
 * must allow {@code stats.glm} or {@code stats.cox}; no new site step is needed. Ridge is not federated here.
 */
@Component(service = FederatedMethod.class)
public final class PrognosticFederatedMethod implements FederatedMethod {
    private static final MethodDescriptor DESCRIPTOR = MethodDescriptor.builder("twin.prognostic-train",
            "Prognostic score (GLM or Cox) across sites (exact)")
            .category("twin")
            .reference("Schuler et al., Int J Biostat 18:329 (2022) (PROCOVA); R stats::glm, survival::coxph")
            .description("Trains a prognostic model from the sites' GLM or Cox sums (the sites run stats.glm / "
                    + "stats.cox); equal to the pooled fit.")
            .parameter(ParameterSpec.string("outcome").doc("outcome column (cox: follow-up time)"))
            .parameter(ParameterSpec.string("covariates").doc("comma-separated numeric columns"))
            .parameter(ParameterSpec.choice("model", "gaussian", "binomial", "cox").defaultValue("gaussian")
                    .doc("the prognostic model"))
            .parameter(ParameterSpec.string("status").defaultValue("status").doc("cox: column of the event status"))
            .parameter(ParameterSpec.real("eventValue").defaultValue(1.0).doc("cox: the status value of an event"))
            .parameter(ParameterSpec.choice("ties", "efron", "breslow").defaultValue("efron")
                    .doc("cox: handling of tied times"))
            .build();

    @Override
    public MethodDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Outcome run(Sites sites, Parameters parameters, BufferAllocator allocator) {
        String model = parameters.string("model");
        List<String> covariates = NumericColumns.names("covariates", parameters.string("covariates"));
        String outcome = parameters.string("outcome");
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("model", model);
        List<Object> terms = new ArrayList<>();
        int rounds;
        double[] coefficients;
        double[] se;
        switch (model) {
        case "gaussian", "binomial" -> {
            GlmFederated.Result result = GlmFederated.fit(sites, outcome, covariates,
                    model.equals("gaussian") ? GlmFamily.GAUSSIAN : GlmFamily.BINOMIAL);
            terms.add(PrognosticInput.INTERCEPT);
            coefficients = result.fit().coefficients();
            se = result.fit().standardErrors();
            rounds = result.rounds();
        }
        case "cox" -> {
            CoxFederated.Result result = CoxFederated.fit(sites, outcome, parameters.string("status"),
                    parameters.real("eventValue"), covariates, parameters.string("ties").equals("efron"), false);
            coefficients = result.fit().coefficients();
            se = result.fit().standardErrors();
            rounds = result.rounds();
            summary.put("events", result.events());
        }
        default -> throw new IllegalArgumentException("parameter 'model' = " + model
                + "; allowed: gaussian, binomial, cox");
        }
        terms.addAll(covariates);
        summary.put("terms", terms);
        summary.put("coefficients", SummaryValues.list(coefficients));
        summary.put("standardErrors", SummaryValues.list(se));
        return new Outcome(summary, rounds, true);
    }
}
