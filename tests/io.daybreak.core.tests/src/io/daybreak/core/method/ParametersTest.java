package io.daybreak.core.method;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

class ParametersTest {
    private static final MethodDescriptor DESCRIPTOR = MethodDescriptor.builder("test.params", "parameters")
            .parameter(ParameterSpec.integer("n").min(1).max(100))
            .parameter(ParameterSpec.real("p").greaterThan(0).lessThan(1).defaultValue(0.5))
            .parameter(ParameterSpec.bool("exact").defaultValue(true))
            .parameter(ParameterSpec.choice("model", "empiric", "logistic").defaultValue("empiric"))
            .parameter(ParameterSpec.string("label").optional())
            .parameter(ParameterSpec.reals("truth").greaterThan(0).lessThan(1).optional())
            .build();

    @Test
    void bindsTextAndTypedValuesAndFillsDefaults() {
        Parameters bound = Parameters.bind(DESCRIPTOR, Map.of("n", "12", "exact", "FALSE"));
        assertEquals(12, bound.integer("n"));
        assertEquals(0.5, bound.real("p"));
        assertFalse(bound.bool("exact"));
        assertEquals("empiric", bound.string("model"));
        assertFalse(bound.has("label"));
        assertEquals(java.util.List.of("n", "p", "exact", "model"), java.util.List.copyOf(bound.asMap().keySet()));
        Parameters typed = Parameters.bind(DESCRIPTOR, Map.of("n", 3, "p", 0.25, "label", "x"));
        assertEquals(3, typed.integer("n"));
        assertEquals(0.25, typed.real("p"));
        assertEquals("x", typed.string("label"));
        double[] truth = Parameters.bind(DESCRIPTOR, Map.of("n", "1", "truth", " 0.05, 0.1,0.25 ")).reals("truth");
        assertEquals(3, truth.length);
        assertEquals(0.25, truth[2]);
        assertEquals(0.5, Parameters.bind(DESCRIPTOR, Map.of("n", 1, "truth", java.util.List.of(0.5))).reals("truth")[0]);
    }

    @Test
    void boundsAreInclusiveOrExclusiveAsDeclared() {
        Parameters.bind(DESCRIPTOR, Map.of("n", "1"));
        Parameters.bind(DESCRIPTOR, Map.of("n", "100"));
        assertRejected(Map.of("n", "0"), "'n' = 0 is out of range; allowed: integer in [1, 100]");
        assertRejected(Map.of("n", "101"), "integer in [1, 100]");
        assertRejected(Map.of("n", "5", "p", "0"), "'p' = 0 is out of range; allowed: real in (0, 1)");
        assertRejected(Map.of("n", "5", "p", "1.0"), "real in (0, 1)");
        assertRejected(Map.of("n", "5", "p", "0x1p-2"), "'p' must be a real number");
        assertRejected(Map.of("n", "5", "p", "NaN"), "'p' must be a real number");
        assertRejected(Map.of("n", "5", "exact", "yes"), "'exact' must be true or false");
        assertRejected(Map.of("n", "5", "model", "tanh"), "allowed: empiric, logistic");
        assertRejected(Map.of(), "missing required parameter 'n' (integer in [1, 100])");
        assertRejected(Map.of("n", "5", "N", "5"), "unknown parameter 'N'", "n, p, exact, model, label, truth");
        assertRejected(Map.of("n", "5", "lable", "x"), "unknown parameter 'lable' for method test.params; did you mean "
                + "'label'? parameters: n, p, exact, model, label, truth");
        assertRejected(Map.of("n", "5", "zzzzzz", "x"), "unknown parameter 'zzzzzz' for method test.params; parameters:");
        assertRejected(Map.of("n", "5", "truth", "0.1,1.2"), "'truth[2]' = 1.2 is out of range; allowed: real in (0, 1)");
        assertRejected(Map.of("n", "5", "truth", "0.1,,0.3"), "element 2 ('') is not a real number");
        assertRejected(Map.of("n", "5", "truth", "0.1;0.2"), "element 1 ('0.1;0.2')");
    }

    private static void assertRejected(Map<String, ?> raw, String... fragments) {
        InvalidParameterException e = assertThrows(InvalidParameterException.class, () -> Parameters.bind(DESCRIPTOR, raw));
        for (String fragment : fragments) {
            assertTrue(e.getMessage().contains(fragment), "'" + e.getMessage() + "' should contain '" + fragment + "'");
        }
    }

    @Test
    void descriptorsCannotDeclareInvalidDefaultsOrIds() {
        assertThrows(InvalidParameterException.class, () -> ParameterSpec.real("x").min(0).defaultValue(-1.0).build());
        assertThrows(IllegalArgumentException.class, () -> MethodDescriptor.builder("Bad Id", "t").build());
        assertThrows(IllegalArgumentException.class, () -> MethodDescriptor.builder("a.b", "t")
                .parameter(ParameterSpec.bool("x").defaultValue(true))
                .parameter(ParameterSpec.bool("x").defaultValue(false)).build());
    }
}
