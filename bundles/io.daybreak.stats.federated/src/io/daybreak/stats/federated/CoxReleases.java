package io.daybreak.stats.federated;

import java.util.List;
import java.util.Map;

import io.daybreak.federation.Aggregates;
import io.daybreak.federation.ReleaseGuard;
import io.daybreak.stats.models.survival.CoxSums;

/**
 * What a site releases of a Cox model's risk-set sums ({@code stats.cox}'s site step, and the weighted Cox model of
 * the causal site step), the risk-set rules those sums must pass before they leave, and how a coordinator reads
 * them back: one format and one rule set for every site step that releases Cox sums.
 */
public final class CoxReleases {
    /** The site step whose release this is. */
    public static final String METHOD = "stats.cox";

    private CoxReleases() {
    }

    /**
     * The coordinator's grid: strictly ascending finite times, and no more than the site's limit of released values
     * (per time: S0, d, dw, T0, then S1, T1, Σx per covariate and S2, T2 per pair), checked before allocating.
     */
    public static double[] grid(Map<String, Object> arguments, int p) {
        if (arguments.get("grid") instanceof List<?> list) {
            Arguments.limit("grid", (double) list.size() * (4 + 3.0 * p + 2.0 * p * p));
        }
        double[] grid = Arguments.numbers(arguments, "grid", -1);
        for (int k = 1; k < grid.length; k++) {
            if (!(grid[k] > grid[k - 1])) {
                throw new IllegalArgumentException("argument 'grid' must be strictly ascending");
            }
        }
        return grid;
    }

    /**
     * The risk-set rules on sums about to be released: every non-empty risk set at least {@code minRiskSetSize};
     * every change between consecutive risk sets (starting from the {@code rows} of the model, whose own sums other
     * releases carry) 0 or at least {@code minRiskSetChange}; and every non-zero number of events at a grid time at
     * least {@code minCellCount}, since the events' sums (Σx, T0, T1, T2) at that time are sums over those events
     * alone.
     */
    public static void checkRiskSets(ReleaseGuard guard, String what, CoxSums sums, long rows) {
        long[] sizes = sums.riskSizes();
        guard.riskSets(what, sizes);
        long[] nested = new long[sizes.length + 1];
        nested[0] = rows;
        System.arraycopy(sizes, 0, nested, 1, sizes.length);
        guard.riskSetChanges(what, nested);
        guard.counts(what + " (events at a grid time)", sums.d.clone());
    }

    /** The release of the sums (also what a coordinator sends back to sites for robust variances). */
    public static Aggregates toAggregates(CoxSums sums) {
        int g = sums.grid.length;
        int p = sums.p;
        double[] d = new double[g];
        double[] s1 = new double[g * p];
        double[] t1 = new double[g * p];
        double[] sumX = new double[g * p];
        double[] s2 = new double[g * p * p];
        double[] t2 = new double[g * p * p];
        for (int k = 0; k < g; k++) {
            d[k] = sums.d[k];
            for (int a = 0; a < p; a++) {
                s1[k * p + a] = sums.s1[k][a];
                t1[k * p + a] = sums.t1[k][a];
                sumX[k * p + a] = sums.sumX[k][a];
                for (int b = 0; b < p; b++) {
                    s2[(k * p + a) * p + b] = sums.s2[k][a][b];
                    t2[(k * p + a) * p + b] = sums.t2[k][a][b];
                }
            }
        }
        return Aggregates.builder().put("s0", sums.s0).put("s1", s1).put("s2", s2).put("d", d).put("dw", sums.dw)
                .put("sumX", sumX)
                .put("t0", sums.t0).put("t1", t1).put("t2", t2).build();
    }

    /** Sums rebuilt from a release over the grid, for p covariates. */
    public static CoxSums fromAggregates(Aggregates released, double[] grid, int p) {
        CoxSums sums = new CoxSums(grid, p);
        double[] s0 = released.get("s0");
        double[] t0 = released.get("t0");
        double[] d = released.get("d");
        double[] dw = released.get("dw");
        double[] s1 = released.get("s1");
        double[] t1 = released.get("t1");
        double[] sumX = released.get("sumX");
        double[] s2 = released.get("s2");
        double[] t2 = released.get("t2");
        if (s0.length != grid.length || dw.length != grid.length || s1.length != grid.length * p
                || s2.length != grid.length * p * p) {
            throw new IllegalArgumentException("a site's Cox sums do not match the grid and covariates sent");
        }
        for (int k = 0; k < grid.length; k++) {
            sums.s0[k] = s0[k];
            sums.t0[k] = t0[k];
            sums.d[k] = (long) d[k];
            sums.dw[k] = dw[k];
            for (int a = 0; a < p; a++) {
                sums.s1[k][a] = s1[k * p + a];
                sums.t1[k][a] = t1[k * p + a];
                sums.sumX[k][a] = sumX[k * p + a];
                for (int b = 0; b < p; b++) {
                    sums.s2[k][a][b] = s2[(k * p + a) * p + b];
                    sums.t2[k][a][b] = t2[(k * p + a) * p + b];
                }
            }
        }
        return sums;
    }
}
