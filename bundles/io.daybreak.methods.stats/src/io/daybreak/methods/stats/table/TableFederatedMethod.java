package io.daybreak.methods.stats.table;

import java.util.List;
import java.util.Map;

import org.apache.arrow.memory.BufferAllocator;
import org.osgi.service.component.annotations.Component;

import io.daybreak.federation.FederatedMethod;
import io.daybreak.federation.Sites;
import io.daybreak.methods.stats.data.FederatedParameters;

/** {@code stats.table} across site nodes ({@link TableFederated}). */
@Component(service = FederatedMethod.class)
public final class TableFederatedMethod implements FederatedMethod {
    private static final List<String> PARAMETERS = List.of("rows", "columns", "rowLevels", "columnLevels", "correct");

    @Override
    public String id() {
        return TableSiteStep.METHOD;
    }

    @Override
    public String title() {
        return "contingency table of one or two columns with Pearson's chi-squared test, exact; every cell checked";
    }

    @Override
    public List<String> parameters() {
        return List.of("rows: a categorical column", "columns: a second column to cross with (optional)",
                "rowLevels, columnLevels: comma-separated levels, required for text columns",
                "correct: Yates' continuity correction for a 2 x 2 table (default true, as R)");
    }

    @Override
    public Outcome run(Sites sites, Map<String, String> raw, BufferAllocator allocator) {
        FederatedParameters parameters = new FederatedParameters(raw, PARAMETERS);
        String columns = parameters.has("columns") ? parameters.string("columns", null) : null;
        ContingencyTable table = TableFederated.counts(sites, parameters.string("rows", null),
                levels(parameters, "rowLevels"), columns, columns == null ? null : levels(parameters, "columnLevels"));
        long available = sites.sizes().values().stream().mapToLong(Long::longValue).sum();
        return new Outcome(table.summary(parameters.bool("correct", true), available - table.total()), 1, true);
    }

    private static List<String> levels(FederatedParameters parameters, String name) {
        return parameters.has(name) ? List.of(parameters.string(name, null).split(",")) : null;
    }
}
