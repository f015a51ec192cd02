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
 * tables added in the sites' fixed order over the union of their levels. The sum is the pooled table.
 */
public final class TableFederated {
    private TableFederated() {
    }

    /**
     * @param columns      the second column, or null for a one-way table
     * @param rowLevels    the levels of a text row column (null for a numeric one: the sites release theirs)
     * @param columnLevels likewise for the column variable
     */
    public static ContingencyTable counts(Sites sites, String rows, List<String> rowLevels, String columns,
            List<String> columnLevels) {
        Map<String, Object> arguments = new LinkedHashMap<>();
        arguments.put("rows", rows);
        if (rowLevels != null) {
            arguments.put("rowLevels", rowLevels);
        }
        if (columns != null) {
            arguments.put("columns", columns);
            if (columnLevels != null) {
                arguments.put("columnLevels", columnLevels);
            }
        }
        Map<String, Aggregates> releases = sites.call(TableSiteStep.METHOD, "counts", arguments);
        Comparator<String> rowOrder = rowLevels == null ? LevelOrder.of(true) : null;
        Comparator<String> columnOrder = columnLevels == null ? LevelOrder.of(true) : null;
        ContingencyTable total = null;
        for (String site : sites.names()) {
            Aggregates release = releases.get(site);
            List<String> siteRows = rowLevels == null ? labels(release.get("rowValues")) : rowLevels;
            List<String> siteColumns = columns == null ? List.of(ContingencyTable.ALL)
                    : columnLevels == null ? labels(release.get("columnValues")) : columnLevels;
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

    private static List<String> labels(double[] values) {
        List<String> labels = new ArrayList<>();
        for (double value : values) {
            labels.add(CategoricalColumn.label(value));
        }
        return labels;
    }
}
