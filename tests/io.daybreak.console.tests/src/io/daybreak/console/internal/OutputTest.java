package io.daybreak.console.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The JSON contract: a missing value is JSON's null, never the string "NaN". */
class OutputTest {
    @Test
    void missingValuesAreNullInJson() {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("median", new double[] {310, Double.NaN});
        document.put("medianUpper", Arrays.asList(495.0, Double.NaN));
        document.put("p", Double.NaN);
        document.put("n", 228L);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Output.json(new PrintStream(bytes, true, StandardCharsets.UTF_8), document);
        assertEquals("{\"median\":[310.0,null],\"medianUpper\":[495.0,null],\"p\":null,\"n\":228}",
                bytes.toString(StandardCharsets.UTF_8).strip());
    }

    @Test
    void aListOfRowsPrintsAsATableWithNaForMissing() {
        Map<String, Object> row1 = new LinkedHashMap<>();
        row1.put("term", "(Intercept)");
        row1.put("Estimate", -1.70786);
        row1.put("OR", Double.NaN);
        Map<String, Object> row2 = new LinkedHashMap<>();
        row2.put("term", "spontaneous");
        row2.put("Estimate", 1.19721);
        row2.put("OR", 3.31088);
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("coefficientTable", java.util.List.of(row1, row2));
        document.put("n", 248L);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Output.keyValues(new PrintStream(bytes, true, StandardCharsets.UTF_8), document, "");
        assertEquals(String.join("\n",
                "coefficientTable:",
                "  term         Estimate       OR",
                "  (Intercept)  -1.70786       NA",
                "  spontaneous   1.19721  3.31088",
                "n                 248"), bytes.toString(StandardCharsets.UTF_8).strip().replace("\r", ""));
    }
}
