package io.daybreak.ide.views;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.apache.arrow.memory.BufferAllocator;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;

import io.daybreak.core.method.TableSpec;
import io.daybreak.data.files.TableFiles;

/**
 * The picker of one input table of a method: a file chosen with Browse... (a file dialog), from the recent files,
 * or dropped onto the form; the table is read in the background ("reading file.csv\u2026" is shown and the input
 * blocks Run meanwhile), then its name, rows and columns are shown, or the reason it cannot be used (unreadable
 * file, a column the spec requires missing).
 *
 * <p>Ownership: the worker thread that reads a table owns it until it hands it to the picker on the UI thread; a
 * table whose choice was replaced by a newer one, or whose picker was disposed meanwhile, is closed there and never
 * shown. The picker owns the {@link LoadedTable} it shows (one reference), released when another file is chosen or
 * the picker is disposed; runs lease their own reference. UI thread only, but for the read itself.
 */
public final class InputPicker {
    private final TableSpec spec;
    private final Supplier<BufferAllocator> allocator;
    private final RecentFiles recent;
    private final Runnable changed;
    private final Combo file;
    private final Label summary;
    private LoadedTable loaded;
    private String problem = "";
    /** The file being read in the background for the latest choice, or null. */
    private Path loading;
    /** Counts choices: a read whose choice is no longer the latest closes its table instead of showing it. */
    private int generation;
    /** Reads still running or not yet handed over (or closed), including replaced ones. */
    private final AtomicInteger inFlight = new AtomicInteger();

    /**
     * Adds the picker's widgets to a parent with a 4-column grid: the input's name, the file and Browse..., and on a
     * second line the table's shape.
     *
     * @param allocator where tables are read (a child allocator per table); null when the form has none
     * @param changed   called after a file was chosen (the form re-validates)
     */
    InputPicker(Composite parent, TableSpec spec, Supplier<BufferAllocator> allocator, RecentFiles recent,
            Runnable changed) {
        this.spec = spec;
        this.allocator = allocator;
        this.recent = recent;
        this.changed = changed;
        Label name = new Label(parent, SWT.NONE);
        name.setText(spec.name() + (spec.required() ? " *" : "") + " (table)");
        name.setToolTipText(tooltip());
        Composite row = new Composite(parent, SWT.NONE);
        GridLayout rowLayout = new GridLayout(2, false);
        rowLayout.marginWidth = 0;
        rowLayout.marginHeight = 0;
        row.setLayout(rowLayout);
        row.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 3, 1));
        // the combo lists the recent files; choosing one reads it, typing a path and Enter too
        file = new Combo(row, SWT.DROP_DOWN);
        GridData fileLayout = new GridData(SWT.FILL, SWT.CENTER, true, false);
        fileLayout.widthHint = 420;
        file.setLayoutData(fileLayout);
        file.setToolTipText(tooltip());
        file.setItems(recent.list().stream().map(Path::toString).toArray(String[]::new));
        file.addListener(SWT.Selection, event -> chooseTyped());
        file.addListener(SWT.DefaultSelection, event -> chooseTyped());
        Button browse = new Button(row, SWT.PUSH);
        browse.setText("Browse...");
        browse.setToolTipText("Choose a CSV, Arrow or Dataset-JSON file (" + TableFiles.SUPPORTED + ")");
        browse.addListener(SWT.Selection, event -> browse());
        // the table's shape on a line of its own under the file, where a long column list can wrap
        new Label(parent, SWT.NONE);
        summary = new Label(parent, SWT.WRAP);
        GridData summaryLayout = new GridData(SWT.FILL, SWT.TOP, true, false, 3, 1);
        summaryLayout.widthHint = 520;
        summary.setLayoutData(summaryLayout);
        summary.setText(spec.required() ? "choose a file, or drop one here" : "optional");
        file.addListener(SWT.Dispose, event -> {
            // a read still running closes its table when it ends (its choice is stale then)
            generation++;
            loading = null;
            release();
        });
    }

    private String tooltip() {
        return (spec.doc().isEmpty() ? "" : spec.doc() + "\n") + "Columns it needs: " + spec.describe()
                + "\nCSV, Arrow or Dataset-JSON (" + TableFiles.SUPPORTED + "); drop a file onto the form to choose it";
    }

    private void browse() {
        FileDialog dialog = new FileDialog(file.getShell(), SWT.OPEN);
        dialog.setText("Input table '" + spec.name() + "'");
        dialog.setFilterExtensions(new String[] {"*.csv;*.arrow;*.feather;*.ipc;*.arrows;*.json;*.xpt", "*.*"});
        dialog.setFilterNames(new String[] {"Tables (CSV, Arrow)", "All files"});
        if (loaded != null && loaded.file().getParent() != null) {
            dialog.setFilterPath(loaded.file().getParent().toString());
        } else if (!recent.list().isEmpty() && recent.list().get(0).getParent() != null) {
            dialog.setFilterPath(recent.list().get(0).getParent().toString());
        }
        String chosen = dialog.open();
        if (chosen != null) {
            choose(Path.of(chosen));
        }
    }

    private void chooseTyped() {
        String text = file.getText().strip();
        if (!text.isEmpty() && (loaded == null || !loaded.file().toString().equals(text))
                && (loading == null || !loading.toString().equals(text))) {
            choose(Path.of(text));
        }
    }

    /**
     * Reads a file as the table of this input, as the file dialog, the recent list and a drop do: in the background,
     * the picker saying "reading file\u2026" and blocking Run until the table is there. The table read before is
     * released at once; a file that cannot be read leaves no table and says why. A newer choice made while the read
     * runs wins: the older table is closed when its read ends, never shown.
     */
    public void choose(Path path) {
        Path chosen = path.toAbsolutePath().normalize();
        release();
        int mine = ++generation;
        loading = chosen;
        file.setText(chosen.toString());
        summary.setText("reading " + chosen.getFileName() + "\u2026");
        summary.setForeground(null);
        summary.getParent().layout(true);
        // the form re-validates: Run stays disabled while the table is read
        changed.run();
        BufferAllocator parent = allocator.get();
        if (parent == null) {
            failed(mine, new IllegalStateException("this form has no Arrow allocator to read tables into"));
            return;
        }
        Display display = file.getDisplay();
        inFlight.incrementAndGet();
        Thread worker = new Thread(() -> read(display, chosen, parent, mine), "daybreak-ide-read " + chosen.getFileName());
        worker.setDaemon(true);
        worker.start();
    }

    /** On the worker: reads the file, then hands the table (or the failure) to the UI thread. */
    private void read(Display display, Path chosen, BufferAllocator parent, int mine) {
        LoadedTable table = null;
        RuntimeException failure = null;
        try {
            table = LoadedTable.read(chosen, parent);
        } catch (RuntimeException e) {
            failure = e;
        }
        LoadedTable read = table;
        RuntimeException error = failure;
        try {
            display.asyncExec(() -> {
                try {
                    if (read != null) {
                        loaded(mine, read);
                    } else {
                        failed(mine, error);
                    }
                } finally {
                    inFlight.decrementAndGet();
                }
            });
        } catch (RuntimeException displayGone) {
            // the display was disposed: nobody will take the table
            if (read != null) {
                read.release();
            }
            inFlight.decrementAndGet();
        }
    }

    /** On the UI thread: takes over a table read in the background, unless its choice is stale or the picker gone. */
    private void loaded(int mine, LoadedTable table) {
        if (file.isDisposed() || mine != generation) {
            table.release();
            return;
        }
        loading = null;
        loaded = table;
        problem = checked();
        summary.setText(describe(loaded));
        Path chosen = table.file();
        if (Files.isRegularFile(chosen)) {
            recent.add(chosen);
            file.setItems(recent.list().stream().map(Path::toString).toArray(String[]::new));
            file.setText(chosen.toString());
        }
        shown();
    }

    /** On the UI thread: shows why the latest choice cannot be read (a stale choice's failure is dropped). */
    private void failed(int mine, RuntimeException e) {
        if (file.isDisposed() || mine != generation) {
            return;
        }
        loading = null;
        problem = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        summary.setText(problem);
        shown();
    }

    private void shown() {
        summary.setForeground(problem.isEmpty() ? null : summary.getDisplay().getSystemColor(SWT.COLOR_DARK_RED));
        summary.getParent().layout(true);
        changed.run();
    }

    /** Whether a file chosen is still being read. */
    public boolean loading() {
        return loading != null;
    }

    /** Reads started by this picker that have not yet handed over or closed their table (replaced ones too). */
    public int readsInFlight() {
        return inFlight.get();
    }

    /**
     * Takes over a table another picker read for an input of the same name (the user switched methods): the
     * caller hands over one reference. The table is checked against this input's spec.
     */
    void adopt(LoadedTable table) {
        release();
        generation++;
        loading = null;
        loaded = table;
        file.setText(table.file().toString());
        problem = checked();
        summary.setText(describe(table));
        summary.setForeground(problem.isEmpty() ? null : summary.getDisplay().getSystemColor(SWT.COLOR_DARK_RED));
    }

    /** The table's file name, rows and columns, and what the spec misses in it. */
    private String describe(LoadedTable table) {
        return table.file().getFileName() + ": " + table.rows() + " rows, " + table.columns().size() + " columns ("
                + String.join(", ", table.columns()) + ")" + (problem.isEmpty() ? "" : "\n" + problem);
    }

    /** The spec's required columns missing from the table (with their types), or "". */
    private String checked() {
        try {
            spec.checkInput(loaded.table());
            return "";
        } catch (RuntimeException e) {
            return e.getMessage();
        }
    }

    /** The input's spec. */
    public TableSpec spec() {
        return spec;
    }

    /** The table read, or null. */
    public LoadedTable loaded() {
        return loaded;
    }

    /** Why the input cannot be used ("" when it can, or when it is optional and empty). */
    public String problem() {
        if (loading != null) {
            return "input '" + spec.name() + "': reading " + loading.getFileName() + "\u2026";
        }
        if (loaded == null && problem.isEmpty() && spec.required()) {
            return "input '" + spec.name() + "' needs a table: choose a file";
        }
        return problem;
    }

    /** The column names of the table read (empty without one). */
    public List<String> columns() {
        return loaded == null ? List.of() : loaded.columns();
    }

    /** The summary line shown (file, rows, columns, or the problem). */
    public String summaryText() {
        return summary.getText();
    }

    private void release() {
        if (loaded != null) {
            loaded.release();
            loaded = null;
        }
        problem = "";
    }
}
