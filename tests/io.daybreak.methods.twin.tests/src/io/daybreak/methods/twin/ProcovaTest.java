package io.daybreak.methods.twin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.daybreak.core.method.InvalidParameterException;
import io.daybreak.core.method.MethodResult;
import io.daybreak.core.testing.TestMethodContext;
import io.daybreak.data.Table;
import io.daybreak.stats.twin.GuentherSchouten;

/**
 * {@code twin.procova} against twin.R sections B and C (R 4.2.2; glm.control(epsilon = 1e-14),
 * coxph.control(eps = 1e-14, toler.chol = 1e-15), ties = "efron").
 */
class ProcovaTest extends TwinTestSupport {

    /**
     * n = (1+r)^2/r * (qnorm(1-alpha/2) + qnorm(power))^2 * sigma2 (1-R2) / delta^2 + qnorm(1-alpha/2)^2 / 2;
     * power.t.test(delta, sd = sqrt(sigma2 (1-R2)), sig.level = alpha, power, tol = 1e-12)$n * 2 for r = 1.
     */
    @Test
    void guentherSchoutenEqualsRAndApproximatesTheExactTTest() {
        // {sigma2, R2, delta, r, alpha, power, n_total, ceiling, power.t.test total (NaN: r != 1)}
        double[][] cases = {{1, 0, 0.5, 1, 0.05, 0.8, 127.502805159932, 128, 127.531527449694},
            {16, 0.36, 2.5, 1, 0.05, 0.9, 70.7821771858043, 71, 70.8384464044802},
            {16, 0.25, 2.5, 2, 0.05, 0.8, 69.7350503151232, 70, Double.NaN}};
        for (double[] c : cases) {
            double n = GuentherSchouten.total(c[0], c[1], c[2], c[3], c[4], c[5]);
            assertRelative(c[6], n, 1e-13, "B n_total");
            assertEquals(c[7], Math.ceil(n));
            if (!Double.isNaN(c[8])) {
                // the approximation to the exact t-test sample size is within 0.1 patients here
                assertTrue(Math.abs(n - c[8]) < 0.1, n + " vs power.t.test " + c[8]);
            }
        }
    }

    /** Section C, linear: lm(y ~ x1 + x2 + x3, hist); predict on trial; lm(y ~ arm) vs lm(y ~ arm + score). */
    @Test
    void linearProcovaPlanningAndAnalysis() throws Exception {
        try (Table historical = csv("procova_historical.csv"); Table trial = csv("procova_trial.csv")) {
            Map<String, double[]> effects = new HashMap<>();
            Map<String, Object> s = run(new ProcovaMethod(), Map.of("historical", historical, "trial", trial),
                    Map.of("covariates", "x1,x2,x3", "delta", "2.5", "power", "0.9", "deflation", "0.1",
                            "inflation", "0.05"), outputs -> read(outputs.get("effects"), effects));
            assertRelative(0.71225895642032, (Double) s.get("rhoHat"), 1e-12, "C.lm.hist.rho_hat");
            assertRelative(33.1971755584793, (Double) s.get("sigma2Hat"), 1e-12, "C.lm.hist.sigma2_hat");
            double rhoPlan = 0.71225895642032 * 0.9;
            double sigma2Plan = 33.1971755584793 * 1.05;
            assertRelative(rhoPlan, (Double) s.get("rhoPlan"), 1e-12, "rho_plan");
            double n = GuentherSchouten.total(sigma2Plan, rhoPlan * rhoPlan, 2.5, 1, 0.05, 0.9);
            assertEquals((long) Math.ceil(n), s.get("nTotal"));
            assertTrue((Long) s.get("nTotalUnadjusted") > (Long) s.get("nTotal"));
            // C.lm.trial.adj.coef / .se and C.lm.trial.unadj.coef / .se
            assertRelative(-2.86786546655076, (Double) s.get("armEffect"), 1e-10, "adjusted arm");
            assertRelative(0.485219330653915, (Double) s.get("armStdError"), 1e-10, "adjusted arm se");
            assertRelative(-1.85583151666667, (Double) s.get("armEffectUnadjusted"), 1e-10, "unadjusted arm");
            assertRelative(0.702616524908126, (Double) s.get("armStdErrorUnadjusted"), 1e-10, "unadjusted arm se");
            assertRelative(0.523086661400716, (Double) s.get("varianceReduction"), 1e-9, "variance reduction");
            assertRelative(-0.362986435108567, effects.get("adjusted (Intercept)")[0], 1e-9, "adjusted intercept");
            assertRelative(1.01835019122074, effects.get("adjusted score")[0], 1e-10, "score coefficient");
            assertRelative(0.0619509263341059, effects.get("adjusted score")[1], 1e-10, "score se");
            // confint(a)["arm", ] uses t with 237 df
            double t = org.apache.commons.statistics.distribution.TDistribution.of(237).inverseCumulativeProbability(0.975);
            assertRelative(-2.86786546655076 - t * 0.485219330653915, effects.get("adjusted arm")[2], 1e-9, "lower");
        }
    }

    /** Section C, logistic: glm(resp ~ x1+x2+x3, binomial) on hist; score = link; glm(resp ~ arm + bscore). */
    @Test
    void logisticProcova() throws Exception {
        try (Table historical = csv("procova_historical.csv"); Table trial = csv("procova_trial.csv")) {
            Map<String, Object> s = run(new ProcovaMethod(), Map.of("historical", historical, "trial", trial),
                    Map.of("covariates", "x1,x2,x3", "outcome", "resp", "outcomeType", "binary"), null);
            assertRelative(0.577244450842526, (Double) s.get("armEffect"), 1e-9, "C.glm.trial.adj arm");
            // R's summary.glm takes the working weights of its last IRLS iteration, not of the final estimate: 5e-9
            assertRelative(0.28486080575252, (Double) s.get("armStdError"), 2e-8, "C.glm.trial.adj arm se");
            assertRelative(0.585022323127972, (Double) s.get("armEffectUnadjusted"), 1e-9, "C.glm.trial.unadj arm");
            assertRelative(0.272830957213799, (Double) s.get("armStdErrorUnadjusted"), 2e-8, "unadj arm se");
            // C.glm.trial.variance_ratio_arm = 1.09012952785999: adjustment costs precision here
            assertRelative(1.09012952785999, 1 - (Double) s.get("varianceReduction"), 2e-8, "variance ratio");
        }
    }

    /** Section C, Cox: coxph(~ x1+x2+x3, efron) on hist; uncentred score; coxph(~ arm + cscore). */
    @Test
    void coxProcova() throws Exception {
        try (Table historical = csv("procova_historical.csv"); Table trial = csv("procova_trial.csv")) {
            Map<String, double[]> effects = new HashMap<>();
            Map<String, Object> s = run(new ProcovaMethod(), Map.of("historical", historical, "trial", trial),
                    Map.of("covariates", "x1,x2,x3", "outcome", "time", "outcomeType", "survival"),
                    outputs -> read(outputs.get("effects"), effects));
            assertRelative(-0.0606739331326817, (Double) s.get("armEffect"), 1e-8, "C.cox.trial.adj arm");
            assertRelative(0.198210540582554, (Double) s.get("armStdError"), 1e-9, "C.cox.trial.adj arm se");
            assertRelative(1.17544453892325, effects.get("adjusted score")[0], 1e-9, "cscore");
            assertRelative(0.274269093347772, effects.get("adjusted score")[1], 1e-9, "cscore se");
            assertRelative(0.0987498620554216, (Double) s.get("armEffectUnadjusted"), 1e-9, "C.cox.trial.unadj arm");
            assertRelative(0.19470316896832, (Double) s.get("armStdErrorUnadjusted"), 1e-9, "unadj se");
            assertRelative(1.0363523863283, 1 - (Double) s.get("varianceReduction"), 1e-8, "variance ratio");
        }
    }

    /** A coefficients table from twin.prognostic-train gives the same analysis as training here. */
    @Test
    void coefficientsFromPrognosticTrainGiveTheSameAnalysis() throws Exception {
        try (Table historical = csv("procova_historical.csv"); Table trial = csv("procova_trial.csv")) {
            MethodResult trained = apply(new PrognosticTrainMethod(), Map.of("outcome", "y", "covariates", "x1,x2,x3"),
                    Map.of("data", historical), new TestMethodContext(allocator, 1));
            try (Table coefficients = trained.outputs().get("coefficients")) {
                trained.outputs().get("scored").close();
                Map<String, Object> s = run(new ProcovaMethod(), Map.of("trial", trial, "coefficients", coefficients),
                        Map.of(), null);
                assertRelative(-2.86786546655076, (Double) s.get("armEffect"), 1e-10, "adjusted arm");
            }
            InvalidParameterException e = assertThrows(InvalidParameterException.class,
                    () -> run(new ProcovaMethod(), Map.of("trial", trial), Map.of(), null));
            assertTrue(e.getMessage().contains("'score'") && e.getMessage().contains("'covariates'"), e.getMessage());
            e = assertThrows(InvalidParameterException.class, () -> run(new ProcovaMethod(), Map.of("trial", trial),
                    Map.of("score", "x1", "arm", "x2", "deflation", "1.5"), null));
            assertTrue(e.getMessage().contains("deflation") && e.getMessage().contains("[0, 1]"), e.getMessage());
        }
    }

    private static void read(Table effects, Map<String, double[]> into) {
        for (int i = 0; i < effects.rowCount(); i++) {
            into.put(effects.strings("model").get(i) + " " + effects.strings("term").get(i), new double[] {
                effects.doubles("estimate").get(i), effects.doubles("stdError").get(i), effects.doubles("lower").get(i),
                effects.doubles("upper").get(i)});
        }
    }
}
