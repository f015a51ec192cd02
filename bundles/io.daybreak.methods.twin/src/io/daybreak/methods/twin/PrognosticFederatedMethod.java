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
                    + "stats.cox); equal to the pooled fit.")
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
        List<String> covariates = prognostic.covariateNames();
        String outcome = prognostic.outcome();
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
            double eventValue = io.daybreak.stats.federated.StatusReleases.eventValue(sites,
                    io.daybreak.stats.federated.CoxReleases.METHOD, outcome, prognostic.status(), prognostic.eventValue());
            CoxFederated.Result result = CoxFederated.fit(sites, outcome, prognostic.status(), eventValue, covariates,
                    prognostic.efron(), false);
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
