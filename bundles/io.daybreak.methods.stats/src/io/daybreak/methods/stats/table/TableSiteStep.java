package io.daybreak.methods.stats.table;

import java.util.BitSet;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Component;

import io.daybreak.data.Table;
import io.daybreak.federation.Aggregates;
import io.daybreak.federation.ReleaseGuard;
import io.daybreak.federation.SiteStep;
import io.daybreak.stats.federated.Arguments;

/**
 * The site step of {@code stats.table}: step "counts" releases the site's cell counts of one column, or of two
 * columns crossed, over the levels present at the site. Levels come from the data, never from the requester (a
 * requester's level list would ask the site whether a value exists): a numeric column's levels are released as
 * numbers ({@code rowValues}, {@code columnValues}), a text column's as labels ({@code rowLabels},
 * {@code columnLabels}), and only when the column passes the factor rules (at most {@code maxFactorLevels} and
 * {@code maxFactorLevelRatio} × N levels) and each level has at least {@code minCellCount} rows; a label is
 * released only if no longer than {@code maxStringLength}. Then every non-zero cell must be at least
 * {@code minCellCount}, and the rows counted pass the row-set rules (subset, complement, differencing).
 *
 * <p>Arguments: {@code rows} (column), optional {@code columns} (column).
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
        for (String dropped : List.of("rowLevels", "columnLevels")) {
            if (arguments.containsKey(dropped)) {
                throw new IllegalArgumentException("argument '" + dropped + "' is not accepted: a site tabulates the "
                        + "levels its data hold, under its factor rules");
            }
        }
        CategoricalColumn rows = read(data, "rows", Arguments.string(arguments, "rows"));
        CategoricalColumn columns = arguments.containsKey("columns")
                ? read(data, "columns", Arguments.string(arguments, "columns")) : null;
        BitSet counted = new BitSet();
        for (int i = 0; i < rows.labels().length; i++) {
            if (rows.labels()[i] != null && (columns == null || columns.labels()[i] != null)) {
                counted.set(i);
            }
        }
        guard.rows("the rows tabulated", counted);
        List<String> rowLevels = levels(rows, guard);
        List<String> columnLevels = columns == null ? List.of(ContingencyTable.ALL) : levels(columns, guard);
        if ((double) rowLevels.size() * columnLevels.size() > Arguments.MAX_CELLS) {
            throw new IllegalArgumentException("arguments 'rows' and 'columns' cross into more than " + Arguments.MAX_CELLS
                    + " cells; that is this site's limit per table");
        }
        ContingencyTable table = ContingencyTable.tabulate(rows.labels(), rowLevels,
                columns == null ? null : columns.labels(), columns == null ? null : columnLevels);
        long[] flat = table.flat();
        guard.counts("the table", flat);
        Aggregates.Builder release = Aggregates.builder();
        put(release, rows, rowLevels, "row");
        if (columns != null) {
            put(release, columns, columnLevels, "column");
        }
        double[] cells = new double[flat.length];
        for (int i = 0; i < flat.length; i++) {
            cells[i] = flat[i];
        }
        return release.put("counts", cells).build();
    }

    private static CategoricalColumn read(Table data, String argument, String name) {
        try {
            return CategoricalColumn.read(data, name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("argument '" + argument + "': " + e.getMessage(), e);
        }
    }

    /** The column's levels at this site, after the factor rules and the minimum count per level. */
    private static List<String> levels(CategoricalColumn column, ReleaseGuard guard) {
        List<String> levels = column.levels();
        long[] counts = column.levelCounts(levels);
        guard.factor("column '" + column.name() + "'", levels.size(), java.util.Arrays.stream(counts).sum());
        guard.counts("the levels of column '" + column.name() + "'", counts);
        if (!column.numeric()) {
            guard.labels("column '" + column.name() + "'", levels);
        }
        return levels;
    }

    private static void put(Aggregates.Builder release, CategoricalColumn column, List<String> levels, String kind) {
        if (column.numeric()) {
            release.put(kind + "Values", levels.stream().mapToDouble(Double::parseDouble).toArray());
        } else {
            release.putLabels(kind + "Labels", levels);
        }
    }
}
