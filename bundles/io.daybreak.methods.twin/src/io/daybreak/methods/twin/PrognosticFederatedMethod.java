package io.daybreak.methods.twin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.arrow.memory.BufferAllocator;
import org.osgi.service.component.annotations.Component;

import io.daybreak.federation.FederatedMethod;
import io.daybreak.federation.Sites;
import io.daybreak.methods.stats.data.FederatedParameters;
import io.daybreak.methods.stats.glm.GlmFamily;
import io.daybreak.methods.stats.glm.GlmFederated;
import io.daybreak.methods.stats.survival.CoxFederated;

/**
 * {@code twin.prognostic-train} across site nodes: the unpenalised GLM or Cox score fitted by the existing exact
 * federated algorithms ({@link GlmFederated}: sites release X'WX, X'Wz and the deviance per round;
 * {@link CoxFederated}: pooled risk sets from released sums), so the coefficients equal the pooled fit. The nodes
 * must allow {@code stats.glm} or {@code stats.cox}; no new site step is needed. Ridge is not federated here.
 */
@Component(service = FederatedMethod.class)
public final class PrognosticFederatedMethod implements FederatedMethod {
    private static final List<String> PARAMETERS = List.of("outcome", "covariates", "model", "status", "eventValue",
            "ties");

    @Override
    public String id() {
        return "twin.prognostic-train";
    }

    @Override
    public String title() {
        return "Prognostic score (GLM or Cox), exact federated: equal to the pooled fit; sites run stats.glm / stats.cox";
    }

    @Override
    public List<String> parameters() {
        return List.of("outcome: outcome column (cox: follow-up time)", "covariates: comma-separated columns",
                "model: gaussian (default), binomial or cox", "status: cox status column (default status)",
                "eventValue: cox status value of an event (default 1)", "ties: cox, efron (default) or breslow");
    }

    @Override
    public Outcome run(Sites sites, Map<String, String> raw, BufferAllocator allocator) {
        FederatedParameters parameters = new FederatedParameters(raw, PARAMETERS);
        String model = parameters.string("model", "gaussian");
        List<String> covariates = parameters.names("covariates");
        String outcome = parameters.string("outcome", null);
        if (outcome == null) {
            throw new IllegalArgumentException("parameter 'outcome' is required");
        }
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
            String ties = parameters.string("ties", "efron");
            if (!ties.equals("efron") && !ties.equals("breslow")) {
                throw new IllegalArgumentException("parameter 'ties' must be efron or breslow");
            }
            CoxFederated.Result result = CoxFederated.fit(sites, outcome, parameters.string("status", "status"),
                    parameters.real("eventValue", 1), covariates, ties.equals("efron"), false);
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
        summary.put("coefficients", FederatedParameters.list(coefficients));
        summary.put("standardErrors", FederatedParameters.list(se));
        return new Outcome(summary, rounds, true);
    }
}
