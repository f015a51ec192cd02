package io.daybreak.methods.stats.glm;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.arrow.memory.BufferAllocator;
import org.hipparchus.exception.MathIllegalArgumentException;
import org.osgi.service.component.annotations.Component;

import io.daybreak.federation.FederatedMethod;
import io.daybreak.federation.Sites;
import io.daybreak.methods.stats.data.FederatedParameters;

/** {@code stats.firth} across site nodes ({@link FirthFederated}). */
@Component(service = FederatedMethod.class)
public final class FirthFederatedMethod implements FederatedMethod {
    private static final List<String> PARAMETERS = List.of("response", "covariates");

    @Override
    public String id() {
        return FirthSiteStep.METHOD;
    }

    @Override
    public String title() {
        return "Firth-penalised logistic regression (finite under separation), exact: equal to the pooled fit";
    }

    @Override
    public List<String> parameters() {
        return List.of("response: 0/1 response column", "covariates: comma-separated columns (an intercept is added)");
    }

    @Override
    public Outcome run(Sites sites, Map<String, String> raw, BufferAllocator allocator) {
        FederatedParameters parameters = new FederatedParameters(raw, PARAMETERS);
        List<String> covariates = parameters.names("covariates");
        FirthFederated.Result result;
        try {
            result = FirthFederated.fit(sites, parameters.string("response", null), covariates);
        } catch (MathIllegalArgumentException e) {
            throw new IllegalArgumentException("the model cannot be fitted: the pooled information matrix is singular "
                    + "(collinear covariates or a constant column?)", e);
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("terms", new java.util.ArrayList<Object>(DesignMatrix.terms(covariates)));
        summary.put("coefficients", FederatedParameters.list(result.fit().coefficients()));
        summary.put("standardErrors", FederatedParameters.list(result.fit().standardErrors()));
        summary.put("penalizedLogLikelihood", result.fit().penalizedLogLikelihood());
        summary.put("iterations", (long) result.fit().iterations());
        return new Outcome(summary, result.rounds(), result.fit().iterations() < FirthFit.MAX_ITERATIONS);
    }
}
