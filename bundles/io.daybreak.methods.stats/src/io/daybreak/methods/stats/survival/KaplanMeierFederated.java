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
        EventCounts pooled = new EventCounts(groups);
        for (String site : sites.names()) {
            KaplanMeierSiteStep.addRelease(pooled, replies.get(site));
        }
        return pooled;
    }
}
