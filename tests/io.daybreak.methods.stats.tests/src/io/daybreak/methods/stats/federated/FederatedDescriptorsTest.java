package io.daybreak.methods.stats.federated;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.daybreak.core.method.InvalidParameterException;
import io.daybreak.core.method.Method;
import io.daybreak.core.method.MethodDescriptor;
import io.daybreak.core.method.Parameters;
import io.daybreak.federation.FederatedMethod;
import io.daybreak.federation.FederatedRun;
import io.daybreak.federation.audit.AuditLog;
import io.daybreak.federation.audit.AuditVerifier;
import io.daybreak.federation.policy.DisclosurePolicy;
import io.daybreak.methods.stats.descriptive.DescribeMethod;
import io.daybreak.methods.stats.glm.FirthMethod;
import io.daybreak.methods.stats.glm.GlmFederatedMethod;
import io.daybreak.methods.stats.glm.GlmMethod;
import io.daybreak.methods.stats.rmst.RmstMethod;
import io.daybreak.methods.stats.survival.CoxMethod;
import io.daybreak.methods.stats.survival.KaplanMeierMethod;
import io.daybreak.methods.stats.survival.LogRankMethod;
import io.daybreak.methods.stats.table.TableMethod;

/**
 * Federated methods describe their parameters with typed specs, as local methods do: the names a researcher knows
 * from the local method mean the same federated, and a bad value is refused by the coordinator before any site is
 * asked.
 */
class FederatedDescriptorsTest extends FederatedTestSupport {
    /** Federated only: a local run returns the curves as output tables, a federated summary includes them on request. */
    private static final Map<String, java.util.Set<String>> FEDERATED_ONLY = Map.of("stats.km", java.util.Set.of("curves"));
    private static final List<Method> LOCAL = List.of(new GlmMethod(), new FirthMethod(), new CoxMethod(),
            new KaplanMeierMethod(), new LogRankMethod(), new DescribeMethod(), new TableMethod(), new RmstMethod());

    /** The model of the regression methods, which is given either as a formula or as columns. */
    private static final Map<String, Map<String, String>> MODEL = Map.of(
            "stats.glm", Map.of("response", "x", "covariates", "x"),
            "stats.firth", Map.of("response", "x", "covariates", "x"),
            "stats.cox", Map.of("covariates", "x"));

    @Test
    void everyFederatedParameterMeansWhatTheLocalMethodOfTheSameIdMeans() {
        for (FederatedMethod federated : METHODS) {
            MethodDescriptor remote = federated.descriptor();
            MethodDescriptor local = LOCAL.stream().map(Method::descriptor).filter(d -> d.id().equals(remote.id()))
                    .findFirst().orElseThrow(() -> new AssertionError("no local method " + remote.id()));
            for (var spec : remote.parameters()) {
                if (FEDERATED_ONLY.getOrDefault(remote.id(), java.util.Set.of()).contains(spec.name())) {
                    continue;
                }
                var same = local.parameter(spec.name());
                assertTrue(same != null, remote.id() + ": parameter " + spec.name() + " is not a parameter of the "
                        + "local method " + local.parameterNames());
                assertEquals(same.type(), spec.type(), remote.id() + "." + spec.name() + " type");
                assertEquals(same.defaultValue() == null ? null : String.valueOf(same.defaultValue()),
                        spec.defaultValue() == null ? null : String.valueOf(spec.defaultValue()),
                        remote.id() + "." + spec.name() + " default");
                assertEquals(same.choices(), spec.choices(), remote.id() + "." + spec.name() + " choices");
            }
            // the defaults bind: a method needs only its required parameters
            Map<String, String> required = new java.util.LinkedHashMap<>();
            remote.parameters().stream().filter(s -> s.required()).forEach(s -> required.put(s.name(), "x"));
            required.putAll(MODEL.getOrDefault(remote.id(), Map.of())); // a model is required, as a formula or columns
            Parameters bound = Parameters.bind(remote, required);
            remote.parameters().stream().filter(s -> s.defaultValue() != null)
                    .forEach(s -> assertTrue(bound.has(s.name()), remote.id() + " default of " + s.name()));
        }
    }

    @Test
    void aBadValueIsRefusedByTheCoordinatorNamingTheParameterBeforeAnySiteIsAsked() throws Exception {
        var sites = sites(Integer.MAX_VALUE, DisclosurePolicy.DATASHIELD_DEFAULTS);
        List<Long> before = new java.util.ArrayList<>();
        for (AuditLog log : logs) {
            before.add(AuditVerifier.verify(log.file()).entries());
        }
        InvalidParameterException family = assertThrows(InvalidParameterException.class, () -> FederatedRun.run(
                new GlmFederatedMethod(), sites, Map.of("response", "wt.loss", "covariates", "age", "family", "gamma"),
                allocator, false));
        assertTrue(family.getMessage().contains("'family'") && family.getMessage().contains("gaussian, binomial, "
                + "poisson"), family.getMessage());
        InvalidParameterException unknown = assertThrows(InvalidParameterException.class, () -> FederatedRun.run(
                new GlmFederatedMethod(), sites, Map.of("response", "wt.loss", "covariate", "age"), allocator, false));
        assertTrue(unknown.getMessage().contains("unknown parameter 'covariate'"), unknown.getMessage());
        InvalidParameterException missing = assertThrows(InvalidParameterException.class, () -> FederatedRun.run(
                new GlmFederatedMethod(), sites, Map.of("response", "wt.loss"), allocator, false));
        assertTrue(missing.getMessage().contains("give the model as formula=") && missing.getMessage().contains(
                "or as response= and covariates="), missing.getMessage());
        for (int s = 0; s < logs.size(); s++) {
            assertEquals(before.get(s), AuditVerifier.verify(logs.get(s).file()).entries(), "no site was asked: "
                    + logs.get(s).file());
        }
    }
}
