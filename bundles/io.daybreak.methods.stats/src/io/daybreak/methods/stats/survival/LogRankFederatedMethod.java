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

/**
 * {@code stats.logrank} across site nodes: the log-rank test from the event and censoring counts per group
 * that the {@code stats.km} site step releases (so nodes allow {@code stats.km}), over pooled risk sets or
 * stratified by site.
 */
@Component(service = FederatedMethod.class)
public final class LogRankFederatedMethod implements FederatedMethod {
    private static final List<String> PARAMETERS = List.of("time", "status", "eventValue", "group", "stratifyBySite");

    @Override
    public String id() {
        return "stats.logrank";
    }

    @Override
    public String title() {
        return "log-rank test from the sites' event and censoring counts per group (uses the stats.km site step)";
    }

    @Override
    public List<String> parameters() {
        return List.of("time, status, eventValue: as stats.logrank",
                "group: the group column (its levels are those the sites release, each with enough patients)",
                "stratifyBySite: true for site strata");
    }

    @Override
    public Outcome run(Sites sites, Map<String, String> raw, BufferAllocator allocator) {
        FederatedParameters parameters = new FederatedParameters(raw, PARAMETERS);
        KaplanMeierFederated.Counts counts = KaplanMeierFederated.counts(sites, parameters.string("time", "time"),
                parameters.string("status", "status"), parameters.real("eventValue", 1), parameters.string("group", null));
        double[] levels = counts.levels();
        if (levels.length < 2) {
            throw new IllegalArgumentException("the sites release fewer than two levels of parameter 'group'; a log-rank "
                    + "test compares at least two groups");
        }
        Map<String, EventCounts> bySite = counts.bySite();
        List<EventCounts> strata = new ArrayList<>();
        if (parameters.bool("stratifyBySite")) {
            strata.addAll(bySite.values());
        } else {
            EventCounts pooled = new EventCounts(levels.length);
            bySite.values().forEach(pooled::merge);
            strata.add(pooled);
        }
        LogRank test = LogRank.test(strata);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("groups", FederatedParameters.list(levels));
        summary.put("observed", FederatedParameters.list(test.observed()));
        summary.put("expected", FederatedParameters.list(test.expected()));
        summary.put("chiSquare", test.chiSquare());
        summary.put("df", (long) test.df());
        summary.put("pValue", test.pValue());
        return new Outcome(summary, 1, true);
    }
}
