package io.daybreak.stats.federated;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.daybreak.federation.Aggregates;
import io.daybreak.federation.Sites;
import io.daybreak.stats.models.columns.SummaryValues;
import io.daybreak.stats.models.survival.CoxFit;
import io.daybreak.stats.models.survival.CoxSums;

/**
 * The coordinator of the federated Cox model: Newton–Raphson ({@link CoxFit}) on what the sites release
 * ({@link CoxSiteStep}). With pooled risk sets the sites first release their event times once; then each round
 * sends β and the union of event times and adds the sites' sums in a fixed order, so the fit equals the
 * pooled one. Stratified by site, each round adds the sites' own likelihoods, scores and information.
 */
public final class CoxFederated {
    private CoxFederated() {
    }

    /** The fit and the number of rounds (calls to all sites). */
    public record Result(CoxFit fit, int rounds, long events) {
    }

    public static Result fit(Sites sites, String time, String status, double eventValue, List<String> covariates,
            boolean efron, boolean stratifyBySite) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("time", time);
        model.put("status", status);
        model.put("eventValue", eventValue);
        model.put("covariates", covariates);
        return fit(sites, model, covariates.size(), efron, stratifyBySite);
    }

    /**
     * The fit of a model given as site-step arguments (time, status, event value and covariates, or a formula with
     * its agreed levels, {@link FormulaReleases#arguments}) with {@code p} coefficients.
     */
    public static Result fit(Sites sites, Map<String, Object> model, int p, boolean efron, boolean stratifyBySite) {
        Map<String, Object> base = new LinkedHashMap<>(model);
        base.put("ties", efron ? "efron" : "breslow");
        int[] rounds = new int[1];
        long[] events = new long[1];
        CoxFit fit;
        if (stratifyBySite) {
            fit = CoxFit.fit(beta -> {
                rounds[0]++;
                Map<String, Aggregates> replies = sites.call(CoxReleases.METHOD, "stratumLikelihood",
                        with(base, "beta", beta));
                CoxFit.Evaluation total = null;
                events[0] = 0;
                for (String site : sites.names()) {
                    Aggregates reply = replies.get(site);
                    CoxFit.Evaluation own = new CoxFit.Evaluation(reply.scalar("logLikelihood"), reply.get("score"),
                            reply.getMatrix("information"));
                    total = total == null ? own : total.plus(own);
                    events[0] += (long) reply.scalar("events");
                }
                return total;
            }, p);
        } else {
            rounds[0]++;
            double[] grid = sites.call(CoxReleases.METHOD, "eventTimes", base).values().stream()
                    .flatMapToDouble(reply -> Arrays.stream(reply.get("eventTimes"))).distinct().sorted().toArray();
            fit = CoxFit.fit(beta -> {
                rounds[0]++;
                Map<String, Object> arguments = with(base, "beta", beta);
                arguments.put("grid", SummaryValues.list(grid));
                CoxSums total = sum(sites, sites.call(CoxReleases.METHOD, "sums", arguments), grid, p);
                events[0] = Arrays.stream(total.d).sum();
                return total.evaluate(beta, efron);
            }, p);
        }
        return new Result(fit, rounds[0], events[0]);
    }

    /** The sites' risk-set sums over the grid (released as {@link CoxReleases#toAggregates}), in the sites' order. */
    public static CoxSums sum(Sites sites, Map<String, Aggregates> replies, double[] grid, int p) {
        CoxSums total = null;
        for (String site : sites.names()) {
            CoxSums sums = CoxReleases.fromAggregates(replies.get(site), grid, p);
            if (total == null) {
                total = sums;
            } else {
                total.add(sums);
            }
        }
        return total;
    }

    private static Map<String, Object> with(Map<String, Object> base, String name, double[] values) {
        Map<String, Object> arguments = new LinkedHashMap<>(base);
        arguments.put(name, SummaryValues.list(values));
        return arguments;
    }

}
