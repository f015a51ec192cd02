package io.daybreak.methods.stats.survival;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.daybreak.federation.Aggregates;
import io.daybreak.federation.Sites;

/** The coordinator of federated Kaplan–Meier curves: adds the sites' event and censoring counts. */
public final class KaplanMeierFederated {
    private KaplanMeierFederated() {
    }

    /** The pooled counts per group level (one group when {@code group} is null). */
    public static EventCounts counts(Sites sites, String time, String status, double eventValue, String group,
            double[] levels) {
        EventCounts pooled = new EventCounts(group == null ? 1 : levels.length);
        bySite(sites, time, status, eventValue, group, levels).values().forEach(pooled::merge);
        return pooled;
    }

    /** Each site's counts per group level, in the sites' order (for analyses stratified by site). */
    public static Map<String, EventCounts> bySite(Sites sites, String time, String status, double eventValue,
            String group, double[] levels) {
        Map<String, Object> arguments = new LinkedHashMap<>();
        arguments.put("time", time);
        arguments.put("status", status);
        arguments.put("eventValue", eventValue);
        int groups = 1;
        if (group != null) {
            arguments.put("group", group);
            List<Object> values = new ArrayList<>();
            for (double level : levels) {
                values.add(level);
            }
            arguments.put("levels", values);
            groups = levels.length;
        }
        Map<String, Aggregates> replies = sites.call(KaplanMeierSiteStep.METHOD, "counts", arguments);
        Map<String, EventCounts> counts = new LinkedHashMap<>();
        for (String site : sites.names()) {
            EventCounts own = new EventCounts(groups);
            KaplanMeierSiteStep.addRelease(own, replies.get(site));
            counts.put(site, own);
        }
        return counts;
    }
}
