package io.daybreak.methods.design.combination;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The decisions of BOIN's combination design against the R package on random data: the resource
 * comb-random-decisions.txt is the output of docs/validation/r/combination/comb-random-decisions.R (R 4.2.2, BOIN
 * 2.7.2, Iso 0.0-18.1; {@code Rscript comb-random-decisions.R > comb-random-decisions.txt}), 400 calls of
 * {@code next.comb(target, npts, ntox, dose.curr, n.earlystop, cutoff.eli = , extrasafe = )}, 400 of
 * {@code select.mtd.comb(target, npts, ntox, cutoff.eli = , extrasafe = , boundMTD = )} and 200 of
 * {@code Iso::biviso(y, w)} on random grids from 2 x 2 to 5 x 6.
 */
class CombinationRulesTest {

    private static List<String[]> lines(String kind) throws IOException {
        try (InputStream in = CombinationRulesTest.class.getResourceAsStream("comb-random-decisions.txt")) {
            return Arrays.stream(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n"))
                    .filter(l -> l.startsWith(kind + " ")).map(l -> l.split("\\|")).toList();
        }
    }

    private static int[] ints(String s) {
        return Arrays.stream(s.trim().split(",")).mapToInt(Integer::parseInt).toArray();
    }

    private static double[] doubles(String s) {
        return Arrays.stream(s.trim().split(",")).mapToDouble(v -> v.equals("NA") ? Double.NaN : Double.parseDouble(v))
                .toArray();
    }

    private static boolean flag(String s) {
        return Boolean.parseBoolean(s.trim().toLowerCase());
    }

    /** Iso::biviso(y, w) to 1e-13 (R printed 15 significant digits). */
    @Test
    void bivariateIsotonicRegressionEqualsIsoBiviso() throws IOException {
        List<String[]> cases = lines("biviso");
        for (String[] f : cases) {
            int[] jk = ints(f[1]);
            double[] y = doubles(f[2]);
            double[] expected = doubles(f[4]);
            double[] fit = new double[y.length];
            new BivariateIsotonic(jk[0], jk[1]).fit(y, doubles(f[3]), fit);
            for (int c = 0; c < y.length; c++) {
                assertEquals(expected[c], fit[c], 1e-13, String.join("|", f));
            }
        }
        assertEquals(200, cases.size());
    }

    /** select.mtd.comb: the MTD exactly (99,99: none) and its rounded isotonic estimates of the tried combinations. */
    @Test
    void selectionEqualsSelectMtdComb() throws IOException {
        List<String[]> cases = lines("select");
        int none = 0;
        for (String[] f : cases) {
            double target = Double.parseDouble(f[1].trim());
            int[] jk = ints(f[2]);
            int[] n = ints(f[3]);
            int[] y = ints(f[4]);
            CombinationRules rules = CombinationRules.of(jk[0], jk[1], target, 0.6 * target, 1.4 * target, 3, 10, 100, 0,
                    0, Double.parseDouble(f[5].trim()), flag(f[6]), 0.05, flag(f[7]), false);
            double[] estimates = new double[n.length];
            int selected = new CombinationSelection(jk[0], jk[1]).select(n, y, rules, true, estimates);
            int[] mtd = ints(f[8]);
            String line = String.join("|", f);
            if (mtd[0] == 99) {
                assertEquals(CombinationSelection.NONE, selected, line);
                none++;
                continue;
            }
            assertEquals((mtd[0] - 1) * jk[1] + mtd[1] - 1, selected, line);
            double[] expected = doubles(f[9]);
            for (int c = 0; c < n.length; c++) {
                if (Double.isNaN(expected[c])) {
                    assertTrue(Double.isNaN(estimates[c]), line);
                } else {
                    assertEquals(expected[c], estimates[c], 1e-12, line);
                }
            }
        }
        assertEquals(400, cases.size());
        assertTrue(none > 0 && none < 100, "both kinds of outcome are covered: " + none + " without MTD");
    }

    /**
     * next.comb: the next combination exactly, or the stop (NA,NA); where next.comb chose at random between two
     * equally scored neighbours, its choice must be one of the two we report.
     */
    @Test
    void nextCombinationEqualsNextComb() throws IOException {
        List<String[]> cases = lines("next");
        int stops = 0;
        int ties = 0;
        for (String[] f : cases) {
            double target = Double.parseDouble(f[1].trim());
            int[] jk = ints(f[2]);
            int[] current = ints(f[5]);
            int earlyStop = Integer.parseInt(f[6].trim());
            double cutoff = Double.parseDouble(f[7].trim());
            CombinationRules.Tables tables = CombinationRules.tables(target, 0.6 * target, 1.4 * target, cutoff, 0.05,
                    150);
            List<Integer> next = NextCombination.next(jk[0], jk[1], ints(f[3]), ints(f[4]),
                    (current[0] - 1) * jk[1] + current[1] - 1, target, 0.6 * target, 1.4 * target, cutoff, flag(f[8]),
                    0.05, earlyStop, tables);
            String[] r = f[9].trim().split(",");
            String line = String.join("|", f);
            if (r[0].equals("NA")) {
                assertEquals(NextCombination.STOP, next, line);
                stops++;
            } else {
                int expected = (Integer.parseInt(r[0]) - 1) * jk[1] + Integer.parseInt(r[1]) - 1;
                assertTrue(next.contains(expected), line + " -> " + next);
                assertTrue(next.size() <= 2, line);
                ties += next.size() == 2 ? 1 : 0;
            }
        }
        assertEquals(400, cases.size());
        assertTrue(stops > 0 && ties > 0 && stops + ties < 300, stops + " stops, " + ties + " ties");
    }
}
