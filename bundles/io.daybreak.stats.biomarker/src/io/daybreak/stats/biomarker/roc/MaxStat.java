package io.daybreak.stats.biomarker.roc;

import java.util.Arrays;
import java.util.Comparator;

import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * Maximally selected rank statistics for a cut-point of a continuous marker, as R {@code maxstat::maxstat.test}
 * (Hothorn &amp; Lausen 2003): the scores of the outcome (Wilcoxon ranks or log-rank scores of a survival time) are
 * summed over the patients with marker at or below each candidate cut-point, standardised by their permutation mean
 * and variance, and the largest absolute standardised statistic M is corrected for the search over cut-points by
 * Lausen &amp; Schumacher's (1992) approximation, the improved Bonferroni inequality of Lausen, Sauerbrei &amp;
 * Schumacher (1994), or Hothorn &amp; Lausen's (2003) exact-distribution lower bound ("HL").
 *
 * @param statistic M, the maximum standardised statistic
 * @param estimate the estimated cut-point: groups are marker &lt;= estimate and marker &gt; estimate
 * @param cuts the candidate cut-points (marker values), increasing
 * @param statistics the standardised statistic at each candidate
 * @param pValue the adjusted p-value by the chosen method
 */
public record MaxStat(double statistic, double estimate, double[] cuts, double[] statistics, double pValue) {

    /** The p-value correction, named as maxstat's {@code pmethod}. */
    public enum PMethod {
        /** Lausen &amp; Schumacher (1992) asymptotic approximation. */
        LAU92,
        /** Lausen, Sauerbrei &amp; Schumacher (1994) improved Bonferroni inequality. */
        LAU94,
        /** Hothorn &amp; Lausen (2003): lower bound from the exact conditional distribution (integer scores). */
        HL
    }

    /** Wilcoxon scores: mid-ranks of y ({@code rank(y)}). */
    public static double[] wilcoxonScores(double[] y) {
        int n = y.length;
        Integer[] o = order(y);
        double[] r = new double[n];
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && y[o[j + 1]] == y[o[i]]) {
                j++;
            }
            double mid = (i + j + 2) / 2.0;
            for (int k = i; k <= j; k++) {
                r[o[k]] = mid;
            }
            i = j + 1;
        }
        return r;
    }

    /**
     * Log-rank scores of a right-censored time as {@code exactRankTests::cscores(Surv(time, event))}:
     * {@code event - sum over t_j <= t_i of event_j / (N - r_j + 1)}, where r is the number of times at or below.
     */
    public static double[] logRankScores(double[] time, boolean[] event) {
        int n = time.length;
        Integer[] o = order(time);
        int[] rank = new int[n];
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && time[o[j + 1]] == time[o[i]]) {
                j++;
            }
            for (int k = i; k <= j; k++) {
                rank[o[k]] = j + 1;
            }
            i = j + 1;
        }
        double[] cumulative = new double[n];
        double sum = 0;
        for (int k = 0; k < n; k++) {
            int idx = o[k];
            sum += (event[idx] ? 1.0 : 0.0) / (n - rank[idx] + 1);
            cumulative[k] = sum;
        }
        double[] scores = new double[n];
        for (int k = 0; k < n; k++) {
            scores[k] = (event[k] ? 1 : 0) - cumulative[rank[k] - 1];
        }
        return scores;
    }

    /**
     * Integer scores for the HL method, as maxstat's {@code iscores}: mid-ranks doubled; other non-integer scores
     * shifted to start at 0 and rounded to {@code round(scores * N / max)}.
     */
    public static double[] integerScores(double[] scores) {
        boolean integer = Arrays.stream(scores).allMatch(s -> s == Math.floor(s));
        if (integer) {
            return scores.clone();
        }
        boolean halves = Arrays.stream(scores).map(s -> s - Math.floor(s)).filter(f -> f != 0).allMatch(f -> f == 0.5);
        double[] out = new double[scores.length];
        if (halves) {
            for (int i = 0; i < out.length; i++) {
                out[i] = 2 * scores[i];
            }
            return out;
        }
        double min = Arrays.stream(scores).min().getAsDouble();
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < out.length; i++) {
            out[i] = scores[i] - min;
            max = Math.max(max, out[i]);
        }
        for (int i = 0; i < out.length; i++) {
            out[i] = Math.rint(out[i] * out.length / max);
        }
        return out;
    }

    /**
     * The test.
     *
     * @param scores outcome scores (integer-valued for {@link PMethod#HL}, see {@link #integerScores})
     * @param x the marker
     * @param minprop smallest proportion of patients in the lower group
     * @param maxprop largest proportion of patients in the lower group
     * @throws IllegalArgumentException when no cut-point lies between minprop and maxprop
     */
    public static MaxStat test(double[] scores, double[] x, PMethod method, double minprop, double maxprop) {
        int n = scores.length;
        Integer[] o = order(x);
        double[] ys = new double[n];
        double[] xs = new double[n];
        for (int i = 0; i < n; i++) {
            ys[i] = scores[o[i]];
            xs[i] = x[o[i]];
        }
        // m: the number of patients below each distinct value (maxstat's which(!duplicated(x)) - 1)
        int[] m = new int[n];
        int count = 0;
        for (int i = 0; i < n; i++) {
            if (i == 0 || xs[i] != xs[i - 1]) {
                m[count++] = i;
            }
        }
        m = Arrays.copyOf(m, count);
        int lo = (int) Math.floor(n * minprop);
        int hi = (int) Math.floor(n * maxprop);
        if (minprop == 0 && maxprop == 1) {
            m = Arrays.copyOfRange(m, 1, Math.max(1, m.length - 1));
        } else {
            if (Arrays.stream(m).allMatch(v -> v < lo)) {
                throw new IllegalArgumentException("minprop too large: no cut-point leaves that share below it");
            }
            if (Arrays.stream(m).allMatch(v -> v > hi)) {
                throw new IllegalArgumentException("maxprop too small: no cut-point leaves that share below it");
            }
            int from = Math.max(1, lo);
            m = Arrays.stream(m).filter(v -> v >= from && v <= hi).toArray();
        }
        if (m.length < 1) {
            throw new IllegalArgumentException("no cut-point between minprop and maxprop (the marker has too few "
                    + "distinct values)");
        }
        double ss = 0;
        double ss2 = 0;
        for (double v : ys) {
            ss += v;
            ss2 += v * v;
        }
        double[] cum = new double[n + 1];
        for (int i = 0; i < n; i++) {
            cum[i + 1] = cum[i] + ys[i];
        }
        double[] stats = new double[m.length];
        double[] cuts = new double[m.length];
        double best = Double.NEGATIVE_INFINITY;
        int arg = -1;
        for (int k = 0; k < m.length; k++) {
            double e = (double) m[k] / n * ss;
            double v = (double) m[k] * (n - m[k]) / ((double) n * n * (n - 1)) * (n * ss2 - ss * ss);
            stats[k] = Math.abs((cum[m[k]] - e) / Math.sqrt(v));
            cuts[k] = xs[m[k] - 1];
            if (stats[k] > best) {
                best = stats[k];
                arg = k;
            }
        }
        double p = switch (method) {
            case LAU92 -> pLausen92(best, minprop, maxprop);
            case LAU94 -> pLausen94(best, n, m);
            case HL -> pHothornLausen(best, ys, m);
        };
        return new MaxStat(best, cuts[arg], cuts, stats, p);
    }

    /** {@code maxstat:::pLausen92}. */
    public static double pLausen92(double b, double minprop, double maxprop) {
        if (b < 1) {
            return 1;
        }
        double db = NormalDistribution.of(0, 1).density(b);
        double p = 4 * db / b + db * (b - 1 / b) * Math.log((maxprop * (1 - minprop)) / ((1 - maxprop) * minprop));
        return Math.max(p, 0);
    }

    /** {@code maxstat:::pLausen94(b, N, m = m)} for the cut sizes m. */
    public static double pLausen94(double b, int n, int[] m) {
        double d = 0;
        for (int k = 0; k + 1 < m.length; k++) {
            double m1 = m[k];
            double m2 = m[k + 1];
            double t = Math.sqrt(1 - m1 * (n - m2) / ((n - m1) * m2));
            d += 1 / Math.PI * Math.exp(-b * b / 2) * (t - (b * b / 4 - 1) * (t * t * t) / 6);
        }
        NormalDistribution normal = NormalDistribution.of(0, 1);
        return 1 - (normal.cumulativeProbability(b) - normal.cumulativeProbability(-b)) + d;
    }

    /**
     * {@code maxstat:::pmaxstat(b, scores, msample)}: the Hothorn–Lausen lower bound from the exact joint distribution
     * of (group size, score sum) by the shift algorithm (Streitberg &amp; Röhmel 1986), in probabilities.
     *
     * @param ordered integer scores in marker order
     */
    static double pHothornLausen(double b, double[] ordered, int[] msample) {
        int n = ordered.length;
        double min = Arrays.stream(ordered).min().getAsDouble();
        int[] sc = new int[n];
        int total = 0;
        int maxScore = 0;
        for (int i = 0; i < n; i++) {
            double v = ordered[i] - min;
            if (v != Math.rint(v) || v > Integer.MAX_VALUE / (double) n) {
                throw new IllegalArgumentException("the HL method needs integer scores of moderate size");
            }
            sc[i] = (int) v;
            total += sc[i];
            maxScore = Math.max(maxScore, sc[i]);
        }
        if ((double) total * n * n > 4e9) {
            throw new IllegalArgumentException("the exact HL distribution is too large for " + n + " patients (score "
                    + "total " + total + "); use pmethod lau94");
        }
        // h[k][s]: number of subsets of size k with score sum s
        double[][] h = new double[n + 1][total + 1];
        h[0][0] = 1;
        int sa = 0;
        int sb = 0;
        for (int k = 0; k < n; k++) {
            sa += 1;
            sb += sc[k];
            for (int i = sa; i >= 1; i--) {
                double[] row = h[i];
                double[] prev = h[i - 1];
                for (int j = sb; j >= sc[k]; j--) {
                    row[j] += prev[j - sc[k]];
                }
            }
        }
        double sum = total;
        double sum2 = 0;
        for (int v : sc) {
            sum2 += (double) v * v;
        }
        // rows k = 1..N-1, columns s = 1..total (maxstat drops s = 0), in probabilities H / choose(N, k)
        double[][] s = new double[n][total + 1];
        double[][] p = new double[n][total + 1];
        double[] e = new double[n];
        double logNFact = logFactorial(n);
        for (int k = 1; k < n; k++) {
            e[k] = (double) k / n * sum;
            double v = (double) k * (n - k) / ((double) n * n * (n - 1)) * (n * sum2 - sum * sum);
            double scale = Math.exp(logFactorial(k) + logFactorial(n - k) - logNFact);
            for (int j = 1; j <= total; j++) {
                if (h[k][j] != 0) {
                    s[k][j] = Math.abs((j - e[k]) / Math.sqrt(v));
                    p[k][j] = s[k][j] <= b ? 0 : h[k][j] * scale;
                }
            }
        }
        double[] sh = new double[n];
        for (int k = 1; k < n; k++) {
            for (int j = 1; j <= total; j++) {
                sh[k] += p[k][j];
            }
        }
        int first = Arrays.stream(msample).min().getAsInt();
        for (int i = first; i <= n - 2; i++) {
            double subtract = 0;
            for (int j = 1; j <= total; j++) {
                if (p[i][j] > 0) {
                    if (j < e[i] && j + maxScore <= total && s[i + 1][j + maxScore] > b) {
                        subtract += p[i][j];
                    }
                    if (j > e[i] && s[i + 1][j] > b) {
                        subtract += p[i][j];
                    }
                }
            }
            sh[i + 1] -= subtract;
        }
        double lower = 0;
        for (int k : msample) {
            lower += sh[k];
        }
        return Math.min(lower, 1);
    }

    private static double logFactorial(int k) {
        return org.hipparchus.special.Gamma.logGamma(k + 1.0);
    }

    private static Integer[] order(double[] v) {
        Integer[] o = new Integer[v.length];
        for (int i = 0; i < o.length; i++) {
            o[i] = i;
        }
        Arrays.sort(o, Comparator.comparingDouble(i -> v[i]));
        return o;
    }
}
