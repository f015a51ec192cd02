package io.daybreak.ide.views;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Text;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeColumn;
import org.eclipse.swt.widgets.TreeItem;

import io.daybreak.core.registry.MethodRegistry;
import io.daybreak.core.registry.RegisteredMethod;

/**
 * The method catalog: installed methods grouped by category, with id, version, bundle and title. It shows
 * what the {@link MethodRegistry} holds; {@link #refresh()} re-reads it (the part calls it when a method
 * service comes or goes, so installing or uninstalling a bundle shows at once). The filter box above it keeps the
 * methods whose id, title, category or description contain every word typed.
 */
public final class CatalogView {
    private final Tree tree;
    private final Text filter;
    private final MethodRegistry registry;
    private Consumer<RegisteredMethod> selection = method -> { };

    public CatalogView(Composite parent, MethodRegistry registry) {
        this.registry = registry;
        Composite area = new Composite(parent, SWT.NONE);
        area.setLayout(new GridLayout(1, false));
        filter = new Text(area, SWT.SEARCH | SWT.ICON_SEARCH | SWT.ICON_CANCEL);
        filter.setMessage("filter: survival, cox, dose, boin ...");
        filter.setToolTipText("Shows the methods whose id, title, category or description contain every word typed");
        filter.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        filter.addListener(SWT.Modify, event -> refresh());
        tree = new Tree(area, SWT.BORDER | SWT.SINGLE | SWT.FULL_SELECTION);
        tree.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        tree.setHeaderVisible(true);
        tree.setLinesVisible(true);
        for (String[] column : new String[][] {{"Method", "220"}, {"Version", "150"}, {"Bundle", "220"}, {"Title", "380"}}) {
            TreeColumn treeColumn = new TreeColumn(tree, SWT.LEFT);
            treeColumn.setText(column[0]);
            treeColumn.setWidth(Integer.parseInt(column[1]));
        }
        tree.addListener(SWT.Selection, event -> {
            if (event.item instanceof TreeItem item && item.getData() instanceof RegisteredMethod method) {
                selection.accept(method);
            }
        });
        refresh();
    }

    /** Called with the method the user selects. */
    public void onSelect(Consumer<RegisteredMethod> listener) {
        this.selection = listener;
    }

    /** Re-reads the registry (on the UI thread), keeping the selected method selected if it is still there. */
    public void refresh() {
        if (tree.isDisposed()) {
            return;
        }
        String selected = selectedId();
        tree.setRedraw(false);
        try {
            tree.removeAll();
            Map<String, List<RegisteredMethod>> byCategory = new TreeMap<>();
            for (RegisteredMethod method : registry.methods()) {
                if (!matches(method)) {
                    continue;
                }
                byCategory.computeIfAbsent(method.descriptor().category(), k -> new java.util.ArrayList<>()).add(method);
            }
            byCategory.forEach((category, methods) -> {
                TreeItem group = new TreeItem(tree, SWT.NONE);
                group.setText(new String[] {category + " (" + methods.size() + ")", "", "", ""});
                for (RegisteredMethod method : methods) {
                    TreeItem item = new TreeItem(group, SWT.NONE);
                    item.setText(new String[] {method.id(), method.version(), method.bundleSymbolicName(),
                        method.descriptor().title()});
                    item.setData(method);
                    if (method.id().equals(selected)) {
                        tree.setSelection(item);
                    }
                }
                group.setExpanded(true);
            });
        } finally {
            tree.setRedraw(true);
        }
    }

    /** Filters the catalog as if typed in the filter box. */
    public void filter(String text) {
        filter.setText(text);
    }

    private boolean matches(RegisteredMethod method) {
        var d = method.descriptor();
        String text = (d.id() + " " + d.title() + " " + d.category() + " " + d.description()).toLowerCase(Locale.ROOT);
        for (String word : filter.getText().toLowerCase(Locale.ROOT).split("\\s+")) {
            if (!word.isEmpty() && !text.contains(word)) {
                return false;
            }
        }
        return true;
    }

    /** The ids shown, in order (categories excluded). */
    public List<String> methodIds() {
        List<String> ids = new java.util.ArrayList<>();
        for (TreeItem group : tree.getItems()) {
            for (TreeItem item : group.getItems()) {
                ids.add(item.getText(0));
            }
        }
        return ids;
    }

    /** Selects a method as a user would, notifying the listener; false if it is not shown. */
    public boolean select(String id) {
        for (TreeItem group : tree.getItems()) {
            for (TreeItem item : group.getItems()) {
                if (item.getText(0).equals(id)) {
                    tree.setSelection(item);
                    selection.accept((RegisteredMethod) item.getData());
                    return true;
                }
            }
        }
        return false;
    }

    public Tree tree() {
        return tree;
    }

    private String selectedId() {
        TreeItem[] items = tree.getSelection();
        return items.length == 1 && items[0].getData() instanceof RegisteredMethod method ? method.id() : null;
    }
}
