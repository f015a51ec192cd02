package io.daybreak.methods.stats.formula;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.daybreak.core.method.InvalidParameterException;
import io.daybreak.methods.stats.StatsTestSupport;
import io.daybreak.methods.stats.glm.GlmMethod;
import io.daybreak.methods.stats.survival.CoxMethod;

/**
 * stats.cox and stats.glm with R formulas against R 4.2.2 and survival 3.5.3 (docs/validation/r/stats/formulas.R,
 * output formulas.out; coxph at eps = 1e-13, glm at epsilon = 1e-14): R's term names, factor coding, reference levels,
 * Surv's reading of a 1/2 status, and the full summaries (coefficient tables with ratios and 95% limits, the
 * likelihood-ratio, Wald and score tests, deviances, AIC).
 */
class FormulaModelsTest extends StatsTestSupport {
    private static final String VETERAN = "survival_veteran.csv";

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> table(Map<String, Object> summary, String key) {
        return (List<Map<String, Object>>) summary.get(key);
    }

    private static double cell(List<Map<String, Object>> table, int row, String column) {
        return ((Number) table.get(row).get(column)).doubleValue();
    }

    @Test
    void coxWithAFactorAndAOneTwoStatusIsRs() throws Exception {
        // summary(coxph(Surv(time, status) ~ age + sex + factor(ph.ecog), lung)) -- status 1/2, 2 = dead, no eventValue
        Map<String, Object> fit = run(new CoxMethod(), LUNG, Map.of("formula",
                "Surv(time, status) ~ age + sex + factor(ph.ecog)"));
        assertEquals(List.of("age", "sex", "factor(ph.ecog)1", "factor(ph.ecog)2", "factor(ph.ecog)3"), fit.get("terms"));
        double[] coef = {0.0107946755282405, -0.5458305192057306, 0.4100480149192752, 0.9033030096472108,
            1.9545433760498609};
        double[] se = {0.00931212446998143, 0.16822786774609391, 0.19960424200964111, 0.22807847883789553,
            1.02970126581609867};
        double[] p = {2.46372008859303e-01, 1.17619690106453e-03, 3.99461701983850e-02, 7.47954730202702e-05,
            5.76742893473664e-02};
        double[] lower = {0.992570979556015, 0.416632358150008, 1.019009308789282, 1.578188082064834, 0.938348353628703};
        double[] upper = {1.029472056272882, 0.805646710324382, 2.228358332106357, 3.858693342327712, 53.128885951123834};
        List<Map<String, Object>> table = table(fit, "coefficientTable");
        for (int a = 0; a < 5; a++) {
            assertRelative(coef[a], cell(table, a, "coef"), 1e-9, "coef " + a);
            assertRelative(Math.exp(coef[a]), cell(table, a, "exp(coef)"), 1e-9, "HR " + a);
            assertRelative(se[a], cell(table, a, "se(coef)"), 1e-9, "se " + a);
            assertRelative(coef[a] / se[a], cell(table, a, "z"), 1e-9, "z " + a);
            assertRelative(p[a], cell(table, a, "Pr(>|z|)"), 1e-8, "p " + a);
            assertRelative(lower[a], cell(table, a, "lower .95"), 1e-9, "lower " + a);
            assertRelative(upper[a], cell(table, a, "upper .95"), 1e-9, "upper " + a);
        }
        assertEquals(227L, fit.get("n"));
        assertEquals(164L, fit.get("events"));
        assertEquals(63L, fit.get("censored"));
        assertEquals(1L, fit.get("droppedRows"));
        assertEquals("2", fit.get("eventValue"));
        // logtest, f1$wald.test, f1$score; df 5
        List<Map<String, Object>> tests = table(fit, "tests");
        assertRelative(30.8667221215705, cell(tests, 0, "statistic"), 1e-9, "LR");
        assertRelative(9.95225233636951e-06, cell(tests, 0, "p"), 1e-7, "LR p");
        assertRelative(31.4328684482433, cell(tests, 1, "statistic"), 1e-9, "Wald");
        assertRelative(33.559641061469, cell(tests, 2, "statistic"), 1e-9, "score");
        assertEquals(5L, tests.get(2).get("df"));
        // s1$concordance
        assertRelative(0.6369838783039370, doubles(fit.get("concordance"))[0], 1e-9, "concordance");
        assertRelative(0.0250795830409219, doubles(fit.get("concordance"))[1], 1e-7, "se(C)");
        assertRelative(-744.480455761440, doubles(fit.get("logLikelihood"))[0], 1e-12, "loglik at 0");
        assertRelative(-729.047094700655, doubles(fit.get("logLikelihood"))[1], 1e-12, "loglik");
    }

    @Test
    void coxWithATextFactorIsRs() throws Exception {
        // coxph(Surv(time, status) ~ trt + celltype + karno, veteran): celltype is text, levels adeno < large < ...
        Map<String, Object> fit = run(new CoxMethod(), VETERAN, Map.of("formula",
                "Surv(time, status) ~ trt + celltype + karno"));
        assertEquals(List.of("trt", "celltypelarge", "celltypesmallcell", "celltypesquamous", "karno"), fit.get("terms"));
        double[] coef = {0.2617440900579297, -0.7593689499135169, -0.3290142260009061, -1.1539944138601561,
            -0.0312712960477846};
        double[] se = {0.20092305511888872, 0.29865655831747223, 0.26905792146185137, 0.29503773769728242,
            0.00516508974291802};
        for (int a = 0; a < 5; a++) {
            assertRelative(coef[a], doubles(fit.get("coefficients"))[a], 1e-9, "coef " + a);
            assertRelative(se[a], doubles(fit.get("standardErrors"))[a], 1e-9, "se " + a);
        }
        List<Map<String, Object>> tests = table(fit, "tests");
        assertRelative(61.0690919866104, cell(tests, 0, "statistic"), 1e-9, "LR");
        assertRelative(63.4072596000326, cell(tests, 1, "statistic"), 1e-9, "Wald");
        assertRelative(66.5485654450161, cell(tests, 2, "statistic"), 1e-9, "score");
    }

    @Test
    void referenceLevelAndStrataInTheFormula() throws Exception {
        // lung$ecog <- relevel(factor(lung$ph.ecog), ref = "1"); coxph(Surv(time, status) ~ age + ecog + strata(sex))
        Map<String, Object> fit = run(new CoxMethod(), LUNG, Map.of("formula",
                "Surv(time, status) ~ age + factor(ph.ecog) + strata(sex)", "ref", "ph.ecog=1"));
        assertEquals(List.of("age", "factor(ph.ecog)0", "factor(ph.ecog)2", "factor(ph.ecog)3"), fit.get("terms"));
        double[] coef = {0.0101275477351151, -0.3654785154322426, 0.5341218636078231, 1.4852045901113178};
        double[] se = {0.00929143240897264, 0.20109367228421618, 0.19230028837090268, 1.02359103345897773};
        for (int a = 0; a < 4; a++) {
            assertRelative(coef[a], doubles(fit.get("coefficients"))[a], 1e-9, "coef " + a);
            assertRelative(se[a], doubles(fit.get("standardErrors"))[a], 1e-9, "se " + a);
        }
        assertEquals(List.of("sex=1", "sex=2"), fit.get("strata"));
    }

    @Test
    void theCovariatesFormStillWorksAndAgreesWithTheFormula() throws Exception {
        Map<String, Object> byColumns = run(new CoxMethod(), LUNG, Map.of("covariates", "age,sex"));
        Map<String, Object> byFormula = run(new CoxMethod(), LUNG, Map.of("formula", "Surv(time, status) ~ age + sex"));
        Map<String, Object> oneSided = run(new CoxMethod(), LUNG, Map.of("formula", "~ age + sex", "eventValue", "2"));
        for (int a = 0; a < 2; a++) {
            assertEquals(doubles(byFormula.get("coefficients"))[a], doubles(byColumns.get("coefficients"))[a]);
            assertEquals(doubles(byFormula.get("coefficients"))[a], doubles(oneSided.get("coefficients"))[a]);
        }
        // coxph(Surv(time, status) ~ age + sex, lung, control = coxph.control(eps = 1e-14)) (reference.out): a 1/2 status
        // without eventValue is read as R reads it
        assertRelative(-0.5132185198361823, doubles(byColumns.get("coefficients"))[1], 1e-10, "sex");
    }

    @Test
    void robustAndClusterVariancesAreCoxphs() throws Exception {
        // coxph(Surv(time, status) ~ age + sex, lung, robust = TRUE): robust se, z, p and the robust Wald test
        Map<String, Object> robust = run(new CoxMethod(), LUNG, Map.of("formula", "Surv(time, status) ~ age + sex",
                "robust", "true"));
        List<Map<String, Object>> table = table(robust, "coefficientTable");
        assertRelative(0.00950463812599648, cell(table, 0, "robust se"), 1e-9, "robust se age");
        assertRelative(0.16017416791407485, cell(table, 1, "robust se"), 1e-9, "robust se sex");
        assertRelative(-3.20412789727428, cell(table, 1, "z"), 1e-9, "z uses the robust se");
        assertRelative(0.16745796243624203, cell(table, 1, "se(coef)"), 1e-9, "model se kept");
        assertRelative(13.5888692576025, cell(table(robust, "tests"), 1, "statistic"), 1e-9, "robust Wald");
        // coxph(Surv(time, status) ~ age + sex + cluster(inst), lung): the row without inst is dropped (n = 227)
        Map<String, Object> cluster = run(new CoxMethod(), LUNG, Map.of("formula",
                "Surv(time, status) ~ age + sex + cluster(inst)"));
        table = table(cluster, "coefficientTable");
        assertEquals(227L, cluster.get("n"));
        assertRelative(0.017033495976585, cell(table, 0, "coef"), 1e-9, "coef age");
        assertRelative(0.00732739307694929, cell(table, 0, "robust se"), 1e-9, "cluster se age");
        assertRelative(0.12823060177950824, cell(table, 1, "robust se"), 1e-9, "cluster se sex");
        assertRelative(26.1224735880754, cell(table(cluster, "tests"), 1, "statistic"), 1e-9, "cluster Wald");
    }

    @Test
    void aStatusCodedOtherwiseIsRefusedNamingTheValues() {
        InvalidParameterException e = assertThrows(InvalidParameterException.class, () -> run(new CoxMethod(), LUNG,
                Map.of("formula", "Surv(time, ph.ecog) ~ age")));
        assertTrue(e.getMessage().contains("column 'ph.ecog' holds the values 0, 1, 2, 3"), e.getMessage());
        e = assertThrows(InvalidParameterException.class, () -> run(new CoxMethod(), LUNG,
                Map.of("formula", "age ~ sex")));
        assertTrue(e.getMessage().contains("Surv(time, status)"), e.getMessage());
        e = assertThrows(InvalidParameterException.class, () -> run(new CoxMethod(), LUNG,
                Map.of("formula", "~ sex", "covariates", "age")));
        assertTrue(e.getMessage().contains("not both"), e.getMessage());
    }

    @Test
    void binomialWithATextFactorAndAnInteractionIsRs() throws Exception {
        // glm(case ~ education * spontaneous, binomial, infert)
        Map<String, Object> fit = run(new GlmMethod(), INFERT, Map.of("formula", "case ~ education * spontaneous",
                "family", "binomial"));
        assertEquals(List.of("(Intercept)", "education12+ yrs", "education6-11yrs", "spontaneous",
                "education12+ yrs:spontaneous", "education6-11yrs:spontaneous"), fit.get("terms"));
        double[] estimate = {-0.784637879681762, -0.898759214261558, -0.439345254982537, 0.210223193745054,
            1.189025278808172, 0.675099518813399};
        double[] se = {0.709265695022423, 0.780594653592034, 0.758736738507518, 0.784682103759507, 0.844163648017977,
            0.832192027905090};
        double[] lower = {-2.174773097395480, -2.428696621826464, -1.926441936204657, -1.327725468936701,
            -0.465505068365010, -0.955966884101928}; // confint.default
        List<Map<String, Object>> table = table(fit, "coefficientTable");
        for (int a = 0; a < 6; a++) {
            assertRelative(estimate[a], cell(table, a, "Estimate"), 1e-9, "estimate " + a);
            assertRelative(se[a], cell(table, a, "Std. Error"), 1e-9, "se " + a);
            assertRelative(lower[a], cell(table, a, "lower .95"), 1e-9, "lower " + a);
        }
        assertRelative(Math.exp(estimate[1]), cell(table, 1, "OR"), 1e-9, "OR");
        assertTrue(Double.isNaN(cell(table, 0, "OR")), "no odds ratio for the intercept");
        // null.deviance, df.null, deviance, df.residual, aic
        assertRelative(316.171110816404, (Double) fit.get("nullDeviance"), 1e-10, "null deviance");
        assertEquals(247L, fit.get("nullDf"));
        assertRelative(280.780064864331, (Double) fit.get("deviance"), 1e-10, "deviance");
        assertEquals(242L, fit.get("residualDf"));
        assertRelative(292.780064864331, (Double) fit.get("aic"), 1e-10, "AIC");
    }

    @Test
    void poissonWithAnOffsetIsRs() throws Exception {
        // glm(spontaneous ~ age + factor(induced) + offset(log(parity)), poisson, infert)
        Map<String, Object> fit = run(new GlmMethod(), INFERT, Map.of("formula",
                "spontaneous ~ age + factor(induced) + offset(log(parity))", "family", "poisson"));
        double[] estimate = {0.6779168835717726, -0.0479683995270758, -0.8048840954626828, -1.9627160911206574};
        double[] se = {0.5448241385673777, 0.0171357223875862, 0.2082210712885341, 0.3672808090070474};
        for (int a = 0; a < 4; a++) {
            assertRelative(estimate[a], doubles(fit.get("coefficients"))[a], 1e-9, "estimate " + a);
            // two IRLS runs stopped by different rules agree to about 2e-9 in the standard errors
            assertRelative(se[a], doubles(fit.get("standardErrors"))[a], 1e-8, "se " + a);
        }
        assertRelative(237.033974984155, (Double) fit.get("nullDeviance"), 1e-10, "null deviance (offset refitted)");
        assertRelative(178.695638951830, (Double) fit.get("deviance"), 1e-10, "deviance");
        assertRelative(422.789041951514, (Double) fit.get("aic"), 1e-10, "AIC");
        assertEquals("RR", table(fit, "coefficientTable").get(0).keySet().stream().filter("RR"::equals).findFirst()
                .orElse(null));
    }

    @Test
    void gaussianWithoutInterceptAndAPowerIsRs() throws Exception {
        // glm(age ~ parity + I(parity^2) - 1, gaussian, infert)
        Map<String, Object> fit = run(new GlmMethod(), INFERT, Map.of("formula", "age ~ parity + I(parity^2) - 1"));
        assertEquals(List.of("parity", "I(parity^2)"), fit.get("terms"));
        assertRelative(23.75762557077625, doubles(fit.get("coefficients"))[0], 1e-10, "parity");
        assertRelative(-3.46045662100458, doubles(fit.get("coefficients"))[1], 1e-10, "parity^2");
        assertRelative(0.168384552821866, doubles(fit.get("standardErrors"))[1], 1e-10, "se");
        assertRelative(252953.0, (Double) fit.get("nullDeviance"), 1e-12, "null deviance without intercept");
        assertEquals(248L, fit.get("nullDf"));
        assertRelative(25199.228493150680, (Double) fit.get("deviance"), 1e-10, "deviance");
        assertRelative(1855.836210525166, (Double) fit.get("aic"), 1e-10, "AIC");
        assertRelative(102.435888183539, (Double) fit.get("dispersion"), 1e-10, "dispersion");
        assertRelative(2.60020470018593e-55, cell(table(fit, "coefficientTable"), 1, "Pr(>|t|)"), 1e-6, "t p-value");
    }
}
