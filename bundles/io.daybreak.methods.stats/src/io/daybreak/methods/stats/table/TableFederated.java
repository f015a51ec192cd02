package io.daybreak.methods.stats.table;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.daybreak.federation.Aggregates;
import io.daybreak.federation.Sites;

/**
 * The coordinator of the federated contingency table: one round of {@link TableSiteStep}, and the sites'
 * tables added in the sites' fixed order over the union of the levels they release (numbers, or labels of text
 * columns). The sum is the pooled table over the levels present at the sites.
 */
public final class TableFederated {
    private TableFederated() {
    }

    /** @param columns the second column, or null for a one-way table */
    public static ContingencyTable counts(Sites sites, String rows, String columns) {
        Map<String, Object> arguments = new LinkedHashMap<>();
        arguments.put("rows", rows);
        if (columns != null) {
            arguments.put("columns", columns);
        }
        Map<String, Aggregates> releases = sites.call(TableSiteStep.METHOD, "counts", arguments);
        boolean numericRows = releases.values().stream().allMatch(release -> !release.has("rowLabels"));
        boolean numericColumns = releases.values().stream().allMatch(release -> !release.has("columnLabels"));
        Comparator<String> rowOrder = LevelOrder.of(numericRows);
        Comparator<String> columnOrder = columns == null ? null : LevelOrder.of(numericColumns);
        ContingencyTable total = null;
        for (String site : sites.names()) {
            Aggregates release = releases.get(site);
            List<String> siteRows = levels(release, "row");
            List<String> siteColumns = columns == null ? List.of(ContingencyTable.ALL) : levels(release, "column");
            double[] cells = release.get("counts");
            if (cells.length != siteRows.size() * siteColumns.size()) {
                throw new IllegalStateException("site '" + site + "' released " + cells.length + " cells for a "
                        + siteRows.size() + " x " + siteColumns.size() + " table");
            }
            long[][] counts = new long[siteRows.size()][siteColumns.size()];
            for (int r = 0; r < counts.length; r++) {
                for (int c = 0; c < counts[r].length; c++) {
                    counts[r][c] = Math.round(cells[r * counts[r].length + c]);
                }
            }
            ContingencyTable part = new ContingencyTable(siteRows, siteColumns, counts);
            total = total == null ? part : total.plus(part, rowOrder, columnOrder);
        }
        return total;
    }

    /** A site's levels of the row or column variable: labels of a text column, or numbers written as labels. */
    private static List<String> levels(Aggregates release, String kind) {
        if (release.has(kind + "Labels")) {
            return release.labels(kind + "Labels");
        }
        List<String> labels = new ArrayList<>();
        for (double value : release.get(kind + "Values")) {
            labels.add(CategoricalColumn.label(value));
        }
        return labels;
    }
}
