package io.daybreak.methods.stats.survival;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Component;

import io.daybreak.core.method.Method;
import io.daybreak.core.method.MethodContext;
import io.daybreak.core.method.MethodDescriptor;
import io.daybreak.core.method.MethodResult;
import io.daybreak.core.method.Setting;
import io.daybreak.core.method.SettingsMethod;
import io.daybreak.data.Table;
import io.daybreak.stats.models.columns.NumericColumns;
import io.daybreak.stats.models.columns.SiteSplit;
import io.daybreak.stats.models.survival.EventCounts;
import io.daybreak.stats.models.survival.LogRank;
import io.daybreak.stats.models.survival.AdamParameter;
import io.daybreak.stats.models.survival.SurvivalColumns;
import io.daybreak.stats.models.survival.SurvivalData;
import io.daybreak.stats.models.survival.SurvivalInput;

/** {@code stats.logrank}: the (stratified) log-rank test, as R's {@code survdiff}. */
@Component(service = Method.class)
public final class LogRankMethod extends SettingsMethod<LogRankMethod.LogRankSettings> {
    /** What stats.logrank takes: the survival columns, the site split, the groups, strata and site strata. */
    record LogRankSettings(SurvivalColumns survival, SiteSplit split,
            @Setting(optional = true, doc = "column whose values define the groups compared (text is coded in sorted "
                    + "order); default in an ADaM table: the planned treatment TRTP, else TRT01P")
            String group,
            @Setting(optional = true, doc = "numeric column of strata")
            String strata,
            SiteStrata bySite, AdamParameter adam) {
    }

    public LogRankMethod() {
        super(LogRankSettings.class, MethodDescriptor.builder("stats.logrank", "Log-rank test")
                .category("statistics")
                .reference("Mantel (1966); Peto & Peto (1972); R survival::survdiff")
                .description("Observed and expected events per group and the log-rank chi-square, optionally "
                        + "stratified; with siteColumn, stratifyBySite chooses between pooled risk sets (sites release "
                        + "event and censoring counts per group and time) and site strata.")
                .input(SurvivalInput.DATA));
    }

    @Override
    protected MethodResult run(Map<String, Table> inputs, LogRankSettings settings, MethodContext context) {
        try (SurvivalData data = SurvivalData.of(inputs.get("data"), settings.survival(), settings.adam().param(),
                settings.group(), true, context.allocator())) {
            if (data.group() == null) {
                throw new io.daybreak.core.method.InvalidParameterException("missing required parameter 'group' (a "
                        + "column) for method stats.logrank");
            }
            return run(data, settings).build();
        }
    }

    private MethodResult.Builder run(SurvivalData data, LogRankSettings settings) {
        Map<String, Table> inputs = Map.of("data", data.table());
        SurvivalColumns asGiven = data.survival();
        String group = data.group();
        String strata = settings.strata();
        List<String> extra = new ArrayList<>(List.of(group));
        if (strata != null) {
            extra.add(strata);
        }
        NumericColumns all = SurvivalInput.read(inputs.get("data"), asGiven, settings.split(), extra);
        // the event value settled on all rows, so every site and stratum reads the status alike
        SurvivalColumns survival = asGiven.resolved(all);
        double[] levels = all.distinct(group);
        if (levels.length < 2) {
            throw new io.daybreak.core.method.InvalidParameterException("parameter 'group': column '" + group
                    + "' has one value only; the test needs at least two groups");
        }
        double[] strataLevels = strata == null ? new double[] {0} : all.distinct(strata);
        boolean bySite = settings.bySite().stratifyBySite() && settings.split().split();
        List<NumericColumns> sites = settings.split().sites(all);
        List<EventCounts> pooled = new ArrayList<>();
        for (int s = 0; s < strataLevels.length; s++) {
            pooled.add(new EventCounts(levels.length));
        }
        List<EventCounts> bySiteStrata = new ArrayList<>();
        for (NumericColumns site : sites) {
            for (int s = 0; s < strataLevels.length; s++) {
                NumericColumns rows = strata == null ? site : site.subset(strata, strataLevels[s]);
                // what a site releases: events and censorings per group and time (per stratum)
                EventCounts counts = EventCounts.of(survival.times(rows), survival.events(rows),
                        SurvivalInput.codes(rows.column(group), levels), levels.length);
                pooled.get(s).merge(counts);
                bySiteStrata.add(counts);
            }
        }
        LogRank test = LogRank.test(bySite ? bySiteStrata : pooled);
        MethodResult.Builder result = MethodResult.builder()
                .summary("groups", java.util.Arrays.stream(levels).boxed().map(Object.class::cast).toList())
                .summary("observed", test.observed())
                .summary("expected", test.expected())
                .summary("chiSquare", test.chiSquare())
                .summary("df", (long) test.df())
                .summary("pValue", test.pValue())
                .summary("n", (long) all.rows())
                .summary("events", survival.counts(all).get("events"))
                .summary("censored", survival.counts(all).get("censored"))
                .summary("eventValue", survival.counts(all).get("eventValue"))
                .summary("droppedRows", (long) all.dropped())
                .summary("sites", (long) sites.size());
        return data.describe(result);
    }
}
