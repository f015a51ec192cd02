package io.daybreak.stats.signal.disproportionality;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.apache.commons.statistics.distribution.GammaDistribution;
import org.apache.commons.statistics.distribution.HypergeometricDistribution;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * Frequentist and Bayesian disproportionality statistics of drug–event pairs.
 *
 * <ul>
 * <li>PRR = [a/(a+b)] / [c/(c+d)], CI exp(log PRR ± z·SE), SE = √(1/a − 1/(a+b) + 1/c − 1/(c+d)) (Rothman; Evans et
 * al. 2001). Null when c = 0 (infinite) or a drug/non-drug group is empty; the CI is null when a = 0 or c = 0.</li>
 * <li>ROR = ad/(bc), CI exp(log ROR ± z·SE), SE = √(1/a + 1/b + 1/c + 1/d), no continuity correction. Null when b or c
 * is 0; the CI is null when any cell is 0.</li>
 * <li>Yates chi-square as R's {@code chisq.test(correct = TRUE)} on the 2 × 2 table (correction min(0.5, |ad − bc|/N));
 * null when a margin is 0 (R gives NaN).</li>
 * <li>Fisher's exact test, two-sided as R's {@code fisher.test}: the sum of the hypergeometric probabilities not
 * above the observed one × (1 + 10<sup>−7</sup>). Null if N exceeds 2<sup>31</sup> − 1.</li>
 * <li>IC = log2((n + 0.5)/(E + 0.5)) with the 2.5% and 97.5% quantiles of Gamma(n + 0.5, rate E + 0.5) on the log2
 * scale (Norén et al. 2013), E the stratified expected count.</li>
 * </ul>
 *
 * <p>Criteria: {@code signal_prr} PRR ≥ prrMin, chi-square ≥ chisqMin, n ≥ nMin (Evans); {@code signal_ror} ROR lower
 * limit &gt; rorLowerMin and n ≥ nMin; {@code signal_ic} IC025 &gt; icLowerMin; {@code signal} any criterion chosen.
 * An undefined statistic never meets a criterion.
 */
public final class Disproportionality {
    private static final double RELATIVE = 1 + 1e-7;

    private Disproportionality() {
    }

    /** Statistics of every pair with n ≥ minCount, in the order of the counts. */
    public static List<PairStatistics> compute(PairCounts counts, Criteria criteria, long minCount) {
        List<PairStatistics> out = new ArrayList<>();
        double z = z(criteria);
        for (int i = 0; i < counts.size(); i++) {
            if (counts.n(i) >= minCount) {
                out.add(of(counts.drug(i), counts.event(i), counts.n(i), counts.drugCount(i), counts.eventCount(i),
                        counts.total(), counts.expected(i), criteria, z));
            }
        }
        return out;
    }

    /** Sorts descending by the statistic (fisher_p ascending); nulls last, ties by drug then event. */
    public static void sort(List<PairStatistics> rows, String statistic) {
        boolean ascending = "fisher_p".equals(statistic);
        Comparator<PairStatistics> byValue = (x, y) -> {
            Double u = x.value(statistic);
            Double v = y.value(statistic);
            if (u == null || v == null) {
                return u == null ? (v == null ? 0 : 1) : -1;
            }
            return ascending ? Double.compare(u, v) : Double.compare(v, u);
        };
        rows.sort(byValue.thenComparing(PairStatistics::drug).thenComparing(PairStatistics::event));
    }

    /** Statistics of one 2 × 2 table. */
    public static PairStatistics of(String drug, String event, long a, long nDrug, long nEvent, long total,
            double expected, Criteria criteria) {
        return of(drug, event, a, nDrug, nEvent, total, expected, criteria, z(criteria));
    }

    /** The normal quantile of the two-sided interval level. */
    private static double z(Criteria criteria) {
        return NormalDistribution.of(0, 1).inverseCumulativeProbability((1 + criteria.level()) / 2);
    }

    private static PairStatistics of(String drug, String event, long a, long nDrug, long nEvent, long total,
            double expected, Criteria criteria, double z) {
        long b = nDrug - a;
        long c = nEvent - a;
        long d = total - a - b - c;
        if (a < 0 || b < 0 || c < 0 || d < 0) {
            throw new IllegalArgumentException("pair '" + drug + "' / '" + event + "': n " + a + ", n_drug " + nDrug
                    + ", n_event " + nEvent + ", n_total " + total + " do not make a 2 x 2 table (a cell is negative)");
        }
        Double prr = null;
        Double prrLower = null;
        Double prrUpper = null;
        if (c > 0 && a + b > 0) {
            prr = ((double) a / (a + b)) / ((double) c / (c + d));
            if (a > 0) {
                double se = Math.sqrt(1.0 / a - 1.0 / (a + b) + 1.0 / c - 1.0 / (c + d));
                prrLower = Math.exp(Math.log(prr) - z * se);
                prrUpper = Math.exp(Math.log(prr) + z * se);
            }
        }
        Double ror = null;
        Double rorLower = null;
        Double rorUpper = null;
        if (b > 0 && c > 0) {
            ror = ((double) a * d) / ((double) b * c);
            if (a > 0 && d > 0) {
                double se = Math.sqrt(1.0 / a + 1.0 / b + 1.0 / c + 1.0 / d);
                rorLower = Math.exp(Math.log(ror) - z * se);
                rorUpper = Math.exp(Math.log(ror) + z * se);
            }
        }
        Double chisq = yates(a, b, c, d);
        Double fisher = total <= Integer.MAX_VALUE ? fisher(a, b, c, d) : null;
        double shape = a + 0.5;
        double rate = expected + 0.5;
        GammaDistribution gamma = GammaDistribution.of(shape, 1 / rate);
        double ic = log2(shape / rate);
        double alpha = (1 - criteria.level()) / 2;
        double icLower = log2(gamma.inverseCumulativeProbability(alpha));
        double icUpper = log2(gamma.inverseCumulativeProbability(1 - alpha));
        boolean signalPrr = prr != null && chisq != null && prr >= criteria.prrMin() && chisq >= criteria.chisqMin()
                && a >= criteria.nMin();
        boolean signalRor = rorLower != null && rorLower > criteria.rorLowerMin() && a >= criteria.nMin();
        boolean signalIc = icLower > criteria.icLowerMin();
        boolean signal = criteria.usePrr() && signalPrr || criteria.useRor() && signalRor || criteria.useIc() && signalIc;
        return new PairStatistics(drug, event, a, nDrug, nEvent, total, expected, prr, prrLower, prrUpper, chisq, ror,
                rorLower, rorUpper, fisher, ic, icLower, icUpper, signalPrr, signalRor, signalIc, signal);
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    /** R's chisq.test(matrix(c(a, c, b, d), 2), correct = TRUE)$statistic; null when a margin is 0. */
    static Double yates(long a, long b, long c, long d) {
        double n = (double) a + b + c + d;
        double r1 = a + b;
        double r2 = c + d;
        double c1 = a + c;
        double c2 = b + d;
        if (r1 == 0 || r2 == 0 || c1 == 0 || c2 == 0) {
            return null;
        }
        double dev = Math.abs((double) a * d - (double) b * c) / n;
        double correction = Math.min(0.5, dev);
        double x = dev - correction;
        return x * x * (n / (r1 * c1) + n / (r1 * c2) + n / (r2 * c1) + n / (r2 * c2));
    }

    /** R's fisher.test(matrix(c(a, c, b, d), 2))$p.value (two-sided). */
    static double fisher(long a, long b, long c, long d) {
        int n = Math.toIntExact(a + b + c + d);
        int m = Math.toIntExact(a + b);
        int k = Math.toIntExact(a + c);
        HypergeometricDistribution h = HypergeometricDistribution.of(n, m, k);
        int lo = Math.max(0, k - (n - m));
        int hi = Math.min(k, m);
        int x = (int) a;
        double observed = h.probability(x);
        double threshold = observed * RELATIVE;
        int mode = (int) Math.floor(((double) k + 1) * ((double) m + 1) / ((double) n + 2));
        mode = Math.max(lo, Math.min(hi, mode));
        // The pmf rises to the mode and falls after it. On the observed side, every value further out than x is below
        // it; the values between x and the mode count when within the relative tolerance.
        double p;
        if (x <= mode) {
            int inner = x;
            while (inner < mode && h.probability(inner + 1) <= threshold) {
                inner++;
            }
            int other = firstAtOrBelow(h, mode, hi, threshold, true);
            p = lowerTail(h, inner, lo, n, m, k) + (other > hi ? 0 : upperTail(h, other, hi, n, m, k));
        } else {
            int inner = x;
            while (inner > mode && h.probability(inner - 1) <= threshold) {
                inner--;
            }
            int other = firstAtOrBelow(h, mode, lo, threshold, false);
            p = upperTail(h, inner, hi, n, m, k) + (other < lo ? 0 : lowerTail(h, other, lo, n, m, k));
        }
        return Math.min(1, p);
    }

    /** From the mode towards {@code end}, the first value whose probability is ≤ threshold (past end if none). */
    private static int firstAtOrBelow(HypergeometricDistribution h, int mode, int end, double threshold, boolean up) {
        int step = up ? 1 : -1;
        int from = mode + step;
        if (up ? from > end : from < end) {
            return from;
        }
        if (h.probability(end) > threshold) {
            return end + step;
        }
        int inside = mode;
        int outside = end;
        while (Math.abs(outside - inside) > 1) {
            int mid = (int) (((long) inside + outside) / 2);
            if (h.probability(mid) <= threshold) {
                outside = mid;
            } else {
                inside = mid;
            }
        }
        return outside;
    }

    /** Σ P(X = y) for y from {@code from} down to {@code lo}, by the ratio recurrence until terms are negligible. */
    private static double lowerTail(HypergeometricDistribution h, int from, int lo, int n, int m, int k) {
        double term = h.probability(from);
        double sum = term;
        for (int y = from; y > lo && term > sum * 1e-18; y--) {
            term *= (double) y * ((double) n - m - k + y) / (((double) m - y + 1) * ((double) k - y + 1));
            sum += term;
        }
        return sum;
    }

    /** Σ P(X = y) for y from {@code from} up to {@code hi}. */
    private static double upperTail(HypergeometricDistribution h, int from, int hi, int n, int m, int k) {
        double term = h.probability(from);
        double sum = term;
        for (int y = from; y < hi && term > sum * 1e-18; y++) {
            term *= ((double) m - y) * ((double) k - y) / (((double) y + 1) * ((double) n - m - k + y + 1));
            sum += term;
        }
        return sum;
    }
}
