package io.daybreak.methods.stats.zph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.daybreak.core.method.InvalidParameterException;
import io.daybreak.core.method.MethodResult;
import io.daybreak.core.testing.TestMethodContext;
import io.daybreak.data.Table;
import io.daybreak.data.csv.CsvReader;
import io.daybreak.methods.stats.StatsTestSupport;

/**
 * stats.cox-zph against R 4.2.2, survival 3.5.3 (docs/validation/r/stats/survival-diagnostics.R, output
 * survival-diagnostics.out). The Cox fit here converges further than coxph's default (eps = 1e-9), so the values
 * pinned to 1e-9 are R's at coxph.control(eps = 1e-14, toler.chol = 1e-15, iter.max = 100); the default-control
 * values, a few 1e-9 away, are checked to 1e-8.
 */
class CoxZphTest extends StatsTestSupport {
    private static final String VETERAN = "survival_veteran.csv";

    private Map<String, Object> lung(Map<String, String> raw) throws Exception {
        Map<String, Object> all = new HashMap<>(raw);
        all.put("eventValue", "2");
        return run(new CoxZphMethod(), LUNG, all);
    }

    private static void assertTable(Map<String, Object> s, double[] chisq, double[] p, double tolerance) {
        double[] c = doubles(s.get("chisq"));
        double[] pv = doubles(s.get("p"));
        assertEquals(chisq.length, c.length, "terms + GLOBAL");
        for (int k = 0; k < chisq.length; k++) {
            assertRelative(chisq[k], c[k], tolerance, "chisq " + s.get("terms") + " " + k);
            assertRelative(p[k], pv[k], tolerance, "p " + k);
        }
    }

    @Test
    void aFactorIsOneTermAsWithTermsTrue() throws Exception {
        // cox.zph(coxph(Surv(time, status) ~ age + sex + factor(ph.ecog), lung, control = coxph.control(eps = 1e-13,
        //     toler.chol = 1e-15, iter.max = 100)))$table: the three ph.ecog columns are tested together (df 3)
        Map<String, Object> s = run(new CoxZphMethod(), LUNG, Map.of("formula",
                "Surv(time, status) ~ age + sex + factor(ph.ecog)"));
        assertEquals(List.of("age", "sex", "factor(ph.ecog)", "GLOBAL"), s.get("terms"));
        assertEquals(List.of(1L, 1L, 3L, 5L), s.get("df"));
        assertTable(s, new double[] {0.163224582602023, 2.406426063037503, 5.649863587237526, 7.776731345945868},
                new double[] {0.686204908311311, 0.120837962023166, 0.129944874517604, 0.168977261408040}, 1e-8);
    }

    @Test
    void efronMatchesCoxZph() throws Exception {
        Map<String, Object> s = lung(Map.of("covariates", "age,sex"));
        assertEquals(List.of("age", "sex", "GLOBAL"), s.get("terms"));
        assertEquals(List.of(1L, 1L, 2L), s.get("df"));
        // cox.zph(coxph(Surv(time, status) ~ age + sex, lung, control = tight))
        assertTable(s, new double[] {0.20920282569793844, 2.60767170718543007, 2.77078537898917965},
                new double[] {0.64739293972115242, 0.10634779768303193, 0.25022551956334166}, 1e-9);
        // cox.zph(coxph(Surv(time, status) ~ age + sex, lung)): R's default convergence
        assertTable(s, new double[] {0.20920282636381013, 2.60767170353677269, 2.77078537593772456},
                new double[] {0.6473929391980473, 0.1063477979277513, 0.2502255199451176}, 1e-8);
        assertEquals(228L, s.get("n"));
        assertEquals(165L, s.get("events"));
    }

    @Test
    void breslowMatchesCoxZph() throws Exception {
        // cox.zph(coxph(Surv(time, status) ~ age + sex, lung, ties = "breslow", control = tight))
        assertTable(lung(Map.of("covariates", "age,sex", "ties", "breslow")),
                new double[] {0.20795668922933558, 2.59945269250286559, 2.76099077539416538},
                new double[] {0.64837366559394882, 0.10690062586025643, 0.25145395500444079}, 1e-9);
    }

    @Test
    void threeCovariatesWithAnIncompleteRowMatchCoxZph() throws Exception {
        Map<String, Object> s = lung(Map.of("covariates", "age,sex,ph.ecog"));
        // cox.zph(coxph(Surv(time, status) ~ age + sex + ph.ecog, lung, control = tight))
        assertTable(s, new double[] {0.1879876735605050, 2.3054372267748011, 2.0542487738627755, 4.4636575881619986},
                new double[] {0.66459676319324790, 0.12892199886324882, 0.15178209892719846, 0.21555494539576914},
                1e-9);
        assertEquals(227L, s.get("n"));
        assertEquals(1L, s.get("droppedRows"));
    }

    @Test
    void strataMatchCoxZph() throws Exception {
        // cox.zph(coxph(Surv(time, status) ~ age + sex + strata(site), lung, control = tight))
        assertTable(lung(Map.of("covariates", "age,sex", "strata", "site")),
                new double[] {0.12883916902728071, 2.78090493048042564, 2.85642697863060668},
                new double[] {0.719638677301265295, 0.095394254713552798, 0.239736832309427911}, 1e-9);
    }

    @Test
    void veteranShowsTheKnownViolationForKarno() throws Exception {
        // cox.zph(coxph(Surv(time, status) ~ karno + age + trt, veteran)) (the same at eps = 1e-14)
        Map<String, Object> s = run(new CoxZphMethod(), VETERAN, Map.of("covariates", "karno,age,trt"));
        assertTable(s, new double[] {12.00295744975753465, 2.09951762451288682, 0.28354692646963309,
            19.10166478625363951}, new double[] {0.00053116193321729689, 0.14734561729990952594,
                0.59438580362174708860, 0.00026047944945819932}, 1e-9);
    }

    @Test
    void scaledSchoenfeldResidualsMatchCoxZph() throws Exception {
        try (Table data = CsvReader.read(data(LUNG), allocator)) {
            MethodResult result = apply(new CoxZphMethod(), Map.of("covariates", "age,sex", "eventValue", "2"),
                    Map.of("data", data), new TestMethodContext(allocator, 1));
            try (Table tests = result.outputs().get("tests"); Table residuals = result.outputs().get("residuals")) {
                assertEquals(3, tests.rowCount());
                assertEquals("GLOBAL", tests.strings("term").get(2));
                assertRelative(2.77078537898917965, tests.doubles("chisq").get(2), 1e-9, "GLOBAL in the table");
                // z <- cox.zph(fit at eps 1e-14): 165 events x 2 terms, long form, in R's order (time within strata)
                assertEquals(330, residuals.rowCount());
                double[] first = {5, 0.0, 0.040385888660962641, 2.8640845637377956};
                double[] second = {11, 0.0043859649122807154, 0.153658390960780683, -1.6326538460447375};
                double[] last = {883, 0.93287257590558603, -0.050759216421004665, -1.3720424602169849};
                assertRow(residuals, 0, first);
                assertRow(residuals, 1, second);
                assertRow(residuals, 164, last);
                // colSums(z$y): 2.8124797552772471, -84.6810557729701117; sum(z$x) = 65.893804433057923
                double[] sums = new double[2];
                double x = 0;
                for (int r = 0; r < residuals.rowCount(); r++) {
                    sums[r % 2] += residuals.doubles("residual").get(r);
                    x += r % 2 == 0 ? residuals.doubles("transformedTime").get(r) : 0;
                }
                assertRelative(2.8124797552772471, sums[0], 1e-9, "sum of age residuals");
                assertRelative(-84.6810557729701117, sums[1], 1e-9, "sum of sex residuals");
                assertRelative(65.893804433057923, x, 1e-12, "sum of transformed times");
            }
        }
    }

    @Test
    void scaledResidualsWithStrataMatchCoxZph() throws Exception {
        try (Table data = CsvReader.read(data(LUNG), allocator)) {
            MethodResult result = apply(new CoxZphMethod(), Map.of("covariates", "age,sex", "eventValue", "2",
                    "strata", "site"), Map.of("data", data), new TestMethodContext(allocator, 1));
            try (Table tests = result.outputs().get("tests"); Table residuals = result.outputs().get("residuals")) {
                // zs <- cox.zph(coxph(Surv(time, status) ~ age + sex + strata(site), lung, control = tight)):
                // rows by stratum, then time; each stratum scaled by its own events
                assertRow(residuals, 0, new double[] {11, 0.0043859649122807154, 0.24686207468841853,
                    -1.3204203315219631});
                assertRow(residuals, 1, new double[] {30, 0.0394736842105264385, 0.12034478589389075,
                    -1.4811107142246820});
                assertRow(residuals, 2, new double[] {31, 0.0438596491228071539, 0.26780111712809190,
                    -1.3369304186869431});
                assertEquals("site=0", residuals.strings("stratum").get(0));
                double[] sums = new double[2];
                for (int r = 0; r < residuals.rowCount(); r++) {
                    sums[r % 2] += residuals.doubles("residual").get(r);
                }
                // colSums(zs$y): 2.6506319526264268, -85.5078573114112288
                assertRelative(2.6506319526264268, sums[0], 1e-9, "sum of age residuals");
                assertRelative(-85.5078573114112288, sums[1], 1e-9, "sum of sex residuals");
            }
        }
    }

    /** Event row {@code event} (0-based) of the long table: time, transformed time, age and sex residuals. */
    private static void assertRow(Table residuals, int event, double[] expected) {
        int age = 2 * event;
        assertEquals(event + 1L, residuals.longs("event").get(age));
        assertEquals("age", residuals.strings("term").get(age));
        assertEquals("sex", residuals.strings("term").get(age + 1));
        assertEquals(expected[0], residuals.doubles("time").get(age));
        assertEquals(expected[1], residuals.doubles("transformedTime").get(age), 1e-15, "transformed time");
        assertRelative(expected[2], residuals.doubles("residual").get(age), 1e-9, "age residual of event " + event);
        assertRelative(expected[3], residuals.doubles("residual").get(age + 1), 1e-9, "sex residual of event " + event);
    }

    @Test
    void badInputIsNamed() throws Exception {
        InvalidParameterException none = assertThrows(InvalidParameterException.class, () -> run(new CoxZphMethod(),
                LUNG, Map.of("covariates", "age,sex", "eventValue", "7")));
        assertTrue(none.getMessage().contains("'eventValue'"), none.getMessage());
        InvalidParameterException ties = assertThrows(InvalidParameterException.class, () -> lung(Map.of(
                "covariates", "age", "ties", "exact")));
        assertTrue(ties.getMessage().contains("'ties'") && ties.getMessage().contains("efron"), ties.getMessage());
        InvalidParameterException missing = assertThrows(InvalidParameterException.class, () -> lung(Map.of(
                "covariates", "age,nosuch")));
        assertTrue(missing.getMessage().contains("nosuch"), missing.getMessage());
    }
}
