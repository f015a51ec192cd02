package io.daybreak.methods.stats.survival;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.arrow.memory.BufferAllocator;
import org.osgi.service.component.annotations.Component;

import io.daybreak.federation.FederatedMethod;
import io.daybreak.federation.Sites;
import io.daybreak.methods.stats.data.FederatedParameters;

/** {@code stats.km} across site nodes ({@link KaplanMeierFederated}); sites must allow event times. */
@Component(service = FederatedMethod.class)
public final class KaplanMeierFederatedMethod implements FederatedMethod {
    private static final List<String> PARAMETERS = List.of("time", "status", "eventValue", "groupBy", "times", "level",
            "curves");

    @Override
    public String id() {
        return KaplanMeierSiteStep.METHOD;
    }

    @Override
    public String title() {
        return "Kaplan-Meier curves and medians from the sites' event and censoring counts, exact";
    }

    @Override
    public List<String> parameters() {
        return List.of("time, status, eventValue: as stats.km",
                "groupBy: a group column (its levels are those the sites release, each with enough patients)",
                "times: comma-separated times for S(t)", "level: confidence level (default 0.95)",
                "curves: true to include each curve's steps (time, S, CI) in the result, e.g. for a report");
    }

    @Override
    public Outcome run(Sites sites, Map<String, String> raw, BufferAllocator allocator) {
        FederatedParameters parameters = new FederatedParameters(raw, PARAMETERS);
        String group = parameters.has("groupBy") ? parameters.string("groupBy", null) : null;
        KaplanMeierFederated.Counts released = KaplanMeierFederated.counts(sites, parameters.string("time", "time"),
                parameters.string("status", "status"), parameters.real("eventValue", 1), group);
        double[] levels = released.levels();
        EventCounts counts = released.pooled();
        double level = parameters.real("level", 0.95);
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
            curve.put("group", group == null ? "all" : group + " = " + FederatedParameters.number(levels[g]));
            curve.put("time", FederatedParameters.list(km.times()));
            curve.put("survival", FederatedParameters.list(km.survival()));
            curve.put("lower", FederatedParameters.list(km.lower()));
            curve.put("upper", FederatedParameters.list(km.upper()));
            curves.add(curve);
            double[] median = km.median();
            medians.add(median[0]);
            lower.add(median[1]);
            upper.add(median[2]);
            n.add(counts.size(g));
            if (parameters.has("times")) {
                for (double t : parameters.reals("times")) {
                    at.add(km.at(t)[0]);
                }
            }
        }
        if (group != null) {
            summary.put("groups", new ArrayList<Object>(java.util.Arrays.stream(levels).boxed().toList()));
        }
        summary.put("n", n);
        summary.put("median", medians);
        summary.put("medianLower", lower);
        summary.put("medianUpper", upper);
        if (!at.isEmpty()) {
            summary.put("survivalAt", at);
        }
        if (parameters.bool("curves")) {
            summary.put("curves", curves);
        }
        return new Outcome(summary, 1, true);
    }
}
