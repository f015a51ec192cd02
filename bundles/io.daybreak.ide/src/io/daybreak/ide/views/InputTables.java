package io.daybreak.ide.views;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.apache.arrow.memory.BufferAllocator;
import org.eclipse.swt.SWT;
import org.eclipse.swt.dnd.DND;
import org.eclipse.swt.dnd.DropTarget;
import org.eclipse.swt.dnd.DropTargetAdapter;
import org.eclipse.swt.dnd.DropTargetEvent;
import org.eclipse.swt.dnd.FileTransfer;
import org.eclipse.swt.dnd.Transfer;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;

import io.daybreak.core.method.MethodDescriptor;
import io.daybreak.core.method.TableSpec;

/**
 * The input tables of the method shown in the parameter form: one {@link InputPicker} per {@link TableSpec} of
 * {@link MethodDescriptor#inputs()}, and drag and drop of CSV/Arrow files onto the form. It owns the pickers and
 * so the tables they read; a table stays chosen when the user switches to a method with an input of the same
 * name (the reference moves to the new picker). UI thread only.
 */
public final class InputTables {
    private final Composite area;
    private final Supplier<BufferAllocator> allocator;
    private final RecentFiles recent;
    private final Runnable changed;
    private final Map<String, InputPicker> pickers = new LinkedHashMap<>();

    InputTables(Composite parent, Supplier<BufferAllocator> allocator, RecentFiles recent, Runnable changed) {
        this.allocator = allocator;
        this.recent = recent;
        this.changed = changed;
        area = new Composite(parent, SWT.NONE);
        area.setLayout(new GridLayout(4, false));
        area.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        show(List.of());
    }

    /** Replaces the pickers with one per input table; tables of inputs with the same name are kept. */
    void show(List<TableSpec> inputs) {
        Map<String, LoadedTable> kept = new LinkedHashMap<>();
        pickers.forEach((name, picker) -> {
            if (picker.loaded() != null) {
                kept.put(name, picker.loaded().lease());
            }
        });
        for (Control child : area.getChildren()) {
            child.dispose();
        }
        pickers.clear();
        for (TableSpec spec : inputs) {
            InputPicker picker = new InputPicker(area, spec, allocator, recent, changed);
            pickers.put(spec.name(), picker);
            LoadedTable table = kept.remove(spec.name());
            if (table != null) {
                picker.adopt(table);
            }
        }
        kept.values().forEach(LoadedTable::release);
        GridData layout = (GridData) area.getLayoutData();
        layout.exclude = inputs.isEmpty();
        area.setVisible(!inputs.isEmpty());
    }

    /** Gives back the tables of all pickers and removes them (the view is going). */
    public void release() {
        if (area.isDisposed()) {
            // the pickers' widgets went first, and each gave its table back as it was disposed
            pickers.clear();
            return;
        }
        show(List.of());
    }

    /** Lets CSV/Arrow files dropped on the control be chosen (the first free input takes the first file). */
    void acceptDrops(Control control) {
        DropTarget target = new DropTarget(control, DND.DROP_COPY | DND.DROP_LINK | DND.DROP_DEFAULT);
        target.setTransfer(new Transfer[] {FileTransfer.getInstance()});
        target.addDropListener(new DropTargetAdapter() {
            @Override
            public void dragEnter(DropTargetEvent event) {
                event.detail = pickers.isEmpty() ? DND.DROP_NONE : DND.DROP_COPY;
            }

            @Override
            public void drop(DropTargetEvent event) {
                if (event.data instanceof String[] files) {
                    dropped(files);
                }
            }
        });
    }

    /**
     * Files dropped on the form, as a drop delivers them: each goes to the next input without a table (the first
     * input when all have one).
     */
    public void dropped(String... files) {
        for (String file : files) {
            InputPicker free = pickers.values().stream().filter(p -> p.loaded() == null && !p.loading()).findFirst()
                    .orElse(pickers.values().stream().findFirst().orElse(null));
            if (free == null) {
                return;
            }
            free.choose(Path.of(file));
        }
    }

    /** The picker of an input, or null. */
    public InputPicker picker(String name) {
        return pickers.get(name);
    }

    /** The column names of the chosen tables, in input order, each once. */
    List<String> columns() {
        Set<String> names = new LinkedHashSet<>();
        pickers.values().forEach(p -> names.addAll(p.columns()));
        return new ArrayList<>(names);
    }

    /** Whether the column holds numbers in a chosen table that has it. */
    boolean numeric(String column) {
        return pickers.values().stream().map(InputPicker::loaded)
                .anyMatch(t -> t != null && t.columns().contains(column) && t.numeric(column));
    }

    /** The first input's problem (a required table missing, unreadable or without a needed column), or "". */
    String problem() {
        return pickers.values().stream().map(InputPicker::problem).filter(p -> !p.isEmpty()).findFirst().orElse("");
    }

    /** One more reference to every chosen table, by input name, for a run; the run releases them. */
    Map<String, LoadedTable> lease() {
        Map<String, LoadedTable> leased = new LinkedHashMap<>();
        pickers.forEach((name, picker) -> {
            if (picker.loaded() != null) {
                leased.put(name, picker.loaded().lease());
            }
        });
        return leased;
    }

    /** The chosen files by input name (for study files). */
    Map<String, Path> files() {
        Map<String, Path> files = new LinkedHashMap<>();
        pickers.forEach((name, picker) -> {
            if (picker.loaded() != null) {
                files.put(name, picker.loaded().file());
            }
        });
        return files;
    }

    Composite control() {
        return area;
    }
}
