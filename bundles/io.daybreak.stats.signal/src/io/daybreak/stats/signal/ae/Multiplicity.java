package io.daybreak.stats.signal.ae;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Multiplicity adjustment of adverse-event p-values grouped by body system, as the R package c212 computes it.
 *
 * <ul>
 * <li>{@link #bh(double[])}: Benjamini–Hochberg adjusted p-values (R {@code p.adjust(p, "BH")}, equal to c212's
 * {@code c212.BH.adjust.pvals}); {@link #bhWithin} applies it inside each body system.</li>
 * <li>{@link #doubleFdr}: the Mehrotra–Heyse (2004) Double FDR of {@code c212.DFDR} / {@code c212.err.cntrl(method =
 * "DFDR")}: a body system's representative p is the smallest BH-adjusted p inside it; the representatives are
 * BH-adjusted across body systems; the body systems whose adjusted representative is ≤ α form the family F; BH at
 * level α over all events in F flags the events. c212 returns the flagged set for one α. We report, per event,
 * the smallest α at which c212 flags it (its Double FDR adjusted p), so that {@code double_fdr_p ≤ α} is exactly
 * c212's flagged set at every α (1 when it is never flagged below 1).</li>
 * </ul>
 */
public final class Multiplicity {
    private Multiplicity() {
    }

    /** Benjamini–Hochberg adjusted p-values, in the input order. */
    public static double[] bh(double[] p) {
        int m = p.length;
        Integer[] order = new Integer[m];
        for (int i = 0; i < m; i++) {
            order[i] = i;
            if (!(p[i] >= 0 && p[i] <= 1)) {
                throw new IllegalArgumentException("p-value " + p[i] + " at position " + i + " is not in [0, 1]");
            }
        }
        Arrays.sort(order, (x, y) -> Double.compare(p[x], p[y]));
        double[] adj = new double[m];
        double running = 1.0;
        for (int r = m - 1; r >= 0; r--) {
            int i = order[r];
            running = Math.min(running, p[i] * m / (r + 1));
            adj[i] = running;
        }
        return adj;
    }

    /** BH inside each group (groups[i] names the body system of p[i]). */
    public static double[] bhWithin(String[] groups, double[] p) {
        double[] adj = new double[p.length];
        for (List<Integer> members : byGroup(groups).values()) {
            double[] sub = new double[members.size()];
            for (int k = 0; k < sub.length; k++) {
                sub[k] = p[members.get(k)];
            }
            double[] a = bh(sub);
            for (int k = 0; k < sub.length; k++) {
                adj[members.get(k)] = a[k];
            }
        }
        return adj;
    }

    /** Mehrotra–Heyse Double FDR adjusted p-values (the smallest α at which c212.DFDR flags each event). */
    public static double[] doubleFdr(String[] groups, double[] p) {
        Map<String, List<Integer>> byGroup = byGroup(groups);
        List<String> names = new ArrayList<>(byGroup.keySet());
        double[] within = bhWithin(groups, p);
        double[] rep = new double[names.size()];
        for (int g = 0; g < rep.length; g++) {
            double min = 1;
            for (int i : byGroup.get(names.get(g))) {
                min = Math.min(min, within[i]);
            }
            rep[g] = min;
        }
        double[] repAdj = bh(rep);
        // F changes only at the distinct adjusted representatives t_1 < t_2 < ...: for α in [t_k, t_{k+1}) the family
        // is {groups with repAdj <= t_k} and an event in it is flagged iff its BH-adjusted p over F is <= α.
        TreeSet<Double> thresholds = new TreeSet<>();
        for (double t : repAdj) {
            thresholds.add(t);
        }
        double[] result = new double[p.length];
        Arrays.fill(result, 1.0);
        boolean[] everFlagged = new boolean[p.length];
        Double[] ts = thresholds.toArray(new Double[0]);
        for (int k = 0; k < ts.length; k++) {
            double tk = ts[k];
            double next = k + 1 < ts.length ? ts[k + 1] : Double.POSITIVE_INFINITY;
            List<Integer> family = new ArrayList<>();
            for (int g = 0; g < rep.length; g++) {
                if (repAdj[g] <= tk) {
                    family.addAll(byGroup.get(names.get(g)));
                }
            }
            double[] sub = new double[family.size()];
            for (int q = 0; q < sub.length; q++) {
                sub[q] = p[family.get(q)];
            }
            double[] a = bh(sub);
            for (int q = 0; q < sub.length; q++) {
                int i = family.get(q);
                double alpha = Math.max(tk, a[q]);
                if (alpha < next && alpha < result[i]) {
                    result[i] = alpha;
                    everFlagged[i] = true;
                }
            }
        }
        for (int i = 0; i < p.length; i++) {
            if (!everFlagged[i]) {
                result[i] = 1.0;
            }
        }
        return result;
    }

    static Map<String, List<Integer>> byGroup(String[] groups) {
        Map<String, List<Integer>> map = new LinkedHashMap<>();
        for (int i = 0; i < groups.length; i++) {
            map.computeIfAbsent(groups[i], k -> new ArrayList<>()).add(i);
        }
        return map;
    }
}
