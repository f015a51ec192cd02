package io.daybreak.stats.biomarker.subgroup;

import java.util.ArrayList;
import java.util.List;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * Bootstrap bias correction of the effect of a selected subgroup (Harrell-style optimism, as applied to subgroup
 * selection by Foster et al. 2011, section 3.3). In each of B bootstrap samples the whole selection procedure is
 * rerun; for the subgroup it ranks k-th, the optimism is its effect in the bootstrap sample (where it was chosen)
 * minus the effect of the same rule in the original data (where it was not). The mean optimism at rank k over the
 * samples that produced a k-th subgroup is subtracted from the naive effect of the k-th reported subgroup.
 */
public final class BiasCorrection {
    /** The selection procedure: subgroup rules found among the given rows (duplicates allowed), best first. */
    @FunctionalInterface
    public interface Procedure {
        List<List<Condition>> select(int[] rows, UniformRandomProvider random);
    }

    /** The effect estimate among rows (indices; duplicates count again), NaN when it cannot be computed. */
    @FunctionalInterface
    public interface Estimator {
        double estimate(int[] rows);
    }

    /** Mean optimism per rank (NaN where no sample produced that rank) and how many samples contributed. */
    public record Optimism(double[] optimism, int[] samples) {
    }

    private BiasCorrection() {
    }

    /** The optimism of ranks 1..{@code ranks} from {@code bootstraps} samples of the n patients. */
    public static Optimism optimism(double[][] x, boolean[] t, double[] y, boolean binary, Procedure procedure, int ranks,
            int bootstraps, UniformRandomProvider random) {
        return optimism(x, rows -> Effect.of(y, t, rows, binary, Double.NaN).estimate(), procedure, ranks, bootstraps,
                random);
    }

    /**
     * The optimism of ranks 1..{@code ranks} from {@code bootstraps} samples of the n patients (n = the length of
     * x's columns), for any effect measure (e.g. {@link Effect#rmstDifference}).
     */
    public static Optimism optimism(double[][] x, Estimator effect, Procedure procedure, int ranks, int bootstraps,
            UniformRandomProvider random) {
        int n = x[0].length;
        double[] sum = new double[ranks];
        int[] count = new int[ranks];
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        for (int b = 0; b < bootstraps; b++) {
            int[] sample = new int[n];
            for (int i = 0; i < n; i++) {
                sample[i] = random.nextInt(n);
            }
            List<List<Condition>> rules = procedure.select(sample, random);
            for (int k = 0; k < Math.min(ranks, rules.size()); k++) {
                double apparent = effect.estimate(members(rules.get(k), x, sample));
                double test = effect.estimate(members(rules.get(k), x, all));
                if (Double.isFinite(apparent) && Double.isFinite(test)) {
                    sum[k] += apparent - test;
                    count[k]++;
                }
            }
        }
        double[] out = new double[ranks];
        for (int k = 0; k < ranks; k++) {
            out[k] = count[k] == 0 ? Double.NaN : sum[k] / count[k];
        }
        return new Optimism(out, count);
    }

    /** The rows (with their repeats) satisfying every condition of the rule. */
    public static int[] members(List<Condition> rule, double[][] x, int[] rows) {
        List<Integer> in = new ArrayList<>();
        for (int r : rows) {
            if (Condition.all(rule, x, r)) {
                in.add(r);
            }
        }
        return in.stream().mapToInt(Integer::intValue).toArray();
    }
}
