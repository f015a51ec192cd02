package io.daybreak.methods.twin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.daybreak.data.Table;

/**
 * {@code twin.prognostic-train} against twin.R sections C (unpenalised) and D (glmnet 4.1-6 ridge: alpha = 0,
 * standardize = FALSE, thresh = 1e-20, maxit = 1e7, X = x1, x2, x3 of procova_historical.csv).
 */
class PrognosticTrainTest extends TwinTestSupport {

    @Test
    void unpenalisedScoresEqualLmGlmAndCoxph() throws Exception {
        // C.lm.hist.coef: lm(y ~ x1 + x2 + x3, hist)
        check(Map.of("outcome", "y", "covariates", "x1,x2,x3"), new double[] {11.3724385430781, 0.278473269814659,
            -2.11039317604601, 2.94977227164111}, 1e-10);
        // C.glm.hist.coef: glm(resp ~ x1 + x2 + x3, binomial, hist, control = glm.control(epsilon = 1e-14))
        check(Map.of("outcome", "resp", "covariates", "x1,x2,x3", "model", "binomial"), new double[] {-0.595533443984373,
            -0.00161947200728655, -0.714282074352897, 0.614616367174919}, 1e-9);
        // C.cox.hist.coef: coxph(Surv(time, status) ~ x1 + x2 + x3, hist, ties = "efron")
        check(Map.of("outcome", "time", "covariates", "x1,x2,x3", "model", "cox"), new double[] {0.0186658414788489,
            0.0433935801099527, 0.34886261936108}, 1e-9);
    }

    /**
     * D.gaussian.glmnet.coef: glmnet(X, y, "gaussian", alpha = 0, lambda = 0.5, standardize = FALSE); equal to the
     * closed form with penalty lambda / s_y (D.gaussian.closed_lambda_over_sy.coef), not the documented objective.
     */
    @Test
    void gaussianRidgeEqualsGlmnet() throws Exception {
        check(Map.of("outcome", "y", "covariates", "x1,x2,x3", "lambda", "0.5"), new double[] {11.3433158315521,
            0.275081582464386, -1.55264035119474, 2.72503888562905}, 1e-10);
    }

    /** D.binomial.glmnet.coef: glmnet(X, resp, "binomial", alpha = 0, lambda = 0.02, standardize = FALSE). */
    @Test
    void binomialRidgeEqualsGlmnet() throws Exception {
        check(Map.of("outcome", "resp", "covariates", "x1,x2,x3", "model", "binomial", "lambda", "0.02"),
                new double[] {-0.610391870835313, -0.0025298189260595, -0.485246038489698, 0.547680825827308}, 1e-9);
    }

    /**
     * D.cox.coxph_ridge_breslow.coef: coxph(Surv(time, status) ~ ridge(x1, x2, x3, theta = n * 0.02, scale = FALSE),
     * ties = "breslow"), which glmnet's cox ridge (D.cox.glmnet.coef) matches to 1e-10.
     */
    @Test
    void coxRidgeEqualsGlmnet() throws Exception {
        check(Map.of("outcome", "time", "covariates", "x1,x2,x3", "model", "cox", "ties", "breslow", "lambda", "0.02"),
                new double[] {0.0185148958246592, 0.0355150781778082, 0.334864046376286}, 1e-9);
    }

    /** The appended score is the linear predictor of each row (lm: fitted values). */
    @Test
    void theScoredTableAppendsTheLinearPredictor() throws Exception {
        try (Table data = csv("procova_historical.csv")) {
            run(new PrognosticTrainMethod(), Map.of("data", data), Map.of("outcome", "y", "covariates", "x1,x2,x3"),
                    outputs -> {
                        Table scored = outputs.get("scored");
                        assertEquals(data.columnCount() + 1, scored.columnCount());
                        assertEquals(400, scored.rowCount());
                        // fitted(lm)[1] = 11.3724385430781 + 0.278473269814659 * 60.143986 + 0 + 2.94977227164111 *
                        // 0.092202
                        double expected = 11.3724385430781 + 0.278473269814659 * 60.143986 + 2.94977227164111 * 0.092202;
                        assertRelative(expected, scored.doubles("score").get(0), 1e-10, "score of row 1");
                        assertEquals(data.doubles("y").get(5), scored.doubles("y").get(5));
                    });
        }
    }

    private void check(Map<String, String> raw, double[] expected, double tolerance) throws Exception {
        try (Table data = csv("procova_historical.csv")) {
            run(new PrognosticTrainMethod(), Map.of("data", data), raw, outputs -> {
                Table coefficients = outputs.get("coefficients");
                assertEquals(expected.length, coefficients.rowCount());
                for (int i = 0; i < expected.length; i++) {
                    assertRelative(expected[i], coefficients.doubles("estimate").get(i), tolerance, raw + " "
                            + coefficients.strings("term").get(i));
                }
                assertTrue(coefficients.strings("model").get(0).equals(raw.getOrDefault("model", "gaussian")));
            });
        }
    }
}
