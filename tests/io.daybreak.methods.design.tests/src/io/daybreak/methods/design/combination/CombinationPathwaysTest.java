package io.daybreak.methods.design.combination;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import io.daybreak.core.testing.MethodTestSupport;
import io.daybreak.data.Table;

/**
 * The pathways table of design.boin-comb against BOIN::next.comb: the resource comb-pathways.txt is the output of
 * docs/validation/r/combination/comb-pathways.R (R 4.2.2, BOIN 2.7.2): every outcome sequence of the first two
 * cohorts of 3 on the help page's 3 x 5 grid from (1, 1), target 0.3, each decision by {@code next.comb(0.3, npts,
 * ntox, dose.curr)} under seeds 1 ... 50, so that a random choice between two neighbours shows both.
 */
class CombinationPathwaysTest extends MethodTestSupport {

    @Test
    void pathwaysEqualNextComb() throws Exception {
        Map<String, TreeSet<String>> ours = new TreeMap<>();
        run(new BoinCombMethod(), Map.of(), Map.of("truth", CombinationSimulationTest.HELP, "levelsA", "3", "target",
                "0.3", "cohorts", "20", "trials", "10", "pathwayCohorts", "2"), 1, outputs -> {
                    Table t = outputs.get("pathways");
                    for (int i = 0; i < t.rowCount(); i++) {
                        String key = t.longs("cohort").get(i) + " | " + t.strings("history").get(i).replace(":", " ")
                                + " | " + t.longs("doseA").get(i) + "," + t.longs("doseB").get(i) + " | "
                                + t.longs("dlts").get(i);
                        String next = t.longs("nextDoseA").isNull(i) ? "NA,NA"
                                : t.longs("nextDoseA").get(i) + "," + t.longs("nextDoseB").get(i);
                        ours.computeIfAbsent(key, k -> new TreeSet<>()).add(next);
                    }
                });
        Map<String, TreeSet<String>> r = new TreeMap<>();
        try (InputStream in = getClass().getResourceAsStream("comb-pathways.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                String[] f = line.split("\\|");
                String key = f[0].trim() + " | " + f[1].trim() + " | " + f[2].trim() + " | " + f[3].trim();
                r.put(key, new TreeSet<>(List.of(f[4].trim().split(";"))));
            }
        }
        assertEquals(20, r.size());
        assertEquals(new ArrayList<>(r.keySet()), new ArrayList<>(ours.keySet()));
        assertEquals(r, ours);
    }
}
