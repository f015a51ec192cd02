package io.daybreak.ide.views;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Version;

import io.daybreak.ide.bundles.BundleInstaller;
import io.daybreak.ide.bundles.P2Repository;

/**
 * Install from a p2 repository: the researcher gives a repository (folder or http(s) address), sees its bundles
 * with the version installed here, filters by name, ticks the ones to install (or update) and installs them; each
 * jar's SHA-256 is checked against the repository before it is installed. Network and install work runs off the
 * UI thread.
 */
public final class RepositoryInstallView {
    private final Composite area;
    private final Text location;
    private final Text filter;
    private final Table table;
    private final Button install;
    private final Label status;
    private final BundleContext context;
    private final Path downloads;
    private final List<P2Repository.Artifact> shown = new ArrayList<>();
    private P2Repository repository;
    private boolean working;

    /**
     * @param downloads where downloaded jars are kept (the installed bundles' locations)
     */
    public RepositoryInstallView(Composite parent, BundleContext context, Path downloads) {
        this.context = context;
        this.downloads = downloads;
        area = new Composite(parent, SWT.NONE);
        area.setLayout(new GridLayout(3, false));
        new Label(area, SWT.NONE).setText("&Repository");
        location = new Text(area, SWT.BORDER);
        location.setMessage("a folder or https://... of a p2 repository (update site)");
        location.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        location.addListener(SWT.DefaultSelection, event -> load());
        Button load = new Button(area, SWT.PUSH);
        load.setText("&Load");
        load.addListener(SWT.Selection, event -> load());
        new Label(area, SWT.NONE).setText("&Filter");
        filter = new Text(area, SWT.BORDER | SWT.SEARCH);
        filter.setMessage("part of a bundle name, e.g. daybreak");
        filter.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        filter.addListener(SWT.Modify, event -> fill());
        table = new Table(area, SWT.BORDER | SWT.CHECK | SWT.FULL_SELECTION | SWT.V_SCROLL);
        table.setHeaderVisible(true);
        GridData tableLayout = new GridData(SWT.FILL, SWT.FILL, true, true, 3, 1);
        tableLayout.heightHint = 260;
        table.setLayoutData(tableLayout);
        for (String[] column : new String[][] {{"Bundle", "360"}, {"Version", "200"}, {"Installed here", "200"}}) {
            TableColumn tableColumn = new TableColumn(table, SWT.LEFT);
            tableColumn.setText(column[0]);
            tableColumn.setWidth(Integer.parseInt(column[1]));
        }
        table.addListener(SWT.Selection, event -> enable());
        status = new Label(area, SWT.WRAP);
        status.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        install = new Button(area, SWT.PUSH);
        install.setText("&Install Selected");
        install.setEnabled(false);
        install.addListener(SWT.Selection, event -> installChecked());
    }

    /** Reads the repository at the given place, as if typed and Load pressed. */
    public void load(String where) {
        location.setText(where);
        load();
    }

    private void load() {
        String where = location.getText();
        begin("reading " + where.strip() + "...");
        Background.run(area, () -> P2Repository.open(where), opened -> {
            repository = opened;
            end(opened.bundles().size() + " bundle(s) in " + opened.location());
            fill();
        }, this::failed);
    }

    private void fill() {
        table.removeAll();
        shown.clear();
        if (repository == null) {
            return;
        }
        Map<String, Version> installed = new HashMap<>();
        for (Bundle bundle : context.getBundles()) {
            installed.merge(bundle.getSymbolicName(), bundle.getVersion(), (a, b) -> a.compareTo(b) >= 0 ? a : b);
        }
        String part = filter.getText().strip().toLowerCase(Locale.ROOT);
        for (P2Repository.Artifact artifact : repository.bundles()) {
            if (!artifact.id().toLowerCase(Locale.ROOT).contains(part)) {
                continue;
            }
            Version here = installed.get(artifact.id());
            TableItem item = new TableItem(table, SWT.NONE);
            item.setText(new String[] {artifact.id(), artifact.version(), here == null ? "-" : here.toString()});
            shown.add(artifact);
        }
        enable();
    }

    /** Ticks the bundles with these symbolic names (as a user would), among those shown. */
    public void check(String... ids) {
        List<String> wanted = List.of(ids);
        for (int i = 0; i < shown.size(); i++) {
            table.getItem(i).setChecked(wanted.contains(shown.get(i).id()));
        }
        enable();
    }

    /** Installs (or updates) the ticked bundles: downloaded and checked first, then installed and started. */
    public void installChecked() {
        List<P2Repository.Artifact> chosen = new ArrayList<>();
        for (int i = 0; i < shown.size(); i++) {
            if (table.getItem(i).getChecked()) {
                chosen.add(shown.get(i));
            }
        }
        if (chosen.isEmpty()) {
            return;
        }
        begin("installing " + chosen.size() + " bundle(s)...");
        BundleInstaller installer = new BundleInstaller(context);
        Background.run(area, () -> {
            List<String> done = new ArrayList<>();
            for (P2Repository.Artifact artifact : chosen) {
                Path jar = P2Repository.download(artifact, downloads);
                try {
                    Bundle bundle = installer.install(jar);
                    done.add(bundle.getSymbolicName() + " " + bundle.getVersion());
                } catch (BundleException e) {
                    throw new IOException(e.getMessage() + (done.isEmpty() ? "" : "; installed before it: " + done), e);
                }
            }
            return done;
        }, done -> {
            end("installed and started: " + String.join(", ", done));
            fill();
        }, this::failed);
    }

    private void begin(String message) {
        working = true;
        status.setText(message);
        enable();
    }

    private void end(String message) {
        working = false;
        status.setText(message);
        area.layout(true, true);
        enable();
    }

    private void failed(Exception e) {
        end(e.getMessage());
    }

    private void enable() {
        boolean any = false;
        for (TableItem item : table.getItems()) {
            any |= item.getChecked();
        }
        install.setEnabled(any && !working);
    }

    /** The rows shown: bundle, version, installed version. */
    public List<String> rows() {
        return java.util.Arrays.stream(table.getItems()).map(i -> i.getText(0) + " " + i.getText(1) + " "
                + i.getText(2)).toList();
    }

    public String statusText() {
        return status.getText();
    }

    public boolean working() {
        return working;
    }

    public Composite control() {
        return area;
    }
}
