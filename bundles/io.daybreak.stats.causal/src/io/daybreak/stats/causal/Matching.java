package io.daybreak.stats.causal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Greedy nearest-neighbour matching on the propensity score for the ATT, as R {@code MatchIt::matchit(method =
 * "nearest")} does it: the treated are taken in descending order of their score ({@code m.order = "largest"}),
 * each gets the control with the closest score still available (ties: the first in the data); with a ratio k,
 * every treated patient gets a first match before any gets a second, and so on. A caliper (in standard deviations
 * of the scores of all patients) leaves a treated patient unmatched when no control is close enough. With
 * replacement a control can serve several treated patients.
 *
 * @param matches for each row, the control rows matched to it if it is a matched treated patient (else empty)
 * @param weights MatchIt's ATT weights: 1 for matched treated; for a control the sum of 1/kᵢ over the treated
 *                patients i it serves (kᵢ their number of controls), rescaled to sum to the number of matched
 *                controls; 0 for the unmatched
 */
public record Matching(int[][] matches, double[] weights) {

    /**
     * @param ratio   controls per treated patient (k)
     * @param replace whether a control may be matched more than once
     * @param caliper maximum |score difference| in standard deviations of the scores; 0: none
     */
    public static Matching nearest(double[] scores, int[] treated, int ratio, boolean replace, double caliper) {
        int n = scores.length;
        double limit = caliper > 0 ? caliper * standardDeviation(scores) : Double.POSITIVE_INFINITY;
        Integer[] order = treatedByDescendingScore(scores, treated);
        List<List<Integer>> chosen = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            chosen.add(new ArrayList<>());
        }
        boolean[] used = new boolean[n];
        int[] controls = java.util.stream.IntStream.range(0, n).filter(i -> treated[i] == 0).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> scores[i]).thenComparingInt(i -> i))
                .mapToInt(Integer::intValue).toArray();
        double[] controlScores = Arrays.stream(controls).mapToDouble(c -> scores[c]).toArray();
        for (int round = 0; round < ratio; round++) {
            for (int t : order) {
                if (round > 0 && chosen.get(t).size() < round) {
                    continue; // found no match in an earlier round: stays short
                }
                int best = nearestAvailable(scores, controls, controlScores, t, used, chosen.get(t),
                        replace);
                double bestDistance = best < 0 ? Double.POSITIVE_INFINITY : Math.abs(scores[t] - scores[best]);
                if (best >= 0 && bestDistance <= limit) {
                    chosen.get(t).add(best);
                    used[best] = true;
                }
            }
        }
        int[][] matches = new int[n][];
        double[] weights = new double[n];
        for (int i = 0; i < n; i++) {
            matches[i] = chosen.get(i).stream().mapToInt(Integer::intValue).toArray();
            if (matches[i].length > 0) {
                weights[i] = 1;
                for (int c : matches[i]) {
                    weights[c] += 1.0 / matches[i].length;
                }
            }
        }
        double controlSum = 0;
        int matchedControls = 0;
        for (int i = 0; i < n; i++) {
            if (treated[i] == 0 && weights[i] > 0) {
                controlSum += weights[i];
                matchedControls++;
            }
        }
        for (int i = 0; i < n; i++) {
            if (treated[i] == 0) {
                weights[i] *= matchedControls / controlSum;
            }
        }
        return new Matching(matches, weights);
    }

    /**
     * The closest control to treated patient t that is still available (and not already t's), walking out from
     * t's score in the controls sorted by score; of equally close controls, the first in the data.
     */
    private static int nearestAvailable(double[] scores, int[] controls, double[] controlScores, int t, boolean[] used,
            List<Integer> mine, boolean replace) {
        int position = Arrays.binarySearch(controlScores, scores[t]);
        int above = position >= 0 ? position : -position - 1;
        int below = above - 1;
        int best = -1;
        double bestDistance = Double.POSITIVE_INFINITY;
        while (below >= 0 || above < controls.length) {
            double down = below >= 0 ? scores[t] - scores[controls[below]] : Double.POSITIVE_INFINITY;
            double up = above < controls.length ? scores[controls[above]] - scores[t] : Double.POSITIVE_INFINITY;
            if (Math.min(down, up) > bestDistance) {
                break;
            }
            int candidate = down <= up ? controls[below--] : controls[above++];
            if ((!replace && used[candidate]) || mine.contains(candidate)) {
                continue;
            }
            double distance = Math.abs(scores[t] - scores[candidate]);
            if (distance < bestDistance || (distance == bestDistance && candidate < best)) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return best;
    }

    /** Treated patients with at least one match. */
    public int matchedTreated() {
        int count = 0;
        for (int[] m : matches) {
            count += m.length > 0 ? 1 : 0;
        }
        return count;
    }

    private static Integer[] treatedByDescendingScore(double[] scores, int[] treated) {
        return java.util.stream.IntStream.range(0, scores.length).filter(i -> treated[i] == 1).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> -scores[i]).thenComparingInt(i -> i))
                .toArray(Integer[]::new);
    }

    private static double standardDeviation(double[] values) {
        double mean = Arrays.stream(values).average().orElse(0);
        double squares = 0;
        for (double v : values) {
            squares += (v - mean) * (v - mean);
        }
        return Math.sqrt(squares / (values.length - 1));
    }
}
