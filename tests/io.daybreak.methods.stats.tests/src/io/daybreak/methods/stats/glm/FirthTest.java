package io.daybreak.methods.stats.glm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.daybreak.methods.stats.StatsTestSupport;

/**
 * Firth logistic regression against an independent base-R transcription (docs/validation/r/stats/firth.R,
 * output firth.out), and federated against pooled.
 */
class FirthTest extends StatsTestSupport {

    private void check(String file, Map<String, String> raw, double[] coefficients, double[] se, double penalized)
            throws Exception {
        Map<String, Object> pooled = run(new FirthMethod(), file, raw);
        for (int a = 0; a < coefficients.length; a++) {
            assertRelative(coefficients[a], doubles(pooled.get("coefficients"))[a], 1e-10, "coefficient " + a);
            assertRelative(se[a], doubles(pooled.get("standardErrors"))[a], 1e-10, "se " + a);
        }
        assertRelative(penalized, (Double) pooled.get("penalizedLogLikelihood"), 1e-12, "penalised log-likelihood");
        Map<String, String> split = new HashMap<>(raw);
        split.put("siteColumn", file.equals(INFERT) ? "parity" : "site");
        Map<String, Object> federated = run(new FirthMethod(), file, split);
        for (int a = 0; a < coefficients.length; a++) {
            assertRelative(doubles(pooled.get("coefficients"))[a], doubles(federated.get("coefficients"))[a], 1e-11,
                    "federated coefficient " + a);
            assertRelative(doubles(pooled.get("standardErrors"))[a], doubles(federated.get("standardErrors"))[a], 1e-11,
                    "federated se " + a);
        }
    }

    @Test
    void infertMatchesTheRTranscription() throws Exception {
        // firth(cbind(1, spontaneous, induced), case) on infert
        check(INFERT, Map.of("response", "case", "covariates", "spontaneous,induced"),
                new double[] {-1.684818702442807, 1.177896583320726, 0.413232318155791},
                new double[] {0.266123055809704, 0.210664023757154, 0.204912088798145}, -134.671786805807);
    }

    @Test
    void staysFiniteUnderCompleteSeparation() throws Exception {
        // y = (x > 2): maximum likelihood diverges, Firth's estimate is finite
        check("firth_separated.csv", Map.of("response", "y", "covariates", "x,z"),
                new double[] {-3.784603838212363, 1.625306813135264, -0.854407337692343},
                new double[] {2.536906576653082, 0.911808925969604, 1.969333234660070}, -2.20993336663076);
        // plain maximum likelihood diverges (R's glm warns "fitted probabilities numerically 0 or 1 occurred"):
        // either a warning or, once the weights vanish, an error that names separation and points to Firth
        try {
            Map<String, Object> ml = run(new GlmMethod(), "firth_separated.csv", Map.of("response", "y", "covariates",
                    "x", "family", "binomial"));
            assertEquals(true, ml.get("warnings").toString().contains("separated"), ml.toString());
        } catch (io.daybreak.core.method.InvalidParameterException e) {
            assertEquals(true, e.getMessage().contains("separation") && e.getMessage().contains("stats.firth"),
                    e.getMessage());
        }
    }
}
