package io.daybreak.methods.stats.survival;

import java.util.Arrays;
import java.util.Map;

import org.osgi.service.component.annotations.Component;

import io.daybreak.data.Table;
import io.daybreak.federation.Aggregates;
import io.daybreak.federation.ReleaseGuard;
import io.daybreak.federation.SiteStep;
import io.daybreak.stats.federated.Arguments;
import io.daybreak.stats.federated.StatusReleases;
import io.daybreak.stats.models.columns.NumericColumns;
import io.daybreak.stats.federated.SiteChecks;
import io.daybreak.stats.models.survival.EventCounts;
import io.daybreak.stats.models.survival.SurvivalInput;

/**
 * The site step of federated Kaplan–Meier curves and log-rank tests ({@code stats.km}). The group levels come
 * from the data, never from the requester:
 * <ul>
 * <li>{@code levels} (with a {@code group} column): the group column's values present among the complete
 * rows, released only if there are at most {@code maxFactorLevels} and at most {@code maxFactorLevelRatio} × N
 * of them and each has at least {@code minCellCount} rows;</li>
 * <li>{@code counts}: per group, the distinct times with their numbers of events and censorings
 * ({@link EventCounts}). With a group column, {@code levels} is the union of the sites' released levels (the
 * coordinator's, ascending); the site checks its own levels again and that each is in the union. Exact times
 * leave the site, so the site's policy must allow it.</li>
 * </ul>
 * Both check the row set and the status column's levels (the event value is looked up in it).
 *
 * <p>Arguments: {@code time}, {@code status}, {@code eventValue}, optional {@code group} (column), and for
 * {@code counts} with a group, {@code levels}.
 */
@Component(service = SiteStep.class)
public final class KaplanMeierSiteStep implements SiteStep {
    public static final String METHOD = "stats.km";

    @Override
    public String method() {
        return METHOD;
    }

    @Override
    public Aggregates run(String step, Map<String, Object> arguments, Table data, ReleaseGuard guard) {
        Arguments.step(METHOD, step, "levels", "counts", StatusReleases.STEP);
        if (step.equals(StatusReleases.STEP)) {
            return StatusReleases.release(guard, data, arguments);
        }
        String time = Arguments.string(arguments, "time");
        String status = Arguments.string(arguments, "status");
        double eventValue = Arguments.number(arguments, "eventValue");
        String group = arguments.containsKey("group") ? Arguments.string(arguments, "group") : null;
        if (step.equals("levels") && group == null) {
            throw new IllegalArgumentException("argument 'group' is needed for step 'levels'");
        }
        double[] union = step.equals("counts") && group != null ? union(arguments) : new double[] {0};
        if (step.equals("counts")) {
            guard.eventTimes("Kaplan-Meier event and censoring counts"); // a policy refusal first: it depends on no row
        }
        NumericColumns rows = Arguments.columns(data, group == null ? Arguments.named("time", time, "status", status)
                : Arguments.named("time", time, "status", status, "group", group));
        guard.rows("the rows of the curves", rows.rowSet());
        SiteChecks.lookupColumn(guard, status, rows.column(status));
        double[] own = group == null ? null : groupLevels(guard, rows, group);
        if (step.equals("levels")) {
            return Aggregates.builder().put("levels", own).build();
        }
        double[] t = rows.column(time);
        boolean[] event = SurvivalInput.events(rows.column(status), eventValue);
        int[] codes = null;
        if (group != null) {
            for (double level : own) {
                if (Arrays.binarySearch(union, level) < 0) {
                    throw new IllegalArgumentException("argument 'levels' must hold every level this site releases for "
                            + "column '" + group + "' (step 'levels')");
                }
            }
            codes = SurvivalInput.codes(rows.column(group), union);
        }
        EventCounts counts = EventCounts.of(t, event, codes, union.length);
        Aggregates.Builder release = Aggregates.builder();
        for (int g = 0; g < union.length; g++) {
            int k = counts.group(g).size();
            double[] times = new double[k];
            double[] events = new double[k];
            double[] censored = new double[k];
            int i = 0;
            for (Map.Entry<Double, long[]> cell : counts.group(g).entrySet()) {
                times[i] = cell.getKey();
                events[i] = cell.getValue()[0];
                censored[i++] = cell.getValue()[1];
            }
            release.put("time." + g, times).put("events." + g, events).put("censored." + g, censored);
        }
        return release.build();
    }

    /**
     * The group column's levels among the rows used, ascending, after the factor rules: at most
     * {@code maxFactorLevels} and {@code maxFactorLevelRatio} × N levels, each with at least {@code minCellCount}
     * rows (a group of one patient would be that patient's curve).
     */
    private static double[] groupLevels(ReleaseGuard guard, NumericColumns rows, String group) {
        double[] levels = rows.distinct(group);
        guard.factor("column '" + group + "'", levels.length, rows.rows());
        guard.counts("the levels of column '" + group + "'", SiteChecks.levelCounts(rows.column(group)));
        return levels;
    }

    /** The coordinator's union of the sites' levels: strictly ascending, within the node's list limit. */
    private static double[] union(Map<String, Object> arguments) {
        double[] levels = Arguments.numbers(arguments, "levels", -1);
        if (levels.length == 0) {
            throw new IllegalArgumentException("argument 'levels' must list the group levels the sites released");
        }
        for (int k = 1; k < levels.length; k++) {
            if (!(levels[k] > levels[k - 1])) {
                throw new IllegalArgumentException("argument 'levels' must be strictly ascending");
            }
        }
        return levels;
    }

    /** Adds a site's release to the pooled counts. */
    static void addRelease(EventCounts pooled, Aggregates released) {
        for (int g = 0; g < pooled.groups(); g++) {
            if (!released.has("time." + g)) {
                continue; // an empty array does not travel: the site has no rows in this group
            }
            double[] times = released.get("time." + g);
            double[] events = released.get("events." + g);
            double[] censored = released.get("censored." + g);
            for (int i = 0; i < times.length; i++) {
                pooled.add(g, times[i], (long) events[i], (long) censored[i]);
            }
        }
    }
}
