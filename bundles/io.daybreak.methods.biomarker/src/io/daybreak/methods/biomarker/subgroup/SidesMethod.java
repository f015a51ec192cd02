package io.daybreak.methods.biomarker.subgroup;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.apache.commons.rng.UniformRandomProvider;
import org.osgi.service.component.annotations.Component;

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
import io.daybreak.stats.biomarker.subgroup.Sides;

/**
 * {@code biomarker.sides}: a SIDES-type recursive search for subgroups with an enhanced treatment effect (Lipkovich
 * et al. 2011), with permutation-adjusted p-values and bootstrap bias-corrected effects.
 */
@Component(service = Method.class)
public final class SidesMethod extends SettingsMethod<SidesMethod.SidesSettings> {
    static final String ID = "biomarker.sides";

    /** What biomarker.sides takes. */
    record SidesSettings(
            @Setting(doc = "marker columns, comma-separated")
            String markers,
            @Setting(doc = "input column holding the treatment indicator: 1/true treatment, 0/false control")
            String treatmentColumn,
            @Setting(doc = "input column holding the outcome")
            String outcomeColumn,
            @Setting(defaultValue = "continuous", doc = "continuous (effect: difference of means) or binary (0/1; "
                    + "effect: risk difference)")
            SubgroupData.Outcome outcome,
            @Setting(defaultValue = "higher", doc = "which outcome values are good: higher or lower")
            SubgroupData.Favourable favourable,
            @Setting(min = 1, max = 20, defaultValue = "3", doc = "width: splits kept per parent (best markers by the "
                    + "differential criterion)")
            int width,
            @Setting(min = 1, max = 10, defaultValue = "2", doc = "depth: most conditions in a subgroup rule")
            int depth,
            @Setting(min = 4, defaultValue = "30", doc = "smallest subgroup (patients)")
            int minSize,
            @Setting(min = 1, max = 99, defaultValue = "9", doc = "candidate cut-points per marker and parent: the "
                    + "k/(cuts+1) quantiles")
            int cuts,
            @Setting(min = 0, max = 1, minInclusive = false, defaultValue = "1", doc = "relative improvement: a child "
                    + "is kept when its p-value is below gamma times its parent's")
            double gamma,
            @Setting(min = 1, max = 100, defaultValue = "5", doc = "subgroups reported (smallest naive p first)")
            int report,
            @Setting(min = 0, max = 100000, defaultValue = "200", doc = "permutations of the treatment labels for the "
                    + "multiplicity-adjusted p-values; 0: none")
            int permutations,
            @Setting(min = 0, max = 100000, defaultValue = "200", doc = "bootstrap samples for the bias correction; "
                    + "0: none")
            int bootstraps,
            @Setting(min = 0, max = 1, minInclusive = false, maxInclusive = false, defaultValue = "0.95",
                    doc = "coverage of the intervals")
            double level) {
    }

    public SidesMethod() {
        super(SidesSettings.class, MethodDescriptor.builder(ID, "SIDES-type subgroup search with adjusted p-values "
                + "and bias-corrected effects")
                .category("biomarker")
                .reference("Lipkovich, Dmitrienko, Denne & Enas, Stat Med 30:2601-2621 (2011); Harrell, Lee & Mark, "
                        + "Stat Med 15:361-387 (1996) for the optimism correction")
                .description("From all patients, each marker is split at candidate cut-points (quantiles); the "
                        + "criterion is the differential effect |z_left - z_right| / sqrt(2), z the treatment effect "
                        + "over its standard error in each child. The best cut per marker is found, the 'width' "
                        + "best markers kept, and of each the child with the more favourable effect becomes a "
                        + "candidate when its p is below gamma times its parent's and its effect is favourable; "
                        + "candidates are split again (each marker once per path) up to 'depth' conditions, children "
                        + "of at least minSize patients. Reported: the 'report' candidates with the smallest naive p, "
                        + "with p_adjusted = share of treatment-label permutations whose smallest candidate p is at "
                        + "most that p (the search rerun each time; Lipkovich's resampling adjustment), and the effect "
                        + "corrected by the bootstrap optimism of its rank (the search rerun on each bootstrap "
                        + "sample). Rows with a missing value are left out. Random (seeded by the run's seed).")
                .input(TableSpec.of(SubgroupData.INPUT, "one row per patient: markers, treatment indicator, outcome"))
                .output(SubgroupData.output("one row per subgroup, smallest naive p first")));
    }

    @Override
    protected MethodResult run(Map<String, Table> inputs, SidesSettings s, MethodContext context) {
        SubgroupData d = SubgroupData.read(inputs.get(SubgroupData.INPUT), s.markers(), s.treatmentColumn(),
                s.outcomeColumn(), s.outcome());
        boolean binary = s.outcome() == SubgroupData.Outcome.BINARY;
        Sides.Settings ss = new Sides.Settings(s.width(), s.depth(), s.minSize(), s.cuts(), s.gamma(), binary,
                s.favourable() == SubgroupData.Favourable.HIGHER);
        List<Sides.Candidate> found = Sides.search(d.x, d.t, d.y, d.all(), ss);
        List<List<Condition>> rules = new ArrayList<>();
        for (Sides.Candidate c : found.subList(0, Math.min(s.report(), found.size()))) {
            rules.add(c.rule());
        }
        double[] pAdjusted = permutationP(d, ss, rules, found, s.permutations(), context.random(2));
        BiasCorrection.Optimism optimism = BiasCorrection.optimism(d.x, d.t, d.y, binary, (rows, rng) -> {
            List<List<Condition>> out = new ArrayList<>();
            List<Sides.Candidate> again = Sides.search(d.x, d.t, d.y, rows, ss);
            for (Sides.Candidate c : again.subList(0, Math.min(rules.size(), again.size()))) {
                out.add(c.rule());
            }
            return out;
        }, rules.size(), s.bootstraps(), context.random(1));
        List<SubgroupData.Row> rows = d.rows(rules, optimism, pAdjusted, binary, s.level());
        String scale = binary ? "risk difference" : "mean difference";
        return MethodResult.builder().output(SubgroupData.OUTPUT, SubgroupData.table(context.allocator(), rows, scale))
                .summary("subgroups", (long) rows.size())
                .summary("candidates", (long) found.size())
                .summary("effectScale", scale)
                .summary("optimism", optimism.optimism())
                .summary("bootstrapsPerRank", Arrays.stream(optimism.samples()).asDoubleStream().toArray())
                .summary("rows", (long) d.y.length)
                .summary("skippedRows", (long) d.skipped)
                .build();
    }

    /** (1 + #{permutations whose smallest candidate p is at most p_k}) / (1 + permutations); NaN without any. */
    private static double[] permutationP(SubgroupData d, Sides.Settings ss, List<List<Condition>> rules,
            List<Sides.Candidate> found, int permutations, UniformRandomProvider random) {
        double[] out = new double[rules.size()];
        if (permutations == 0) {
            Arrays.fill(out, Double.NaN);
            return out;
        }
        double[] minP = new double[permutations];
        boolean[] shuffled = d.t.clone();
        for (int b = 0; b < permutations; b++) {
            for (int i = shuffled.length - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                boolean tmp = shuffled[i];
                shuffled[i] = shuffled[j];
                shuffled[j] = tmp;
            }
            minP[b] = Sides.minP(Sides.search(d.x, shuffled, d.y, d.all(), ss));
        }
        for (int k = 0; k < out.length; k++) {
            double pk = found.get(k).effect().pValue();
            int count = 0;
            for (double m : minP) {
                if (m <= pk) {
                    count++;
                }
            }
            out[k] = (1.0 + count) / (1.0 + permutations);
        }
        return out;
    }
}
