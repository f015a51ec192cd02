package io.daybreak.methods.biomarker.subgroup;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.apache.commons.rng.UniformRandomProvider;
import org.osgi.service.component.annotations.Component;

import io.daybreak.core.method.InvalidParameterException;
import io.daybreak.core.method.Method;
import io.daybreak.core.method.MethodContext;
import io.daybreak.core.method.MethodDescriptor;
import io.daybreak.core.method.MethodResult;
import io.daybreak.core.method.Setting;
import io.daybreak.core.method.SettingsMethod;
import io.daybreak.core.method.TableSpec;
import io.daybreak.data.Table;
import io.daybreak.stats.biomarker.subgroup.BiasCorrection;
import io.daybreak.stats.biomarker.subgroup.Condition;
import io.daybreak.stats.biomarker.subgroup.Effect;
import io.daybreak.stats.biomarker.subgroup.PseudoValues;
import io.daybreak.stats.biomarker.subgroup.RegressionTree;
import io.daybreak.stats.biomarker.subgroup.VirtualTwins;
import io.daybreak.stats.models.survival.EventCounts;
import io.daybreak.stats.models.survival.Rmst;

/**
 * {@code biomarker.virtual-twins}: subgroups with an enhanced treatment effect by Virtual Twins (Foster et al. 2011),
 * each with its naive effect and a bootstrap bias-corrected one.
 */
@Component(service = Method.class)
public final class VirtualTwinsMethod extends SettingsMethod<VirtualTwinsMethod.VirtualTwinsSettings> {
    static final String ID = "biomarker.virtual-twins";

    /** The effect reported for a survival outcome. */
    enum SurvivalEffect {
        RMST, HAZARD_RATIO
    }

    /** Outcome kinds of Virtual Twins (SIDES has no survival outcome). */
    enum Outcome {
        CONTINUOUS, BINARY, SURVIVAL
    }

    /** What biomarker.virtual-twins takes. */
    record VirtualTwinsSettings(
            @Setting(doc = "marker columns, comma-separated")
            String markers,
            @Setting(doc = "input column holding the treatment indicator: 1/true treatment, 0/false control")
            String treatmentColumn,
            @Setting(doc = "input column holding the outcome (for a survival outcome: the survival or censoring "
                    + "time)")
            String outcomeColumn,
            @Setting(defaultValue = "continuous", doc = "continuous (effect: difference of means), binary (0/1; "
                    + "effect: risk difference) or survival (time in outcomeColumn, event in eventColumn; effect: "
                    + "difference in restricted mean survival time up to tau)")
            Outcome outcome,
            @Setting(optional = true, doc = "survival outcome: input column holding the event indicator (1/true "
                    + "event, 0/false censored)")
            String eventColumn,
            @Setting(optional = true, min = 0, minInclusive = false, doc = "survival outcome: the horizon tau of the "
                    + "restricted mean survival time; default and maximum as survRM2::rmst2 (the smaller of the two "
                    + "arms' largest observed times, unless the arms' last observations allow the larger)")
            Double tau,
            @Setting(defaultValue = "rmst", doc = "survival outcome: the subgroup effect reported, rmst (difference "
                    + "in restricted mean survival time up to tau, treatment - control) or hazard-ratio (Cox, "
                    + "treatment vs control, Efron ties; bias-corrected on the log scale); the search itself always "
                    + "uses the RMST")
            SurvivalEffect survivalEffect,
            @Setting(defaultValue = "higher", doc = "which outcome values are good: higher (subgroups where "
                    + "treatment raises the outcome most; for survival: longer restricted mean survival) or lower")
            SubgroupData.Favourable favourable,
            @Setting(min = 1, max = 100000, defaultValue = "500", doc = "trees in the random forest")
            int trees,
            @Setting(optional = true, min = 1, doc = "features tried at each split of a forest tree; default a third "
                    + "of the 2p+1 features (markers, treatment, treatment x marker), at least 1")
            Integer mtry,
            @Setting(min = 1, defaultValue = "5", doc = "smallest leaf of a forest tree")
            int nodeSize,
            @Setting(min = 2, defaultValue = "20", doc = "second-stage tree on Z: smallest node split (rpart minsplit)")
            int minsplit,
            @Setting(min = 1, defaultValue = "7", doc = "second-stage tree: smallest leaf (rpart minbucket)")
            int minbucket,
            @Setting(min = 0, defaultValue = "0.01", doc = "second-stage tree: complexity parameter (rpart cp)")
            double cp,
            @Setting(min = 1, max = 30, defaultValue = "3", doc = "second-stage tree: depth (rpart maxdepth)")
            int maxdepth,
            @Setting(optional = true, doc = "a leaf is a subgroup when its mean Z exceeds this (below it with "
                    + "favourable = lower); default the mean Z of all patients")
            Double threshold,
            @Setting(min = 0, max = 100000, defaultValue = "200", doc = "bootstrap samples for the bias correction "
                    + "(each reruns the forest and the tree); 0: no correction")
            int bootstraps,
            @Setting(min = 0, max = 1, minInclusive = false, maxInclusive = false, defaultValue = "0.95",
                    doc = "coverage of the intervals")
            double level) {
    }

    public VirtualTwinsMethod() {
        super(VirtualTwinsSettings.class, MethodDescriptor.builder(ID, "Virtual Twins: subgroups with an enhanced "
                + "treatment effect, with bias-corrected effects")
                .category("biomarker")
                .reference("Foster, Taylor & Ruberg, Stat Med 30:2867-2880 (2011); Breiman, Machine Learning "
                        + "45:5-32 (2001); rpart's anova tree (Therneau & Atkinson); Harrell, Lee & Mark, Stat Med "
                        + "15:361-387 (1996) for the optimism correction; Andersen & Perme, Stat Methods Med Res "
                        + "19:71-99 (2010) for pseudo-observations; Royston & Parmar, BMC Med Res Methodol 13:152 "
                        + "(2013) for the RMST")
                .description("Stage 1: a random forest (bagged CART regression trees, mtry random features per "
                        + "split) predicts the outcome from the markers, the treatment and treatment x marker; each "
                        + "patient's twin is the same patient in the other arm, and Z = prediction under treatment "
                        + "minus under control (own arm out of bag). Stage 2: a CART regression tree on Z (rpart "
                        + "anova: minsplit, minbucket, cp, maxdepth); the leaves whose mean Z exceeds the threshold "
                        + "are the subgroups, most enhanced first. For each: the naive treatment effect in the "
                        + "subgroup (difference of means with Welch interval and p, or risk difference with Wald "
                        + "interval and p) and the bias-corrected effect, the naive effect minus the bootstrap "
                        + "optimism of the subgroup of that rank (the whole procedure rerun on each bootstrap "
                        + "sample; its effect there minus its effect in the data), interval shifted alike. The naive "
                        + "p and interval ignore the search. Survival outcome: the forest is fitted to jackknife "
                        + "pseudo-observations of the restricted mean survival time up to tau (pseudo::pseudomean, "
                        + "from the Kaplan-Meier of all patients; assumes censoring independent of markers and arm), "
                        + "so Z is a difference in RMST, and a subgroup's effect is the Kaplan-Meier RMST difference "
                        + "with its Greenwood standard error (survRM2::rmst2), or with survivalEffect = hazard-ratio "
                        + "the Cox hazard ratio (coxph, Efron ties; corrected on the log scale), naive and "
                        + "bias-corrected. Random "
                        + "(seeded by the run's seed). Rows with a missing value are left out.")
                .input(TableSpec.of(SubgroupData.INPUT, "one row per patient: markers, treatment indicator, outcome"))
                .output(SubgroupData.output("one row per subgroup, most enhanced first")));
    }

    @Override
    protected MethodResult run(Map<String, Table> inputs, VirtualTwinsSettings s, MethodContext context) {
        boolean survival = s.outcome() == Outcome.SURVIVAL;
        if (survival != (s.eventColumn() != null)) {
            throw new InvalidParameterException("parameter 'eventColumn': " + (survival ? "a survival outcome needs "
                    + "the event indicator column" : "only a survival outcome takes an event column (outcome = "
                    + s.outcome().name().toLowerCase(java.util.Locale.ROOT) + ")"));
        }
        if (!survival && s.survivalEffect() == SurvivalEffect.HAZARD_RATIO) {
            throw new InvalidParameterException("parameter 'survivalEffect': hazard-ratio needs outcome = survival");
        }
        if (!survival && s.tau() != null) {
            throw new InvalidParameterException("parameter 'tau': only a survival outcome takes tau");
        }
        SubgroupData d = SubgroupData.read(inputs.get(SubgroupData.INPUT), s.markers(), s.treatmentColumn(),
                s.outcomeColumn(), s.outcome() == Outcome.BINARY ? SubgroupData.Outcome.BINARY
                        : SubgroupData.Outcome.CONTINUOUS, s.eventColumn());
        int p = d.x.length;
        int mtry = s.mtry() == null ? Math.max(1, (2 * p + 1) / 3) : s.mtry();
        if (mtry > 2 * p + 1) {
            throw new InvalidParameterException("parameter 'mtry' = " + mtry + "; at most " + (2 * p + 1)
                    + " (markers, treatment and treatment x marker)");
        }
        boolean binary = s.outcome() == Outcome.BINARY;
        double tau = Double.NaN;
        double[] y = d.y;
        SubgroupData.EffectFunction effect = (members, level) -> Effect.of(d.y, d.t, members, binary, level);
        String scale = binary ? "risk difference" : "mean difference";
        if (survival) {
            int[] arm = new int[d.t.length];
            for (int i = 0; i < arm.length; i++) {
                arm[i] = d.t[i] ? 1 : 0;
            }
            double maximum = Rmst.TauRange.of(EventCounts.of(d.y, d.event, arm, 2)).maximum();
            tau = s.tau() == null ? maximum : s.tau();
            if (tau > maximum) {
                throw new InvalidParameterException("parameter 'tau' = " + tau + "; it must be in (0, " + maximum
                        + "], where both arms' Kaplan-Meier curves are estimated (as survRM2::rmst2)");
            }
            double horizon = tau;
            y = PseudoValues.rmst(d.y, d.event, tau);
            if (s.survivalEffect() == SurvivalEffect.HAZARD_RATIO) {
                effect = (members, level) -> Effect.coxLogHazardRatio(d.y, d.event, d.t, members, level);
                scale = "hazard ratio (Cox, treatment vs control)";
            } else {
                effect = (members, level) -> Effect.rmstDifference(d.y, d.event, d.t, members, horizon, level);
                scale = "RMST difference (tau = " + String.format(java.util.Locale.ROOT, "%.6g", tau)
                        .replaceAll("(\\.\\d*?)0+$", "$1").replaceAll("\\.$", "") + ")";
            }
        }
        double[] outcome = y;
        SubgroupData.EffectFunction measure = effect;
        VirtualTwins.Settings vt = new VirtualTwins.Settings(s.trees(), mtry, s.nodeSize(),
                new RegressionTree.Control(s.minsplit(), s.minbucket(), s.cp(), s.maxdepth()),
                s.threshold() == null ? Double.NaN : s.threshold(), s.favourable() == SubgroupData.Favourable.HIGHER);
        UniformRandomProvider random = context.random(0);
        VirtualTwins.Result fit = VirtualTwins.fit(d.x, d.t, outcome, d.all(), vt, random);
        List<List<Condition>> rules = new ArrayList<>();
        fit.subgroups().forEach(leaf -> rules.add(leaf.rule()));
        BiasCorrection.Optimism optimism = BiasCorrection.optimism(d.x, members -> measure.of(members, Double.NaN)
                .estimate(), (rows, rng) -> {
                    List<List<Condition>> found = new ArrayList<>();
                    VirtualTwins.fit(d.x, d.t, outcome, rows, vt, rng).subgroups()
                            .forEach(leaf -> found.add(leaf.rule()));
                    return found;
                }, rules.size(), s.bootstraps(), context.random(1));
        List<SubgroupData.Row> rows = d.rows(rules, optimism, null, measure, s.level());
        if (survival && s.survivalEffect() == SurvivalEffect.HAZARD_RATIO) {
            // estimated and corrected as log hazard ratios, reported as hazard ratios
            rows = rows.stream().map(r -> new SubgroupData.Row(r.subgroup(), exp(r.naive()), exp(r.adjusted()),
                    r.pAdjusted())).toList();
        }
        double meanZ = 0;
        for (double z : fit.z()) {
            meanZ += z / fit.z().length;
        }
        MethodResult.Builder result = MethodResult.builder();
        if (survival) {
            result.summary("tau", tau);
        }
        return result.output(SubgroupData.OUTPUT, SubgroupData.table(context.allocator(), rows, scale))
                .summary("subgroups", (long) rows.size())
                .summary("meanZ", meanZ)
                .summary("effectScale", scale)
                .summary("optimism", optimism.optimism())
                .summary("bootstrapsPerRank", Arrays.stream(optimism.samples()).asDoubleStream().toArray())
                .summary("rows", (long) d.y.length)
                .summary("skippedRows", (long) d.skipped)
                .build();
    }

    private static Effect exp(Effect e) {
        return new Effect(Math.exp(e.estimate()), e.stdError(), Math.exp(e.lower()), Math.exp(e.upper()), e.pValue(),
                e.nTreatment(), e.nControl());
    }
}
