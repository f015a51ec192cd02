package io.daybreak.console.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The JSON contract (a missing value is JSON's null, never the string "NaN"; every value of a list) and the text
 * layout (tables, long lists as a summary line).
 */
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

    @Test
    void aLongListPrintsAsASummaryLineInTextAndWholeInJson() {
        java.util.List<Double> survival = new java.util.ArrayList<>();
        for (int i = 0; i < 400; i++) {
            survival.add(1 - i / 500.0);
        }
        Map<String, Object> curve = new LinkedHashMap<>();
        curve.put("group", "arm = 1");
        curve.put("survival", survival);
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("curves", java.util.List.of(curve)); // as fed stats.km curves=true returns them
        document.put("time", survival);
        document.put("median", java.util.List.of(310.0, 426.0));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Output.keyValues(new PrintStream(bytes, true, StandardCharsets.UTF_8), document, "");
        String text = bytes.toString(StandardCharsets.UTF_8);
        String summaryLine = "[1, 0.998, 0.996, …, 0.202] (400 values, from 0.202 to 1)";
        String cell = "[400 values: 1 … 0.202]"; // in a table, shorter still
        assertEquals(String.join("\n",
                "curves:",
                "  group    " + " ".repeat(cell.length() - "survival".length()) + "survival",
                "  arm = 1  " + cell,
                "time    " + summaryLine,
                "median  [310, 426]"), text.strip().replace("\r", ""));
        assertTrue(Output.hasLongList(document));
        assertFalse(Output.hasLongList(Map.of("median", java.util.List.of(310.0, 426.0))));
        assertEquals(Output.MAX_LIST_VALUES, 20);
        assertEquals("[" + "1, ".repeat(19) + "1]", Output.brief(java.util.Collections.nCopies(20, 1.0)),
                "twenty values still print whole");
        bytes.reset();
        Output.json(new PrintStream(bytes, true, StandardCharsets.UTF_8), document);
        String json = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(json.contains("0.20199999999999996]") && json.split(",").length > 800, "JSON keeps every value");
    }
}
