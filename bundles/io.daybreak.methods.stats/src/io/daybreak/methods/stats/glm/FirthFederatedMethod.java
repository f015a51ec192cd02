package io.daybreak.methods.stats.glm;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.arrow.memory.BufferAllocator;
import org.hipparchus.exception.MathIllegalArgumentException;
import org.osgi.service.component.annotations.Component;

import io.daybreak.core.method.Adjust;
import io.daybreak.core.method.MethodDescriptor;
import io.daybreak.core.method.Parameters;
import io.daybreak.core.method.Settings;
import io.daybreak.federation.FederatedMethod;
import io.daybreak.federation.Sites;
import io.daybreak.stats.models.columns.SummaryValues;
import io.daybreak.stats.models.glm.FirthFit;

/** {@code stats.firth} across site nodes ({@link FirthFederated}). */
@Component(service = FederatedMethod.class)
public final class FirthFederatedMethod implements FederatedMethod {
    /** What stats.firth takes across site nodes: the model's columns, whose response must hold 0 and 1. */
    record FirthFederatedSettings(@Adjust(name = "response", doc = "0/1 response column") GlmColumns model) {
    }

    private static final MethodDescriptor DESCRIPTOR = MethodDescriptor.builder(FirthSiteStep.METHOD,
            "Firth-penalised logistic regression across sites (exact)")
            .category("statistics")
            .reference("Firth, Biometrika 80:27 (1993); Heinze & Schemper, Stat Med 21:2409 (2002); R logistf")
            .description("Logistic regression with Jeffreys-prior penalty, finite under separation; fitted from the "
                    + "sites' summed penalised score and information: equal to the pooled fit.")
            .settings(FirthFederatedSettings.class)
            .build();

    @Override
    public MethodDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Outcome run(Sites sites, Parameters parameters, BufferAllocator allocator) {
        GlmColumns columns = Settings.bind(FirthFederatedSettings.class, parameters).model();
        FederatedModel model = FederatedModel.of(sites, FirthSiteStep.METHOD, columns);
        if (model.offset()) {
            throw new io.daybreak.core.method.InvalidParameterException("parameter 'formula': stats.firth takes no "
                    + "offset()");
        }
        List<String> covariates = model.terms();
        FirthFederated.Result result;
        try {
            result = FirthFederated.fit(sites, model.arguments(), covariates.size());
        } catch (MathIllegalArgumentException e) {
            throw new IllegalArgumentException("the model cannot be fitted: the pooled information matrix is singular "
                    + "(collinear covariates or a constant column?)", e);
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("formula", model.formula().toString());
        summary.put("coefficientTable", new java.util.ArrayList<Object>(io.daybreak.stats.models.columns.Coefficients.rows(
                covariates, result.fit().coefficients(), result.fit().standardErrors(), null,
                io.daybreak.stats.models.columns.Coefficients.Layout.glm("OR", 0))));
        summary.put("terms", new java.util.ArrayList<Object>(covariates));
        summary.put("coefficients", SummaryValues.list(result.fit().coefficients()));
        summary.put("standardErrors", SummaryValues.list(result.fit().standardErrors()));
        summary.put("penalizedLogLikelihood", result.fit().penalizedLogLikelihood());
        summary.put("iterations", (long) result.fit().iterations());
        return new Outcome(summary, result.rounds(), result.fit().iterations() < FirthFit.MAX_ITERATIONS);
    }
}
