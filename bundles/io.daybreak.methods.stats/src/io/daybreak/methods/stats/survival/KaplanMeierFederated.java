package io.daybreak.methods.stats.survival;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import io.daybreak.federation.Aggregates;
import io.daybreak.federation.Sites;
import io.daybreak.stats.models.columns.SummaryValues;
import io.daybreak.stats.models.survival.EventCounts;

/**
 * The coordinator of federated Kaplan–Meier curves: adds the sites' event and censoring counts. With a group
 * column, the groups are the union of the levels the sites release (step {@code levels}, under their factor
 * rules); the researcher never names them, so no site is asked whether a value it holds exists.
 */
public final class KaplanMeierFederated {
    private KaplanMeierFederated() {
    }

    /**
     * The groups and each site's counts per group, in the sites' order.
     *
     * @param levels the group levels, ascending ({0} without a group column)
     * @param bySite each site's counts per group
     */
    public record Counts(double[] levels, Map<String, EventCounts> bySite) {
        /** The counts of all sites added. */
        public EventCounts pooled() {
            EventCounts pooled = new EventCounts(levels.length);
            bySite.values().forEach(pooled::merge);
            return pooled;
        }
    }

    /** The sites' counts per group of {@code group} (one group when it is null). */
    public static Counts counts(Sites sites, String time, String status, Double eventValue, String group) {
        Map<String, Object> arguments = new LinkedHashMap<>();
        arguments.put("time", time);
        arguments.put("status", status);
        arguments.put("eventValue", io.daybreak.stats.federated.StatusReleases.eventValue(sites, KaplanMeierSiteStep.METHOD,
                time, status, eventValue));
        double[] levels = {0};
        if (group != null) {
            arguments.put("group", group);
            levels = sites.call(KaplanMeierSiteStep.METHOD, "levels", arguments).values().stream()
                    .flatMapToDouble(release -> Arrays.stream(release.get("levels"))).distinct().sorted().toArray();
            arguments.put("levels", SummaryValues.list(levels));
        }
        Map<String, Aggregates> replies = sites.call(KaplanMeierSiteStep.METHOD, "counts", arguments);
        Map<String, EventCounts> counts = new LinkedHashMap<>();
        for (String site : sites.names()) {
            EventCounts own = new EventCounts(levels.length);
            KaplanMeierSiteStep.addRelease(own, replies.get(site));
            counts.put(site, own);
        }
        return new Counts(levels, counts);
    }
}
