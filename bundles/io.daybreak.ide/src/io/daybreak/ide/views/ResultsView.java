package io.daybreak.ide.views;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.MessageBox;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.TabFolder;
import org.eclipse.swt.widgets.TabItem;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;

import io.daybreak.core.provenance.ProvenanceRecord;
import io.daybreak.data.NumberText;
import io.daybreak.core.jobs.RunResult;
import io.daybreak.data.ColumnType;
import io.daybreak.data.Table;
import io.daybreak.data.files.TableFiles;

/**
 * A run's results: the summary as name/value rows and its output tables in a virtual table (rows are
 * materialised only when scrolled into view, so a million-row Arrow table scrolls as fast as a small one).
 * The view owns the result it shows and closes it when another is shown or the view goes away.
 */
public final class ResultsView {
    private final Composite area;
    private final Label heading;
    private final org.eclipse.swt.widgets.Table summary;
    private final Combo outputs;
    private final org.eclipse.swt.widgets.Table rows;
    private final TabFolder tabs;
    private final ChartCanvas chart;
    private final TabItem chartTab;
    private RunResult shown;
    private Table table;

    public ResultsView(Composite parent) {
        area = new Composite(parent, SWT.NONE);
        area.setLayout(new GridLayout(1, false));
        heading = new Label(area, SWT.WRAP);
        heading.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        heading.setText("No results yet.");
        SashForm split = new SashForm(area, SWT.VERTICAL);
        split.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        summary = new org.eclipse.swt.widgets.Table(split, SWT.BORDER | SWT.FULL_SELECTION);
        summary.setHeaderVisible(true);
        for (String name : List.of("Result", "Value")) {
            TableColumn column = new TableColumn(summary, SWT.LEFT);
            column.setText(name);
            column.setWidth(name.equals("Result") ? 200 : 600);
        }
        tabs = new TabFolder(split, SWT.TOP);
        Composite tables = new Composite(tabs, SWT.NONE);
        tables.setLayout(new GridLayout(1, false));
        TabItem tableTab = new TabItem(tabs, SWT.NONE);
        tableTab.setText("&Table");
        tableTab.setControl(tables);
        chart = new ChartCanvas(tabs);
        chartTab = new TabItem(tabs, SWT.NONE);
        chartTab.setText("C&hart");
        chartTab.setControl(chart.control());
        Composite bar = new Composite(tables, SWT.NONE);
        bar.setLayout(new GridLayout(2, false));
        outputs = new Combo(bar, SWT.READ_ONLY);
        outputs.addListener(SWT.Selection, event -> showTable(outputs.getText()));
        Button export = new Button(bar, SWT.PUSH);
        export.setText("&Export...");
        export.setToolTipText("Save the shown table as a data file (" + TableFiles.SUPPORTED + ")");
        export.addListener(SWT.Selection, event -> exportWithDialog());
        Composite holder = new Composite(tables, SWT.NONE);
        holder.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        holder.setLayout(new FillLayout());
        rows = new org.eclipse.swt.widgets.Table(holder, SWT.BORDER | SWT.VIRTUAL | SWT.FULL_SELECTION | SWT.MULTI);
        rows.setHeaderVisible(true);
        rows.setLinesVisible(true);
        rows.addListener(SWT.SetData, event -> {
            TableItem item = (TableItem) event.item;
            // the event's index, not rows.indexOf(item): that searches the items, slow deep in a million rows
            int row = event.index;
            List<String> names = table.columnNames();
            for (int c = 0; c < names.size(); c++) {
                item.setText(c, cell(table, names.get(c), row));
            }
        });
        split.setWeights(1, 2);
        area.addListener(SWT.Dispose, event -> closeShown());
    }

    /** A summary table (a list of rows with the same keys, e.g. a coefficient table), or null. */
    private static java.util.List<Map<?, ?>> rowsOf(Object value) {
        if (!(value instanceof java.util.List<?> list) || list.isEmpty()
                || !list.stream().allMatch(Map.class::isInstance)) {
            return null;
        }
        return list.stream().<Map<?, ?>>map(row -> (Map<?, ?>) row).toList();
    }

    /** A summary table as one line per row: its first value (the term or test), then "key value" pairs. */
    private void addRows(String key, java.util.List<Map<?, ?>> rows) {
        TableItem header = new TableItem(summary, SWT.NONE);
        header.setText(new String[] {key, rows.size() + " rows"});
        for (Map<?, ?> row : rows) {
            java.util.List<String> cells = new java.util.ArrayList<>();
            Object first = null;
            for (Map.Entry<?, ?> cell : row.entrySet()) {
                if (first == null) {
                    first = cell.getValue();
                } else {
                    cells.add(cell.getKey() + " " + NumberText.text(cell.getValue()));
                }
            }
            TableItem item = new TableItem(summary, SWT.NONE);
            item.setText(new String[] {"  " + NumberText.text(first), String.join(", ", cells)});
        }
    }

    /** Shows a result; the view takes ownership and closes it later. */
    public void show(String title, RunResult result) {
        closeShown();
        shown = result;
        heading.setText(title);
        summary.removeAll();
        for (Map.Entry<String, Object> entry : result.summary().entrySet()) {
            if (rowsOf(entry.getValue()) != null) {
                addRows(entry.getKey(), rowsOf(entry.getValue()));
                continue;
            }
            TableItem item = new TableItem(summary, SWT.NONE);
            item.setText(new String[] {entry.getKey(), NumberText.text(entry.getValue())});
        }
        outputs.removeAll();
        result.outputs().keySet().forEach(outputs::add);
        if (outputs.getItemCount() > 0) {
            outputs.select(0);
            showTable(outputs.getItem(0));
        } else {
            showTable(null);
        }
        area.layout(true, true);
    }

    private void showTable(String name) {
        rows.setItemCount(0);
        for (TableColumn column : rows.getColumns()) {
            column.dispose();
        }
        table = name == null ? null : shown.output(name);
        // the method (and a GLM's family) tells log ratios, drawn exponentiated on a log axis, from other coefficients
        ProvenanceRecord provenance = shown == null ? null : shown.provenance();
        Object family = provenance == null ? null : provenance.parameters().get("family");
        Object timeUnit = provenance == null ? null : provenance.parameters().get("timeUnit");
        // the group column the method used (an ADaM table's treatment by default) and a text column's labels
        Object groupColumn = shown == null ? null : shown.summary().get("groupColumn");
        Object groupBy = groupColumn != null ? groupColumn : provenance == null ? null : provenance.parameters().get("groupBy");
        Object labels = shown == null ? null : shown.summary().get("groupLabels");
        List<String> groupLabels = labels instanceof List<?> list ? list.stream().map(String::valueOf).toList() : null;
        // a design's true MTD (1-based; 0 for none) is marked on its dose in the operating characteristics
        Object trueMtd = shown == null ? null : shown.summary().get("trueMtd");
        chart.show(Chart.of(provenance == null ? null : provenance.methodId(), family == null ? null : family.toString(),
                table, timeUnit == null ? null : timeUnit.toString(), groupBy == null ? null : groupBy.toString(),
                groupLabels, trueMtd instanceof Number n ? n.longValue() : 0,
                provenance == null ? Map.of() : provenance.parameters()));
        if (chart.chart() != null) {
            tabs.setSelection(chartTab);
        }
        if (table == null) {
            return;
        }
        for (String column : table.columnNames()) {
            TableColumn tableColumn = new TableColumn(rows, SWT.RIGHT);
            tableColumn.setText(column + " (" + table.columnType(column).alias() + ")");
            tableColumn.setWidth(130);
        }
        rows.setRedraw(false);
        try {
            rows.setItemCount(table.rowCount());
        } finally {
            rows.setRedraw(true);
        }
    }

    private void exportWithDialog() {
        if (table == null) {
            return;
        }
        FileDialog dialog = new FileDialog(area.getShell(), SWT.SAVE);
        dialog.setFilterExtensions(java.util.Arrays.stream(TableFiles.SUPPORTED.split(",\\s*")).map(e -> "*" + e)
                .toArray(String[]::new));
        dialog.setFileName(outputs.getText() + ".csv");
        dialog.setOverwrite(true);
        String file = dialog.open();
        if (file == null) {
            return;
        }
        try {
            export(Path.of(file));
        } catch (IOException | RuntimeException e) {
            MessageBox box = new MessageBox(area.getShell(), SWT.ICON_ERROR | SWT.OK);
            box.setText("Export failed");
            box.setMessage(file + ": " + e.getMessage());
            box.open();
        }
    }

    /** Writes the shown output table to a file; the format follows the extension (CSV or Arrow). */
    public void export(Path file) throws IOException {
        if (table == null) {
            throw new IllegalStateException("no table is shown");
        }
        TableFiles.write(table, file);
    }

    /** The chart of the shown output table, or null when it has none. */
    public Chart chart() {
        return chart.chart();
    }

    /** The shown output table's number of rows (0 when none). */
    public int rowCount() {
        return rows.getItemCount();
    }

    /** The heading: the shown run's title. */
    public String title() {
        return heading.getText();
    }

    /** The text of a summary entry, or null. */
    public String summaryValue(String key) {
        for (TableItem item : summary.getItems()) {
            if (item.getText(0).equals(key)) {
                return item.getText(1);
            }
        }
        return null;
    }

    /** Scrolls the table so that this row is the first visible one, as the scroll bar would. */
    public void scrollTo(int row) {
        rows.setTopIndex(row);
    }

    /** How many rows the table shows at once. */
    public int visibleRowCount() {
        return Math.max(1, (rows.getClientArea().height - rows.getHeaderHeight()) / rows.getItemHeight());
    }

    /** The first visible row. */
    public int topRow() {
        return rows.getTopIndex();
    }

    /** Paints the table now (the rows in view ask for their cells). */
    public void paintNow() {
        rows.redraw();
        rows.update();
    }

    /** The text of a cell of the shown output table. */
    public String cellText(int row, int column) {
        return rows.getItem(row).getText(column);
    }

    private void closeShown() {
        if (shown != null) {
            shown.close();
            shown = null;
            table = null;
        }
    }

    private static String cell(Table table, String column, int row) {
        ColumnType type = table.columnType(column);
        return switch (type) {
        case STRING -> table.strings(column).isNull(row) ? "" : table.strings(column).get(row);
        case BOOLEAN -> table.booleans(column).isNull(row) ? "" : String.valueOf(table.booleans(column).get(row));
        case INT64, INT32 -> table.longs(column).isNull(row) ? "" : Long.toString(table.longs(column).get(row));
        case FLOAT64 -> table.doubles(column).isNull(row) ? "" : NumberText.text(table.doubles(column).get(row));
        };
    }

    public Composite control() {
        return area;
    }
}
