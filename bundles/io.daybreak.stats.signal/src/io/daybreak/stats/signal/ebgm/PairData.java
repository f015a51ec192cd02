package io.daybreak.stats.signal.ebgm;

import java.util.Arrays;

/**
 * The points the prior is fitted to: observed counts {@code n}, expected counts {@code e} and weights {@code w}
 * (1 for an unsquashed pair; the number of pairs a squashed point stands for, as openEBGM's {@code weight}).
 */
public record PairData(int[] n, double[] e, double[] w) {

    /** Checks lengths, counts &ge; 0, expected counts finite and &gt; 0, weights finite and &gt; 0. */
    public PairData {
        if (n.length != e.length || n.length != w.length) {
            throw new IllegalArgumentException("N, E and weight must have the same length: " + n.length + ", "
                    + e.length + ", " + w.length);
        }
        for (int i = 0; i < n.length; i++) {
            if (n[i] < 0) {
                throw new IllegalArgumentException("N must be >= 0; row " + (i + 1) + " has N = " + n[i]);
            }
            if (!(e[i] > 0) || !Double.isFinite(e[i])) {
                throw new IllegalArgumentException("E must be finite and > 0; row " + (i + 1) + " has E = " + e[i]);
            }
            if (!(w[i] > 0) || !Double.isFinite(w[i])) {
                throw new IllegalArgumentException("weight must be finite and > 0; row " + (i + 1) + " has " + w[i]);
            }
        }
    }

    /** Unsquashed pairs: every weight 1. */
    public static PairData of(int[] n, double[] e) {
        double[] w = new double[n.length];
        Arrays.fill(w, 1.0);
        return new PairData(n, e, w);
    }

    /** Number of points. */
    public int size() {
        return n.length;
    }

    /** Sum of the weights: the number of pairs these points stand for. */
    public double totalWeight() {
        double s = 0;
        for (double v : w) {
            s += v;
        }
        return s;
    }

    /** The points with {@code N >= nStar} (those the truncated likelihood uses). */
    public PairData atLeast(int nStar) {
        int k = 0;
        for (int v : n) {
            if (v >= nStar) {
                k++;
            }
        }
        int[] nn = new int[k];
        double[] ee = new double[k];
        double[] ww = new double[k];
        int j = 0;
        for (int i = 0; i < n.length; i++) {
            if (n[i] >= nStar) {
                nn[j] = n[i];
                ee[j] = e[i];
                ww[j] = w[i];
                j++;
            }
        }
        return new PairData(nn, ee, ww);
    }
}
