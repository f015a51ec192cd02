package io.daybreak.methods.stats.survival;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.arrow.memory.BufferAllocator;
import org.osgi.service.component.annotations.Component;

import io.daybreak.core.method.Adjust;
import io.daybreak.core.method.MethodDescriptor;
import io.daybreak.core.method.Parameters;
import io.daybreak.core.method.Setting;
import io.daybreak.core.method.Settings;
import io.daybreak.federation.FederatedMethod;
import io.daybreak.federation.Sites;
import io.daybreak.stats.models.columns.SummaryValues;
import io.daybreak.stats.models.survival.EventCounts;
import io.daybreak.stats.models.survival.LogRank;
import io.daybreak.stats.models.survival.SurvivalColumns;
import io.daybreak.stats.models.survival.SurvivalData;

/**
 * {@code stats.logrank} across site nodes: the log-rank test from the event and censoring counts per group
 * that the {@code stats.km} site step releases (so nodes allow {@code stats.km}), over pooled risk sets or
 * stratified by site.
 */
@Component(service = FederatedMethod.class)
public final class LogRankFederatedMethod implements FederatedMethod {
    /** What stats.logrank takes across site nodes: its local twin's groups, without the site split and strata. */
    record LogRankFederatedSettings(SurvivalColumns survival,
            @Setting(doc = "the group column (its levels are those the sites release, each with enough patients)")
            String group,
            @Adjust(name = "stratifyBySite", doc = "each site is a stratum")
            SiteStrata bySite) {
    }

    private static final MethodDescriptor DESCRIPTOR = MethodDescriptor.builder("stats.logrank",
            "Log-rank test across sites (exact)")
            .category("statistics")
            .reference("Mantel, Cancer Chemother Rep 50:163 (1966); R survival::survdiff")
            .description("The log-rank test from the sites' event and censoring counts per group (uses the stats.km "
                    + "site step); equal to the pooled test.")
            .settings(LogRankFederatedSettings.class)
            .build();

    /** ADaM's AVAL and CNSR (1 = censored) by default, as the local method reads them (SurvivalData). */
    @Override
    public Map<String, String> withDatasetDefaults(Map<String, String> parameters, List<String> columns) {
        return SurvivalData.adamParameters(parameters, columns);
    }

    @Override
    public MethodDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Outcome run(Sites sites, Parameters parameters, BufferAllocator allocator) {
        LogRankFederatedSettings settings = Settings.bind(LogRankFederatedSettings.class, parameters);
        SurvivalColumns survival = settings.survival();
        KaplanMeierFederated.Counts counts = KaplanMeierFederated.counts(sites, survival.time(), survival.status(),
                survival.eventValue(), settings.group());
        double[] levels = counts.levels();
        if (levels.length < 2) {
            throw new IllegalArgumentException("the sites release fewer than two levels of parameter 'group'; a log-rank "
                    + "test compares at least two groups");
        }
        Map<String, EventCounts> bySite = counts.bySite();
        List<EventCounts> strata = new ArrayList<>();
        if (settings.bySite().stratifyBySite()) {
            strata.addAll(bySite.values());
        } else {
            EventCounts pooled = new EventCounts(levels.length);
            bySite.values().forEach(pooled::merge);
            strata.add(pooled);
        }
        LogRank test = LogRank.test(strata);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("groups", SummaryValues.list(levels));
        summary.put("observed", SummaryValues.list(test.observed()));
        summary.put("expected", SummaryValues.list(test.expected()));
        summary.put("chiSquare", test.chiSquare());
        summary.put("df", (long) test.df());
        summary.put("pValue", test.pValue());
        return new Outcome(summary, 1, true);
    }
}
