package io.daybreak.methods.stats.glm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.daybreak.core.method.InvalidParameterException;
import io.daybreak.methods.stats.StatsTestSupport;

/** GLMs against R 4.2.2 glm() (docs/validation/r/stats/reference.R), federated against pooled. */
class GlmTest extends StatsTestSupport {

    @Test
    void binomialMatchesRsGlmOnInfert() throws Exception {
        // glm(case ~ spontaneous + induced, binomial, infert, control = glm.control(epsilon = 1e-14)); the
        // coefficients agree with methods.md's (default epsilon) to its 9 digits
        Map<String, Object> fit = run(new GlmMethod(), INFERT, Map.of("response", "case", "covariates",
                "spontaneous,induced", "family", "binomial"));
        double[] r = {-1.707860071359773, 1.197205035293074, 0.418129395047782};
        double[] rSe = {0.267709483688229, 0.211643284627210, 0.205627456497130};
        for (int a = 0; a < 3; a++) {
            assertRelative(r[a], doubles(fit.get("coefficients"))[a], 1e-10, "coefficient " + a);
            assertRelative(rSe[a], doubles(fit.get("standardErrors"))[a], 1e-10, "se " + a);
        }
        assertRelative(279.611978833782, (Double) fit.get("deviance"), 1e-10, "deviance");
        assertRelative(316.171110816404, (Double) fit.get("nullDeviance"), 1e-10, "null deviance");
        // the summary names its coefficients as R's coef() does, in the same order
        assertEquals(List.of("(Intercept)", "spontaneous", "induced"), fit.get("terms"));
    }

    @Test
    void poissonAndGaussianMatchRAndFederatedEqualsPooled() throws Exception {
        // glm(wt.loss ~ age + sex, gaussian, lung)
        Map<String, String> gaussian = Map.of("response", "wt.loss", "covariates", "age,sex", "family", "gaussian");
        Map<String, Object> pooled = run(new GlmMethod(), LUNG, gaussian);
        double[] r = {12.5663034727405218, 0.0319883133395847, -3.3765621915224520};
        double[] rSe = {7.0165729396557444, 0.0984094078073554, 1.8393190346486239};
        for (int a = 0; a < 3; a++) {
            assertRelative(r[a], doubles(pooled.get("coefficients"))[a], 1e-10, "gaussian coefficient " + a);
            assertRelative(rSe[a], doubles(pooled.get("standardErrors"))[a], 1e-10, "gaussian se " + a);
        }
        assertRelative(36145.1239149795, (Double) pooled.get("deviance"), 1e-10, "gaussian deviance");
        assertRelative(171.303904810329, (Double) pooled.get("dispersion"), 1e-10, "dispersion");
        // glm(ph.ecog ~ age + sex, poisson, lung, control = glm.control(epsilon = 1e-14))
        Map<String, Object> poisson = run(new GlmMethod(), LUNG, Map.of("response", "ph.ecog", "covariates", "age,sex",
                "family", "poisson"));
        double[] rp = {-1.10467183386827261, 0.01656445731169580, 0.00673006171152131};
        double[] rpSe = {0.56197461504072932, 0.00780109977002614, 0.14077863884484804};
        for (int a = 0; a < 3; a++) {
            assertRelative(rp[a], doubles(poisson.get("coefficients"))[a], 1e-10, "poisson coefficient " + a);
            assertRelative(rpSe[a], doubles(poisson.get("standardErrors"))[a], 1e-10, "poisson se " + a);
        }
        assertRelative(162.017377196335, (Double) poisson.get("deviance"), 1e-10, "poisson deviance");
        // federated (sites = inst %% 3 on lung; parity on infert) equals pooled
        federatedEqualsPooled(LUNG, Map.of("response", "wt.loss", "covariates", "age,sex", "family", "gaussian"), "site");
        federatedEqualsPooled(LUNG, Map.of("response", "ph.ecog", "covariates", "age,sex", "family", "poisson"), "site");
        federatedEqualsPooled(INFERT, Map.of("response", "case", "covariates", "spontaneous,induced", "family",
                "binomial"), "parity");
    }

    private void federatedEqualsPooled(String file, Map<String, String> raw, String siteColumn) throws Exception {
        Map<String, Object> one = run(new GlmMethod(), file, raw);
        Map<String, String> split = new java.util.HashMap<>(raw);
        split.put("siteColumn", siteColumn);
        Map<String, Object> sites = run(new GlmMethod(), file, split);
        assertTrue((Long) sites.get("sites") >= 3, sites.toString());
        for (int a = 0; a < 3; a++) {
            assertRelative(doubles(one.get("coefficients"))[a], doubles(sites.get("coefficients"))[a], 1e-11,
                    raw.get("family") + " coefficient " + a);
            assertRelative(doubles(one.get("standardErrors"))[a], doubles(sites.get("standardErrors"))[a], 1e-11,
                    raw.get("family") + " se " + a);
        }
        assertRelative((Double) one.get("deviance"), (Double) sites.get("deviance"), 1e-12, raw.get("family") + " deviance");
    }

    @Test
    void invalidResponsesAndSingularDesignsAreNamed() {
        InvalidParameterException e = assertThrows(InvalidParameterException.class, () -> run(new GlmMethod(), LUNG,
                Map.of("response", "sex", "covariates", "age", "family", "binomial")));
        assertTrue(e.getMessage().contains("'sex'") && e.getMessage().contains("0 or 1"), e.getMessage());
        InvalidParameterException singular = assertThrows(InvalidParameterException.class, () -> run(new GlmMethod(),
                LUNG, Map.of("response", "age", "covariates", "sex,sex", "family", "gaussian")));
        assertTrue(singular.getMessage().contains("singular"), singular.getMessage());
    }
}
