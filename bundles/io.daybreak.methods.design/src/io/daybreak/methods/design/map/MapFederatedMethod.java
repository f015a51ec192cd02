package io.daybreak.methods.design.map;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.apache.arrow.memory.BufferAllocator;
import org.osgi.service.component.annotations.Component;

import io.daybreak.core.method.MethodDescriptor;
import io.daybreak.core.method.Parameters;
import io.daybreak.core.method.Setting;
import io.daybreak.core.method.Settings;
import io.daybreak.federation.Aggregates;
import io.daybreak.federation.FederatedMethod;
import io.daybreak.federation.Sites;

/**
 * {@code design.map-prior} across site nodes: one round of {@link MapSiteStep}; the coordinator adds each study's
 * released patients and responses over the sites (a study is its label: a trial split across sites is pooled) and
 * computes exactly what the local method computes from those summaries ({@link MapPrior}), so the same summaries give
 * the same numbers. A study whose responses some site suppressed is left out of the fit and named in
 * {@code excludedStudies}; studies sites withheld (fewer than minCellCount patients) are counted in
 * {@code withheldStudies}.
 */
@Component(service = FederatedMethod.class)
public final class MapFederatedMethod implements FederatedMethod {
    /** The columns of the sites' patient-level dataset and the model options of the local method. */
    record MapFederatedSettings(
            @Setting(defaultValue = "STUDYID", doc = "text column naming each patient's historical study")
            String studyColumn,
            @Setting(defaultValue = "AVAL", doc = "numeric column: 1 for a response, 0 for none")
            String responseColumn,
            MapOptions model) {
    }

    private static final MethodDescriptor DESCRIPTOR = MethodDescriptor.builder(MapSiteStep.METHOD,
            "Meta-analytic-predictive (MAP) prior from historical studies held at sites")
            .category("design")
            .reference("Neuenschwander et al., Clin Trials 7:5-18 (2010); R package RBesT")
            .description("Each site releases, per historical study it holds, the patients and responses (studies "
                    + "with fewer than minCellCount patients withheld; responses suppressed when they or the "
                    + "non-responders are below minCellCount). The coordinator adds them per study and fits the MAP "
                    + "prior exactly as design.map-prior does on those summaries.")
            .settings(MapFederatedSettings.class)
            .build();

    @Override
    public MethodDescriptor descriptor() {
        return DESCRIPTOR;
    }

    /** The pooled summaries: studies fit, studies left out because a site suppressed their responses, withheld. */
    record Pooled(List<MapModel.Study> studies, List<String> excluded, long withheld) {
    }

    @Override
    public Outcome run(Sites sites, Parameters parameters, BufferAllocator allocator) {
        MapFederatedSettings settings = Settings.bind(MapFederatedSettings.class, parameters);
        Pooled pooled = pool(sites, settings);
        if (pooled.studies().isEmpty()) {
            throw new IllegalArgumentException("no study could be used: every study was withheld or had its "
                    + "responses suppressed by the sites' minCellCount");
        }
        MapPrior.Result result = MapPrior.compute(pooled.studies(), settings.model());
        Map<String, Object> summary = new LinkedHashMap<>(MapReport.summary(result));
        List<Object> names = new ArrayList<>();
        List<Object> n = new ArrayList<>();
        List<Object> r = new ArrayList<>();
        List<Object> shrink = new ArrayList<>();
        for (int h = 0; h < pooled.studies().size(); h++) {
            MapModel.Study s = pooled.studies().get(h);
            names.add(s.name());
            n.add(s.patients());
            r.add(s.responses());
            shrink.add(result.shrinkage()[h][0]);
        }
        summary.put("study", names);
        summary.put("patients", n);
        summary.put("responses", r);
        summary.put("shrinkageMean", shrink);
        summary.put("excludedStudies", new ArrayList<Object>(pooled.excluded()));
        summary.put("withheldStudies", pooled.withheld());
        if (!pooled.excluded().isEmpty() || pooled.withheld() > 0) {
            summary.put("warning", "incomplete history: " + pooled.excluded().size() + " study(ies) left out because a "
                    + "site suppressed their responses, " + pooled.withheld() + " study part(s) withheld by sites "
                    + "(fewer than minCellCount patients)");
        }
        return new Outcome(summary, 1, true);
    }

    static Pooled pool(Sites sites, MapFederatedSettings settings) {
        Map<String, Object> arguments = new LinkedHashMap<>();
        arguments.put("studyColumn", settings.studyColumn());
        arguments.put("responseColumn", settings.responseColumn());
        Map<String, Aggregates> releases = sites.call(MapSiteStep.METHOD, MapSiteStep.STEP, arguments);
        TreeMap<String, long[]> totals = new TreeMap<>();
        TreeSet<String> excluded = new TreeSet<>();
        long withheld = 0;
        for (String site : sites.names()) {
            Aggregates release = releases.get(site);
            withheld += Math.round(release.scalar("withheldStudies"));
            if (!release.has("studies")) {
                continue;
            }
            List<String> labels = release.labels("studies");
            double[] n = release.get("patients");
            double[] r = release.get("responses");
            double[] hidden = release.get("suppressed");
            if (n.length != labels.size() || r.length != labels.size() || hidden.length != labels.size()) {
                throw new IllegalStateException("site '" + site + "' released " + labels.size() + " studies but "
                        + n.length + " counts");
            }
            for (int h = 0; h < labels.size(); h++) {
                long[] t = totals.computeIfAbsent(labels.get(h), k -> new long[2]);
                t[0] += Math.round(n[h]);
                t[1] += Math.round(r[h]);
                if (hidden[h] != 0) {
                    excluded.add(labels.get(h));
                }
            }
        }
        List<MapModel.Study> studies = new ArrayList<>();
        totals.forEach((label, t) -> {
            if (!excluded.contains(label)) {
                studies.add(new MapModel.Study(label, t[0], t[1]));
            }
        });
        return new Pooled(studies, new ArrayList<>(excluded), withheld);
    }
}
