package io.daybreak.methods.stats.survival;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.arrow.memory.BufferAllocator;
import org.osgi.service.component.annotations.Component;

import io.daybreak.core.method.Adjust;
import io.daybreak.core.method.MethodDescriptor;
import io.daybreak.core.method.Parameters;
import io.daybreak.core.method.Setting;
import io.daybreak.core.method.Settings;
import io.daybreak.federation.FederatedMethod;
import io.daybreak.federation.Sites;
import io.daybreak.stats.models.columns.SummaryValues;
import io.daybreak.stats.models.survival.EventCounts;
import io.daybreak.stats.models.survival.KaplanMeier;
import io.daybreak.stats.models.survival.SurvivalColumns;
import io.daybreak.stats.models.survival.SurvivalData;

/** {@code stats.km} across site nodes ({@link KaplanMeierFederated}); sites must allow event times. */
@Component(service = FederatedMethod.class)
public final class KaplanMeierFederatedMethod implements FederatedMethod {
    /** What stats.km takes across site nodes: its local twin's groups without the site split, and the steps. */
    record KaplanMeierFederatedSettings(SurvivalColumns survival,
            @Adjust(name = "groupBy",
                    doc = "a group column (its levels are those the sites release, each with enough patients)")
            @Adjust(name = "level", doc = "confidence level of the intervals")
            CurveSettings asked,
            @Setting(defaultValue = "false",
                    doc = "include each curve's steps (time, S, CI) in the result, e.g. for a report")
            boolean curves) {
    }

    private static final MethodDescriptor DESCRIPTOR = MethodDescriptor.builder(KaplanMeierSiteStep.METHOD,
            "Kaplan-Meier curves across sites (exact)")
            .category("statistics")
            .reference("Kaplan & Meier, JASA 53:457 (1958); R survival::survfit (log CI)")
            .description("Curves and medians from the sites' event and censoring counts (the sites must opt in to "
                    + "releasing event times); equal to the pooled estimate.")
            .settings(KaplanMeierFederatedSettings.class)
            .build();

    /** ADaM's AVAL and CNSR (1 = censored) by default, as the local method reads them (SurvivalData). */
    @Override
    public Map<String, String> withDatasetDefaults(Map<String, String> parameters, List<String> columns) {
        return SurvivalData.adamParameters(parameters, columns);
    }

    @Override
    public MethodDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Outcome run(Sites sites, Parameters parameters, BufferAllocator allocator) {
        KaplanMeierFederatedSettings settings = Settings.bind(KaplanMeierFederatedSettings.class, parameters);
        SurvivalColumns survival = settings.survival();
        String group = settings.asked().groupBy();
        KaplanMeierFederated.Counts released = KaplanMeierFederated.counts(sites, survival.time(), survival.status(),
                survival.eventValue(), group);
        double[] levels = released.levels();
        EventCounts counts = released.pooled();
        double level = settings.asked().level();
        Map<String, Object> summary = new LinkedHashMap<>();
        List<Object> medians = new ArrayList<>();
        List<Object> lower = new ArrayList<>();
        List<Object> upper = new ArrayList<>();
        List<Object> n = new ArrayList<>();
        List<Object> at = new ArrayList<>();
        List<Object> curves = new ArrayList<>();
        for (int g = 0; g < levels.length; g++) {
            KaplanMeier km = KaplanMeier.estimate(counts, g, level);
            Map<String, Object> curve = new LinkedHashMap<>();
            curve.put("group", group == null ? "all" : group + " = " + SummaryValues.level(levels[g]));
            curve.put("time", SummaryValues.list(km.times()));
            curve.put("survival", SummaryValues.list(km.survival()));
            curve.put("lower", SummaryValues.list(km.lower()));
            curve.put("upper", SummaryValues.list(km.upper()));
            curves.add(curve);
            double[] median = km.median();
            medians.add(median[0]);
            lower.add(median[1]);
            upper.add(median[2]);
            n.add(counts.size(g));
            if (settings.asked().reportsTimes()) {
                for (double t : settings.asked().times()) {
                    at.add(km.at(t)[0]);
                }
            }
        }
        if (group != null) {
            summary.put("groups", new ArrayList<Object>(java.util.Arrays.stream(levels).boxed().toList()));
        }
        summary.put("n", n);
        summary.put("events", counts.totals()[0]);
        summary.put("censored", counts.totals()[1]);
        summary.put("median", medians);
        summary.put("medianLower", lower);
        summary.put("medianUpper", upper);
        if (!at.isEmpty()) {
            summary.put("survivalAt", at);
        }
        if (settings.curves()) {
            summary.put("curves", curves);
        }
        if (settings.asked().timeUnit() != null) {
            summary.put("timeUnit", settings.asked().timeUnit());
        }
        return new Outcome(summary, 1, true);
    }
}
