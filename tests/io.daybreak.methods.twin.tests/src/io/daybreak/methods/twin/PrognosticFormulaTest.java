package io.daybreak.methods.twin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.daybreak.core.method.InvalidParameterException;
import io.daybreak.core.method.MethodResult;
import io.daybreak.core.testing.TestMethodContext;
import io.daybreak.data.Table;

/**
 * Prognostic scores written as R model formulas, against docs/validation/r/twin/prognostic_formula.R (R 4.2.2,
 * survival 3.5.3; its output prognostic_formula.out is read here, each value by its label): lung split by
 * institution into historical controls and a trial, infert split into synthetic and real rows.
 */
class PrognosticFormulaTest extends TwinTestSupport {
    private static Map<String, String> r;

    @BeforeAll
    static void readReferences() throws Exception {
        r = rOutput("prognostic_formula.out");
    }

    /**
     * F.cox: coxph(Surv(time, status) ~ age + sex + factor(ph.ecog), hist, ties = "efron"); status 1/2 read as Surv
     * reads it; the coefficients table carries the formula and the levels 0-3.
     */
    @Test
    void coxScoreFromAFormulaEqualsCoxph() throws Exception {
        try (Table data = csv("prognostic_lung_historical.csv")) {
            Map<String, Object> summary = run(new PrognosticTrainMethod(), Map.of("data", data), Map.of("model", "cox",
                    "outcome", "time", "covariates", "~ age + sex + factor(ph.ecog)"), outputs -> {
                        Table c = outputs.get("coefficients");
                        assertEquals(List.of("age", "sex", "factor(ph.ecog)1", "factor(ph.ecog)2", "factor(ph.ecog)3"),
                                strings(c, "term"), "F.cox.terms");
                        assertClose(values(r, "F.cox.coef"), doubles(c, "estimate"), 1e-9, "F.cox.coef");
                        assertClose(values(r, "F.cox.se"), doubles(c, "stdError"), 1e-9, "F.cox.se");
                        assertEquals("~ age + sex + factor(ph.ecog)", c.strings("covariates").get(4));
                        assertEquals("{\"factor(ph.ecog)\":[\"0\",\"1\",\"2\",\"3\"]}", c.strings("levels").get(0));
                    });
            assertEquals("~ age + sex + factor(ph.ecog)", summary.get("covariates"));
        }
    }

    /**
     * G.lm: lm(wt.loss ~ age + factor(sex) + relevel(factor(ph.ecog), ref = "1"), hist) is
     * covariates = ~ age + factor(sex) + factor(ph.ecog) with ref=ph.ecog=1; the scored rows are R's fitted values.
     */
    @Test
    void gaussianScoreWithAReferenceLevelEqualsLm() throws Exception {
        try (Table data = csv("prognostic_lung_historical.csv")) {
            run(new PrognosticTrainMethod(), Map.of("data", data), Map.of("outcome", "wt.loss", "covariates",
                    "~ age + factor(sex) + factor(ph.ecog)", "ref", "ph.ecog=1"), outputs -> {
                        Table c = outputs.get("coefficients");
                        assertEquals(List.of("(Intercept)", "age", "factor(sex)2", "factor(ph.ecog)0", "factor(ph.ecog)2",
                                "factor(ph.ecog)3"), strings(c, "term"));
                        assertClose(values(r, "G.lm.coef"), doubles(c, "estimate"), 1e-10, "G.lm.coef");
                        assertClose(values(r, "G.lm.se"), doubles(c, "stdError"), 1e-10, "G.lm.se");
                        double[] fitted = values(r, "G.lm.fitted_first");
                        for (int i = 0; i < fitted.length; i++) {
                            assertRelative(fitted[i], outputs.get("scored").doubles("score").get(i), 1e-10,
                                    "G.lm.fitted_first " + i);
                        }
                    });
        }
    }

    /** H.glm: glm(case ~ age + education + spontaneous, binomial, infert): a text column is a factor. */
    @Test
    void binomialScoreWithATextFactorEqualsGlm() throws Exception {
        try (Table data = csv("datasets_infert.csv")) {
            run(new PrognosticTrainMethod(), Map.of("data", data), Map.of("model", "binomial", "outcome", "case",
                    "covariates", "~ age + education + spontaneous"), outputs -> {
                        Table c = outputs.get("coefficients");
                        assertEquals(List.of("(Intercept)", "age", "education12+ yrs", "education6-11yrs", "spontaneous"),
                                strings(c, "term"));
                        assertClose(values(r, "H.glm.coef"), doubles(c, "estimate"), 1e-9, "H.glm.coef");
                        assertClose(values(r, "H.glm.se"), doubles(c, "stdError"), 1e-8, "H.glm.se");
                    });
        }
    }

    /**
     * F.procova: the historical Cox score applied to the trial, which has no patient at ph.ecog 3; the same analysis
     * whether procova trains the score itself or reads the coefficients table twin.prognostic-train wrote.
     */
    @Test
    void procovaAppliesAFormulaScoreToTheTrial() throws Exception {
        Map<String, String> raw = Map.of("outcome", "time", "outcomeType", "survival");
        try (Table historical = csv("prognostic_lung_historical.csv"); Table trial = csv("prognostic_lung_trial.csv")) {
            Map<String, Object> trainedHere = run(new ProcovaMethod(), Map.of("historical", historical, "trial", trial),
                    with(raw, "covariates", "~ age + sex + factor(ph.ecog)"), null);
            checkProcova(trainedHere);
            MethodResult trained = apply(new PrognosticTrainMethod(), Map.of("model", "cox", "outcome", "time",
                    "covariates", "~ age + sex + factor(ph.ecog)"), Map.of("data", historical),
                    new TestMethodContext(allocator, 1));
            trained.outputs().get("scored").close();
            try (Table coefficients = trained.outputs().get("coefficients")) {
                checkProcova(run(new ProcovaMethod(), Map.of("trial", trial, "coefficients", coefficients), raw, null));
            }
        }
    }

    private static void checkProcova(Map<String, Object> s) {
        assertEquals((long) value(r, "F.procova.trial_rows"), s.get("trialRows"));
        assertRelative(values(r, "F.procova.adj.coef")[0], (Double) s.get("armEffect"), 1e-8, "F.procova.adj arm");
        assertRelative(values(r, "F.procova.adj.se")[0], (Double) s.get("armStdError"), 1e-8, "F.procova.adj se");
        assertRelative(value(r, "F.procova.unadj.coef"), (Double) s.get("armEffectUnadjusted"), 1e-8, "unadj arm");
        assertRelative(value(r, "F.procova.unadj.se"), (Double) s.get("armStdErrorUnadjusted"), 1e-8, "unadj se");
    }

    /**
     * A score trained where ph.ecog has levels 0-2 cannot score a patient at level 3, as R's predict refuses a new
     * level; the message names the input, the factor, the level and the known levels.
     */
    @Test
    void aLevelTheTrainingDataDidNotHaveIsRefused() throws Exception {
        try (Table trial = csv("prognostic_lung_trial.csv"); Table historical = csv("prognostic_lung_historical.csv")) {
            InvalidParameterException e = assertThrows(InvalidParameterException.class, () -> run(new ProcovaMethod(),
                    Map.of("historical", trial, "trial", historical), Map.of("outcome", "time", "outcomeType",
                            "survival", "covariates", "~ age + factor(ph.ecog)", "arm", "sex"), null));
            assertTrue(e.getMessage().contains("input 'trial'") && e.getMessage().contains("factor(ph.ecog)")
                    && e.getMessage().contains("'3'") && e.getMessage().contains("0, 1, 2"), e.getMessage());
        }
    }

    /** I: TSTR and TRTR AUCs with covariates = ~ age + education + spontaneous (a text factor). */
    @Test
    void fidelityTakesAFormulaForTheTstrModel() throws Exception {
        try (Table synthetic = csv("fidelity_infert_synthetic.csv"); Table real = csv("fidelity_infert_real.csv")) {
            Map<String, Object> s = run(new FidelityMethod(), Map.of("synthetic", synthetic, "real", real),
                    Map.of("variables", "age", "outcome", "case", "covariates", "~ age + education + spontaneous"), null);
            assertRelative(value(r, "I.tstr_auc"), (Double) s.get("tstrAuc"), 1e-12, "I.tstr_auc");
            assertRelative(value(r, "I.trtr_auc"), (Double) s.get("trtrAuc"), 1e-12, "I.trtr_auc");
        }
    }

    /** A malformed formula or reference is refused when the parameters are read, naming the parameter. */
    @Test
    void badFormulasAndReferencesNameTheParameter() throws Exception {
        try (Table data = csv("prognostic_lung_historical.csv")) {
            InvalidParameterException e = assertThrows(InvalidParameterException.class, () -> run(
                    new PrognosticTrainMethod(), Map.of("data", data), Map.of("outcome", "time", "covariates",
                            "~ age + "), null));
            assertTrue(e.getMessage().contains("'covariates'"), e.getMessage());
            e = assertThrows(InvalidParameterException.class, () -> run(new PrognosticTrainMethod(), Map.of("data", data),
                    Map.of("outcome", "time", "covariates", "~ age + factor(ph.ecog)", "ref", "ph.ecog=7"), null));
            assertTrue(e.getMessage().contains("'ref'") && e.getMessage().contains("'7'"), e.getMessage());
            e = assertThrows(InvalidParameterException.class, () -> run(new PrognosticTrainMethod(), Map.of("data", data),
                    Map.of("outcome", "time", "covariates", "~ age + strata(sex)"), null));
            assertTrue(e.getMessage().contains("strata()"), e.getMessage());
        }
    }

    private static Map<String, String> with(Map<String, String> raw, String key, String value) {
        Map<String, String> all = new java.util.LinkedHashMap<>(raw);
        all.put(key, value);
        return all;
    }

    private static List<String> strings(Table table, String column) {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < table.rowCount(); i++) {
            values.add(table.strings(column).get(i));
        }
        return values;
    }

    private static double[] doubles(Table table, String column) {
        double[] values = new double[table.rowCount()];
        for (int i = 0; i < values.length; i++) {
            values[i] = table.doubles(column).get(i);
        }
        return values;
    }

    private static void assertClose(double[] expected, double[] actual, double relative, String what) {
        assertEquals(expected.length, actual.length, what + ": number of values");
        for (int i = 0; i < expected.length; i++) {
            assertRelative(expected[i], actual[i], relative, what + " [" + i + "]");
        }
    }
}
