package io.daybreak.methods.causal.federated;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.arrow.memory.BufferAllocator;
import org.osgi.service.component.annotations.Component;

import io.daybreak.core.method.MethodDescriptor;
import io.daybreak.core.method.Parameters;
import io.daybreak.core.method.Settings;
import io.daybreak.federation.FederatedMethod;
import io.daybreak.federation.Sites;
import io.daybreak.methods.causal.OutcomeType;
import io.daybreak.stats.causal.Estimand;
import io.daybreak.stats.causal.MarginalMeans;
import io.daybreak.stats.causal.WeightedKaplanMeier;
import io.daybreak.stats.models.columns.SummaryValues;
import io.daybreak.stats.models.glm.GlmFit;

/**
 * {@code causal.iptw} across site nodes: the propensity model, balancing weights, the balance table and
 * effective sizes, and the IPTW effect (weighted means for a continuous or binary outcome; weighted Kaplan–Meier
 * and weighted Cox with a robust SE for a time-to-event outcome), all from sums the sites release
 * ({@link CausalSiteStep}) and equal to the pooled {@code causal.weighting} / {@code causal.effect} (IPTW) results.
 * Sites may hold one arm each (a single-arm trial and a registry of external controls).
 */
@Component(service = FederatedMethod.class)
public final class CausalFederatedMethod implements FederatedMethod {
    private static final MethodDescriptor DESCRIPTOR = MethodDescriptor.builder(CausalSiteStep.METHOD,
            "IPTW treatment effect across sites (exact)")
            .category("causal")
            .reference("Austin & Stuart, Stat Med 34:3661 (2015); Li, Morgan & Zaslavsky, JASA 113:390 (2018); "
                    + "R WeightIt, survey, survival")
            .description("The propensity model, balancing weights, balance table and effective sizes, and the IPTW "
                    + "effect (weighted means, or weighted Kaplan-Meier and Cox with a robust SE), from sums the sites "
                    + "release; equal to the pooled causal.weighting / causal.effect (IPTW).")
            .settings(IptwSettings.class)
            .build();

    @Override
    public MethodDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Outcome run(Sites sites, Parameters parameters, BufferAllocator allocator) {
        IptwSettings settings = Settings.bind(IptwSettings.class, parameters);
        Estimand estimand = settings.weights().target();
        boolean binary = settings.outcomeType() == OutcomeType.BINARY;
        double level = settings.level();
        Map<String, Object> base = new LinkedHashMap<>();
        base.put("treatment", settings.treatment().treatment());
        base.put("treatedValue", settings.treatment().treatedValue());
        base.put("controlValue", settings.controlValue());
        List<String> covariates;
        if (settings.covariatesFormula() != null) {
            // the sites agree each factor's levels first; every later step carries the formula and the levels
            io.daybreak.stats.models.formula.Formula formula = settings.covariatesFormula();
            Map<String, List<String>> levels = io.daybreak.stats.federated.FormulaReleases.agree(sites,
                    CausalSiteStep.METHOD, formula, Map.of());
            base.putAll(io.daybreak.stats.federated.FormulaReleases.arguments(formula, levels));
            List<String> names = io.daybreak.stats.models.formula.ModelFrame.columnNames(formula, levels);
            covariates = names.subList(1, names.size());
        } else {
            covariates = settings.covariateNames();
            base.put("covariates", new ArrayList<Object>(covariates));
        }
        boolean survival = settings.survival();
        boolean withOutcome = settings.outcome() != null;
        if (survival) {
            base.put("time", settings.outcome());
            base.put("status", settings.status());
            base.put("eventValue", io.daybreak.stats.federated.StatusReleases.eventValue(sites, CausalSiteStep.METHOD,
                    settings.outcome(), settings.status(), settings.eventValue()));
        } else if (withOutcome) {
            base.put("outcome", settings.outcome());
        }
        CausalFederated rounds = new CausalFederated(sites, base, covariates.size());
        GlmFit propensity = rounds.propensity();
        Map<String, Object> weighting = new LinkedHashMap<>(base);
        weighting.put("propensity", SummaryValues.list(propensity.coefficients()));
        weighting.put("estimand", estimand.name());
        weighting.put("armFactors", List.of(1.0, 1.0));
        WeightedSums sums = rounds.weighted(weighting, withOutcome && !survival);
        double n = sums.rows[0] + sums.rows[1];
        if (sums.rows[0] == 0 || sums.rows[1] == 0) {
            throw new IllegalArgumentException("the sites hold no " + (sums.rows[1] == 0 ? "treated patient" : "control")
                    + "; both arms are needed");
        }
        if (settings.weights().stabilize()) {
            double share = sums.rows[1] / n;
            weighting.put("armFactors", List.of(1 - share, share));
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        List<Object> terms = new ArrayList<>(List.of("(Intercept)"));
        terms.addAll(covariates);
        summary.put("terms", terms);
        summary.put("propensityCoefficients", SummaryValues.list(propensity.coefficients()));
        summary.put("propensityStdErrors", SummaryValues.list(propensity.standardErrors()));
        summary.put("estimand", estimand.name());
        summary.put("n", (long) n);
        summary.put("treated", (long) sums.rows[1]);
        summary.put("controls", (long) sums.rows[0]);
        summary.put("effectiveSizeTreated", sums.weight[1] * sums.weight[1] / sums.weightSquares[1]);
        summary.put("effectiveSizeControls", sums.weight[0] * sums.weight[0] / sums.weightSquares[0]);
        FederatedBalance.put(summary, sums, covariates, estimand);
        if (survival) {
            survival(rounds, weighting, settings, summary);
        } else if (withOutcome) {
            if (binary && !sums.binaryOutcome) {
                throw new IllegalArgumentException("column '" + base.get("outcome") + "' holds values other than 0 and "
                        + "1 at some site; a binary outcome holds 0 and 1 (or use outcomeType=continuous)");
            }
            // the sums are of the unstabilised weights (stabilising scales an arm's weights, which HC3 ignores)
            Map<String, Object> unstabilised = new LinkedHashMap<>(weighting);
            unstabilised.put("armFactors", List.of(1.0, 1.0));
            double[] middle = settings.hc3() ? rounds.hc3(unstabilised, FederatedMeans.means(sums),
                    new double[] {sums.weight[0], sums.weight[1]}) : null;
            FederatedMeans.put(summary, sums, middle, binary, level);
        }
        return new Outcome(summary, rounds.rounds(), true);
    }

    private static void survival(CausalFederated rounds, Map<String, Object> weighting, IptwSettings settings,
            Map<String, Object> summary) {
        double level = settings.level();
        WeightedKaplanMeier.Counts[] counts = rounds.survivalCounts(weighting);
        WeightedKaplanMeier control = WeightedKaplanMeier.estimate(counts[0]);
        WeightedKaplanMeier treated = WeightedKaplanMeier.estimate(counts[1]);
        if (control.times().length == 0 || treated.times().length == 0) {
            throw new IllegalArgumentException("the " + (treated.times().length == 0 ? "treated" : "control")
                    + " arm has no event; a hazard ratio needs events in both arms");
        }
        double[] grid = java.util.stream.DoubleStream.concat(java.util.Arrays.stream(control.times()),
                java.util.Arrays.stream(treated.times())).distinct().sorted().toArray();
        double[] cox = rounds.cox(weighting, grid, settings.ties().equals("efron"));
        MarginalMeans.Contrast hazardRatio = MarginalMeans.Contrast.ratio(cox[0], cox[2], level);
        summary.put("hazardRatio", hazardRatio.estimate());
        summary.put("hazardRatioInterval", SummaryValues.list(new double[] {hazardRatio.lower(),
            hazardRatio.upper()}));
        summary.put("logHazardRatioRobustSE", cox[2]);
        summary.put("logHazardRatioNaiveSE", cox[1]);
        double[] times = settings.times();
        double[][] columns = new double[4][times.length];
        for (int k = 0; k < times.length; k++) {
            double[] one = treated.at(times[k]);
            double[] zero = control.at(times[k]);
            columns[0][k] = one[0];
            columns[1][k] = zero[0];
            columns[2][k] = one[0] - zero[0];
            columns[3][k] = Math.hypot(one[1], zero[1]);
        }
        summary.put("times", SummaryValues.list(times));
        summary.put("survivalTreated", SummaryValues.list(columns[0]));
        summary.put("survivalControl", SummaryValues.list(columns[1]));
        summary.put("survivalDifference", SummaryValues.list(columns[2]));
        summary.put("survivalDifferenceStdError", SummaryValues.list(columns[3]));
    }

}
