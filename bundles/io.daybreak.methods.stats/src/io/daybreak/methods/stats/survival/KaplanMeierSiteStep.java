package io.daybreak.methods.stats.survival;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Component;

import io.daybreak.data.Table;
import io.daybreak.federation.Aggregates;
import io.daybreak.federation.ReleaseGuard;
import io.daybreak.federation.SiteStep;
import io.daybreak.methods.stats.data.Arguments;
import io.daybreak.methods.stats.data.NumericColumns;

/**
 * The site step of federated Kaplan–Meier curves and log-rank tests ({@code stats.km}): step {@code counts}
 * releases, per group level sent by the coordinator, the distinct times with their numbers of events and
 * censorings ({@link EventCounts}). Exact times leave the site, so the site's policy must allow it.
 *
 * <p>Arguments: {@code time}, {@code status}, {@code eventValue}, optional {@code group} (column) and
 * {@code levels} (list of its values).
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
        Arguments.step(METHOD, step, "counts");
        String time = Arguments.string(arguments, "time");
        String status = Arguments.string(arguments, "status");
        double eventValue = Arguments.number(arguments, "eventValue");
        String group = arguments.containsKey("group") ? Arguments.string(arguments, "group") : null;
        double[] levels = group == null ? new double[] {0} : Arguments.numbers(arguments, "levels", -1);
        List<String> names = new ArrayList<>(List.of(time, status));
        if (group != null) {
            names.add(group);
        }
        NumericColumns rows = Arguments.columns(data, names);
        guard.subset("the rows of the curves", rows.rows());
        guard.eventTimes("Kaplan-Meier event and censoring counts");
        double[] t = rows.column(time);
        boolean[] event = SurvivalInput.events(rows.column(status), eventValue);
        int[] codes = null;
        if (group != null) {
            codes = SurvivalInput.codes(rows.column(group), levels);
            for (int code : codes) {
                if (code < 0) {
                    throw new IllegalArgumentException("argument 'levels' does not list every value of column '" + group
                            + "'");
                }
            }
        }
        EventCounts counts = EventCounts.of(t, event, codes, levels.length);
        Aggregates.Builder release = Aggregates.builder();
        for (int g = 0; g < levels.length; g++) {
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

    /** Adds a site's release to the pooled counts. */
    static void addRelease(EventCounts pooled, Aggregates released) {
        for (int g = 0; g < pooled.groups(); g++) {
            double[] times = released.get("time." + g);
            double[] events = released.get("events." + g);
            double[] censored = released.get("censored." + g);
            for (int i = 0; i < times.length; i++) {
                pooled.add(g, times[i], (long) events[i], (long) censored[i]);
            }
        }
    }
}
