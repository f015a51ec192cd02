package io.daybreak.methods.signal.disproportionality;

import static io.daybreak.core.testing.MethodTestSupport.assertRelative;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.daybreak.stats.signal.disproportionality.Criteria;
import io.daybreak.stats.signal.disproportionality.Disproportionality;
import io.daybreak.stats.signal.disproportionality.PairCounter;
import io.daybreak.stats.signal.disproportionality.PairCounts;
import io.daybreak.stats.signal.disproportionality.PairStatistics;

/**
 * The counter and the statistics against R: counts by data.table and openEBGM::processRaw, statistics by base R
 * (fisher.test, chisq.test(correct = TRUE), qgamma) and PhViD::PRR/ROR, all written by
 * docs/validation/r/signal/disproportionality.R; single values by docs/validation/r/signal/disproportionality-pins.R.
 */
class DisproportionalityEngineTest {
    private static final Criteria EVANS = Criteria.DEFAULT;

    private static PairCounts countReports(boolean stratified) {
        String[][] rows = ReferenceData.reports();
        return PairCounter.count(rows[1], rows[2], rows[0], stratified ? rows[3] : null);
    }

    @Test
    void countsEqualDataTableAndOpenEbgmOnTheSyntheticReports() {
        PairCounts counts = countReports(true);
        PairCounts plain = countReports(false);
        List<Map<String, String>> reference = ReferenceData.read("disproportionality-reference.csv");
        assertEquals(reference.size(), counts.size(), "pairs (R: nrow(pairs))");
        assertEquals(6000, counts.total(), "reports (R: uniqueN(dat$report))");
        assertEquals(24, counts.strata(), "strata: 2 sexes x 4 age groups x 3 years");
        for (Map<String, String> row : reference) {
            int i = counts.indexOf(row.get("drug"), row.get("event"));
            String what = row.get("drug") + "/" + row.get("event");
            assertTrue(i >= 0, what);
            assertEquals((long) ReferenceData.number(row, "n"), counts.n(i), what + " n");
            assertEquals((long) ReferenceData.number(row, "n_drug"), counts.drugCount(i), what + " n_drug");
            assertEquals((long) ReferenceData.number(row, "n_event"), counts.eventCount(i), what + " n_event");
            assertRelative(ReferenceData.number(row, "expected"), counts.expected(i), 1e-12, what + " E stratified");
            int j = plain.indexOf(row.get("drug"), row.get("event"));
            assertRelative(ReferenceData.number(row, "expected_unstratified"), plain.expected(j), 1e-12,
                    what + " E unstratified");
        }
    }

    @Test
    void everyStatisticEqualsBaseROnEveryPair() {
        PairCounts counts = countReports(true);
        List<PairStatistics> stats = Disproportionality.compute(counts, EVANS, 1);
        List<Map<String, String>> reference = ReferenceData.read("disproportionality-reference.csv");
        int checked = 0;
        for (Map<String, String> row : reference) {
            PairStatistics s = stats.get(counts.indexOf(row.get("drug"), row.get("event")));
            String what = row.get("drug") + "/" + row.get("event");
            check(row, "prr", s.prr(), 1e-12, what);
            check(row, "prr_lower", s.prrLower(), 1e-12, what);
            check(row, "prr_upper", s.prrUpper(), 1e-12, what);
            check(row, "ror", s.ror(), 1e-12, what);
            check(row, "ror_lower", s.rorLower(), 1e-12, what);
            check(row, "ror_upper", s.rorUpper(), 1e-12, what);
            double chisq = ReferenceData.number(row, "chisq_yates");
            // R's chisq.test leaves rounding noise (~1e-28) where the corrected statistic is exactly 0
            assertEquals(chisq, s.chisqYates(), Math.max(1e-10 * chisq, 1e-20), what + " chisq_yates");
            check(row, "fisher_p", s.fisherP(), 1e-9, what);
            check(row, "ic", s.ic(), 1e-12, what);
            check(row, "ic_lower", s.icLower(), 1e-9, what);
            check(row, "ic_upper", s.icUpper(), 1e-9, what);
            boolean evans = ReferenceData.number(row, "prr") >= 2 && chisq >= 4 && ReferenceData.number(row, "n") >= 3;
            assertEquals(evans, s.signalPrr(), what + " Evans criteria");
            checked++;
        }
        assertEquals(1134, checked);
        PairStatistics drug01 = stats.get(counts.indexOf("DRUG01", "PT001"));
        assertTrue(drug01.signalPrr(), "the injected signal DRUG01/PT001 meets Evans' criteria");
    }

    private static void check(Map<String, String> row, String column, Double actual, double tolerance, String what) {
        double expected = ReferenceData.number(row, column);
        if (Double.isNaN(expected) || Double.isInfinite(expected)) {
            assertNull(actual, what + " " + column + ": R gives " + expected);
        } else {
            assertRelative(expected, actual, tolerance, what + " " + column);
        }
    }

    @Test
    void prrAndRorEqualPhvidOnPreCountedPairs() {
        List<Map<String, String>> phvid = ReferenceData.read("disproportionality-phvid.csv");
        String[] drug = phvid.stream().map(r -> r.get("drug")).toArray(String[]::new);
        String[] event = phvid.stream().map(r -> r.get("event")).toArray(String[]::new);
        long[] n = phvid.stream().mapToLong(r -> (long) ReferenceData.number(r, "n")).toArray();
        // PhViD's as.PhViD computes the margins as sums of the pair counts: ofPairs with null margins does the same
        PairCounts counts = PairCounts.ofPairs(drug, event, n, null, null, null);
        List<PairStatistics> stats = Disproportionality.compute(counts, EVANS, 1);
        for (int i = 0; i < phvid.size(); i++) {
            Map<String, String> row = phvid.get(i);
            PairStatistics s = stats.get(i);
            String what = drug[i] + "/" + event[i];
            assertRelative(ReferenceData.number(row, "expected"), s.expected(), 1e-12, what + " PhViD expected count");
            assertRelative(ReferenceData.number(row, "prr"), s.prr(), 1e-12, what + " PhViD PRR");
            // PhViD: LB95(log(PRR)) = qnorm(0.025, logPRR, sqrt(var.logPRR))
            assertRelative(Math.exp(ReferenceData.number(row, "log_prr_lower")), s.prrLower(), 1e-12, what + " PhViD LB");
            double ror = ReferenceData.number(row, "ror");
            if (Double.isInfinite(ror)) {
                assertNull(s.ror(), what + ": PhViD gives ROR = Inf (c = 0)");
            } else {
                assertRelative(ror, s.ror(), 1e-12, what + " PhViD ROR");
                assertRelative(Math.exp(ReferenceData.number(row, "log_ror_lower")), s.rorLower(), 1e-12,
                        what + " PhViD ROR LB");
            }
        }
    }

    /** Values from docs/validation/r/signal/disproportionality-pins.R. */
    @Test
    void fisherYatesAndIcEqualPinnedRValues() {
        // fisher.test(matrix(c(3, 40, 10, 5000), 2))$p.value
        assertRelative(0.00015474952572748783, fisher(3, 10, 40, 5000), 1e-10, "fisher small");
        // fisher.test(matrix(c(120, 2880, 1880, 995120), 2))$p.value
        assertRelative(3.8779172914014123e-111, fisher(120, 1880, 2880, 995120), 1e-8, "fisher tiny p");
        // fisher.test(matrix(c(5, 5, 5, 5), 2))$p.value
        assertRelative(1, fisher(5, 5, 5, 5), 1e-12, "fisher symmetric");
        // fisher.test(matrix(c(0, 12, 7, 300), 2))$p.value
        assertRelative(1, fisher(0, 7, 12, 300), 1e-12, "fisher a = 0");
        // fisher.test(matrix(c(9, 2, 1, 30), 2))$p.value
        assertRelative(1.1662021780574981e-06, fisher(9, 1, 2, 30), 1e-10, "fisher strong");
        // fisher.test(matrix(c(2, 30, 1500, 60000), 2))$p.value
        assertRelative(0.18341881540607755, fisher(2, 1500, 30, 60000), 1e-10, "fisher two tails");
        // chisq.test(matrix(c(3, 40, 10, 5000), 2), correct = TRUE)$statistic
        assertRelative(52.183787971750085, stats(3, 10, 40, 5000, 1).chisqYates(), 1e-12, "yates");
        // chisq.test(matrix(c(9, 2, 1, 30), 2), correct = TRUE)$statistic
        assertRelative(23.482203079178888, stats(9, 1, 2, 30, 1).chisqYates(), 1e-12, "yates strong");
        // log2(qgamma(c(0.025, 0.975), 0.5, 2.8)): n = 0, E = 2.3
        PairStatistics zero = stats(0, 7, 12, 300, 2.3);
        assertRelative(-12.477314642977104, zero.icLower(), 1e-9, "IC025 n = 0");
        assertRelative(-0.15662304583406925, zero.icUpper(), 1e-9, "IC975 n = 0");
        // log2(qgamma(0.05, 7.5, 0.9)): level 0.9, n = 7, E = 0.4
        Criteria ninety = new Criteria(2, 4, 3, 1, 0, 0.9, true, false, false);
        PairStatistics seven = Disproportionality.of("d", "e", 7, 20, 30, 1000, 0.4, ninety);
        assertRelative(2.0121602051987515, seven.icLower(), 1e-9, "IC05 at level 0.9");
    }

    @Test
    void zeroCellsGiveNullNeverNaN() {
        PairStatistics a0 = stats(0, 7, 12, 300, 1);
        assertEquals(0.0, a0.prr(), "a = 0: PRR 0");
        assertNull(a0.prrLower(), "a = 0: no log-scale CI");
        assertEquals(0.0, a0.ror());
        assertNull(a0.rorLower());
        assertFalse(a0.signalPrr());
        PairStatistics c0 = stats(5, 7, 0, 300, 1);
        assertNull(c0.prr(), "c = 0: PRR infinite");
        assertNull(c0.ror(), "c = 0: ROR infinite");
        assertFalse(c0.signalPrr() || c0.signalRor(), "an undefined statistic meets no criterion");
        PairStatistics b0 = stats(5, 0, 4, 300, 1);
        assertNull(b0.ror(), "b = 0: ROR infinite");
        PairStatistics all = stats(5, 0, 0, 0, 5);
        assertNull(all.chisqYates(), "a margin 0: chi-square undefined (R: NaN)");
        assertNull(all.prr());
        assertThrows(IllegalArgumentException.class, () -> Disproportionality.of("d", "e", 5, 4, 10, 100, 1, EVANS),
                "n above the drug's count");
    }

    @Test
    void reportsCountOncePerPairAndInEachStratumTheyCarry() {
        // report r1 repeats DRUG A / PT X; report r2 carries two strata
        String[] report = {"r1", "r1", "r1", "r2", "r2", "r3"};
        String[] drug = {"A", "A", "A", "A", "B", "B"};
        String[] event = {"X", "X", "Y", "X", "X", "Y"};
        String[] stratum = {"s1", "s1", "s1", "s1", "s2", "s2"};
        PairCounts counts = PairCounter.count(drug, event, report, stratum);
        int ax = counts.indexOf("A", "X");
        assertEquals(2, counts.n(ax), "A/X: r1 once, r2");
        assertEquals(2, counts.drugCount(ax), "A: r1, r2");
        assertEquals(3, counts.eventCount(ax), "X: r1, r2 in s1, r2 in s2");
        assertEquals(4, counts.total(), "units: r1 s1, r2 s1, r2 s2, r3 s2");
        // E = n_A.s1 n_.Xs1 / n..s1 + n_A.s2 n_.Xs2 / n..s2 = 2 * 2 / 2 + 0
        assertEquals(2.0, counts.expected(ax), 1e-15);
        PairCounts rows = PairCounter.count(drug, event, null, null);
        assertEquals(3, rows.n(rows.indexOf("A", "X")), "without report ids every row counts");
        assertEquals(6, rows.total());
    }

    @Test
    void intCodedRowsWithSparseReportIdsCountAsTheStringCodedOnes() {
        // report ids spread over the whole int range take the counter's hash path instead of its offset path
        String[][] rows = ReferenceData.reports();
        int n = rows[0].length;
        Map<String, Integer> drugs = new java.util.LinkedHashMap<>();
        Map<String, Integer> events = new java.util.LinkedHashMap<>();
        int[] d = new int[n];
        int[] e = new int[n];
        int[] r = new int[n];
        for (int i = 0; i < n; i++) {
            d[i] = drugs.computeIfAbsent(rows[1][i], x -> drugs.size());
            e[i] = events.computeIfAbsent(rows[2][i], x -> events.size());
            r[i] = Integer.parseInt(rows[0][i].substring(1)) * 357_913 - 1_000_000_000;
        }
        PairCounts sparse = PairCounter.count(d, e, r, null, drugs.keySet().toArray(String[]::new),
                events.keySet().toArray(String[]::new), 1);
        PairCounts strings = PairCounter.count(rows[1], rows[2], rows[0], null);
        assertEquals(strings.size(), sparse.size());
        assertEquals(6000, sparse.total());
        for (int i = 0; i < strings.size(); i++) {
            int j = sparse.indexOf(strings.drug(i), strings.event(i));
            assertEquals(strings.n(i), sparse.n(j));
            assertEquals(strings.drugCount(i), sparse.drugCount(j));
            assertEquals(strings.expected(i), sparse.expected(j), 1e-12);
        }
        assertThrows(IllegalArgumentException.class, () -> PairCounter.count(new int[] {0, 3}, new int[] {0, 0}, null,
                null, new String[] {"A", "B"}, new String[] {"X"}, 1), "a drug index outside the dictionary");
    }

    @Test
    void preCountedPairsWithGivenMarginsAreChecked() {
        String[] drug = {"A", "A", "B"};
        String[] event = {"X", "Y", "X"};
        PairCounts counts = PairCounts.ofPairs(drug, event, new long[] {3, 2, 4}, new long[] {10, 10, 6},
                new long[] {20, 9, 20}, new long[] {100, 100, 100});
        assertEquals(10, counts.drugCount(0));
        assertEquals(100, counts.total());
        assertRelative(10.0 * 20 / 100, counts.expected(0), 1e-15, "E from given margins");
        IllegalArgumentException differs = assertThrows(IllegalArgumentException.class, () -> PairCounts.ofPairs(drug,
                event, new long[] {3, 2, 4}, new long[] {10, 11, 6}, null, null));
        assertTrue(differs.getMessage().contains("row 2"), differs.getMessage());
        IllegalArgumentException inconsistent = assertThrows(IllegalArgumentException.class, () -> PairCounts.ofPairs(
                drug, event, new long[] {3, 2, 4}, new long[] {2, 2, 6}, null, null));
        assertTrue(inconsistent.getMessage().contains("inconsistent"), inconsistent.getMessage());
        assertThrows(IllegalArgumentException.class, () -> PairCounts.ofPairs(drug, event, new long[] {3, -2, 4}, null,
                null, null));
    }

    private static double fisher(long a, long b, long c, long d) {
        return stats(a, b, c, d, 1).fisherP();
    }

    private static PairStatistics stats(long a, long b, long c, long d, double expected) {
        return Disproportionality.of("d", "e", a, a + b, a + c, a + b + c + d, expected, EVANS);
    }
}
