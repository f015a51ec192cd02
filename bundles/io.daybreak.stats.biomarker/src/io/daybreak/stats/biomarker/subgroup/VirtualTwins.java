package io.daybreak.stats.biomarker.subgroup;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * Virtual Twins (Foster, Taylor &amp; Ruberg, Statistics in Medicine 30:2867-2880, 2011). Stage 1: a random forest
 * of regression trees ({@link RegressionTree} on bootstrap samples, {@code mtry} random features per split, leaves
 * of at least {@code nodeSize}; a 0/1 outcome is regressed directly, giving probabilities) for the outcome on the
 * markers, the treatment indicator and the treatment-by-marker products. Each patient's individual effect is
 * Z = f(x, T = 1) - f(x, T = 0), the factual arm predicted out of bag (as aVirtualTwins' {@code vt.forest("one")}),
 * the counterfactual by the whole forest. Stage 2: a CART regression tree on Z over the markers; its leaves whose
 * mean Z is on the favourable side of {@code threshold} are the subgroups, best first.
 */
public final class VirtualTwins {
    /** Forest and tree settings. */
    public record Settings(int trees, int mtry, int nodeSize, RegressionTree.Control tree, double threshold,
            boolean higherIsBetter) {
    }

    /** The individual effects Z and the subgroups (leaves beyond the threshold, most favourable first). */
    public record Result(double[] z, List<RegressionTree.Leaf> subgroups, RegressionTree tree) {
    }

    private VirtualTwins() {
    }

    /**
     * Virtual Twins on the patients {@code rows} (x column-major x[marker][patient]; duplicates allowed, as in a
     * bootstrap sample). The returned z is indexed like {@code rows}.
     */
    public static Result fit(double[][] x, boolean[] t, double[] y, int[] rows, Settings s, UniformRandomProvider random) {
        int p = x.length;
        int n = rows.length;
        // features of the forest over positions 0..n-1: markers, treatment, treatment x marker
        double[][] f = new double[2 * p + 1][n];
        for (int i = 0; i < n; i++) {
            int r = rows[i];
            double ti = t[r] ? 1 : 0;
            for (int j = 0; j < p; j++) {
                f[j][i] = x[j][r];
                f[p + 1 + j][i] = ti * x[j][r];
            }
            f[p][i] = ti;
        }
        double[] yy = new double[n];
        for (int i = 0; i < n; i++) {
            yy[i] = y[rows[i]];
        }
        RegressionTree.Control grow = new RegressionTree.Control(2 * s.nodeSize(), s.nodeSize(), 0, Integer.MAX_VALUE);
        double[] oobSum = new double[n];
        int[] oobCount = new int[n];
        double[] cfSum = new double[n];
        double[] allSum = new double[n];
        double[] row = new double[2 * p + 1];
        for (int b = 0; b < s.trees(); b++) {
            int[] sample = new int[n];
            // in bag by patient, not by position: a patient repeated in rows (a bootstrap rerun) is out of bag only
            // when no copy of it was drawn
            boolean[] in = new boolean[x[0].length];
            for (int i = 0; i < n; i++) {
                sample[i] = random.nextInt(n);
                in[rows[sample[i]]] = true;
            }
            RegressionTree tree = RegressionTree.fit(f, yy, sample, grow, random, s.mtry());
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < row.length; j++) {
                    row[j] = f[j][i];
                }
                double factual = tree.predict(row);
                allSum[i] += factual;
                if (!in[rows[i]]) {
                    oobSum[i] += factual;
                    oobCount[i]++;
                }
                double tc = 1 - row[p];
                row[p] = tc;
                for (int j = 0; j < p; j++) {
                    row[p + 1 + j] = tc * f[j][i];
                }
                cfSum[i] += tree.predict(row);
            }
        }
        double[] z = new double[n];
        for (int i = 0; i < n; i++) {
            double factual = oobCount[i] > 0 ? oobSum[i] / oobCount[i] : allSum[i] / s.trees();
            double counterfactual = cfSum[i] / s.trees();
            z[i] = f[p][i] == 1 ? factual - counterfactual : counterfactual - factual;
        }
        // stage 2 over positions: markers only
        double[][] m = new double[p][];
        for (int j = 0; j < p; j++) {
            m[j] = f[j];
        }
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        RegressionTree tree = RegressionTree.fit(m, z, all, s.tree());
        double sign = s.higherIsBetter() ? 1 : -1;
        double threshold = Double.isNaN(s.threshold()) ? mean(z) : s.threshold();
        List<RegressionTree.Leaf> out = new ArrayList<>();
        for (RegressionTree.Leaf leaf : tree.leaves()) {
            if (sign * (leaf.mean() - threshold) > 0) {
                out.add(leaf);
            }
        }
        out.sort(Comparator.comparingDouble(l -> -sign * l.mean()));
        return new Result(z, out, tree);
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double d : v) {
            s += d;
        }
        return s / v.length;
    }
}
