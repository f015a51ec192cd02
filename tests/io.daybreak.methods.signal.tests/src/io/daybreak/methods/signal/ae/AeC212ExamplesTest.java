package io.daybreak.methods.signal.ae;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import io.daybreak.stats.signal.ae.Multiplicity;
import io.daybreak.stats.signal.ae.TwoByTwo;

/**
 * Optional: Fisher p-values, BH and the Double FDR on c212's own documented example data, read from the c212 source's
 * {@code data/} folder named by the environment variable {@code DAYBREAK_C212_DATA} (skipped when unset; the data are
 * never committed). References: docs/validation/r/signal/ae-c212-examples.R ({@code c212.fisher.test},
 * {@code c212.err.cntrl}).
 */
class AeC212ExamplesTest {
    private static Path dir() {
        String dir = System.getenv("DAYBREAK_C212_DATA");
        Assumptions.assumeTrue(dir != null && !dir.isBlank(), "DAYBREAK_C212_DATA is not set");
        return Path.of(dir);
    }

    /** Rows of a c212 data file: comment lines dropped, header dropped, quotes removed, split on white space. */
    private static List<String[]> rows(Path file) throws IOException {
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(file)),
                StandardCharsets.UTF_8))) {
            boolean header = true;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                if (header) {
                    header = false;
                    continue;
                }
                rows.add(line.replace("\"", "").trim().split("\\s+"));
            }
        }
        return rows;
    }

    private static Set<String> flagged(String[] ae, double[] adjusted, double alpha) {
        Set<String> out = new TreeSet<>();
        for (int i = 0; i < ae.length; i++) {
            if (adjusted[i] <= alpha) {
                out.add(ae[i]);
            }
        }
        return out;
    }

    @Test
    void trialDataFisherAndDoubleFdrAsC212() throws IOException {
        // B j AE Group Count Total; Group 1 = control, 2 = treatment
        Map<String, long[]> byAe = new LinkedHashMap<>();
        Map<String, String> body = new LinkedHashMap<>();
        for (String[] r : rows(dir().resolve("c212.trial.data.txt.gz"))) {
            long[] cell = byAe.computeIfAbsent(r[2], k -> new long[4]);
            int g = Integer.parseInt(r[3]);
            cell[g == 2 ? 0 : 2] = Long.parseLong(r[4]);
            cell[g == 2 ? 1 : 3] = Long.parseLong(r[5]);
            body.put(r[2], r[0]);
        }
        assertEquals(45, byAe.size());
        String[] ae = byAe.keySet().toArray(new String[0]);
        String[] groups = new String[ae.length];
        double[] p = new double[ae.length];
        for (int i = 0; i < ae.length; i++) {
            long[] c = byAe.get(ae[i]);
            p[i] = TwoByTwo.fisherP(c[0], c[1], c[2], c[3]);
            groups[i] = body.get(ae[i]);
        }
        Map<String, Double> reference = Map.of("Adv-Ev_1", 0.28928764372290627, "Adv-Ev_2", 0.0053331642104588323,
                "Adv-Ev_6", 3.7462485986297135e-08, "Adv-Ev_9", 0.01041119605796792, "Adv-Ev_910", 3.9458817983027789e-05,
                "Adv-Ev_23", 0.029510996624472215, "Adv-Ev_45", 0.68880905015086313); // c212.fisher.test(c212.trial.data)
        for (int i = 0; i < ae.length; i++) {
            if (reference.containsKey(ae[i])) {
                assertEquals(reference.get(ae[i]), p[i], 1e-12 * Math.max(1e-6, reference.get(ae[i])) + 1e-15, ae[i]);
            }
        }
        double[] dfdr = Multiplicity.doubleFdr(groups, p);
        // c212.err.cntrl(c212.fisher.test(c212.trial.data), alpha, method = "DFDR")
        assertEquals(Set.of("Adv-Ev_6", "Adv-Ev_7", "Adv-Ev_8", "Adv-Ev_9", "Adv-Ev_910", "Adv-Ev_911", "Adv-Ev_912"),
                flagged(ae, dfdr, 0.05));
        assertEquals(Set.of("Adv-Ev_2", "Adv-Ev_3", "Adv-Ev_6", "Adv-Ev_7", "Adv-Ev_8", "Adv-Ev_9", "Adv-Ev_910",
                "Adv-Ev_911", "Adv-Ev_912"), flagged(ae, dfdr, 0.1));
        // method = "BH" over all 45 at 0.05 (not within body system): a different set
        assertEquals(Set.of("Adv-Ev_2", "Adv-Ev_6", "Adv-Ev_7", "Adv-Ev_8", "Adv-Ev_910", "Adv-Ev_911", "Adv-Ev_912"),
                flagged(ae, Multiplicity.bh(p), 0.05));
    }

    @Test
    void fdrDataDoubleFdrAsC212() throws IOException {
        List<String[]> rows = rows(dir().resolve("c212.FDR.data.txt.gz"));
        String[] ae = new String[rows.size()];
        String[] groups = new String[rows.size()];
        double[] p = new double[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            groups[i] = rows.get(i)[0];
            ae[i] = rows.get(i)[2];
            p[i] = Double.parseDouble(rows.get(i)[3]);
        }
        double[] dfdr = Multiplicity.doubleFdr(groups, p);
        // c212.err.cntrl(c212.FDR.data, alpha, method = "DFDR")
        assertEquals(Set.of("Adv-Ev_6", "Adv-Ev_7", "Adv-Ev_8", "Adv-Ev_9", "Adv-Ev_910", "Adv-Ev_911", "Adv-Ev_912"),
                flagged(ae, dfdr, 0.05));
        Set<String> at010 = Set.of("Adv-Ev_2", "Adv-Ev_3", "Adv-Ev_6", "Adv-Ev_7", "Adv-Ev_8", "Adv-Ev_9", "Adv-Ev_910",
                "Adv-Ev_911", "Adv-Ev_912");
        assertEquals(at010, flagged(ae, dfdr, 0.1));
        assertEquals(at010, flagged(ae, dfdr, 0.2));
    }
}
