package io.daybreak.methods.stats.rmst;

import static io.daybreak.core.method.TableSpec.column;
import static io.daybreak.data.ColumnType.FLOAT64;
import static io.daybreak.data.ColumnType.STRING;

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
import io.daybreak.data.Table;
import io.daybreak.stats.models.columns.NumericColumns;
import io.daybreak.stats.models.columns.SiteSplit;
import io.daybreak.stats.models.survival.EventCounts;
import io.daybreak.stats.models.survival.Rmst;
import io.daybreak.stats.models.survival.AdamParameter;
import io.daybreak.stats.models.survival.SurvivalColumns;
import io.daybreak.stats.models.survival.SurvivalData;
import io.daybreak.stats.models.survival.SurvivalInput;

/**
 * {@code stats.rmst}: restricted mean survival time by arm up to τ, their difference and ratios, as
 * {@code survRM2::rmst2} without covariates. Computed from events and censorings per time and arm only, so with
 * {@code siteColumn} each site's counts are added exactly as across site nodes ({@link RmstFederatedMethod}).
 */
@Component(service = Method.class)
public final class RmstMethod extends SettingsMethod<RmstMethod.RmstLocalSettings> {
    /** What stats.rmst takes: the survival columns, the site split and the RMST settings. */
    record RmstLocalSettings(SurvivalColumns survival, SiteSplit split, RmstSettings rmst, AdamParameter adam) {
    }

    static final TableSpec RESULT = TableSpec.of("rmst", "each arm's RMST and RMTL, then the contrasts (arm 1 vs arm 0) "
            + "as survRM2 prints them; stdErr of a ratio is that of its log", column("quantity", STRING),
            column("estimate", FLOAT64), column("stdErr", FLOAT64), column("lower", FLOAT64), column("upper", FLOAT64),
            column("p", FLOAT64));

    public RmstMethod() {
        super(RmstLocalSettings.class, MethodDescriptor.builder("stats.rmst",
                "Restricted mean survival time of two arms")
                .category("statistics")
                .reference("Uno et al., J Clin Oncol 32:2380 (2014); Royston & Parmar, BMC Med Res Methodol 13:152 "
                        + "(2013); R survRM2::rmst2")
                .description("Area under each arm's Kaplan-Meier curve up to tau with the Greenwood plug-in standard "
                        + "error; difference (arm 1 - arm 0), ratio of RMSTs and of restricted mean times lost with "
                        + "confidence intervals on the log scale and p-values; tau's default and allowed range as "
                        + "survRM2. Sites release counts of events and censorings per time only.")
                .input(SurvivalInput.DATA)
                .output(RESULT));
    }

    @Override
    protected MethodResult run(Map<String, Table> inputs, RmstLocalSettings settings, MethodContext context) {
        try (SurvivalData data = SurvivalData.of(inputs.get("data"), settings.survival(), settings.adam().param(),
                settings.rmst().arm(), false, context.allocator())) {
            return data.describe(run(data, settings, context)).build();
        }
    }

    private MethodResult.Builder run(SurvivalData data, RmstLocalSettings settings, MethodContext context) {
        SurvivalColumns asGiven = data.survival();
        String arm = settings.rmst().arm();
        NumericColumns all = SurvivalInput.read(data.table(), asGiven, settings.split(), List.of(arm));
        // the event value settled on all rows, so every site and stratum reads the status alike
        SurvivalColumns survival = asGiven.resolved(all);
        double[] levels = all.distinct(arm);
        RmstAnalysis.requireTwoArms(arm, levels);
        EventCounts pooled = new EventCounts(2);
        List<Object> siteSizes = new ArrayList<>();
        for (NumericColumns site : settings.split().sites(all)) {
            // what a site releases: events and censorings per arm and time (the stats.km counts)
            int[] group = SurvivalInput.codes(site.column(arm), levels);
            pooled.merge(EventCounts.of(survival.times(site), survival.events(site), group, 2));
            siteSizes.add((long) site.rows());
        }
        double tau = RmstAnalysis.tau(pooled, settings.rmst().tau());
        Rmst.Comparison comparison = Rmst.Comparison.of(pooled, tau, settings.rmst().level());
        MethodResult.Builder result = MethodResult.builder()
                .output("rmst", RmstAnalysis.table(comparison, arm, levels, context.allocator()));
        RmstAnalysis.summary(comparison, arm, levels, settings.rmst().tau() == null,
                new long[] {pooled.size(0), pooled.size(1)}).forEach(result::summary);
        return result.summary("droppedRows", (long) all.dropped())
                .summary("sites", (long) siteSizes.size())
                .summary("siteN", siteSizes);
    }
}
