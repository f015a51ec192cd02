package io.daybreak.ide.views;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.apache.arrow.memory.BufferAllocator;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;

import io.daybreak.core.study.Study;
import io.daybreak.data.ColumnType;
import io.daybreak.data.NumberText;
import io.daybreak.federation.FederatedMethod;
import io.daybreak.federation.grpc.Coordinator;
import io.daybreak.federation.grpc.RemoteSites;
import io.daybreak.federation.site.DatasetInfo;
import io.daybreak.ide.federation.FederationClient;

/**
 * The Federation view: the study's site nodes (name=host:port) and the researcher's certificate files; each
 * site's status and the datasets it offers (name, rows, columns: never rows themselves); a federated method
 * run on a dataset, with its result and certificate. Calls to the sites run off the UI thread.
 */
public final class FederationView {
    private final Composite area;
    private final Text nodes;
    private final Text certificate;
    private final Text key;
    private final Text trust;
    private final Table sites;
    private final Combo method;
    private final Combo dataset;
    /** The datasets the sites offer, by name, as the first site offering each describes it. */
    private final Map<String, DatasetInfo> offered = new LinkedHashMap<>();
    private final ParameterFields parameters;
    private final Button allowPartial;
    private final Button run;
    private final Button saveStudy;
    private final Button openStudy;
    private final Text result;
    private final Label status;
    private final Supplier<List<FederatedMethod>> methods;
    private final Supplier<Coordinator> coordinator;
    private final BufferAllocator allocator;
    private FederationClient client;
    /** The dataset versions the opened study pins (site to content digest): kept, run with and saved again. */
    private Map<String, String> pins = Map.of();
    private Map<String, String> pending = Map.of();

    /**
     * @param methods     the federated methods installed
     * @param coordinator the {@link Coordinator} service that runs and certifies analyses (null while unavailable)
     */
    public FederationView(Composite parent, Supplier<List<FederatedMethod>> methods, Supplier<Coordinator> coordinator,
            BufferAllocator allocator) {
        this.methods = methods;
        this.coordinator = coordinator;
        this.allocator = allocator;
        area = new Composite(parent, SWT.NONE);
        area.setLayout(new GridLayout(4, false));
        nodes = field("Nodes", "site0=localhost:47100,site1=localhost:47101", 3);
        certificate = field("Certificate", "researcher.pem", 1);
        key = field("Key", "researcher.key", 1);
        trust = field("Trust (study CA)", "ca.pem", 1);
        Button connect = new Button(area, SWT.PUSH);
        connect.setText("C&onnect");
        connect.addListener(SWT.Selection, event -> connect());
        sites = new Table(area, SWT.BORDER | SWT.FULL_SELECTION);
        sites.setHeaderVisible(true);
        sites.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 4, 1));
        for (String[] column : new String[][] {{"Site", "100"}, {"Status", "160"}, {"Dataset", "120"}, {"Rows", "80"},
            {"Columns", "420"}}) {
            TableColumn tableColumn = new TableColumn(sites, SWT.LEFT);
            tableColumn.setText(column[0]);
            tableColumn.setWidth(Integer.parseInt(column[1]));
        }
        method = combo("Method");
        dataset = combo("Dataset");
        method.addListener(SWT.Selection, event -> showParameters());
        dataset.addListener(SWT.Selection, event -> {
            showParameters();
            revalidate();
        });
        // the chosen method's parameters as a form generated from its descriptor, as in the Parameters view
        parameters = new ParameterFields(area, this::revalidate);
        parameters.control().setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 4, 1));
        allowPartial = new Button(area, SWT.CHECK);
        allowPartial.setText("Allow a &partial analysis (leave out failing sites)");
        allowPartial.setLayoutData(new GridData(SWT.LEFT, SWT.CENTER, false, false, 3, 1));
        run = new Button(area, SWT.PUSH);
        run.setText("R&un federated");
        run.setEnabled(false);
        run.addListener(SWT.Selection, event -> runSelected());
        Composite studies = new Composite(area, SWT.NONE);
        studies.setLayout(new GridLayout(2, true));
        studies.setLayoutData(new GridData(SWT.LEFT, SWT.CENTER, false, false, 4, 1));
        saveStudy = new Button(studies, SWT.PUSH);
        saveStudy.setText("Save Stud&y...");
        saveStudy.setToolTipText("Save this federated analysis as a study file (./daybreak run-study FILE runs it)");
        openStudy = new Button(studies, SWT.PUSH);
        openStudy.setText("Op&en Study...");
        status = new Label(area, SWT.WRAP);
        status.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 4, 1));
        result = new Text(area, SWT.BORDER | SWT.MULTI | SWT.READ_ONLY | SWT.V_SCROLL | SWT.WRAP);
        result.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 4, 1));
    }

    private Text field(String label, String message, int span) {
        new Label(area, SWT.NONE).setText(label);
        Text text = new Text(area, SWT.BORDER);
        text.setMessage(message);
        text.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, span, 1));
        return text;
    }

    private Combo combo(String label) {
        new Label(area, SWT.NONE).setText(label);
        Combo combo = new Combo(area, SWT.READ_ONLY);
        combo.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        return combo;
    }

    /** Re-validates the form after an edit (a method's rule across parameters shows in the status line). */
    private void revalidate() {
        ParameterFields.Check check = parameters.validate();
        if (!check.problem().isEmpty()) {
            status.setText(check.problem());
        }
        area.layout(true, true);
    }

    private FederatedMethod chosenMethod() {
        return methods.get().stream().filter(m -> m.id().equals(method.getText())).findFirst().orElse(null);
    }

    /** Shows the chosen method's parameter form (kept as it is when the method did not change). */
    private void showParameters() {
        FederatedMethod chosen = chosenMethod();
        if (chosen == null) {
            return;
        }
        if (parameters.descriptor() == null || !parameters.descriptor().id().equals(chosen.id())) {
            parameters.show(chosen.descriptor());
        }
        if (!pending.isEmpty()) {
            Map<String, String> values = pending;
            pending = Map.of();
            values.forEach((name, value) -> {
                if (!parameters.has(name)) {
                    throw new IllegalArgumentException("method " + chosen.id() + " has no parameter '" + name
                            + "'; parameters: " + String.join(", ", chosen.descriptor().parameterNames()));
                }
                parameters.set(name, value);
            });
        }
        // column parameters offer the dataset's columns as the (first) site describes them
        DatasetInfo info = offered.get(dataset.getText());
        parameters.columns(info == null ? List.of() : info.columns(), column -> numeric(info, column));
        parameters.validate();
        area.layout(true, true);
    }

    /** What Save Study... and Open Study... do (the part asks for the file). */
    public void onStudyButtons(Runnable save, Runnable open) {
        saveStudy.addListener(SWT.Selection, event -> save.run());
        openStudy.addListener(SWT.Selection, event -> open.run());
    }

    /** Fills in the connection as a user would. */
    public void configure(String nodeList, Path certificateFile, Path keyFile, Path trustFile) {
        nodes.setText(nodeList);
        certificate.setText(certificateFile.toString());
        key.setText(keyFile.toString());
        trust.setText(trustFile.toString());
    }

    /** Connects: asks every site for its datasets (in the background) and lists them. */
    public void connect() {
        try {
            client = new FederationClient(nodes.getText().strip(), Path.of(certificate.getText().strip()),
                    Path.of(key.getText().strip()), Path.of(trust.getText().strip()), allocator, coordinator);
        } catch (IllegalArgumentException e) {
            status.setText(e.getMessage());
            return;
        }
        status.setText("connecting...");
        background(client::status, this::showStatus);
    }

    private void showStatus(Map<String, FederationClient.SiteStatus> bySite) {
        String chosenDataset = dataset.getText();
        String chosenMethod = method.getText();
        sites.removeAll();
        dataset.removeAll();
        offered.clear();
        bySite.forEach((site, answer) -> {
            if (answer.problem() != null) {
                new TableItem(sites, SWT.NONE).setText(new String[] {site, "unavailable: " + answer.problem(), "", "", ""});
            }
            answer.datasets().forEach(d -> {
                new TableItem(sites, SWT.NONE).setText(new String[] {site, "ok", d.name(), Long.toString(d.rows()),
                    String.join(", ", d.columns())});
                if (dataset.indexOf(d.name()) < 0) {
                    dataset.add(d.name());
                    offered.put(d.name(), d);
                }
            });
        });
        method.removeAll();
        methods.get().stream().map(FederatedMethod::id).sorted().forEach(method::add);
        // keep what was chosen (or loaded from a study) when the sites still offer it
        selectOrFirst(dataset, chosenDataset);
        selectOrFirst(method, chosenMethod);
        showParameters();
        run.setEnabled(dataset.getItemCount() > 0 && method.getItemCount() > 0);
        status.setText(bySite.size() + " site(s) asked");
        area.layout(true, true);
    }

    /** The items a column parameter's drop-down offers: the chosen dataset's columns (numeric ones where wanted). */
    public List<String> columnChoices(String parameter) {
        return parameters.columnChoices(parameter);
    }

    private static boolean numeric(DatasetInfo info, String column) {
        int index = info.columns().indexOf(column);
        try {
            return index >= 0 && ColumnType.parse(info.types().get(index)).isNumeric();
        } catch (RuntimeException e) {
            return false; // a type this runtime does not know is no number it can use
        }
    }

    private static void selectOrFirst(Combo combo, String wanted) {
        int index = combo.indexOf(wanted);
        if (index >= 0) {
            combo.select(index);
        } else if (combo.getItemCount() > 0) {
            combo.select(0);
        }
    }

    /**
     * Chooses the method and dataset and fills in the parameter fields as a user would; fields not named keep their
     * defaults.
     *
     * @throws IllegalArgumentException naming a parameter the method does not have
     */
    public void choose(String methodId, String datasetName, Map<String, String> values) {
        method.setText(methodId);
        dataset.setText(datasetName);
        // until the method's bundle is there (a study opened before Connect lists it), its values wait
        pending = new LinkedHashMap<>(values);
        showParameters();
    }

    /**
     * The analysis on screen as a federated study: nodes, dataset, method, parameters and the certificate files,
     * written relative to the study file's directory where they lie beneath it.
     *
     * @throws IllegalArgumentException naming what is missing or malformed (a node entry, a parameter)
     */
    public Study study(Path directory) {
        if (method.getText().isBlank() || dataset.getText().isBlank()) {
            throw new IllegalArgumentException("choose a federated method and a dataset first");
        }
        Map<String, String> nodeMap = new LinkedHashMap<>();
        RemoteSites.Endpoint.parseList(nodes.getText().strip())
                .forEach(e -> nodeMap.put(e.name(), e.host() + ":" + e.port()));
        Study.Federation federation = new Study.Federation(nodeMap, dataset.getText(),
                relative(directory, certificate.getText()), relative(directory, key.getText()),
                relative(directory, trust.getText()), allowPartial.getSelection(), pins);
        return new Study(method.getText(), parameters.values(), null, Map.of(), federation);
    }

    /** Shows a federated study: its connection, method, dataset and parameters; Connect lists the sites again. */
    public void load(Study study, Path directory) {
        Study.Federation federation = study.federation();
        if (federation == null) {
            throw new IllegalArgumentException("the study is a local run, not a federated analysis: open it in the "
                    + "Parameters view");
        }
        List<String> entries = new java.util.ArrayList<>();
        federation.nodes().forEach((site, address) -> entries.add(site + "=" + address));
        configure(String.join(",", entries), directory.resolve(federation.certificate()),
                directory.resolve(federation.key()), directory.resolve(federation.trust()));
        allowPartial.setSelection(federation.allowPartial());
        pins = federation.datasetDigests();
        if (method.indexOf(study.method()) < 0) {
            method.add(study.method());
        }
        if (dataset.indexOf(federation.dataset()) < 0) {
            dataset.add(federation.dataset());
        }
        choose(study.method(), federation.dataset(), study.parameters());
        status.setText("study loaded: Connect to ask the sites, then Run federated");
    }

    private static String relative(Path directory, String file) {
        if (file.isBlank()) {
            throw new IllegalArgumentException("the certificate, key and trust files are needed for a federated study");
        }
        Path path = Path.of(file.strip()).toAbsolutePath().normalize();
        Path base = directory.toAbsolutePath().normalize();
        return path.startsWith(base) ? base.relativize(path).toString() : path.toString();
    }

    /** Runs the chosen federated method (in the background); the result and certificate replace the text. */
    public void runSelected() {
        FederatedMethod chosen = chosenMethod();
        if (chosen == null || client == null) {
            status.setText("connect and choose a federated method first");
            return;
        }
        showParameters();
        ParameterFields.Check check = parameters.validate();
        if (!check.valid()) {
            status.setText(check.problem().isEmpty() ? "correct the parameters marked in red" : check.problem());
            return;
        }
        Map<String, String> values = parameters.values();
        String on = dataset.getText();
        boolean partial = allowPartial.getSelection();
        Map<String, String> pinned = pins;
        run.setEnabled(false);
        status.setText("running " + chosen.id() + " on " + on + "...");
        background(() -> client.run(chosen, on, values, partial, pinned), document -> {
            result.setText(text(document));
            status.setText(chosen.id() + " done");
            run.setEnabled(true);
        });
    }

    /** Runs a call off the UI thread; its result (or its failure, as the status line) comes back on it. */
    private <T> void background(Callable<T> call, Consumer<T> done) {
        Background.run(area, call, done, e -> {
            status.setText(e.getMessage());
            run.setEnabled(client != null);
        });
    }

    @SuppressWarnings("unchecked")
    private static String text(Map<String, Object> document) {
        StringBuilder text = new StringBuilder(document.get("method") + " (federated)\n");
        ((Map<String, Object>) document.get("summary")).forEach((k, v) -> text.append("  ").append(k).append(": ")
                .append(NumberText.text(v)).append('\n'));
        text.append("certificate:\n");
        ((Map<String, Object>) document.get("certificate")).forEach((k, v) -> text.append("  ").append(k).append(": ")
                .append(NumberText.text(v)).append('\n'));
        return text.toString();
    }

    /** The result text (summary and certificate) and the status line, for tests. */
    public String resultText() {
        return result.getText();
    }

    public String statusText() {
        return status.getText();
    }

    /** The problem shown beside a parameter's field ("" when it is valid), for tests. */
    public String parameterProblem(String parameter) {
        return parameters.problem(parameter);
    }

    /** The sites table rows as text: site, status, dataset, rows. */
    public List<String> siteRows() {
        return java.util.Arrays.stream(sites.getItems()).map(i -> i.getText(0) + " " + i.getText(1) + " " + i.getText(2)
                + " " + i.getText(3)).toList();
    }

    public Composite control() {
        return area;
    }
}
