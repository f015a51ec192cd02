package io.daybreak.methods.causal.federated;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.arrow.memory.BufferAllocator;
import org.osgi.service.component.annotations.Component;

import io.daybreak.federation.FederatedMethod;
import io.daybreak.federation.Sites;
import io.daybreak.methods.causal.model.Estimand;
import io.daybreak.methods.causal.model.MarginalMeans;
import io.daybreak.methods.causal.model.WeightedKaplanMeier;
import io.daybreak.methods.stats.data.FederatedParameters;
import io.daybreak.methods.stats.glm.GlmFit;

/**
 * {@code causal.iptw} across site nodes: the propensity model, balancing weights, the balance table and
 * effective sizes, and the IPTW effect (weighted means for a continuous or binary outcome; weighted Kaplan–Meier
 * and weighted Cox with a robust SE for a time-to-event outcome), all from sums the sites release
 * ({@link CausalSiteStep}) and equal to the pooled {@code causal.weighting} / {@code causal.effect} (IPTW) results.
 * Sites may hold one arm each (a single-arm trial and a registry of external controls).
 */
@Component(service = FederatedMethod.class)
public final class CausalFederatedMethod implements FederatedMethod {
    private static final List<String> PARAMETERS = List.of("treatment", "treatedValue", "controlValue", "covariates",
            "estimand", "stabilize", "outcome", "outcomeType", "status", "eventValue", "times", "ties", "level");

    @Override
    public String id() {
        return CausalSiteStep.METHOD;
    }

    @Override
    public String title() {
        return "IPTW across sites, exact: propensity model, weights, balance, weighted means or weighted Kaplan-Meier "
                + "and Cox (robust SE)";
    }

    @Override
    public List<String> parameters() {
        return List.of("treatment: treatment column", "treatedValue: its treated value (default 1)",
                "controlValue: its control value (default 0)", "covariates: comma-separated propensity covariates",
                "estimand: ATE (default), ATT or ATO", "stabilize: true for stabilised ATE weights",
                "outcome: outcome column (optional; for outcomeType=survival the follow-up time)",
                "outcomeType: continuous (default), binary or survival", "status: survival status column (default "
                        + "status)", "eventValue: status value of an event (default 1)",
                "times: comma-separated times for survival differences", "ties: efron (default) or breslow",
                "level: confidence level (default 0.95)");
    }

    @Override
    public Outcome run(Sites sites, Map<String, String> raw, BufferAllocator allocator) {
        FederatedParameters parameters = new FederatedParameters(raw, PARAMETERS);
        List<String> covariates = parameters.names("covariates");
        Estimand estimand = estimand(parameters.string("estimand", "ATE"));
        boolean stabilize = parameters.bool("stabilize");
        if (stabilize && estimand != Estimand.ATE) {
            throw new IllegalArgumentException("parameter 'stabilize' = true applies to estimand ATE only");
        }
        String outcomeType = parameters.string("outcomeType", "continuous");
        if (!List.of("continuous", "binary", "survival").contains(outcomeType)) {
            throw new IllegalArgumentException("parameter 'outcomeType' must be continuous, binary or survival");
        }
        String ties = parameters.string("ties", "efron");
        if (!ties.equals("efron") && !ties.equals("breslow")) {
            throw new IllegalArgumentException("parameter 'ties' must be efron or breslow");
        }
        double level = parameters.real("level", 0.95);
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("parameter 'level' must be in (0, 1)");
        }
        Map<String, Object> base = new LinkedHashMap<>();
        base.put("treatment", parameters.string("treatment", "treatment"));
        base.put("treatedValue", parameters.real("treatedValue", 1));
        base.put("controlValue", parameters.real("controlValue", 0));
        base.put("covariates", new ArrayList<Object>(covariates));
        boolean survival = outcomeType.equals("survival");
        boolean withOutcome = parameters.has("outcome");
        if (survival) {
            if (!withOutcome) {
                throw new IllegalArgumentException("parameter 'outcome' (the follow-up time column) is needed for "
                        + "outcomeType=survival");
            }
            base.put("time", parameters.string("outcome", "time"));
            base.put("status", parameters.string("status", "status"));
            base.put("eventValue", parameters.real("eventValue", 1));
        } else if (withOutcome) {
            base.put("outcome", parameters.string("outcome", "outcome"));
        }
        CausalFederated rounds = new CausalFederated(sites, base, covariates.size());
        GlmFit propensity = rounds.propensity();
        Map<String, Object> weighting = new LinkedHashMap<>(base);
        weighting.put("propensity", FederatedParameters.list(propensity.coefficients()));
        weighting.put("estimand", estimand.name());
        weighting.put("armFactors", List.of(1.0, 1.0));
        WeightedSums sums = rounds.weighted(weighting, withOutcome && !survival);
        double n = sums.rows[0] + sums.rows[1];
        if (sums.rows[0] == 0 || sums.rows[1] == 0) {
            throw new IllegalArgumentException("the sites hold no " + (sums.rows[1] == 0 ? "treated patient" : "control")
                    + "; both arms are needed");
        }
        if (stabilize) {
            double share = sums.rows[1] / n;
            weighting.put("armFactors", List.of(1 - share, share));
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        List<Object> terms = new ArrayList<>(List.of("(Intercept)"));
        terms.addAll(covariates);
        summary.put("terms", terms);
        summary.put("propensityCoefficients", FederatedParameters.list(propensity.coefficients()));
        summary.put("propensityStdErrors", FederatedParameters.list(propensity.standardErrors()));
        summary.put("estimand", estimand.name());
        summary.put("n", (long) n);
        summary.put("treated", (long) sums.rows[1]);
        summary.put("controls", (long) sums.rows[0]);
        summary.put("effectiveSizeTreated", sums.weight[1] * sums.weight[1] / sums.weightSquares[1]);
        summary.put("effectiveSizeControls", sums.weight[0] * sums.weight[0] / sums.weightSquares[0]);
        FederatedBalance.put(summary, sums, covariates, estimand);
        if (survival) {
            survival(rounds, weighting, parameters, ties.equals("efron"), level, summary);
        } else if (withOutcome) {
            if (outcomeType.equals("binary") && !sums.binaryOutcome) {
                throw new IllegalArgumentException("column '" + base.get("outcome") + "' holds values other than 0 and "
                        + "1 at some site; a binary outcome holds 0 and 1 (or use outcomeType=continuous)");
            }
            FederatedMeans.put(summary, sums, outcomeType.equals("binary"), level);
        }
        return new Outcome(summary, rounds.rounds(), true);
    }

    private static void survival(CausalFederated rounds, Map<String, Object> weighting, FederatedParameters parameters,
            boolean efron, double level, Map<String, Object> summary) {
        WeightedKaplanMeier.Counts[] counts = rounds.survivalCounts(weighting);
        WeightedKaplanMeier control = WeightedKaplanMeier.estimate(counts[0]);
        WeightedKaplanMeier treated = WeightedKaplanMeier.estimate(counts[1]);
        if (control.times().length == 0 || treated.times().length == 0) {
            throw new IllegalArgumentException("the " + (treated.times().length == 0 ? "treated" : "control")
                    + " arm has no event; a hazard ratio needs events in both arms");
        }
        double[] grid = java.util.stream.DoubleStream.concat(java.util.Arrays.stream(control.times()),
                java.util.Arrays.stream(treated.times())).distinct().sorted().toArray();
        double[] cox = rounds.cox(weighting, grid, efron);
        MarginalMeans.Contrast hazardRatio = MarginalMeans.Contrast.ratio(cox[0], cox[2], level);
        summary.put("hazardRatio", hazardRatio.estimate());
        summary.put("hazardRatioInterval", FederatedParameters.list(new double[] {hazardRatio.lower(),
            hazardRatio.upper()}));
        summary.put("logHazardRatioRobustSE", cox[2]);
        summary.put("logHazardRatioNaiveSE", cox[1]);
        double[] times = parameters.has("times") ? parameters.reals("times") : new double[0];
        double[][] columns = new double[4][times.length];
        for (int k = 0; k < times.length; k++) {
            double[] one = treated.at(times[k]);
            double[] zero = control.at(times[k]);
            columns[0][k] = one[0];
            columns[1][k] = zero[0];
            columns[2][k] = one[0] - zero[0];
            columns[3][k] = Math.hypot(one[1], zero[1]);
        }
        summary.put("times", FederatedParameters.list(times));
        summary.put("survivalTreated", FederatedParameters.list(columns[0]));
        summary.put("survivalControl", FederatedParameters.list(columns[1]));
        summary.put("survivalDifference", FederatedParameters.list(columns[2]));
        summary.put("survivalDifferenceStdError", FederatedParameters.list(columns[3]));
    }

    private static Estimand estimand(String name) {
        try {
            return Estimand.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("parameter 'estimand' must be ATE, ATT or ATO, not '" + name + "'");
        }
    }
}
