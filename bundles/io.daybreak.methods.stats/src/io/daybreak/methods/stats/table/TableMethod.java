package io.daybreak.methods.stats.table;

import static io.daybreak.core.method.TableSpec.column;
import static io.daybreak.data.ColumnType.INT64;
import static io.daybreak.data.ColumnType.STRING;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Component;

import io.daybreak.core.method.Adjust;
import io.daybreak.core.method.InvalidParameterException;
import io.daybreak.core.method.Method;
import io.daybreak.core.method.MethodContext;
import io.daybreak.core.method.MethodDescriptor;
import io.daybreak.core.method.MethodResult;
import io.daybreak.core.method.SettingsMethod;
import io.daybreak.core.method.TableSpec;
import io.daybreak.data.ColumnType;
import io.daybreak.data.Table;
import io.daybreak.stats.models.columns.SiteSplit;
import io.daybreak.stats.models.survival.SurvivalInput;

/**
 * {@code stats.table}: counts of one column or of two crossed, with Pearson's χ² test of independence (as R's
 * {@code table} and {@code chisq.test}). With {@code siteColumn}, each site's table is built on its own levels
 * (numbers or text) and the tables are added, as the federated analysis does.
 */
@Component(service = Method.class)
public final class TableMethod extends SettingsMethod<TableMethod.TableSettings> {
    /** What stats.table takes: the table's columns, and a site split that adds the sites' own tables. */
    record TableSettings(Crosstab table,
            @Adjust(name = "siteColumn",
                    doc = "build each site's table on its own levels and add them (the federated computation)")
            SiteSplit split) {
    }

    public TableMethod() {
        super(TableSettings.class, MethodDescriptor.builder("stats.table",
                "Contingency table with Pearson's chi-squared test")
                .category("statistics")
                .reference("Pearson, Phil Mag 50:157 (1900); Yates, JRSS Suppl 1:217 (1934); R chisq.test")
                .description("Counts of one categorical column or two crossed (missing values not counted), and for "
                        + "two columns Pearson's chi-squared test of independence, with Yates' correction for 2 x 2.")
                .input(SurvivalInput.DATA)
                .output(TableSpec.of("table", "one row per cell", column("row", STRING), column("column", STRING),
                        column("count", INT64))));
    }

    @Override
    protected MethodResult run(Map<String, Table> inputs, TableSettings settings, MethodContext context) {
        Table data = SurvivalInput.data(inputs.get("data"));
        Crosstab asked = settings.table();
        CategoricalColumn rows = read(data, "rows", asked.rows());
        CategoricalColumn columns = asked.columns() != null ? read(data, "columns", asked.columns()) : null;
        ContingencyTable table;
        if (settings.split().split()) {
            CategoricalColumn site = read(data, "siteColumn", settings.split().siteColumn());
            table = null;
            for (String value : site.levels()) {
                int[] rowsOfSite = java.util.stream.IntStream.range(0, data.rowCount())
                        .filter(i -> value.equals(site.labels()[i])).toArray();
                ContingencyTable part = tabulate(subset(rows, rowsOfSite), columns == null ? null
                        : subset(columns, rowsOfSite));
                table = table == null ? part : table.plus(part, order(rows), columns == null ? null : order(columns));
            }
        } else {
            table = tabulate(rows, columns);
        }
        Map<String, Object> summary = table.summary(asked.correct(), data.rowCount() - table.total());
        MethodResult.Builder result = MethodResult.builder().output("table", cells(table, context));
        summary.forEach(result::summary);
        return result.build();
    }

    /** A site's table over the levels present at the site, as the federated site step tabulates. */
    private static ContingencyTable tabulate(CategoricalColumn rows, CategoricalColumn columns) {
        return ContingencyTable.tabulate(rows.labels(), rows.levels(), columns == null ? null : columns.labels(),
                columns == null ? null : columns.levels());
    }

    private static java.util.Comparator<String> order(CategoricalColumn column) {
        return LevelOrder.of(column.numeric());
    }

    private static CategoricalColumn subset(CategoricalColumn column, int[] rows) {
        return new CategoricalColumn(column.name(), Arrays.stream(rows).mapToObj(i -> column.labels()[i])
                .toArray(String[]::new), column.numeric());
    }

    private static CategoricalColumn read(Table data, String parameter, String name) {
        try {
            return CategoricalColumn.read(data, name);
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterException("parameter '" + parameter + "': " + e.getMessage());
        }
    }

    private static Table cells(ContingencyTable table, MethodContext context) {
        List<Object> row = new ArrayList<>();
        List<Object> column = new ArrayList<>();
        List<Object> count = new ArrayList<>();
        for (int r = 0; r < table.rowLevels().size(); r++) {
            for (int c = 0; c < table.columnLevels().size(); c++) {
                row.add(table.rowLevels().get(r));
                column.add(table.columnLevels().get(c));
                count.add(table.count(r, c));
            }
        }
        return Table.builder(context.allocator()).add("row", ColumnType.STRING, row)
                .add("column", ColumnType.STRING, column).add("count", ColumnType.INT64, count).build();
    }
}
