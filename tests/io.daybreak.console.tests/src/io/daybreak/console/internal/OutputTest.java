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
}
