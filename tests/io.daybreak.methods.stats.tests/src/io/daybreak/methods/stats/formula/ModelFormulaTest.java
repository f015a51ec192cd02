package io.daybreak.methods.stats.formula;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import io.daybreak.core.method.InvalidParameterException;
import io.daybreak.core.testing.MethodTestSupport;
import io.daybreak.data.Table;
import io.daybreak.stats.models.formula.Formula;
import io.daybreak.stats.models.formula.LevelOrder;
import io.daybreak.stats.models.formula.ModelFrame;
import io.daybreak.stats.models.formula.ModelMatrix;
import io.daybreak.stats.models.formula.StatusCoding;

/**
 * The formula parser and the model matrix against R 4.2.2's {@code model.matrix} on a small data set (section G of
 * docs/validation/r/stats/formulas.R, output in formulas.out): column names, treatment contrasts, R's rule for
 * indicator coding in interactions, term order; R's level order; Surv's status coding; errors that name the problem.
 */
class ModelFormulaTest extends MethodTestSupport {

    /** R: d <- data.frame(y = 1:8, a = c(1,2,1,3,2,3,1,2), b = c("x","y","x","y","Z","x","y","x"), c = logical, t = 1:8). */
    private Table data() {
        return Table.builder(allocator).addFloat64("y", 1, 2, 3, 4, 5, 6, 7, 8).addFloat64("a", 1, 2, 1, 3, 2, 3, 1, 2)
                .addString("b", "x", "y", "x", "y", "Z", "x", "y", "x")
                .addBoolean("c", true, false, true, true, false, false, true, false)
                .addFloat64("t", 1, 2, 3, 4, 5, 6, 7, 8).build();
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        // colnames(model.matrix(<formula>, d)) in R 4.2.2, joined by " | "
        "y ~ b:a + a; (Intercept) | a | by:a | bZ:a",
        "y ~ factor(a)*b; (Intercept) | factor(a)2 | factor(a)3 | by | bZ | factor(a)2:by | factor(a)3:by | factor(a)2:bZ"
            + " | factor(a)3:bZ",
        "y ~ b:c + t; (Intercept) | t | bx:cFALSE | by:cFALSE | bZ:cFALSE | bx:cTRUE | by:cTRUE | bZ:cTRUE",
        "y ~ factor(a) - 1; factor(a)1 | factor(a)2 | factor(a)3",
        "y ~ 0 + factor(a) + b; factor(a)1 | factor(a)2 | factor(a)3 | by | bZ",
        "y ~ c + t:a + log(t) + I(t^2); (Intercept) | cTRUE | log(t) | I(t^2) | t:a",
        "y ~ a*t*c; (Intercept) | a | t | cTRUE | a:t | a:cTRUE | t:cTRUE | a:t:cTRUE",
        "y ~ b:t; (Intercept) | bx:t | by:t | bZ:t",
        "y ~ (a + b + t)^2; (Intercept) | a | by | bZ | t | a:by | a:bZ | a:t | by:t | bZ:t"})
    void columnNamesAreRs(String formula, String expected) {
        try (Table data = data()) {
            ModelMatrix matrix = ModelFrame.build(data, Formula.parse("formula", formula),
                    ModelFrame.Options.local("formula", Map.of(), null));
            assertEquals(List.of(expected.split(" \\| ")), matrix.columnNames(), formula);
            assertEquals(matrix.columnNames(), ModelFrame.columnNames(matrix.formula(), matrix.levels()),
                    "names from the levels alone (what a coordinator computes)");
        }
    }

    @Test
    void valuesAreProductsOfIndicatorsAndNumbers() {
        try (Table data = data()) {
            ModelMatrix matrix = ModelFrame.build(data, Formula.parse("formula", "y ~ b:a + log(t)"),
                    ModelFrame.Options.local("formula", Map.of("b", "y"), null));
            // b's reference moved to y: levels y, x, Z; b:a with no a main effect codes b by indicators
            assertEquals(List.of("(Intercept)", "log(t)", "by:a", "bx:a", "bZ:a"), matrix.columnNames());
            double[] row5 = matrix.x()[4]; // b = Z, a = 2, t = 5
            assertEquals(List.of(1.0, Math.log(5), 0.0, 0.0, 2.0), List.of(row5[0], row5[1], row5[2], row5[3], row5[4]));
            assertEquals(8, matrix.rows());
        }
    }

    @Test
    void textLevelsSortAsR() {
        // R 4.2.2: sort(c("b","B","a","A","a b","ab","Z","0-5yrs","12+ yrs","6-11yrs","10","9","Female","male"))
        Set<String> levels = new TreeSet<>(LevelOrder.TEXT);
        levels.addAll(List.of("b", "B", "a", "A", "a b", "ab", "Z", "0-5yrs", "12+ yrs", "6-11yrs", "10", "9", "Female",
                "male"));
        assertEquals(List.of("0-5yrs", "10", "12+ yrs", "6-11yrs", "9", "a", "A", "a b", "ab", "b", "B", "Female", "male",
                "Z"), List.copyOf(levels));
    }

    @Test
    void statusIsReadAsSurvReadsIt() {
        assertEquals(1, StatusCoding.eventValue("status", new double[] {0, 1, 1, 0}));
        assertEquals(2, StatusCoding.eventValue("status", new double[] {1, 2, 2, 1}));
        assertEquals(1, StatusCoding.eventValue("status", new double[] {1, 1}), "only 1s: 0/1 coding, all events");
        assertEquals(2, StatusCoding.eventValue("status", StatusCoding.Kind.ONES, StatusCoding.Kind.ONE_TWO),
                "pooled with a site coding 1/2, a site's 1s are censored");
        InvalidParameterException e = assertThrows(InvalidParameterException.class,
                () -> StatusCoding.eventValue("status", new double[] {0, 1, 2, 2}));
        assertTrue(e.getMessage().contains("column 'status' holds the values 0, 1, 2"), e.getMessage());
        assertThrows(InvalidParameterException.class, () -> StatusCoding.eventValue("status", StatusCoding.Kind.ZERO_ONE,
                StatusCoding.Kind.ONE_TWO));
        try (Table data = Table.builder(allocator).addFloat64("time", 1, 2, 3).addBoolean("dead", true, false, true)
                .addFloat64("x", 1, 2, 4).build()) {
            ModelMatrix matrix = ModelFrame.build(data, Formula.parse("formula", "Surv(time, dead) ~ x"),
                    ModelFrame.Options.local("formula", Map.of(), null));
            assertEquals("TRUE", matrix.eventValue());
            assertEquals(List.of(true, false, true), List.of(matrix.event()[0], matrix.event()[1], matrix.event()[2]));
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "y ~ poly(a); unknown function 'poly'",
        "y ~ a + Surv(t, c); Surv() only on the left of ~",
        "y ~ a +; expected a column name or one of",
        "y ~ 2*a; a number in a formula can only be 0 or 1",
        "y ~ a) ; expected '+', '-', '*', ':' or the end, found ')' at character 6",
        "y ~ I(a); expected '^'"})
    void badFormulasAreNamed(String formula, String message) {
        InvalidParameterException e = assertThrows(InvalidParameterException.class, () -> Formula.parse("formula", formula));
        assertTrue(e.getMessage().startsWith("parameter 'formula': ") && e.getMessage().contains(message), e.getMessage());
    }

    @Test
    void badDataAreNamedWithRowAndValue() {
        try (Table data = data()) {
            InvalidParameterException e = assertThrows(InvalidParameterException.class, () -> ModelFrame.build(data,
                    Formula.parse("formula", "y ~ log(a - 1)"), ModelFrame.Options.local("formula", Map.of(), null)));
            assertTrue(e.getMessage().contains("expected ')'"), e.getMessage());
            e = assertThrows(InvalidParameterException.class, () -> ModelFrame.build(data,
                    Formula.parse("formula", "y ~ log(b)"), ModelFrame.Options.local("formula", Map.of(), null)));
            assertTrue(e.getMessage().contains("log(b) needs a numeric column; column 'b' is string"), e.getMessage());
            e = assertThrows(InvalidParameterException.class, () -> ModelFrame.build(data,
                    Formula.parse("formula", "y ~ missing"), ModelFrame.Options.local("formula", Map.of(), null)));
            assertTrue(e.getMessage().contains("the data have no column 'missing'"), e.getMessage());
            e = assertThrows(InvalidParameterException.class, () -> ModelFrame.build(data,
                    Formula.parse("formula", "y ~ b"), ModelFrame.Options.local("formula", Map.of("b", "w"), null)));
            assertTrue(e.getMessage().contains("parameter 'ref': b has no level 'w'; its levels are x, y, Z"),
                    e.getMessage());
        }
        try (Table zero = Table.builder(allocator).addFloat64("y", 1, 2).addFloat64("a", 1, 0).build()) {
            InvalidParameterException e = assertThrows(InvalidParameterException.class, () -> ModelFrame.build(zero,
                    Formula.parse("formula", "y ~ log(a)"), ModelFrame.Options.local("formula", Map.of(), null)));
            assertTrue(e.getMessage().contains("log(a) is not finite at row 2 (column 'a' = 0)"), e.getMessage());
        }
    }

    @Test
    void formulasWriteBackAsR() {
        assertEquals("Surv(time, status == 2) ~ age + factor(ph.ecog) + age:sex + strata(inst) + offset(log(t)) - 1",
                Formula.parse("formula", "Surv(time,status==2)~age*sex-sex+factor(ph.ecog)+strata(inst)+offset(log(t))-1")
                        .toString());
        assertEquals(List.of("`ph ecog`"), Formula.parse("formula", "y ~ `ph ecog`").termLabels());
        assertEquals(List.of("I(x^-1)"), Formula.parse("formula", "y ~ I(x^-1)").termLabels());
    }
}
