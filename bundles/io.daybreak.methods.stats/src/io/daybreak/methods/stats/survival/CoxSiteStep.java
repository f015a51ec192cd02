package io.daybreak.methods.stats.survival;

import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Component;

import io.daybreak.data.Table;
import io.daybreak.federation.Aggregates;
import io.daybreak.federation.ReleaseGuard;
import io.daybreak.federation.SiteStep;
import io.daybreak.methods.stats.data.Arguments;
import io.daybreak.methods.stats.data.NumericColumns;
import io.daybreak.methods.stats.data.SiteChecks;

/**
 * The site steps of the federated Cox model ({@code stats.cox}):
 * <ul>
 * <li>{@code eventTimes}: the site's distinct event times (the grid of pooled risk sets);</li>
 * <li>{@code sums}: at β, over the coordinator's grid, the risk-set and tie sums of {@link CoxSums};</li>
 * <li>{@code stratumLikelihood}: at β, the log partial likelihood, score and information of the site's own
 * data as one stratum (the site-stratified model, which releases no event times).</li>
 * </ul>
 * The first two release exact event times and are refused unless the site's policy allows that. Sums are
 * released only where every non-empty risk set has at least {@code minRiskSetSize} patients, consecutive risk
 * sets differ by 0 or at least {@code minRiskSetChange} patients, and every grid time with events has at least
 * {@code minCellCount} of them ({@link #checkRiskSets}). Every step checks the row set, the status column's
 * levels (the event value is looked up in it) and the levels of two-valued covariates.
 *
 * <p>Arguments: {@code time}, {@code status}, {@code eventValue}, {@code covariates} (list), {@code ties}
 * ("efron" or "breslow"), and {@code beta} and {@code grid} (lists) where the step needs them.
 */
@Component(service = SiteStep.class)
public final class CoxSiteStep implements SiteStep {
    public static final String METHOD = "stats.cox";

    @Override
    public String method() {
        return METHOD;
    }

    @Override
    public Aggregates run(String step, Map<String, Object> arguments, Table data, ReleaseGuard guard) {
        Arguments.step(METHOD, step, "eventTimes", "sums", "stratumLikelihood");
        List<String> covariates = Arguments.strings(arguments, "covariates");
        String time = Arguments.string(arguments, "time");
        String status = Arguments.string(arguments, "status");
        double eventValue = Arguments.number(arguments, "eventValue");
        int p = covariates.size();
        double[] beta = step.equals("eventTimes") ? null : Arguments.numbers(arguments, "beta", p);
        double[] grid = step.equals("sums") ? grid(arguments, p) : null;
        if (!step.equals("stratumLikelihood")) {
            // a policy refusal first: it depends on no row
            guard.eventTimes(step.equals("sums") ? "the Cox model's risk-set sums" : "the Cox model's event times");
        }
        NumericColumns rows = Arguments.columns(data, Arguments.named("time", time, "status", status, "covariates",
                covariates));
        guard.rows("the rows of the model", rows.rowSet());
        guard.parameters("the model", p, rows.rows());
        SiteChecks.lookupColumn(guard, status, rows.column(status));
        SiteChecks.binaryColumns(guard, rows, covariates);
        double[] t = rows.column(time);
        boolean[] event = SurvivalInput.events(rows.column(status), eventValue);
        double[][] x = SurvivalInput.covariateRows(rows, covariates);
        switch (step) {
        case "eventTimes" -> {
            return Aggregates.builder().put("eventTimes", CoxSums.eventTimes(t, event)).build();
        }
        case "sums" -> {
            CoxSums sums = CoxSums.of(t, event, x, beta, grid);
            checkRiskSets(guard, "the Cox model's risk-set sums", sums, rows.rows());
            return toAggregates(sums);
        }
        default -> {
            CoxFit.Evaluation own = CoxSums.of(t, event, x, beta, CoxSums.eventTimes(t, event))
                    .evaluate(beta, !"breslow".equals(arguments.get("ties")));
            return Aggregates.builder().put("logLikelihood", own.logLikelihood()).put("score", own.score())
                    .putMatrix("information", own.information()).put("events", count(event)).build();
        }
        }
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

    private static double count(boolean[] event) {
        int n = 0;
        for (boolean e : event) {
            n += e ? 1 : 0;
        }
        return n;
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
