package io.daybreak.stats.signal.ae;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.IntFunction;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * The adverse-event comparison of a trial from its counts ({@link AeCounts}): every non-control arm (a dose level)
 * against the control arm, every event. Per comparison the Fisher p-values are adjusted by BH within body system
 * and by the Mehrotra–Heyse Double FDR ({@link Multiplicity}), and, if asked, the Berry &amp; Berry model is fitted
 * to that comparison's counts ({@link BerryBerry}). Rows come ordered by arm (in {@link AeCounts#arms()} order),
 * body system and term.
 */
public final class AeCompare {
    private AeCompare() {
    }

    /** Berry &amp; Berry sampler settings: chains, burn-in and total iterations per chain (c212's iter). */
    public record Sampler(BerryBerryPrior prior, int chains, int burnin, int iterations) {
        public Sampler {
            if (chains < 1 || burnin < 0 || iterations <= burnin) {
                throw new IllegalArgumentException("need chains >= 1 and iterations > burnin >= 0");
            }
        }
    }

    /** A diagnostics row: the arm whose comparison it belongs to, the parameter, R-hat and ESS. */
    public record Diagnostic(String arm, String parameter, double rhat, double ess) {
    }

    /** The rows of table "ae" and the sampler diagnostics. */
    public record Result(List<AeComparison> rows, List<Diagnostic> diagnostics) {
    }

    /**
     * @param sampler  Berry &amp; Berry settings, or null to skip the model (bb_prob_raised is then NaN)
     * @param streams  random stream {@code k · chains + c} drives chain {@code c} of the k-th compared arm
     */
    public static Result compare(AeCounts data, String controlArm, double level, Sampler sampler,
            IntFunction<UniformRandomProvider> streams) {
        return compare(data, controlArm, level, sampler, streams, null);
    }

    /**
     * As {@link #compare(AeCounts, String, double, Sampler, IntFunction)}; the sampler calls {@code checkpoint} (if
     * not null) every 1,000 sweeps of a chain, e.g. to let a cancelled run throw.
     */
    public static Result compare(AeCounts data, String controlArm, double level, Sampler sampler,
            IntFunction<UniformRandomProvider> streams, Runnable checkpoint) {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("confidence level " + level + " must lie in (0, 1)");
        }
        int control = data.arm(controlArm);
        if (control < 0) {
            throw new IllegalArgumentException("control arm '" + controlArm + "' is not among the arms " + data.arms());
        }
        if (data.events().isEmpty()) {
            throw new IllegalArgumentException("there are no adverse events to compare");
        }
        for (int a = 0; a < data.arms().size(); a++) {
            if (data.atRisk()[a] < 1) {
                throw new IllegalArgumentException("arm '" + data.arms().get(a) + "' has no patients at risk");
            }
        }
        List<Integer> order = new ArrayList<>();
        for (int e = 0; e < data.events().size(); e++) {
            order.add(e);
        }
        order.sort(Comparator.comparing((Integer e) -> data.events().get(e).bodySystem())
                .thenComparing(e -> data.events().get(e).term()));
        List<AeComparison> rows = new ArrayList<>();
        List<Diagnostic> diagnostics = new ArrayList<>();
        int k = 0;
        for (int a = 0; a < data.arms().size(); a++) {
            if (a == control) {
                continue;
            }
            compareArm(data, a, control, order, level, sampler, streams, k, rows, diagnostics, checkpoint);
            k++;
        }
        if (k == 0) {
            throw new IllegalArgumentException("there is no arm besides the control arm '" + controlArm + "'");
        }
        return new Result(List.copyOf(rows), List.copyOf(diagnostics));
    }

    private static void compareArm(AeCounts data, int a, int control, List<Integer> order, double level,
            Sampler sampler, IntFunction<UniformRandomProvider> streams, int k, List<AeComparison> rows,
            List<Diagnostic> diagnostics, Runnable checkpoint) {
        int m = order.size();
        long n1 = data.atRisk()[a];
        long n0 = data.atRisk()[control];
        String[] groups = new String[m];
        double[] p = new double[m];
        for (int i = 0; i < m; i++) {
            int e = order.get(i);
            groups[i] = data.events().get(e).bodySystem();
            p[i] = TwoByTwo.fisherP(data.counts()[e][a], n1, data.counts()[e][control], n0);
        }
        double[] bh = Multiplicity.bhWithin(groups, p);
        double[] dfdr = Multiplicity.doubleFdr(groups, p);
        double[] bb = new double[m];
        Arrays.fill(bb, Double.NaN);
        if (sampler != null) {
            bb = berryBerry(data, a, control, order, sampler, streams, k, diagnostics, checkpoint);
        }
        String arm = data.arms().get(a);
        String ctrl = data.arms().get(control);
        for (int i = 0; i < m; i++) {
            int e = order.get(i);
            long x1 = data.counts()[e][a];
            long x0 = data.counts()[e][control];
            double[] rd = TwoByTwo.newcombe(x1, n1, x0, n0, level);
            double[] rr = TwoByTwo.riskRatio(x1, n1, x0, n0, level);
            AeCounts.Event ev = data.events().get(e);
            rows.add(new AeComparison(ev.bodySystem(), ev.term(), arm, ctrl, x1, n1, (double) x1 / n1, x0, n0,
                    (double) x0 / n0, (double) x1 / n1 - (double) x0 / n0, rd[0], rd[1], rr[0], rr[1], rr[2],
                    TwoByTwo.eair(x1, data.exposureDays()[a]), TwoByTwo.eair(x0, data.exposureDays()[control]),
                    p[i], bh[i], dfdr[i], bb[i]));
        }
    }

    private static double[] berryBerry(AeCounts data, int a, int control, List<Integer> order, Sampler sampler,
            IntFunction<UniformRandomProvider> streams, int k, List<Diagnostic> diagnostics, Runnable checkpoint) {
        // events grouped by body system, in the sorted order
        List<String> bodies = new ArrayList<>();
        List<List<Integer>> members = new ArrayList<>();
        for (int i = 0; i < order.size(); i++) {
            String bs = data.events().get(order.get(i)).bodySystem();
            if (bodies.isEmpty() || !bodies.get(bodies.size() - 1).equals(bs)) {
                bodies.add(bs);
                members.add(new ArrayList<>());
            }
            members.get(members.size() - 1).add(i);
        }
        int nb = bodies.size();
        int[][] x = new int[nb][];
        int[][] nc = new int[nb][];
        int[][] y = new int[nb][];
        int[][] nt = new int[nb][];
        String[][] names = new String[nb][];
        for (int b = 0; b < nb; b++) {
            int size = members.get(b).size();
            x[b] = new int[size];
            nc[b] = new int[size];
            y[b] = new int[size];
            nt[b] = new int[size];
            names[b] = new String[size];
            for (int j = 0; j < size; j++) {
                int e = order.get(members.get(b).get(j));
                x[b][j] = Math.toIntExact(data.counts()[e][control]);
                nc[b][j] = Math.toIntExact(data.atRisk()[control]);
                y[b][j] = Math.toIntExact(data.counts()[e][a]);
                nt[b][j] = Math.toIntExact(data.atRisk()[a]);
                names[b][j] = bodies.get(b) + " | " + data.events().get(e).term();
            }
        }
        int chains = sampler.chains();
        BerryBerry.Fit fit = BerryBerry.fit(new BerryBerry.Data(x, nc, y, nt), sampler.prior(), chains,
                sampler.burnin(), sampler.iterations(), c -> streams.apply(k * chains + c), names,
                bodies.toArray(new String[0]), checkpoint);
        double[] prob = new double[order.size()];
        for (int b = 0; b < nb; b++) {
            for (int j = 0; j < members.get(b).size(); j++) {
                prob[members.get(b).get(j)] = fit.probThetaPositive()[b][j];
            }
        }
        String arm = data.arms().get(a);
        for (BerryBerry.Diagnostic d : fit.diagnostics()) {
            diagnostics.add(new Diagnostic(arm, d.parameter(), d.rhat(), d.ess()));
        }
        return prob;
    }
}
