package io.daybreak.methods.stats.survival;

import static io.daybreak.core.method.TableSpec.column;
import static io.daybreak.data.ColumnType.FLOAT64;
import static io.daybreak.data.ColumnType.INT64;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Component;

import io.daybreak.core.method.Method;
import io.daybreak.core.method.MethodContext;
import io.daybreak.core.method.MethodDescriptor;
import io.daybreak.core.method.MethodResult;
import io.daybreak.core.method.SettingsMethod;
import io.daybreak.core.method.TableSpec;
import io.daybreak.data.ColumnType;
import io.daybreak.data.Table;
import io.daybreak.stats.models.columns.NumericColumns;
import io.daybreak.stats.models.columns.SiteSplit;
import io.daybreak.stats.models.survival.AdamParameter;
import io.daybreak.stats.models.survival.EventCounts;
import io.daybreak.stats.models.survival.KaplanMeier;
import io.daybreak.stats.models.survival.SurvivalColumns;
import io.daybreak.stats.models.survival.SurvivalData;
import io.daybreak.stats.models.survival.SurvivalInput;

/** {@code stats.km}: Kaplan–Meier curves with Greenwood standard errors, log-scale limits and medians. */
@Component(service = Method.class)
public final class KaplanMeierMethod extends SettingsMethod<KaplanMeierMethod.KaplanMeierSettings> {
    /** What stats.km takes: the survival columns, the site split and the curves' settings. */
    record KaplanMeierSettings(SurvivalColumns survival, SiteSplit split, CurveSettings curves, AdamParameter adam) {
    }

    public KaplanMeierMethod() {
        super(KaplanMeierSettings.class, MethodDescriptor.builder("stats.km",
                "Kaplan-Meier survival curves")
                .category("statistics")
                .reference("Kaplan & Meier, JASA 53:457 (1958); Greenwood (1926); R survival::survfit")
                .description("Survival curves per group: number at risk, events, S(t), Greenwood standard error, "
                        + "confidence limits on the log scale, median with its limits; S at requested times. "
                        + "Sites release counts of events and censorings per time only, which sum to the pooled counts.")
                .input(SurvivalInput.DATA)
                .output(TableSpec.of("curve", "one row per group and distinct time", column("group", FLOAT64),
                        column("time", FLOAT64), column("atRisk", INT64), column("events", INT64), column("censored", INT64),
                        column("survival", FLOAT64), column("stdErr", FLOAT64), column("lower", FLOAT64),
                        column("upper", FLOAT64))));
    }

    @Override
    protected MethodResult run(Map<String, Table> inputs, KaplanMeierSettings settings, MethodContext context) {
        try (SurvivalData data = SurvivalData.of(inputs.get("data"), settings.survival(), settings.adam().param(),
                settings.curves().groupBy(), false, context.allocator())) {
            return run(data, settings, context);
        }
    }

    private MethodResult run(SurvivalData data, KaplanMeierSettings settings, MethodContext context) {
        SurvivalColumns asGiven = data.survival();
        CurveSettings asked = settings.curves();
        String groupBy = data.group();
        NumericColumns all = SurvivalInput.read(data.table(), asGiven, settings.split(),
                groupBy == null ? List.of() : List.of(groupBy));
        // the event value settled on all rows, so every site and stratum reads the status alike
        SurvivalColumns survival = asGiven.resolved(all);
        double[] levels = groupBy == null ? new double[] {0} : all.distinct(groupBy);
        EventCounts pooled = new EventCounts(levels.length);
        List<Object> siteSizes = new ArrayList<>();
        for (NumericColumns site : settings.split().sites(all)) {
            // what a site releases: events and censorings per group and time
            int[] group = groupBy == null ? null : SurvivalInput.codes(site.column(groupBy), levels);
            pooled.merge(EventCounts.of(survival.times(site), survival.events(site), group, levels.length));
            siteSizes.add((long) site.rows());
        }
        double level = asked.level();
        Curves curves = new Curves();
        List<Object> medians = new ArrayList<>();
        List<Object> medianLower = new ArrayList<>();
        List<Object> medianUpper = new ArrayList<>();
        Map<String, List<Object>> at = new java.util.LinkedHashMap<>();
        for (String key : List.of("atGroup", "atTime", "atSurvival", "atStdErr", "atLower", "atUpper", "atRisk")) {
            at.put(key, new ArrayList<>());
        }
        for (int g = 0; g < levels.length; g++) {
            KaplanMeier km = KaplanMeier.estimate(pooled, g, level);
            curves.add(levels[g], km);
            double[] median = km.median();
            medians.add(median[0]);
            medianLower.add(median[1]);
            medianUpper.add(median[2]);
            if (asked.reportsTimes()) {
                for (double t : asked.times()) {
                    double[] value = km.at(t);
                    at.get("atGroup").add(levels[g]);
                    at.get("atTime").add(t);
                    at.get("atSurvival").add(value[0]);
                    at.get("atStdErr").add(value[1]);
                    at.get("atLower").add(value[2]);
                    at.get("atUpper").add(value[3]);
                    at.get("atRisk").add((long) value[4]);
                }
            }
        }
        MethodResult.Builder result = MethodResult.builder().output("curve", curves.table(context))
                .summary("n", (long) all.rows())
                .summary("events", survival.counts(all).get("events"))
                .summary("censored", survival.counts(all).get("censored"))
                .summary("eventValue", survival.counts(all).get("eventValue"))
                .summary("droppedRows", (long) all.dropped())
                .summary("groups", java.util.Arrays.stream(levels).boxed().map(Object.class::cast).toList())
                .summary("median", medians).summary("medianLower", medianLower).summary("medianUpper", medianUpper)
                .summary("sites", (long) siteSizes.size()).summary("siteN", siteSizes);
        if (asked.reportsTimes()) {
            at.forEach(result::summary);
        }
        if (asked.timeUnit() != null) {
            result.summary("timeUnit", asked.timeUnit());
        }
        return data.describe(result).build();
    }

    /** Column buffers of the curve table. */
    private static final class Curves {
        final List<Object> group = new ArrayList<>();
        final List<Object> time = new ArrayList<>();
        final List<Object> atRisk = new ArrayList<>();
        final List<Object> events = new ArrayList<>();
        final List<Object> censored = new ArrayList<>();
        final List<Object> survival = new ArrayList<>();
        final List<Object> stdErr = new ArrayList<>();
        final List<Object> lower = new ArrayList<>();
        final List<Object> upper = new ArrayList<>();

        void add(double level, KaplanMeier km) {
            double[] t = km.times();
            double[] s = km.survival();
            double[] se = km.standardError();
            double[] lo = km.lower();
            double[] hi = km.upper();
            long[] n = km.atRisk();
            long[] d = km.events();
            long[] c = km.censored();
            for (int i = 0; i < t.length; i++) {
                group.add(level);
                time.add(t[i]);
                atRisk.add(n[i]);
                events.add(d[i]);
                censored.add(c[i]);
                survival.add(s[i]);
                stdErr.add(se[i]);
                lower.add(lo[i]);
                upper.add(hi[i]);
            }
        }

        Table table(MethodContext context) {
            return Table.builder(context.allocator()).add("group", ColumnType.FLOAT64, group)
                    .add("time", ColumnType.FLOAT64, time).add("atRisk", ColumnType.INT64, atRisk)
                    .add("events", ColumnType.INT64, events).add("censored", ColumnType.INT64, censored)
                    .add("survival", ColumnType.FLOAT64, survival).add("stdErr", ColumnType.FLOAT64, stdErr)
                    .add("lower", ColumnType.FLOAT64, lower).add("upper", ColumnType.FLOAT64, upper).build();
        }
    }
}
