package io.daybreak.stats.causal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Greedy nearest-neighbour matching on the propensity score for the ATT, transcribed from R's MatchIt 4.7.1
 * ({@code matchit(method = "nearest", distance = "glm")}: {@code matchit2nearest} and its C++ routines
 * {@code nn_matchC_vec} and {@code find_control_vec}), so that every pair equals MatchIt's, ties included:
 * <ul>
 * <li>all patients are sorted by score, equal scores in data order (R's stable {@code order(distance)});</li>
 * <li>without replacement the treated are matched in descending order of their score ({@code m.order =
 * "largest"}, equal scores in data order), in rounds: every treated patient gets a first control before any gets a
 * second; a treated patient left without a control in a round gets none in later rounds. With replacement each
 * treated patient takes its k nearest controls at once (the order does not matter);</li>
 * <li>for one treated patient the search walks out from its place in the sorted order, one step left (lower
 * scores) then one step right, alternating, skipping treated and used controls; each side stops at its first
 * (k-th) candidate, at a candidate farther than the caliper, or at one strictly farther than k candidates already
 * found; of the candidates the nearest win, equal distances in the order found (for k &gt; 1 the order of the
 * C++ library's {@code std::partial_sort}, reproduced here);</li>
 * <li>in a later round the walk starts from the treated patient's earlier matches and takes no control nearer
 * than they are;</li>
 * <li>the caliper is {@code caliper × sd(scores)} over all patients (divisor n − 1); a pair is allowed at
 * |difference| ≤ width.</li>
 * </ul>
 *
 * @param matches for each row, the control rows matched to it if it is a matched treated patient (else empty), in
 *                the order MatchIt's match matrix lists them
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
        double max = Arrays.stream(scores).max().orElse(0);
        double min = Arrays.stream(scores).min().orElse(0);
        Search search = new Search(scores, treated,
                caliper > 0 ? caliper * standardDeviation(scores) : max - min + 1);
        List<List<Integer>> chosen = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            chosen.add(new ArrayList<>());
        }
        if (replace) {
            for (int t = 0; t < n; t++) {
                if (treated[t] == 1) {
                    chosen.get(t).addAll(search.find(t, 1, ratio, List.of()));
                }
            }
        } else {
            Integer[] order = IntStream.range(0, n).filter(i -> treated[i] == 1).boxed()
                    .sorted(Comparator.comparingDouble((Integer i) -> -scores[i]).thenComparingInt(i -> i))
                    .toArray(Integer[]::new);
            for (int round = 1; round <= ratio; round++) {
                for (int t : order) {
                    if (!search.anyControlLeft()) {
                        break;
                    }
                    if (!search.eligible[t]) {
                        continue;
                    }
                    List<Integer> found = search.find(t, round, 1, chosen.get(t));
                    if (found.isEmpty()) {
                        search.eligible[t] = false;
                        continue;
                    }
                    int control = found.get(0);
                    chosen.get(t).add(control);
                    search.use(control);
                    if (chosen.get(t).size() >= ratio) {
                        search.eligible[t] = false;
                    }
                }
            }
        }
        return weighted(chosen, treated);
    }

    /** MatchIt's weights from the match lists. */
    private static Matching weighted(List<List<Integer>> chosen, int[] treated) {
        int n = treated.length;
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
            if (treated[i] == 0 && controlSum > 0) {
                weights[i] *= matchedControls / controlSum;
            }
        }
        return new Matching(matches, weights);
    }

    /** MatchIt's {@code find_control_vec} over the patients sorted by score. */
    private static final class Search {
        private final double[] scores;
        private final int[] treated;
        private final double caliper;
        private final int[] sorted;
        private final int[] position;
        private final boolean[] eligible;
        private int controlsLeft;

        Search(double[] scores, int[] treated, double caliper) {
            this.scores = scores;
            this.treated = treated;
            this.caliper = caliper;
            int n = scores.length;
            sorted = IntStream.range(0, n).boxed()
                    .sorted(Comparator.comparingDouble((Integer i) -> scores[i]).thenComparingInt(i -> i))
                    .mapToInt(Integer::intValue).toArray();
            position = new int[n];
            for (int k = 0; k < n; k++) {
                position[sorted[k]] = k;
            }
            eligible = new boolean[n];
            Arrays.fill(eligible, true);
            for (int a : treated) {
                controlsLeft += 1 - a;
            }
        }

        boolean anyControlLeft() {
            return controlsLeft > 0;
        }

        void use(int control) {
            eligible[control] = false;
            controlsLeft--;
        }

        /** Up to {@code ratio} controls for treated patient t in round r, nearest first. */
        List<Integer> find(int t, int round, int ratio, List<Integer> earlier) {
            int here = position[t];
            int left = here;
            int right = here;
            double minDistance = 0;
            if (round > 1 && !earlier.isEmpty()) {
                for (int c : earlier) {
                    left = Math.min(left, position[c]);
                    right = Math.max(right, position[c]);
                }
                double toLeft = Math.abs(scores[t] - scores[sorted[left]]);
                double toRight = Math.abs(scores[t] - scores[sorted[right]]);
                minDistance = left == here ? toRight : right == here ? toLeft : Math.max(toLeft, toRight);
            }
            boolean leftStop = false;
            boolean rightStop = false;
            boolean goLeft = false;
            int foundLeft = 0;
            int foundRight = 0;
            List<Integer> ids = new ArrayList<>();
            List<Double> distances = new ArrayList<>();
            while (!leftStop || !rightStop) {
                goLeft = leftStop ? false : rightStop || !goLeft;
                int candidate;
                if (goLeft) {
                    if (left <= 0 || foundLeft == ratio) {
                        leftStop = true;
                        continue;
                    }
                    candidate = sorted[--left];
                } else {
                    if (right >= sorted.length - 1 || foundRight == ratio) {
                        rightStop = true;
                        continue;
                    }
                    candidate = sorted[++right];
                }
                if (!eligible[candidate] || treated[candidate] != 0 || (round > 1 && earlier.contains(candidate))) {
                    continue;
                }
                double distance = Math.abs(scores[t] - scores[candidate]);
                boolean stop = distance > caliper;
                if (!stop && ids.size() >= ratio) {
                    int closer = 0;
                    for (double d : distances) {
                        closer += d < distance ? 1 : 0;
                    }
                    stop = closer >= ratio;
                }
                if (stop) {
                    if (goLeft) {
                        leftStop = true;
                    } else {
                        rightStop = true;
                    }
                    continue;
                }
                if (distance < minDistance) {
                    continue;
                }
                ids.add(candidate);
                distances.add(distance);
                if (goLeft) {
                    leftStop = ++foundLeft == ratio;
                } else {
                    rightStop = ++foundRight == ratio;
                }
            }
            return nearest(ids, distances, ratio);
        }
    }

    /** The {@code ratio} nearest of the candidates, as {@code find_control_vec} orders them (libstdc++ sorts). */
    static List<Integer> nearest(List<Integer> ids, List<Double> distances, int ratio) {
        int count = ids.size();
        boolean ascending = true;
        for (int k = 1; k < count; k++) {
            ascending &= !(distances.get(k) < distances.get(k - 1));
        }
        if (count <= 1 || (count <= ratio && ascending)) {
            return ids;
        }
        int[] index = IntStream.range(0, count).toArray();
        double[] d = distances.stream().mapToDouble(Double::doubleValue).toArray();
        int kept = Math.min(ratio, count);
        if (count > ratio) {
            StdHeap.partialSort(index, ratio, d);
        } else {
            // std::sort of at most 16 elements is libstdc++'s insertion sort: stable
            Integer[] boxed = Arrays.stream(index).boxed().sorted(Comparator.comparingDouble(k -> d[k]))
                    .toArray(Integer[]::new);
            index = Arrays.stream(boxed).mapToInt(Integer::intValue).toArray();
        }
        List<Integer> out = new ArrayList<>();
        for (int k = 0; k < kept; k++) {
            out.add(ids.get(index[k]));
        }
        return out;
    }

    /** Treated patients with at least one match. */
    public int matchedTreated() {
        int count = 0;
        for (int[] m : matches) {
            count += m.length > 0 ? 1 : 0;
        }
        return count;
    }

    private static double standardDeviation(double[] values) {
        double mean = Arrays.stream(values).average().orElse(0);
        double squares = 0;
        for (double v : values) {
            squares += (v - mean) * (v - mean);
        }
        return Math.sqrt(squares / (values.length - 1));
    }

    /**
     * libstdc++'s {@code std::partial_sort} (heap select, then heap sort) on indices compared by a key, so that equal
     * keys come out in the order MatchIt's compiled code gives them.
     */
    static final class StdHeap {
        private StdHeap() {
        }

        static void partialSort(int[] a, int middle, double[] key) {
            makeHeap(a, middle, key);
            for (int i = middle; i < a.length; i++) {
                if (key[a[i]] < key[a[0]]) {
                    int value = a[i];
                    a[i] = a[0];
                    adjustHeap(a, 0, middle, value, key);
                }
            }
            for (int end = middle; end > 1; end--) {
                int value = a[end - 1];
                a[end - 1] = a[0];
                adjustHeap(a, 0, end - 1, value, key);
            }
        }

        private static void makeHeap(int[] a, int len, double[] key) {
            if (len < 2) {
                return;
            }
            for (int parent = (len - 2) / 2; parent >= 0; parent--) {
                adjustHeap(a, parent, len, a[parent], key);
            }
        }

        private static void adjustHeap(int[] a, int hole, int len, int value, double[] key) {
            int top = hole;
            int second = hole;
            while (second < (len - 1) / 2) {
                second = 2 * (second + 1);
                if (key[a[second]] < key[a[second - 1]]) {
                    second--;
                }
                a[hole] = a[second];
                hole = second;
            }
            if ((len & 1) == 0 && second == (len - 2) / 2) {
                second = 2 * (second + 1);
                a[hole] = a[second - 1];
                hole = second - 1;
            }
            int parent = (hole - 1) / 2;
            while (hole > top && key[a[parent]] < key[value]) {
                a[hole] = a[parent];
                hole = parent;
                parent = (hole - 1) / 2;
            }
            a[hole] = value;
        }
    }
}
