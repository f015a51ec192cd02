package io.daybreak.methods.signal.disproportionality;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.daybreak.federation.Aggregates;
import io.daybreak.federation.Sites;
import io.daybreak.methods.signal.disproportionality.DisproportionalityFederatedMethod.Pooled;

/**
 * The sites' disproportionality releases of some report columns, added up: what both the federated
 * signal.disproportionality and the federated signal.ebgm compute from (one release, ADR 0025).
 *
 * @param pooled       the summed counts
 * @param rowsExcluded per site, the rows it dropped so that every count it released is 0 or at least its minCellCount
 * @param releasedBy   for each site that dropped rows, the keys of the pairs it released
 */
public record PooledReleases(Pooled pooled, Map<String, Object> rowsExcluded, List<Map<Long, Boolean>> releasedBy) {

    /** Asks every site for its counts of these columns and adds them up. */
    public static PooledReleases collect(Sites sites, ReportColumns columns) {
        Map<String, Object> arguments = new LinkedHashMap<>();
        arguments.put("drug", columns.drug());
        arguments.put("event", columns.event());
        if (columns.report() != null) {
            arguments.put("report", columns.report());
        }
        if (!columns.strataColumns().isEmpty()) {
            arguments.put("strata", columns.strataColumns());
        }
        Map<String, Aggregates> releases = sites.call(DisproportionalitySiteStep.METHOD, "counts", arguments);
        Pooled pooled = new Pooled();
        Map<String, Object> excluded = new LinkedHashMap<>();
        List<Map<Long, Boolean>> releasedBy = new ArrayList<>();
        for (String site : sites.names()) {
            Aggregates release = releases.get(site);
            long dropped = Math.round(release.scalar("rowsExcluded"));
            excluded.put(site, dropped);
            Map<Long, Boolean> pairs = pooled.add(site, release);
            if (dropped > 0) {
                releasedBy.add(pairs);
            }
        }
        return new PooledReleases(pooled, excluded, releasedBy);
    }

    /** Whether every site released every row it holds (then the result is the pooled analysis). */
    public boolean complete() {
        return releasedBy.isEmpty();
    }

    /** Whether a site that dropped rows did not release this pair: its counts miss that site's reports. */
    public boolean incomplete(String drug, String event) {
        long key = pooled.key(drug, event);
        return releasedBy.stream().anyMatch(pairs -> !pairs.containsKey(key));
    }
}
