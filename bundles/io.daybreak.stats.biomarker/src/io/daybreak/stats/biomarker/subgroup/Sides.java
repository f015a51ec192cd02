package io.daybreak.stats.biomarker.subgroup;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * A SIDES-type recursive search (Lipkovich et al., Statistics in Medicine 30:2601-2621, 2011). Starting from all
 * patients, every marker is split at up to {@code cuts} candidate cut-points (type-7 quantiles k/(cuts+1) of the
 * marker in the parent, kept when both children have at least {@code minSize} patients and two per arm). The
 * splitting criterion is the differential effect: with z_L and z_R the standardised treatment effects (estimate over
 * standard error, sign made positive for a favourable effect) in the two children, the criterion is
 * |z_L - z_R| / sqrt(2) (Lipkovich's criterion 1). The best cut of each marker is taken and the {@code width} markers
 * with the largest criterion are kept; of each kept split the child with the larger z becomes a candidate subgroup
 * if its two-sided effect p-value is below {@code gamma} times its parent's (the relative improvement rule). Candidates
 * are searched further, without reusing a marker on the same path, down to {@code depth} conditions. The result is
 * every candidate with a favourable effect, ordered by p-value; {@link #minP} is the smallest p over them, whose
 * permutation distribution gives the multiplicity-adjusted p-values.
 */
public final class Sides {
    /** Search limits. */
    public record Settings(int width, int depth, int minSize, int cuts, double gamma, boolean binary,
            boolean higherIsBetter) {
    }

    /** A candidate subgroup: its rule and the effect within it. */
    public record Candidate(List<Condition> rule, Effect effect) {
    }

    private Sides() {
    }

    /** The candidates (most significant first) among the patients {@code rows}. */
    public static List<Candidate> search(double[][] x, boolean[] t, double[] y, int[] rows, Settings s) {
        List<Candidate> out = new ArrayList<>();
        Effect root = Effect.of(y, t, rows, s.binary(), Double.NaN);
        recurse(x, t, y, rows, new ArrayList<>(), new boolean[x.length], root.pValue(), s, out);
        out.sort(Comparator.comparingDouble(c -> c.effect().pValue()));
        return out;
    }

    /** The smallest p-value over the candidates, 1 when there are none. */
    public static double minP(List<Candidate> candidates) {
        return candidates.isEmpty() ? 1 : candidates.get(0).effect().pValue();
    }

    private record Split(int feature, double cut, double criterion, int[] best, boolean atLeast, Effect effect) {
    }

    private static void recurse(double[][] x, boolean[] t, double[] y, int[] rows, List<Condition> path,
            boolean[] used, double parentP, Settings s, List<Candidate> out) {
        if (path.size() >= s.depth()) {
            return;
        }
        double sign = s.higherIsBetter() ? 1 : -1;
        List<Split> splits = new ArrayList<>();
        for (int f = 0; f < x.length; f++) {
            if (used[f]) {
                continue;
            }
            Split best = null;
            for (double cut : candidates(x[f], rows, s.cuts())) {
                int[][] parts = split(x[f], rows, cut);
                if (parts[0].length < s.minSize() || parts[1].length < s.minSize()) {
                    continue;
                }
                Effect l = Effect.of(y, t, parts[0], s.binary(), Double.NaN);
                Effect r = Effect.of(y, t, parts[1], s.binary(), Double.NaN);
                double zl = sign * l.estimate() / l.stdError();
                double zr = sign * r.estimate() / r.stdError();
                if (!Double.isFinite(zl) || !Double.isFinite(zr)) {
                    continue;
                }
                double criterion = Math.abs(zl - zr) / Math.sqrt(2);
                if (best == null || criterion > best.criterion()) {
                    boolean right = zr > zl;
                    best = new Split(f, cut, criterion, right ? parts[1] : parts[0], right, right ? r : l);
                }
            }
            if (best != null) {
                splits.add(best);
            }
        }
        splits.sort(Comparator.comparingDouble(sp -> -sp.criterion()));
        for (Split sp : splits.subList(0, Math.min(s.width(), splits.size()))) {
            Effect e = sp.effect();
            if (!(sign * e.estimate() > 0) || !(e.pValue() < s.gamma() * parentP)) {
                continue;
            }
            path.add(new Condition(sp.feature(), sp.cut(), sp.atLeast()));
            out.add(new Candidate(List.copyOf(path), e));
            used[sp.feature()] = true;
            recurse(x, t, y, sp.best(), path, used, e.pValue(), s, out);
            used[sp.feature()] = false;
            path.remove(path.size() - 1);
        }
    }

    /** Distinct type-7 quantiles k/(cuts+1), k = 1..cuts, of the marker among the rows. */
    static double[] candidates(double[] xf, int[] rows, int cuts) {
        double[] v = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            v[i] = xf[rows[i]];
        }
        Arrays.sort(v);
        double[] q = new double[cuts];
        for (int k = 1; k <= cuts; k++) {
            double h = (v.length - 1) * (double) k / (cuts + 1);
            int lo = (int) Math.floor(h);
            int hi = Math.min(lo + 1, v.length - 1);
            q[k - 1] = v[lo] + (h - lo) * (v[hi] - v[lo]);
        }
        return Arrays.stream(q).distinct().toArray();
    }

    private static int[][] split(double[] xf, int[] rows, double cut) {
        int nl = 0;
        for (int r : rows) {
            if (xf[r] < cut) {
                nl++;
            }
        }
        int[] l = new int[nl];
        int[] g = new int[rows.length - nl];
        int a = 0;
        int b = 0;
        for (int r : rows) {
            if (xf[r] < cut) {
                l[a++] = r;
            } else {
                g[b++] = r;
            }
        }
        return new int[][] {l, g};
    }
}
