package io.daybreak.methods.stats.table;

import org.apache.arrow.memory.BufferAllocator;
import org.osgi.service.component.annotations.Component;

import io.daybreak.core.method.Adjust;
import io.daybreak.core.method.MethodDescriptor;
import io.daybreak.core.method.Parameters;
import io.daybreak.core.method.Settings;
import io.daybreak.federation.FederatedMethod;
import io.daybreak.federation.Sites;

/** {@code stats.table} across site nodes ({@link TableFederated}). */
@Component(service = FederatedMethod.class)
public final class TableFederatedMethod implements FederatedMethod {
    /** What stats.table takes across site nodes: its local twin's columns and correction; the sites hold the data. */
    record TableFederatedSettings(
            @Adjust(name = "correct", doc = "Yates' continuity correction for a 2 x 2 table (as R)")
            Crosstab table) {
    }

    private static final MethodDescriptor DESCRIPTOR = MethodDescriptor.builder(TableSiteStep.METHOD,
            "Contingency table across sites (exact)")
            .category("statistics")
            .reference("Pearson (1900); Yates, JRSS Suppl 1:217 (1934); R stats::table, stats::chisq.test")
            .description("Counts of one column or of two crossed, with Pearson's chi-squared test; every released cell "
                    + "is checked by each site's policy, and levels are those the sites release.")
            .settings(TableFederatedSettings.class)
            .build();

    @Override
    public MethodDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Outcome run(Sites sites, Parameters parameters, BufferAllocator allocator) {
        Crosstab asked = Settings.bind(TableFederatedSettings.class, parameters).table();
        ContingencyTable table = TableFederated.counts(sites, asked.rows(), asked.columns());
        long available = sites.sizes().values().stream().mapToLong(Long::longValue).sum();
        return new Outcome(table.summary(asked.correct(), available - table.total()), 1, true);
    }
}
