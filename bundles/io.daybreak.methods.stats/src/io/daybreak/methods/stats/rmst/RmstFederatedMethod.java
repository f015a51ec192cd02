package io.daybreak.methods.stats.rmst;

import java.util.List;
import java.util.Map;

import org.apache.arrow.memory.BufferAllocator;
import org.osgi.service.component.annotations.Component;

import io.daybreak.core.method.Adjust;
import io.daybreak.core.method.MethodDescriptor;
import io.daybreak.core.method.Parameters;
import io.daybreak.core.method.Settings;
import io.daybreak.federation.FederatedMethod;
import io.daybreak.federation.Sites;
import io.daybreak.methods.stats.survival.KaplanMeierFederated;
import io.daybreak.stats.models.survival.EventCounts;
import io.daybreak.stats.models.survival.Rmst;
import io.daybreak.stats.models.survival.SurvivalColumns;
import io.daybreak.stats.models.survival.SurvivalData;

/**
 * {@code stats.rmst} across site nodes: the arms' levels and their event and censoring counts per time are the
 * releases of the {@code stats.km} site step ({@link KaplanMeierFederated}, with its disclosure checks: the arm's
 * levels under the factor rules, event times only where the site's policy allows them), so nodes allow
 * {@code stats.km}; nothing else leaves a site. The counts add to the pooled counts, so the result equals the pooled
 * {@code stats.rmst}.
 */
@Component(service = FederatedMethod.class)
public final class RmstFederatedMethod implements FederatedMethod {
    /** What stats.rmst takes across site nodes: its local twin's settings without the site split. */
    record RmstFederatedSettings(SurvivalColumns survival,
            @Adjust(name = "arm", doc = "column of the two arms (its levels are those the sites release, each with "
                    + "enough patients); the lower value is arm 0 (control), the higher arm 1")
            RmstSettings rmst) {
    }

    private static final MethodDescriptor DESCRIPTOR = MethodDescriptor.builder("stats.rmst",
            "Restricted mean survival time of two arms across sites (exact)")
            .category("statistics")
            .reference("Uno et al., J Clin Oncol 32:2380 (2014); R survRM2::rmst2")
            .description("RMST per arm, difference and ratios from the sites' event and censoring counts per arm and "
                    + "time (the stats.km site step; the sites must opt in to releasing event times); equal to the "
                    + "pooled result.")
            .settings(RmstFederatedSettings.class)
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
        RmstFederatedSettings settings = Settings.bind(RmstFederatedSettings.class, parameters);
        SurvivalColumns survival = settings.survival();
        String arm = settings.rmst().arm();
        KaplanMeierFederated.Counts released = KaplanMeierFederated.counts(sites, survival.time(), survival.status(),
                survival.eventValue(), arm);
        double[] levels = released.levels();
        RmstAnalysis.requireTwoArms(arm, levels);
        EventCounts counts = released.pooled();
        double tau = RmstAnalysis.tau(counts, settings.rmst().tau());
        Rmst.Comparison comparison = Rmst.Comparison.of(counts, tau, settings.rmst().level());
        Map<String, Object> summary = RmstAnalysis.summary(comparison, arm, levels, settings.rmst().tau() == null,
                new long[] {counts.size(0), counts.size(1)});
        summary.put("sites", (long) sites.names().size());
        return new Outcome(summary, 2, true);
    }
}
