package io.daybreak.stats.biomarker.subgroup;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * A CART regression tree as R {@code rpart(method = "anova")}: a node with at least {@code minSplit} patients is
 * split at the cut (midpoint between adjacent distinct values) that most reduces the sum of squares, both children
 * keeping at least {@code minBucket} patients; the first variable wins ties. Nodes at depth {@code maxDepth} (root 0)
 * are not split. The grown tree is then pruned at complexity {@code cp}: bottom up, a split is removed when it
 * reduces the sum of squares of its subtree by no more than {@code cp} times the root's sum of squares per extra leaf
 * (the optimal subtree of cost-complexity pruning at that penalty). No surrogate splits; no missing values.
 *
 * <p>With a random source and {@code mtry} below the number of features, each split looks at {@code mtry} features
 * drawn at random (the tree of a random forest). Immutable once fitted.
 */
public final class RegressionTree {
    /** Growth and pruning limits, as rpart.control's minsplit, minbucket, cp and maxdepth. */
    public record Control(int minSplit, int minBucket, double cp, int maxDepth) {
        public Control {
            if (minSplit < 2 || minBucket < 1 || !(cp >= 0) || maxDepth < 0) {
                throw new IllegalArgumentException("need minSplit >= 2, minBucket >= 1, cp >= 0 and maxDepth >= 0; "
                        + "got " + minSplit + ", " + minBucket + ", " + cp + ", " + maxDepth);
            }
        }
    }

    /** A node: a leaf when {@code left} is null; patients with {@code x[feature] < cut} go left. */
    public record Node(int feature, double cut, Node left, Node right, double mean, int n, double deviance) {
        public boolean leaf() {
            return left == null;
        }
    }

    /** A leaf with the conditions leading to it (root first). */
    public record Leaf(List<Condition> rule, double mean, int n) {
    }

    private final Node root;

    private RegressionTree(Node root) {
        this.root = root;
    }

    public Node root() {
        return root;
    }

    /** A tree on all features (x column-major: x[feature][patient]) for the patients in {@code rows}. */
    public static RegressionTree fit(double[][] x, double[] y, int[] rows, Control control) {
        return fit(x, y, rows, control, null, x.length);
    }

    /** A tree choosing among {@code mtry} random features at each split when {@code random} is given. */
    public static RegressionTree fit(double[][] x, double[] y, int[] rows, Control control, UniformRandomProvider random,
            int mtry) {
        if (rows.length == 0) {
            throw new IllegalArgumentException("no rows to grow a tree on");
        }
        Grower g = new Grower(x, y, control, random, Math.max(1, Math.min(mtry, x.length)));
        double[] stats = g.stats(rows);
        double alpha = control.cp() * stats[1];
        return new RegressionTree(g.grow(rows, 0, alpha));
    }

    /** The prediction (leaf mean) for one patient given as a row of feature values. */
    public double predict(double[] row) {
        Node node = root;
        while (!node.leaf()) {
            node = row[node.feature()] < node.cut() ? node.left() : node.right();
        }
        return node.mean();
    }

    /** The leaves, left to right, each with its rule. */
    public List<Leaf> leaves() {
        List<Leaf> out = new ArrayList<>();
        collect(root, new ArrayList<>(), out);
        return out;
    }

    private static void collect(Node node, List<Condition> path, List<Leaf> out) {
        if (node.leaf()) {
            out.add(new Leaf(List.copyOf(path), node.mean(), node.n()));
            return;
        }
        path.add(new Condition(node.feature(), node.cut(), false));
        collect(node.left(), path, out);
        path.set(path.size() - 1, new Condition(node.feature(), node.cut(), true));
        collect(node.right(), path, out);
        path.remove(path.size() - 1);
    }

    private static final class Grower {
        private final double[][] x;
        private final double[] y;
        private final Control control;
        private final UniformRandomProvider random;
        private final int mtry;

        Grower(double[][] x, double[] y, Control control, UniformRandomProvider random, int mtry) {
            this.x = x;
            this.y = y;
            this.control = control;
            this.random = random;
            this.mtry = mtry;
        }

        /** {mean, sum of squares about it}. */
        double[] stats(int[] rows) {
            double s = 0;
            for (int r : rows) {
                s += y[r];
            }
            double mean = s / rows.length;
            double ss = 0;
            for (int r : rows) {
                ss += (y[r] - mean) * (y[r] - mean);
            }
            return new double[] {mean, ss};
        }

        Node grow(int[] rows, int depth, double alpha) {
            double[] st = stats(rows);
            int n = rows.length;
            Node leaf = new Node(-1, Double.NaN, null, null, st[0], n, st[1]);
            if (n < control.minSplit() || depth >= control.maxDepth() || st[1] <= alpha || st[1] <= 0) {
                return leaf;
            }
            int bestFeature = -1;
            double bestCut = Double.NaN;
            double bestGain = 0;
            Integer[] order = new Integer[n];
            for (int f : features()) {
                double[] xf = x[f];
                for (int i = 0; i < n; i++) {
                    order[i] = rows[i];
                }
                Arrays.sort(order, Comparator.comparingDouble(r -> xf[r]));
                double total = 0;
                for (int r : rows) {
                    total += y[r] - st[0];
                }
                double left = 0;
                for (int k = 1; k < n; k++) {
                    left += y[order[k - 1]] - st[0];
                    if (k < control.minBucket() || n - k < control.minBucket() || !(xf[order[k - 1]] < xf[order[k]])) {
                        continue;
                    }
                    double right = total - left;
                    // reduction of the sum of squares: n_L mean_L^2 + n_R mean_R^2 on centred values
                    double gain = left * left / k + right * right / (n - k);
                    if (gain > bestGain * (1 + 1e-12) + 1e-300) {
                        bestGain = gain;
                        bestFeature = f;
                        bestCut = (xf[order[k - 1]] + xf[order[k]]) / 2;
                    }
                }
            }
            if (bestFeature < 0) {
                return leaf;
            }
            int nl = 0;
            for (int r : rows) {
                if (x[bestFeature][r] < bestCut) {
                    nl++;
                }
            }
            int[] lr = new int[nl];
            int[] rr = new int[n - nl];
            int a = 0;
            int b = 0;
            for (int r : rows) {
                if (x[bestFeature][r] < bestCut) {
                    lr[a++] = r;
                } else {
                    rr[b++] = r;
                }
            }
            Node l = grow(lr, depth + 1, alpha);
            Node r = grow(rr, depth + 1, alpha);
            double subtree = leafDeviance(l) + leafDeviance(r);
            int leaves = leafCount(l) + leafCount(r);
            if (st[1] - subtree <= alpha * (leaves - 1)) {
                return leaf;
            }
            return new Node(bestFeature, bestCut, l, r, st[0], n, st[1]);
        }

        private int[] features() {
            int p = x.length;
            int[] all = new int[p];
            for (int j = 0; j < p; j++) {
                all[j] = j;
            }
            if (random == null || mtry >= p) {
                return all;
            }
            for (int j = 0; j < mtry; j++) {
                int k = j + random.nextInt(p - j);
                int tmp = all[j];
                all[j] = all[k];
                all[k] = tmp;
            }
            int[] chosen = Arrays.copyOf(all, mtry);
            Arrays.sort(chosen);
            return chosen;
        }
    }

    private static double leafDeviance(Node node) {
        return node.leaf() ? node.deviance() : leafDeviance(node.left()) + leafDeviance(node.right());
    }

    private static int leafCount(Node node) {
        return node.leaf() ? 1 : leafCount(node.left()) + leafCount(node.right());
    }
}
