package io.daybreak.methods.stats.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.daybreak.core.method.MethodResult;
import io.daybreak.core.testing.TestMethodContext;
import io.daybreak.data.Table;
import io.daybreak.methods.stats.StatsTestSupport;
import io.daybreak.methods.stats.glm.GlmMethod;
import io.daybreak.methods.stats.survival.CoxMethod;

/** The synthetic trial is reproducible from its seed, and the models fitted to it recover its parameters. */
class SimulateTrialTest extends StatsTestSupport {

    @Test
    void coxAndLogisticFitsRecoverTheSimulatedEffectsWithinThreeStandardErrors() throws Exception {
        MethodResult result = apply(new SimulateTrialMethod(), Map.of("n", "6000"), Map.of(),
                new TestMethodContext(allocator, 2026));
        try (Table patients = result.outputs().get("patients")) {
            MethodResult cox = apply(new CoxMethod(), Map.of("covariates", "age,sex,arm"), Map.of("data", patients),
                    new TestMethodContext(allocator, 1));
            double[] beta = doubles(cox.summary().get("coefficients"));
            double[] se = doubles(cox.summary().get("standardErrors"));
            double[] truth = {0.02, -0.4, -0.5}; // per year of age; sex coded 1/2, so one unit = sex 2 vs 1
            for (int a = 0; a < 3; a++) {
                assertTrue(Math.abs(beta[a] - truth[a]) < 3 * se[a], "Cox term " + a + ": " + beta[a] + " +- " + se[a]);
            }
            MethodResult glm = apply(new GlmMethod(), Map.of("response", "response", "covariates", "arm,age", "family",
                    "binomial"), Map.of("data", patients), new TestMethodContext(allocator, 1));
            double[] g = doubles(glm.summary().get("coefficients"));
            double[] gse = doubles(glm.summary().get("standardErrors"));
            double[] logitTruth = {-0.5 - 0.02 * 60, 0.8, 0.02};
            for (int a = 0; a < 3; a++) {
                assertTrue(Math.abs(g[a] - logitTruth[a]) < 3 * gse[a], "logistic term " + a + ": " + g[a]);
            }
            cox.outputs().values().forEach(Table::close);
            glm.outputs().values().forEach(Table::close);
        }
        Map<String, Object> again = summary(new SimulateTrialMethod(), Map.of("n", "6000"), 2026);
        assertEquals(result.summary().get("deaths"), again.get("deaths"));
    }
}
