package io.daybreak.methods.causal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import io.daybreak.data.LongColumn;
import io.daybreak.data.Table;
import io.daybreak.data.csv.CsvReader;

/**
 * causal.matching against MatchIt 4.7.1 itself: {@code R_LIBS=/work/rlib-causal Rscript
 * docs/validation/r/causal/matchit.R > matchit.out} (R 4.2.2) runs {@code matchit(treat ~ age + educ + black + hispan
 * + married + nodegree + re74 + re75, data = lalonde, method = "nearest", distance = "glm", ...)} on MatchIt's
 * lalonde (written to {@code resources/lalonde.csv}) and the veteran calls of causal.R; this test reads every pair
 * and the ATT of the weighted mean difference from matchit.out.
 */
class MatchItParityTest extends CausalTestSupport {
    private static final String LALONDE = "age,educ,black,hispan,married,nodegree,re74,re75";

    @Test
    void lalondeEveryPairAndTheAttEqualMatchIt() throws Exception {
        Map<String, String[]> r = matchitOut();
        check(r.get("lalonde 1:1"), Map.of());
        check(r.get("lalonde 1:1 caliper 0.2"), Map.of("caliper", "0.2"));
        check(r.get("lalonde 1:2 replace"), Map.of("ratio", "2", "replace", "true"));
        check(r.get("lalonde 1:2 no replace"), Map.of("ratio", "2"));
    }

    @Test
    void veteranEveryPairAndTheAttEqualMatchIt() throws Exception {
        // matchit(A ~ age + karno + diagtime + prior10, data = d, method = "nearest", distance = "glm", ...)
        Map<String, String[]> r = matchitOut();
        check(r.get("veteran 1:1"), Map.of());
        check(r.get("veteran 1:1 caliper 0.2"), Map.of("caliper", "0.2"));
        check(r.get("veteran 1:2 replace"), Map.of("ratio", "2", "replace", "true"));
    }

    private void check(String[] expected, Map<String, String> extra) throws Exception {
        boolean lalonde = expected[0].startsWith("lalonde");
        Map<String, Object> raw = new HashMap<>(lalonde
                ? Map.of("treatment", "treat", "covariates", LALONDE, "outcome", "re78")
                : Map.of("treatment", "trt", "treatedValue", "2", "covariates", COVARIATES, "outcome", "dead100"));
        raw.putAll(extra);
        Map<Long, StringBuilder> byTreated = new TreeMap<>();
        Path file = Path.of(System.getProperty("daybreak.testdata.dir", "resources"), "lalonde.csv");
        try (Table data = lalonde ? CsvReader.read(file, allocator) : veteran()) {
            Map<String, Object> s = run(new MatchingMethod(), data, raw, outputs -> {
                Table matches = outputs.get("matches");
                LongColumn treated = matches.longs("treatedRow");
                LongColumn control = matches.longs("controlRow");
                for (int i = 0; i < matches.rowCount(); i++) {
                    StringBuilder text = byTreated.computeIfAbsent(treated.get(i), t -> new StringBuilder());
                    text.append(text.length() == 0 ? "" : ",").append(control.get(i));
                }
            });
            StringBuilder actual = new StringBuilder();
            byTreated.forEach((t, controls) -> actual.append(actual.length() == 0 ? "" : " ").append(t).append(':')
                    .append(controls));
            assertEquals(expected[2], actual.toString(), expected[0] + " pairs");
            assertEquals(expected[1], s.get("matchedTreated") + " " + s.get("matchedControls"),
                    expected[0] + " matched treated, controls");
            assertRelative(Double.parseDouble(expected[3]), (Double) s.get("att"), 1e-10, expected[0] + " ATT");
        }
    }

    /** matchit.out's sections: label → {label, "treated controls", pairs, ATT}. */
    private static Map<String, String[]> matchitOut() throws Exception {
        Path file = Path.of(System.getProperty("daybreak.testdata.dir", "resources"))
                .resolve("../../../docs/validation/r/causal/matchit.out").normalize();
        Map<String, String[]> sections = new LinkedHashMap<>();
        String[] current = null;
        for (String line : Files.readAllLines(file)) {
            if (line.startsWith("== ")) {
                current = new String[4];
                current[0] = line.substring(3);
                sections.put(current[0], current);
            } else if (current != null && line.startsWith("matched treated, controls: ")) {
                current[1] = line.substring("matched treated, controls: ".length());
            } else if (current != null && line.startsWith("pairs: ")) {
                current[2] = line.substring("pairs: ".length());
            } else if (current != null && line.startsWith("ATT (weighted mean difference): ")) {
                current[3] = line.substring("ATT (weighted mean difference): ".length());
            }
        }
        return sections;
    }
}
