package io.daybreak.stats.federated;

import java.util.LinkedHashMap;
import java.util.Map;

import io.daybreak.data.Table;
import io.daybreak.federation.Aggregates;
import io.daybreak.federation.ReleaseGuard;
import io.daybreak.federation.Sites;
import io.daybreak.stats.models.columns.NumericColumns;
import io.daybreak.stats.models.formula.StatusCoding;

/**
 * Agreeing how a status column is coded across sites, as R's {@code Surv()} would read the pooled column: step
 * {@value #STEP} of a survival site step releases only the {@link StatusCoding.Kind} of the site's status values
 * (0/1 with a 0, only 1s, 1/2 with a 2, or neither), after the row-set rules and the minimum count of every status
 * level; the coordinator derives the event value from the kinds alone. A requester learns no value and no count.
 */
public final class StatusReleases {
    /** The step name, served by every survival site step. */
    public static final String STEP = "statusCoding";

    private StatusReleases() {
    }

    /** The site's side: the kind of its status values over the rows complete in time and status. */
    public static Aggregates release(ReleaseGuard guard, Table data, Map<String, Object> arguments) {
        String time = Arguments.string(arguments, "time");
        String status = Arguments.string(arguments, "status");
        NumericColumns rows = Arguments.columns(data, Arguments.named("time", time, "status", status));
        guard.rows("the rows of the status column", rows.rowSet());
        SiteChecks.lookupColumn(guard, status, rows.column(status));
        return Aggregates.builder().put("kind", StatusCoding.kind(rows.column(status)).ordinal()).build();
    }

    /**
     * The coordinator's side: the event value given, or the one R would read from the pooled column (asking each
     * site for its kind through {@code method}'s site step).
     */
    public static double eventValue(Sites sites, String method, String time, String status, Double given) {
        if (given != null) {
            return given;
        }
        Map<String, Object> arguments = new LinkedHashMap<>();
        arguments.put("time", time);
        arguments.put("status", status);
        Map<String, Aggregates> replies = sites.call(method, STEP, arguments);
        StatusCoding.Kind[] kinds = sites.names().stream()
                .map(site -> StatusCoding.Kind.values()[(int) replies.get(site).scalar("kind")])
                .toArray(StatusCoding.Kind[]::new);
        return StatusCoding.eventValue(status, kinds);
    }
}
