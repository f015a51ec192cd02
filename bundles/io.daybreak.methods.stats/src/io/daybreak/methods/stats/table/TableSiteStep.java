package io.daybreak.methods.stats.table;

import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Component;

import io.daybreak.data.Table;
import io.daybreak.federation.Aggregates;
import io.daybreak.federation.ReleaseGuard;
import io.daybreak.federation.SiteStep;
import io.daybreak.methods.stats.data.Arguments;

/**
 * The site step of {@code stats.table}: step "counts" releases the site's cell counts of one column, or of two
 * columns crossed. Levels of a numeric column are the values present at the site and are released as numbers;
 * a text column's levels must be named by the coordinator ({@code rowLevels}, {@code columnLevels}), because a
 * node never releases text from its data (a free-text column could hold a name). Before release the site
 * checks every non-zero cell (≥ the minimum cell count), the number of levels, and that the rows counted are a
 * large enough subset with a large enough complement.
 *
 * <p>Arguments: {@code rows} (column), optional {@code columns} (column), optional {@code rowLevels} and
 * {@code columnLevels} (lists of labels).
 */
@Component(service = SiteStep.class)
public final class TableSiteStep implements SiteStep {
    public static final String METHOD = "stats.table";

    @Override
    public String method() {
        return METHOD;
    }

    @Override
    public Aggregates run(String step, Map<String, Object> arguments, Table data, ReleaseGuard guard) {
        Arguments.step(METHOD, step, "counts");
        CategoricalColumn rows = CategoricalColumn.read(data, Arguments.string(arguments, "rows"));
        List<String> rowLevels = levels(rows, arguments, "rowLevels");
        CategoricalColumn columns = arguments.containsKey("columns")
                ? CategoricalColumn.read(data, Arguments.string(arguments, "columns")) : null;
        List<String> columnLevels = columns == null ? null : levels(columns, arguments, "columnLevels");
        ContingencyTable table = ContingencyTable.tabulate(rows.labels(), rowLevels,
                columns == null ? null : columns.labels(), columnLevels);
        long counted = table.total();
        guard.subset("the rows tabulated", counted);
        guard.factor("column '" + rows.name() + "'", rowLevels.size(), counted);
        if (columns != null) {
            guard.factor("column '" + columns.name() + "'", columnLevels.size(), counted);
        }
        guard.counts("the table", table.flat());
        Aggregates.Builder release = Aggregates.builder();
        if (!arguments.containsKey("rowLevels")) {
            release.put("rowValues", values(rowLevels));
        }
        if (columns != null && !arguments.containsKey("columnLevels")) {
            release.put("columnValues", values(columnLevels));
        }
        long[] flat = table.flat();
        double[] cells = new double[flat.length];
        for (int i = 0; i < flat.length; i++) {
            cells[i] = flat[i];
        }
        return release.put("counts", cells).build();
    }

    /** The coordinator's levels for the column, or, for a numeric column, the values present at the site. */
    private static List<String> levels(CategoricalColumn column, Map<String, Object> arguments, String name) {
        if (arguments.containsKey(name)) {
            if (!(arguments.get(name) instanceof List<?> list) || list.isEmpty()
                    || !list.stream().allMatch(String.class::isInstance)) {
                throw new IllegalArgumentException("argument '" + name + "' must be a non-empty list of level labels");
            }
            return list.stream().map(String.class::cast).toList();
        }
        if (!column.numeric()) {
            throw new IllegalArgumentException("column '" + column.name() + "' holds text; name its levels ("
                    + name + "): a site never releases text from its data");
        }
        return column.levels();
    }

    private static double[] values(List<String> labels) {
        return labels.stream().mapToDouble(Double::parseDouble).toArray();
    }
}
