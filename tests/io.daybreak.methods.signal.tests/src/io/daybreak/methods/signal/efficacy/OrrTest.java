package io.daybreak.methods.signal.efficacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.daybreak.core.method.InvalidParameterException;
import io.daybreak.core.testing.MethodTestSupport;
import io.daybreak.data.Table;
import io.daybreak.stats.signal.efficacy.ResponseRate;

/**
 * ORR by group against R 4.2.2 ({@code docs/validation/r/signal/efficacy.R}): {@code binom.test(r, n)$conf.int},
 * and for the Beta(0.5 + r, 0.5 + n - r) posterior {@code qbeta(c(0.025, 0.975), ...)} and
 * {@code pbeta(0.2, ..., lower.tail = FALSE)}.
 */
class OrrTest extends MethodTestSupport {
    private static final double TOL = 1e-13;
    private static final String[] GROUPS = {"10 mg", "20 mg", "40 mg", "80 mg"};
    private static final double[] N = {6, 12, 15, 9};
    private static final double[] R = {0, 3, 7, 9};
    /** per group: cp_lower, cp_upper, post_mean, post_lower, post_upper, p_above_target (target 0.2). */
    private static final double[][] EXPECTED = {
        {0, 0.45925812643990038, 0.071428571428571425, 7.8499848366208022e-05, 0.33038890915155006,
            0.094642343940641513},
        {0.054860644527992761, 0.57185846187818912, 0.26923076923076922, 0.075942328919484867, 0.52919108362655076,
            0.68829000072375046},
        {0.2126667295193079, 0.73413865272260348, 0.46875, 0.23878684795905794, 0.70611358511960054,
            0.99099086834232364},
        {0.66373288312005707, 1, 0.94999999999999996, 0.76238990136709683, 0.99994693594658146, 0.99999995428561972},
    };

    @Test
    void engineMatchesBinomTestAndBetaQuantiles() {
        for (int g = 0; g < GROUPS.length; g++) {
            ResponseRate rate = ResponseRate.of((long) R[g], (long) N[g], 0.95, 0.5, 0.5, 0.2);
            double[] got = {rate.cpLower(), rate.cpUpper(), rate.posteriorMean(), rate.posteriorLower(),
                rate.posteriorUpper(), rate.probabilityAboveTarget()};
            for (int c = 0; c < got.length; c++) {
                assertEquals(EXPECTED[g][c], got[c], 1e-12 * EXPECTED[g][c] + 1e-16, GROUPS[g] + " column " + c);
            }
        }
        // binom.test(4, 11, conf.level = 0.9)$conf.int; qbeta(c(0.05, 0.95), 5, 8); pbeta(0.3, 5, 8, lower.tail = FALSE)
        ResponseRate rate = ResponseRate.of(4, 11, 0.9, 1, 1, 0.3);
        assertEquals(0.13507547291964125, rate.cpLower(), TOL);
        assertEquals(0.65018846542808251, rate.cpUpper(), TOL);
        assertEquals(0.18102475724232087, rate.posteriorLower(), TOL);
        assertEquals(0.60913769822903663, rate.posteriorUpper(), TOL);
        assertEquals(0.72365546953000015, rate.probabilityAboveTarget(), TOL);
        assertEquals(4.0 / 11, rate.orr(), 0);
    }

    @Test
    void onePatientPerRowNumericDosesSortedByValue() throws Exception {
        // doses 80, 10, 40, 20 given out of order, with one missing response that is left out
        double[] dose = new double[43];
        double[] response = new double[43];
        int row = 0;
        double[] order = {80, 10, 40, 20};
        int[] index = {3, 0, 2, 1};
        for (int k = 0; k < 4; k++) {
            int g = index[k];
            for (int i = 0; i < N[g]; i++) {
                dose[row] = order[k];
                response[row++] = i < R[g] ? 1 : 0;
            }
        }
        dose[row] = 10;
        response[row] = Double.NaN;
        try (Table data = Table.builder(allocator).addFloat64("DOSE", dose).addFloat64("AVAL", response).build()) {
            Map<String, Object> summary = run(new OrrMethod(), Map.of(OrrMethod.INPUT, data),
                    Map.of("groupColumn", "DOSE", "responseColumn", "AVAL", "target", "0.2"), 1,
                    outputs -> assertTable(outputs.get(OrrMethod.OUTPUT), List.of("10", "20", "40", "80")));
            assertEquals(1L, summary.get("skippedRows"));
        }
    }

    @Test
    void booleanResponsesAndTextGroupsInOrderOfAppearance() throws Exception {
        // cohort "B" first: 1 of 2; cohort "A": 2 of 3. binom.test(1, 2)$conf.int = 0.0125791170934251, 0.9874208829065749
        try (Table data = Table.builder(allocator).addString("group", "B", "A", "A", "B", "A")
                .addBoolean("response", true, true, false, false, true).build()) {
            run(new OrrMethod(), Map.of(OrrMethod.INPUT, data), Map.of("target", "0.5"), 1, outputs -> {
                Table t = outputs.get(OrrMethod.OUTPUT);
                assertEquals("B", t.strings("group").get(0));
                assertEquals("A", t.strings("group").get(1));
                assertEquals(2.0, t.doubles("n").get(0));
                assertEquals(2.0, t.doubles("responses").get(1));
                assertEquals(0.0125791170934251, t.doubles("cp_lower").get(0), 1e-14);
                assertEquals(0.9874208829065749, t.doubles("cp_upper").get(0), 1e-14);
                assertEquals(0.5, t.doubles("p_above_target").get(0), 1e-15); // Beta(1.5, 1.5) is symmetric
            });
        }
    }

    @Test
    void countsPerGroupFromATableOrFromParameters() throws Exception {
        try (Table data = Table.builder(allocator).addString("cohort", GROUPS).addFloat64("resp", R)
                .addFloat64("treated", N).build()) {
            run(new OrrMethod(), Map.of(OrrMethod.INPUT, data), Map.of("groupColumn", "cohort", "responseColumn", "resp",
                    "patientsColumn", "treated", "target", "0.2"), 1,
                    outputs -> assertTable(outputs.get(OrrMethod.OUTPUT), Arrays.asList(GROUPS)));
        }
        run(new OrrMethod(), Map.of(), Map.of("responses", "0,3,7,9", "patients", "6,12,15,9",
                "groups", String.join(",", GROUPS), "target", "0.2"), 1,
                outputs -> assertTable(outputs.get(OrrMethod.OUTPUT), Arrays.asList(GROUPS)));
    }

    private static void assertTable(Table t, List<String> groups) {
        assertEquals(4, t.rowCount());
        String[] columns = {"cp_lower", "cp_upper", "post_mean", "post_lower", "post_upper", "p_above_target"};
        for (int g = 0; g < 4; g++) {
            assertEquals(groups.get(g), t.strings("group").get(g));
            assertEquals(N[g], t.doubles("n").get(g));
            assertEquals(R[g], t.doubles("responses").get(g));
            assertEquals(R[g] / N[g], t.doubles("orr").get(g), 0);
            for (int c = 0; c < columns.length; c++) {
                assertEquals(EXPECTED[g][c], t.doubles(columns[c]).get(g), 1e-12 * EXPECTED[g][c] + 1e-16,
                        columns[c] + " " + groups.get(g));
            }
        }
    }

    @Test
    void badInputNamesTheRowColumnOrParameter() throws Exception {
        try (Table data = Table.builder(allocator).addString("group", "a", "a", "b").addFloat64("response", 1, 2, 0)
                .build()) {
            InvalidParameterException e = assertThrows(InvalidParameterException.class, () -> run(new OrrMethod(),
                    Map.of(OrrMethod.INPUT, data), Map.of("target", "0.2"), 1, null));
            assertTrue(e.getMessage().contains("row 2") && e.getMessage().contains("response = 2.0"), e.getMessage());
            e = assertThrows(InvalidParameterException.class, () -> run(new OrrMethod(), Map.of(OrrMethod.INPUT, data),
                    Map.of("target", "0.2", "groupColumn", "arm"), 1, null));
            assertTrue(e.getMessage().contains("no column 'arm'"), e.getMessage());
            e = assertThrows(InvalidParameterException.class, () -> run(new OrrMethod(), Map.of(OrrMethod.INPUT, data),
                    Map.of("target", "0.2", "responses", "1", "patients", "2"), 1, null));
            assertTrue(e.getMessage().contains("not both"), e.getMessage());
        }
        try (Table counts = Table.builder(allocator).addString("group", "a", "b").addFloat64("response", 3, 5)
                .addFloat64("n", 4, 4).build()) {
            InvalidParameterException e = assertThrows(InvalidParameterException.class, () -> run(new OrrMethod(),
                    Map.of(OrrMethod.INPUT, counts), Map.of("target", "0.2", "patientsColumn", "n"), 1, null));
            assertTrue(e.getMessage().contains("row 2") && e.getMessage().contains("5 responses in 4"), e.getMessage());
        }
        InvalidParameterException e = assertThrows(InvalidParameterException.class, () -> summary(new OrrMethod(),
                Map.of("target", "0.2", "responses", "1,2", "patients", "3"), 1));
        assertTrue(e.getMessage().contains("same length"), e.getMessage());
        e = assertThrows(InvalidParameterException.class, () -> summary(new OrrMethod(),
                Map.of("target", "0.2", "responses", "1.5", "patients", "3"), 1));
        assertTrue(e.getMessage().contains("'responses' element 1 = 1.5"), e.getMessage());
        e = assertThrows(InvalidParameterException.class, () -> summary(new OrrMethod(), Map.of("target", "0.2"), 1));
        assertTrue(e.getMessage().contains("no data"), e.getMessage());
        assertThrows(InvalidParameterException.class, () -> summary(new OrrMethod(), Map.of("responses", "1",
                "patients", "3"), 1), "target is required");
    }
}
