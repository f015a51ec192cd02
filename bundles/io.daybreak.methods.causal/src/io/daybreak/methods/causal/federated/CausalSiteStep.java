package io.daybreak.methods.causal.federated;

import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Component;

import io.daybreak.data.Table;
import io.daybreak.federation.Aggregates;
import io.daybreak.federation.ReleaseGuard;
import io.daybreak.federation.SiteStep;
import io.daybreak.stats.causal.WeightedKaplanMeier;
import io.daybreak.stats.federated.Arguments;
import io.daybreak.stats.models.glm.GlmFamily;
import io.daybreak.stats.models.glm.GlmSums;
import io.daybreak.stats.models.survival.CoxRobust;
import io.daybreak.stats.models.survival.CoxSums;
import io.daybreak.stats.federated.CoxReleases;
import io.daybreak.stats.federated.GlmReleases;

/**
 * The site steps of the federated IPTW analysis ({@code causal.iptw}); each releases sums only:
 * <ul>
 * <li>{@code propensity}: the logistic propensity model's IRLS sums at the coordinator's coefficients;</li>
 * <li>{@code weighted}: per arm the row count, Σw, Σw², and per covariate Σx, Σx², Σwx (balance, effective
 * sizes), and with an outcome Σwy, Σw²y, Σw²y² (the weighted means and their influence-function variance);</li>
 * <li>{@code survivalCounts}: per arm and distinct time the weighted events and exits and their squared weights
 * (the weighted Kaplan–Meier curves; releases event times, so the site's policy must allow them);</li>
 * <li>{@code coxSums}: the weighted Cox model's risk-set sums with the treatment as covariate;</li>
 * <li>{@code coxMeat}: given the pooled sums at β̂, the site's part of the robust variance's middle term.</li>
 * </ul>
 * Every step first applies {@link SiteRows#read}'s checks (row set, propensity model size, the levels of the
 * treatment column and of two-valued covariates and outcome) and the cell rule on the arm sizes; the survival
 * steps check the policy's event-times opt-in before reading a row, and the status column's levels; {@code weighted}
 * also checks binary covariates and outcome per arm, {@code survivalCounts} the number of events and of patients
 * leaving at each released time (a sum of weights over one patient is that patient's weight), {@code coxSums} the
 * risk-set rules of {@link CoxReleases#checkRiskSets}. No step releases a value of a single row.
 *
 * <p>Arguments: those of {@link SiteRows}, and {@code propensity}, {@code estimand}, {@code armFactors} for the
 * weights, {@code beta} and {@code grid} for the Cox steps, the pooled sums for {@code coxMeat}.
 */
@Component(service = SiteStep.class)
public final class CausalSiteStep implements SiteStep {
    public static final String METHOD = "causal.iptw";
    /** The names of the Cox sums, as released by the {@code coxSums} step and sent back pooled ("pooled." + name). */
    static final List<String> COX_SUMS = List.of("s0", "s1", "s2", "d", "dw", "sumX", "t0", "t1", "t2");

    @Override
    public String method() {
        return METHOD;
    }

    @Override
    public Aggregates run(String step, Map<String, Object> arguments, Table data, ReleaseGuard guard) {
        Arguments.step(METHOD, step, "propensity", "weighted", "hc3", "survivalCounts", "coxSums", "coxMeat",
                io.daybreak.stats.federated.StatusReleases.STEP, io.daybreak.stats.federated.FormulaReleases.LEVELS_STEP);
        if (step.equals(io.daybreak.stats.federated.FormulaReleases.LEVELS_STEP)) {
            return io.daybreak.stats.federated.FormulaReleases.levels(guard, data, arguments);
        }
        if (step.equals(io.daybreak.stats.federated.StatusReleases.STEP)) {
            return io.daybreak.stats.federated.StatusReleases.release(guard, data, arguments);
        }
        switch (step) {
        case "survivalCounts" -> guard.eventTimes("the weighted Kaplan-Meier counts");
        case "coxSums" -> guard.eventTimes("the weighted Cox model's risk-set sums");
        case "coxMeat" -> guard.eventTimes("the weighted Cox model's robust variance");
        default -> {
            // no event times in this step's release
        }
        }
        SiteRows rows = SiteRows.read(data, arguments, guard);
        guard.counts("the arm sizes", rows.armSizes());
        return switch (step) {
        case "propensity" -> {
            double[] beta = arguments.containsKey("beta")
                    ? Arguments.numbers(arguments, "beta", rows.covariates.size() + 1) : null;
            yield GlmReleases.release(GlmSums.of(rows.x, rows.treatmentResponse(), GlmFamily.BINOMIAL, beta)).build();
        }
        case "weighted" -> {
            checkBinaryCounts(rows, guard);
            yield WeightedSums.of(rows, rows.weights(arguments)).release();
        }
        case "hc3" -> {
            checkBinaryCounts(rows, guard);
            yield hc3(rows, arguments);
        }
        case "survivalCounts" -> survivalCounts(rows, arguments, guard);
        case "coxSums" -> {
            CoxSums sums = coxSums(rows, arguments, guard);
            yield CoxReleases.toAggregates(sums);
        }
        default -> coxMeat(rows, arguments, guard);
        };
    }

    /**
     * Each arm's Σ w²(y − μ)²/(1 − w/Σw)², the middle term of the HC3 sandwich of the weighted regression of the
     * outcome on the arm, at the pooled arm means {@code means} and pooled weight totals {@code totals} (controls,
     * treated): a sum over the arm, like the Σw²y² the {@code weighted} step releases.
     */
    private static Aggregates hc3(SiteRows rows, Map<String, Object> arguments) {
        if (rows.outcome == null) {
            throw new IllegalArgumentException("step 'hc3' needs an 'outcome' argument");
        }
        double[] w = rows.weights(arguments);
        double[] means = Arguments.numbers(arguments, "means", 2);
        double[] totals = Arguments.numbers(arguments, "totals", 2);
        double[] middle = new double[2];
        for (int i = 0; i < rows.n(); i++) {
            int a = rows.treated[i];
            double term = w[i] * (rows.outcome[i] - means[a]) / (1 - w[i] / totals[a]);
            middle[a] += term * term;
        }
        return Aggregates.builder().put("hc3", middle).build();
    }

    private static Aggregates survivalCounts(SiteRows rows, Map<String, Object> arguments, ReleaseGuard guard) {
        requireSurvival(rows, guard);
        double[] w = rows.weights(arguments);
        double[] ones = new double[rows.n()];
        java.util.Arrays.fill(ones, 1);
        Aggregates.Builder release = Aggregates.builder();
        for (int arm = 0; arm <= 1; arm++) {
            // the weights summed at one time are one patient's weight (a function of the covariates) when one
            // patient has an event or leaves then: each non-zero count at a released time must pass the cell rule
            double[][] counts = WeightedKaplanMeier.Counts.of(rows.time, rows.event, ones, rows.treated, arm).arrays();
            guard.counts("the weighted Kaplan-Meier sums (events at a time)", longs(counts[1]));
            guard.counts("the weighted Kaplan-Meier sums (patients leaving at a time)", longs(counts[2]));
            double[][] arrays = WeightedKaplanMeier.Counts.of(rows.time, rows.event, w, rows.treated, arm).arrays();
            release.put("time." + arm, arrays[0]).put("eventWeight." + arm, arrays[1])
                    .put("exitWeight." + arm, arrays[2]).put("eventSquares." + arm, arrays[3])
                    .put("exitSquares." + arm, arrays[4]);
        }
        return release.build();
    }

    private static CoxSums coxSums(SiteRows rows, Map<String, Object> arguments, ReleaseGuard guard) {
        requireSurvival(rows, guard);
        CoxSums sums = CoxSums.of(rows.time, rows.event, rows.treatmentRows(), rows.weights(arguments),
                Arguments.numbers(arguments, "beta", 1), CoxReleases.grid(arguments, 1));
        CoxReleases.checkRiskSets(guard, "the weighted Cox model's risk-set sums", sums, rows.n());
        return sums;
    }

    private static Aggregates coxMeat(SiteRows rows, Map<String, Object> arguments, ReleaseGuard guard) {
        requireSurvival(rows, guard);
        double[] grid = CoxReleases.grid(arguments, 1);
        Aggregates.Builder pooled = Aggregates.builder();
        for (String name : COX_SUMS) {
            pooled.put(name, Arguments.numbers(arguments, "pooled." + name, -1));
        }
        CoxSums sums = CoxReleases.fromAggregates(pooled.build(), grid, 1);
        double[] beta = Arguments.numbers(arguments, "beta", 1);
        boolean efron = !"breslow".equals(arguments.get("ties"));
        double[][] meat = CoxRobust.at(sums, efron).meat(rows.time, rows.event, rows.treatmentRows(),
                rows.weights(arguments), beta);
        return Aggregates.builder().putMatrix("meat", meat).build();
    }

    /** A binary covariate's (or outcome's) sums per arm are counts: each must pass the small-cell rule. */
    private static void checkBinaryCounts(SiteRows rows, ReleaseGuard guard) {
        int p = rows.covariates.size();
        for (int c = 0; c <= p; c++) {
            long[] ones = new long[4];
            boolean binary = true;
            for (int i = 0; i < rows.n() && binary; i++) {
                double v = c < p ? rows.x[i][c + 1] : rows.outcome == null ? 0 : rows.outcome[i];
                binary = v == 0 || v == 1;
                ones[2 * rows.treated[i] + (v == 1 ? 1 : 0)]++;
            }
            if (binary) {
                guard.counts(c < p ? "covariate '" + rows.covariates.get(c) + "' by arm" : "the outcome by arm", ones);
            }
        }
    }

    private static long[] longs(double[] counts) {
        long[] whole = new long[counts.length];
        for (int i = 0; i < counts.length; i++) {
            whole[i] = Math.round(counts[i]);
        }
        return whole;
    }

    private static void requireSurvival(SiteRows rows, ReleaseGuard guard) {
        if (rows.time == null) {
            throw new IllegalArgumentException("argument 'time' is needed for this step");
        }
        rows.checkStatus(guard);
    }
}
