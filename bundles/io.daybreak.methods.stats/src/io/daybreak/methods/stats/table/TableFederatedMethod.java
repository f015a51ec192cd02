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
    private static final List<String> PARAMETERS = List.of("rows", "columns", "correct");

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
        return List.of("rows: a categorical column (numbers or text; its levels are those the sites release)",
                "columns: a second column to cross with (optional)",
                "correct: Yates' continuity correction for a 2 x 2 table (default true, as R)");
    }

    @Override
    public Outcome run(Sites sites, Map<String, String> raw, BufferAllocator allocator) {
        FederatedParameters parameters = new FederatedParameters(raw, PARAMETERS);
        String columns = parameters.has("columns") ? parameters.string("columns", null) : null;
        ContingencyTable table = TableFederated.counts(sites, parameters.string("rows", null), columns);
        long available = sites.sizes().values().stream().mapToLong(Long::longValue).sum();
        return new Outcome(table.summary(parameters.bool("correct", true), available - table.total()), 1, true);
    }
}
