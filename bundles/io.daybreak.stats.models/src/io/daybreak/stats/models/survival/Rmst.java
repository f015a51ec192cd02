package io.daybreak.stats.models.survival;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * The restricted mean survival time up to τ, the area under the Kaplan–Meier curve on [0, τ], with the Greenwood
 * plug-in variance, as {@code survRM2} 1.0-4 ({@code rmst1}) computes it: with t_1 < … < t_k the distinct times
 * ≤ τ, the areas a_0 = t_1, a_i = (t_{i+1} − t_i)·S(t_i), a_k = (τ − t_k)·S(t_k); RMST = Σ a_i and
 * var = Σ_i (a_i + … + a_k)² · d_i / (n_i (n_i − d_i)) (0 where n_i = d_i). Limits RMST ∓ z·se; the restricted
 * mean time lost is τ − RMST with the same standard error. Computed from event and censoring counts only
 * ({@link EventCounts}), so sites' counts give the pooled value exactly.
 *
 * @param tau      the truncation time
 * @param estimate the RMST
 * @param variance its variance
 * @param lower    lower confidence limit
 * @param upper    upper confidence limit
 */
public record Rmst(double tau, double estimate, double variance, double lower, double upper) {

    /** The RMST of one group of the counts up to {@code tau}, with confidence level {@code level}. */
    public static Rmst of(EventCounts counts, int group, double tau, double level) {
        TreeMap<Double, long[]> cells = counts.group(group);
        List<Double> times = new ArrayList<>();
        List<Double> survival = new ArrayList<>();
        List<Double> varianceTerms = new ArrayList<>();
        long atRisk = counts.size(group);
        double s = 1;
        for (Map.Entry<Double, long[]> cell : cells.entrySet()) {
            if (cell.getKey() > tau) {
                break;
            }
            long d = cell.getValue()[0];
            s *= 1 - (double) d / atRisk; // survfit's S, also at censoring-only times (unchanged there)
            times.add(cell.getKey());
            survival.add(s);
            varianceTerms.add(atRisk - d == 0 ? 0 : d / ((double) atRisk * (atRisk - d)));
            atRisk -= d + cell.getValue()[1];
        }
        int k = times.size();
        double[] areas = new double[k + 1];
        double previous = 0;
        for (int i = 0; i <= k; i++) {
            double t = i < k ? times.get(i) : tau;
            areas[i] = (t - previous) * (i == 0 ? 1 : survival.get(i - 1));
            previous = t;
        }
        double rmst = 0;
        for (double area : areas) {
            rmst += area;
        }
        double variance = 0;
        double tail = 0;
        for (int i = k; i >= 1; i--) {
            tail += areas[i];
            variance += tail * tail * varianceTerms.get(i - 1);
        }
        double z = z(level);
        double se = Math.sqrt(variance);
        return new Rmst(tau, rmst, variance, rmst - z * se, rmst + z * se);
    }

    public double standardError() {
        return Math.sqrt(variance);
    }

    /** The restricted mean time lost, τ − RMST. */
    public double timeLost() {
        return tau - estimate;
    }

    static double z(double level) {
        return NormalDistribution.of(0, 1).inverseCumulativeProbability(1 - (1 - level) / 2);
    }

    /**
     * The range of τ that {@code survRM2::rmst2} allows for two arms, and its default. With x0, x1 the largest
     * observed times of the arms and each arm's last observation an event only when every observation at its
     * largest time is one: τ may go up to max(x0, x1) when both last observations are events, or when the arm with
     * the larger x (arm 0 if equal) ends censored and the other with an event; otherwise only up to min(x0, x1).
     * The default is that upper bound.
     *
     * @param maximum  the largest τ allowed, which is the default
     * @param largest  the largest observed time of each arm (arm 0, arm 1)
     * @param censored whether each arm's last observation is censored
     */
    public record TauRange(double maximum, double[] largest, boolean[] censored) {
        /** The range for arms 0 and 1 of the counts (groups 0 and 1). */
        public static TauRange of(EventCounts counts) {
            double[] largest = new double[2];
            boolean[] censored = new boolean[2];
            for (int g = 0; g < 2; g++) {
                Map.Entry<Double, long[]> last = counts.group(g).lastEntry();
                if (last == null) {
                    throw new IllegalArgumentException("arm " + g + " has no observations");
                }
                largest[g] = last.getKey();
                censored[g] = last.getValue()[1] > 0; // R: min(status at the largest time) == 0
            }
            double max = Math.max(largest[0], largest[1]);
            double min = Math.min(largest[0], largest[1]);
            boolean e0 = !censored[0];
            boolean e1 = !censored[1];
            boolean toMax = e0 && e1 || !e0 && e1 && largest[0] >= largest[1] || e0 && !e1 && largest[1] > largest[0];
            return new TauRange(toMax ? max : min, largest, censored);
        }
    }

    /**
     * Two arms compared at τ as {@code survRM2::rmst2} does without covariates: the difference (arm 1 − arm 0)
     * with se √(var1 + var0), the ratio of RMSTs and the ratio of RMTLs on the log scale (delta method), limits
     * ∓ z·se and two-sided normal p-values.
     *
     * @param arm0       RMST of arm 0
     * @param arm1       RMST of arm 1
     * @param difference {estimate, se, lower, upper, p}
     * @param ratio      RMST ratio {estimate, se of its log, lower, upper, p}
     * @param lossRatio  RMTL ratio {estimate, se of its log, lower, upper, p}
     */
    public record Comparison(Rmst arm0, Rmst arm1, double[] difference, double[] ratio, double[] lossRatio) {
        /** Compares groups 0 (arm 0) and 1 (arm 1) of the counts at {@code tau}. */
        public static Comparison of(EventCounts counts, double tau, double level) {
            Rmst r0 = Rmst.of(counts, 0, tau, level);
            Rmst r1 = Rmst.of(counts, 1, tau, level);
            double z = z(level);
            double diff = r1.estimate - r0.estimate;
            double diffSe = Math.sqrt(r1.variance + r0.variance);
            double[] difference = {diff, diffSe, diff - z * diffSe, diff + z * diffSe, p(diff / diffSe)};
            double logRatio = Math.log(r1.estimate) - Math.log(r0.estimate);
            double ratioSe = Math.sqrt(r1.variance / r1.estimate / r1.estimate + r0.variance / r0.estimate / r0.estimate);
            double logLoss = Math.log(r1.timeLost()) - Math.log(r0.timeLost());
            double lossSe = Math.sqrt(r1.variance / r1.timeLost() / r1.timeLost()
                    + r0.variance / r0.timeLost() / r0.timeLost());
            return new Comparison(r0, r1, difference, logScale(logRatio, ratioSe, z), logScale(logLoss, lossSe, z));
        }

        private static double[] logScale(double log, double se, double z) {
            return new double[] {Math.exp(log), se, Math.exp(log - z * se), Math.exp(log + z * se), p(log / se)};
        }

        private static double p(double statistic) {
            return 2 * NormalDistribution.of(0, 1).cumulativeProbability(-Math.abs(statistic));
        }
    }
}
