package io.daybreak.methods.biomarker.predictive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.daybreak.core.method.InvalidParameterException;
import io.daybreak.core.testing.MethodTestSupport;
import io.daybreak.data.Table;

/**
 * biomarker.interaction against R 4.2.2 {@code glm} and survival 3.5-3 {@code coxph} (Efron ties), the contrasts
 * computed in R from {@code vcov(fit)} ({@code docs/validation/r/biomarker/interaction.R}, which simulates the
 * committed {@code interaction-data.csv} with {@code set.seed(20261203)}: 240 patients, 0/1 treatment, a normal
 * marker and its three groups g1/g2/g3, age, sex, a gaussian, a binary and a censored survival outcome).
 * {@code contrast(fit, L, df)} is est = sum(L * coef(fit)), se = sqrt(t(L) %*% vcov(fit) %*% L), statistic est / se,
 * p and 95% interval from qt(0.975, df) (gaussian) or qnorm(0.975). R is run converged tightly
 * ({@code glm.control(epsilon = 1e-14)}, {@code coxph.control(eps = 1e-13, toler.chol = 1e-15)}), as Daybreak's engines are.
 */
class InteractionTest extends MethodTestSupport {
    static final String[] COLUMNS = {"trt", "marker", "group", "age", "sex", "y", "yb", "time", "event"};

    /** The committed CSV as a table (group and sex text, the rest numbers). */
    static Table data(org.apache.arrow.memory.BufferAllocator allocator) throws IOException {
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                InteractionTest.class.getResourceAsStream("interaction-data.csv"), StandardCharsets.UTF_8))) {
            assertEquals(String.join(",", COLUMNS), in.readLine());
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                rows.add(line.split(","));
            }
        }
        var builder = Table.builder(allocator);
        for (int c = 0; c < COLUMNS.length; c++) {
            int column = c;
            if (c == 2 || c == 4) {
                builder.addString(COLUMNS[c], rows.stream().map(r -> r[column]).toArray(String[]::new));
            } else {
                builder.addFloat64(COLUMNS[c], rows.stream().mapToDouble(r -> Double.parseDouble(r[column])).toArray());
            }
        }
        return builder.build();
    }

    /** The effects table's rows by term: estimate, std_error, statistic, p_value, lower, upper, ratio (NaN: null). */
    private static Map<String, double[]> effects(Table t) {
        String[] names = {"estimate", "std_error", "statistic", "p_value", "lower", "upper", "ratio"};
        Map<String, double[]> out = new HashMap<>();
        for (int i = 0; i < t.rowCount(); i++) {
            double[] row = new double[7];
            for (int k = 0; k < 7; k++) {
                row[k] = t.doubles(names[k]).isNull(i) ? Double.NaN : t.doubles(names[k]).get(i);
            }
            out.put(t.strings("term").get(i), row);
        }
        return out;
    }

    private static List<String> terms(Table t) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < t.rowCount(); i++) {
            out.add(t.strings("term").get(i));
        }
        return out;
    }

    /** Asserts estimate, se, statistic, p, lower, upper against R's contrast() line. */
    private static void assertRow(double[] expected, double[] actual, double tolerance, String what) {
        String[] names = {"estimate", "std_error", "statistic", "p_value", "lower", "upper"};
        for (int k = 0; k < 6; k++) {
            assertRelative(expected[k], actual[k], tolerance, what + " " + names[k]);
        }
    }

    @Test
    void gaussianContinuousAdjustedAsGlm() throws Exception {
        try (Table data = data(allocator)) {
            Map<String, Object> summary = run(new InteractionMethod(), Map.of(InteractionMethod.INPUT, data),
                    Map.of("model", "gaussian", "outcomeColumn", "y", "treatmentColumn", "trt", "markerColumn", "marker",
                            "markerValues", "-1,0,1.5", "covariates", "~ age + sex"), 1, outputs -> {
                                Table t = outputs.get(InteractionMethod.EFFECTS);
                                assertEquals(List.of("marker | control", "marker | treatment", "treatment | marker=-1",
                                        "treatment | marker=0", "treatment | marker=1.5", "treatment:marker", "age",
                                        "sexM"), terms(t));
                                Map<String, double[]> e = effects(t);
                                // glm(y ~ trt * marker + age + sex); contrast(g, c(0, 1, 0, 0, 0, -1), 234)
                                assertRow(new double[] {0.2999869920804743, 0.17257428499249949, 1.7383064463718478,
                                    0.083472221620031456, -0.040010864120675282, 0.63998484828162394},
                                        e.get("treatment | marker=-1"), 1e-9, "trt at -1");
                                // contrast(g, c(0, 1, 0, 0, 0, 1.5), 234)
                                assertRow(new double[] {1.1010344024575276, 0.2277847717167831, 4.8336611537249823,
                                    2.4275473603221744e-06, 0.65226340472550448, 1.5498054001895507},
                                        e.get("treatment | marker=1.5"), 1e-9, "trt at 1.5");
                                // contrast(g, c(0, 0, 1, 0, 0, 0), 234)
                                assertRow(new double[] {0.96713092097877396, 0.084609950198953968, 11.430463186713123,
                                    2.480176779641189e-24, 0.80043631939209681, 1.1338255225654512},
                                        e.get("marker | control"), 1e-9, "marker | control");
                                // contrast(g, c(0, 0, 1, 0, 0, 1), 234)
                                assertRow(new double[] {1.2875498851295952, 0.092113375389658414, 13.977881927385637,
                                    1.0997517753678436e-32, 1.1060723830712975, 1.4690273871878929},
                                        e.get("marker | treatment"), 1e-9, "marker | treatment");
                                // contrast(g, c(0, 0, 0, 0, 0, 1), 234): the coefficient trt:marker
                                assertRow(new double[] {0.32041896415082127, 0.12397379454174258, 2.5845701128631231,
                                    0.010357180223473894, 0.076171541244527685, 0.56466638705711492},
                                        e.get("treatment:marker"), 1e-9, "trt:marker");
                                // coef(g)[c("age", "sexM")], sqrt(diag(vcov(g)))[c("age", "sexM")]
                                assertRelative(0.024787851865361119, e.get("age")[0], 1e-9, "age");
                                assertRelative(0.0053389733620171223, e.get("age")[1], 1e-9, "se age");
                                assertRelative(-0.016558929851346445, e.get("sexM")[0], 1e-8, "sexM");
                                assertRelative(0.12613977913882693, e.get("sexM")[1], 1e-9, "se sexM");
                                assertTrue(Double.isNaN(e.get("age")[6]), "no ratio for gaussian");
                            });
            assertEquals("t", summary.get("interactionTest"));
            assertRelative(0.010357180223473894, (Double) summary.get("interactionP"), 1e-9, "interaction p");
            assertEquals(234.0, (Double) summary.get("residualDf"));
            assertEquals(240L, summary.get("rows"));
            assertEquals("1", summary.get("treatedLevel"));
        }
    }

    @Test
    void binomialContinuousAtQuartilesAsGlm() throws Exception {
        try (Table data = data(allocator)) {
            run(new InteractionMethod(), Map.of(InteractionMethod.INPUT, data), Map.of("model", "binomial",
                    "outcomeColumn", "yb", "treatmentColumn", "trt", "markerColumn", "marker"), 1, outputs -> {
                        Table t = outputs.get(InteractionMethod.EFFECTS);
                        // quantile(d$marker, c(0.25, 0.5, 0.75)): -0.736, -0.0765, 0.63825
                        assertEquals(List.of("marker | control", "marker | treatment", "treatment | marker=-0.736",
                                "treatment | marker=-0.0765", "treatment | marker=0.63825", "treatment:marker"), terms(t));
                        Map<String, double[]> e = effects(t);
                        // glm(yb ~ trt * marker, family = binomial); contrast(b, c(0, 0, 1, 0))
                        assertRow(new double[] {0.64134906225411636, 0.20951948632896572, 3.0610473206637052,
                            0.0022056423257196282, 0.23069841499001142, 1.0519997095182214}, e.get("marker | control"),
                                1e-8, "marker | control");
                        // contrast(b, c(0, 0, 0, 1))
                        assertRow(new double[] {0.71653493218368747, 0.35141085036424141, 2.0390233581034582,
                            0.04144769638691282, 0.02778232169318029, 1.4052875426741946}, e.get("treatment:marker"),
                                1e-8, "trt:marker");
                        assertRelative(Math.exp(0.71653493218368747), e.get("treatment:marker")[6], 1e-8, "odds ratio");
                        // coef(b)[2] + 0.63825 * coef(b)[4]: 0.34062248107482168 + 0.63825 * 0.71653493218368747
                        assertRelative(0.34062248107482168 + 0.63825 * 0.71653493218368747,
                                e.get("treatment | marker=0.63825")[0], 1e-8, "trt at Q3");
                    });
        }
    }

    @Test
    void coxContinuousAdjustedAsCoxph() throws Exception {
        try (Table data = data(allocator)) {
            Map<String, Object> summary = run(new InteractionMethod(), Map.of(InteractionMethod.INPUT, data),
                    Map.of("model", "cox", "timeColumn", "time", "eventColumn", "event", "treatmentColumn", "trt",
                            "markerColumn", "marker", "markerValues", "-1,1.5", "covariates", "age"), 1, outputs -> {
                                Map<String, double[]> e = effects(outputs.get(InteractionMethod.EFFECTS));
                                // coxph(Surv(time, event) ~ trt * marker + age); contrast(cx, c(1, 0, 0, -1))
                                assertRow(new double[] {0.22926420347919413, 0.25050474374984566, 0.91520902976646878,
                                    0.36008190513353472, -0.26171607222693843, 0.72024447918532664},
                                        e.get("treatment | marker=-1"), 1e-8, "trt at -1");
                                // contrast(cx, c(1, 0, 0, 1.5))
                                assertRow(new double[] {-1.274720005492441, 0.31582799075140339, -4.0361210621632555,
                                    5.4342183004269415e-05, -1.8937314926748408, -0.65570851831004129},
                                        e.get("treatment | marker=1.5"), 1e-8, "trt at 1.5");
                                assertRelative(Math.exp(-1.274720005492441), e.get("treatment | marker=1.5")[6], 1e-8,
                                        "hazard ratio");
                                // contrast(cx, c(0, 1, 0, 0))
                                assertRow(new double[] {0.58406240338281756, 0.11924089050410391, 4.8981721028216905,
                                    9.6732293706463933e-07, 0.3503545525102898, 0.81777025425534533},
                                        e.get("marker | control"), 1e-8, "marker | control");
                                // contrast(cx, c(0, 0, 0, 1))
                                assertRow(new double[] {-0.60159368358865406, 0.17916272003366909, -3.3578061522821252,
                                    0.00078563688106607994, -0.95274616222687825, -0.25044120495042987},
                                        e.get("treatment:marker"), 1e-8, "trt:marker");
                                // coef(cx)["age"], sqrt(diag(vcov(cx)))["age"]
                                assertRelative(0.017938954365277277, e.get("age")[0], 1e-8, "age");
                                assertRelative(0.0071193474420066316, e.get("age")[1], 1e-8, "se age");
                            });
            assertEquals(143L, summary.get("events"));
            assertEquals("z", summary.get("interactionTest"));
        }
    }

    @Test
    void coxCategoricalAsCoxph() throws Exception {
        try (Table data = data(allocator)) {
            Map<String, Object> summary = run(new InteractionMethod(), Map.of(InteractionMethod.INPUT, data),
                    Map.of("model", "cox", "timeColumn", "time", "eventColumn", "event", "treatmentColumn", "trt",
                            "markerColumn", "group", "markerType", "categorical"), 1, outputs -> {
                                Table t = outputs.get(InteractionMethod.EFFECTS);
                                assertEquals(List.of("marker=g2 vs g1 | control", "marker=g3 vs g1 | control",
                                        "treatment | marker=g1", "treatment | marker=g2", "treatment | marker=g3",
                                        "treatment:marker=g2", "treatment:marker=g3", "treatment:marker"), terms(t));
                                Map<String, double[]> e = effects(t);
                                // coxph(Surv(time, event) ~ trt * group); contrast(cg, c(1, 0, 0, 1, 0))
                                assertRow(new double[] {-0.23063516045550309, 0.28930871692729487, -0.79719395566454077,
                                    0.42533839587554512, -0.7976698260464945, 0.33639950513548827},
                                        e.get("treatment | marker=g2"), 1e-8, "trt at g2");
                                // contrast(cg, c(1, 0, 0, 0, 1))
                                assertRow(new double[] {-1.0941689619831578, 0.31727689276936683, -3.4486248035041278,
                                    0.00056344901934193229, -1.7160202449378934, -0.47231767902842225},
                                        e.get("treatment | marker=g3"), 1e-8, "trt at g3");
                                // contrast(cg, c(0, 0, 1, 0, 0))
                                assertRow(new double[] {1.2291883239198897, 0.27195727863865177, 4.5197846149692724,
                                    6.190257648985131e-06, 0.69616185245460827, 1.7622147953851712},
                                        e.get("marker=g3 vs g1 | control"), 1e-8, "g3 vs g1");
                                // coef(cg)["trt:groupg2"], se
                                assertRelative(-0.43785139997116967, e.get("treatment:marker=g2")[0], 1e-8, "trt:g2");
                                assertRelative(0.41358144893215981, e.get("treatment:marker=g2")[1], 1e-8, "se trt:g2");
                                // joint Wald: b' solve(vcov[4:5, 4:5]) b = 9.0659416448959487, p 0.010748696125155607
                                double[] joint = e.get("treatment:marker");
                                assertTrue(Double.isNaN(joint[0]) && Double.isNaN(joint[6]), "joint row has no estimate");
                                assertRelative(9.0659416448959487, joint[2], 1e-8, "Wald");
                                assertRelative(0.010748696125155607, joint[3], 1e-8, "Wald p");
                            });
            assertEquals("chi-square", summary.get("interactionTest"));
            assertEquals(2L, summary.get("interactionDf"));
            assertEquals(List.of("g1", "g2", "g3"), summary.get("markerLevels"));
        }
    }

    @Test
    void categoricalGlmsAsR() throws Exception {
        try (Table data = data(allocator)) {
            run(new InteractionMethod(), Map.of(InteractionMethod.INPUT, data), Map.of("model", "binomial",
                    "outcomeColumn", "yb", "treatmentColumn", "trt", "markerColumn", "group", "markerType", "categorical",
                    "covariates", "sex"), 1, outputs -> {
                        Map<String, double[]> e = effects(outputs.get(InteractionMethod.EFFECTS));
                        // glm(yb ~ trt * group + sex, family = binomial); contrast(bg, c(0, 1, 0, 0, 0, 0, 1))
                        assertRow(new double[] {1.2205107211132338, 0.53408333349994552, 2.2852439770307087,
                            0.022298525873072881, 0.1737266227102463, 2.2672948195162212}, e.get("treatment | marker=g3"),
                                1e-8, "trt at g3");
                        // joint(bg, 6:7): 6.2432367263995365, 0.044085763878142267
                        assertRelative(6.2432367263995365, e.get("treatment:marker")[2], 1e-8, "Wald");
                        assertRelative(0.044085763878142267, e.get("treatment:marker")[3], 1e-8, "Wald p");
                        // coef(bg)["sexM"]
                        assertRelative(0.30780735102154172, e.get("sexM")[0], 1e-8, "sexM");
                    });
            Map<String, Object> gaussian = run(new InteractionMethod(), Map.of(InteractionMethod.INPUT, data),
                    Map.of("model", "gaussian", "outcomeColumn", "y", "treatmentColumn", "trt", "markerColumn", "group",
                            "markerType", "categorical"), 1, null);
            // glm(y ~ trt * group); joint(gg, 5:6, df.residual): F 2.531070701060683, p 0.081750626024934214
            // (= anova(lm(y ~ trt + group), lm(y ~ trt * group)))
            assertEquals("F", gaussian.get("interactionTest"));
            assertRelative(2.531070701060683, (Double) gaussian.get("interactionStatistic"), 1e-9, "F");
            assertRelative(0.081750626024934214, (Double) gaussian.get("interactionP"), 1e-9, "F p");
        }
    }

    @Test
    void treatedLevelAndReferenceReparametrise() throws Exception {
        try (Table data = data(allocator)) {
            run(new InteractionMethod(), Map.of(InteractionMethod.INPUT, data), Map.of("model", "gaussian",
                    "outcomeColumn", "y", "treatmentColumn", "trt", "treatedLevel", "0", "markerColumn", "marker",
                    "markerValues", "-1", "covariates", "age,sex"), 1, outputs -> {
                        Map<String, double[]> e = effects(outputs.get(InteractionMethod.EFFECTS));
                        // arm 0 as treated: the effect of 0 vs 1 at marker -1 is minus R's contrast(g, c(0,1,0,0,0,-1))
                        assertRelative(-0.2999869920804743, e.get("treatment | marker=-1")[0], 1e-9, "swapped");
                        assertRelative(0.17257428499249949, e.get("treatment | marker=-1")[1], 1e-9, "swapped se");
                        // the control arm is now arm 1: its slope is R's marker | treatment
                        assertRelative(1.2875498851295952, e.get("marker | control")[0], 1e-9, "control slope");
                    });
            run(new InteractionMethod(), Map.of(InteractionMethod.INPUT, data), Map.of("model", "cox", "timeColumn",
                    "time", "eventColumn", "event", "treatmentColumn", "trt", "markerColumn", "group", "markerType",
                    "categorical", "markerReference", "g3"), 1, outputs -> {
                        Map<String, double[]> e = effects(outputs.get(InteractionMethod.EFFECTS));
                        // the treatment effect in a level does not depend on the reference: contrast(cg, c(1,0,0,0,1))
                        assertRelative(-1.0941689619831578, e.get("treatment | marker=g3")[0], 1e-8, "g3 as reference");
                        assertRelative(0.31727689276936683, e.get("treatment | marker=g3")[1], 1e-8, "se");
                        assertRelative(-1.2291883239198897, e.get("marker=g1 vs g3 | control")[0], 1e-8, "g1 vs g3");
                    });
        }
    }

    @Test
    void badInputIsNamed() throws Exception {
        try (Table data = data(allocator)) {
            InvalidParameterException e = assertThrows(InvalidParameterException.class, () -> run(new InteractionMethod(),
                    Map.of(InteractionMethod.INPUT, data), Map.of("model", "gaussian", "outcomeColumn", "y",
                            "treatmentColumn", "group", "markerColumn", "marker"), 1, null));
            assertTrue(e.getMessage().contains("exactly 2"), e.getMessage());
            e = assertThrows(InvalidParameterException.class, () -> run(new InteractionMethod(),
                    Map.of(InteractionMethod.INPUT, data), Map.of("model", "binomial", "outcomeColumn", "y",
                            "treatmentColumn", "trt", "markerColumn", "marker"), 1, null));
            assertTrue(e.getMessage().contains("row 1") && e.getMessage().contains("0 or 1"), e.getMessage());
            e = assertThrows(InvalidParameterException.class, () -> run(new InteractionMethod(),
                    Map.of(InteractionMethod.INPUT, data), Map.of("model", "cox", "outcomeColumn", "y",
                            "treatmentColumn", "trt", "markerColumn", "marker"), 1, null));
            assertTrue(e.getMessage().contains("timeColumn"), e.getMessage());
            e = assertThrows(InvalidParameterException.class, () -> run(new InteractionMethod(),
                    Map.of(InteractionMethod.INPUT, data), Map.of("model", "gaussian", "outcomeColumn", "y",
                            "treatmentColumn", "trt", "treatedLevel", "2", "markerColumn", "marker"), 1, null));
            assertTrue(e.getMessage().contains("treatedLevel"), e.getMessage());
            e = assertThrows(InvalidParameterException.class, () -> run(new InteractionMethod(),
                    Map.of(InteractionMethod.INPUT, data), Map.of("model", "gaussian", "outcomeColumn", "y",
                            "treatmentColumn", "trt", "markerColumn", "nomarker"), 1, null));
            assertTrue(e.getMessage().contains("no column 'nomarker'"), e.getMessage());
        }
    }
}
