package io.daybreak.ide.views;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.apache.arrow.memory.BufferAllocator;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;

import io.daybreak.data.NumberText;
import io.daybreak.core.jobs.Job;
import io.daybreak.core.jobs.JobService;
import io.daybreak.core.jobs.RunRequest;
import io.daybreak.core.provenance.ProvenanceRecord;

/**
 * The run history of this session: every job the job service knows, newest first, with its provenance record
 * (method and bundle digest, parameters, seed, input and output digests). Re-run submits the same method with
 * the same parameters and seed, which reproduces a simulation exactly. A run that read input tables is re-run by
 * reading the same files again in the background ({@link RunInputs} knows them for runs of this session, from the
 * form's pickers or a console line), after saying if a file is gone (no re-run) or changed since the run read it.
 * The tables read belong to the re-run and are closed when it ends (or when reading fails, or the view is gone).
 */
public final class HistoryView {
    private static final int REFRESH_MILLIS = 1000;
    private final JobService jobs;
    private final Composite area;
    private final Table list;
    private final Text provenance;
    private final Button rerun;
    private final Label status;
    private Consumer<Job> submitted = job -> { };
    private Supplier<BufferAllocator> allocator = () -> null;

    public HistoryView(Composite parent, JobService jobs) {
        this.jobs = jobs;
        area = new Composite(parent, SWT.NONE);
        area.setLayout(new GridLayout(1, false));
        SashForm split = new SashForm(area, SWT.HORIZONTAL);
        split.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        list = new Table(split, SWT.BORDER | SWT.SINGLE | SWT.FULL_SELECTION);
        list.setHeaderVisible(true);
        for (String[] column : new String[][] {{"Job", "60"}, {"Method", "180"}, {"Status", "100"}, {"Seed", "170"}}) {
            TableColumn tableColumn = new TableColumn(list, SWT.LEFT);
            tableColumn.setText(column[0]);
            tableColumn.setWidth(Integer.parseInt(column[1]));
        }
        provenance = new Text(split, SWT.BORDER | SWT.MULTI | SWT.READ_ONLY | SWT.V_SCROLL | SWT.WRAP);
        split.setWeights(1, 1);
        rerun = new Button(area, SWT.PUSH);
        rerun.setText("&Re-run with the same parameters and seed");
        rerun.setEnabled(false);
        status = new Label(area, SWT.WRAP);
        status.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        list.addListener(SWT.Selection, event -> showSelected());
        rerun.addListener(SWT.Selection, event -> rerunSelected());
        refresh();
        tick();
    }

    /** Called with each job re-run from here. */
    public void onSubmitted(Consumer<Job> listener) {
        this.submitted = listener;
    }

    /** Where re-runs read their input files (a child allocator per table); without one they cannot. */
    public void readInputsInto(Supplier<BufferAllocator> inputs) {
        this.allocator = inputs;
        showSelected();
    }

    /** Re-reads the job list, keeping the selection. */
    public void refresh() {
        if (list.isDisposed()) {
            return;
        }
        Job selected = selected();
        List<Job> all = jobs.jobs();
        list.setItemCount(all.size());
        for (int i = 0; i < all.size(); i++) {
            Job job = all.get(i);
            TableItem item = list.getItem(i);
            ProvenanceRecord record = job.provenance();
            item.setText(new String[] {Long.toString(job.id()), job.methodId(), job.status().name().toLowerCase(
                    java.util.Locale.ROOT), record == null ? "" : Long.toString(record.seed())});
            item.setData(job);
            if (selected != null && selected.id() == job.id()) {
                list.setSelection(i);
            }
        }
        showSelected();
    }

    private void tick() {
        if (!area.isDisposed()) {
            refresh();
            area.getDisplay().timerExec(REFRESH_MILLIS, this::tick);
        }
    }

    /** Selects a job by id as a user would; false if it is not listed. */
    public boolean select(long id) {
        for (int i = 0; i < list.getItemCount(); i++) {
            if (((Job) list.getItem(i).getData()).id() == id) {
                list.setSelection(i);
                showSelected();
                return true;
            }
        }
        return false;
    }

    private Job selected() {
        int index = list.getSelectionIndex();
        return index < 0 ? null : (Job) list.getItem(index).getData();
    }

    private void showSelected() {
        Job job = selected();
        ProvenanceRecord record = job == null ? null : job.provenance();
        provenance.setText(record == null ? (job == null ? "" : "job " + job.id() + " has not finished") : text(record));
        boolean files = record != null && !record.inputDigests().isEmpty();
        boolean known = files && RunInputs.of(job.id()) != null && allocator.get() != null;
        rerun.setEnabled(record != null && (!files || known));
        rerun.setToolTipText(files && !known ? "This run read input tables this session did not record the files of:"
                + " run it again from the Parameters part with the same files" : null);
    }

    private void rerunSelected() {
        Job job = selected();
        ProvenanceRecord record = job.provenance();
        if (record.inputDigests().isEmpty()) {
            submitted.accept(jobs.submit(new RunRequest(record.methodId(), record.parameters(), Map.of(),
                    record.seed())));
            refresh();
            return;
        }
        Map<String, RunInputs.Input> inputs = RunInputs.of(job.id());
        List<String> changed = new ArrayList<>();
        for (RunInputs.Input input : inputs.values()) {
            String change = input.change();
            if (!Files.isRegularFile(input.file())) {
                setStatus("Cannot re-run job " + job.id() + ": " + change, true);
                return;
            }
            if (!change.isEmpty()) {
                changed.add(change);
            }
        }
        String note = changed.isEmpty() ? "" : "; " + String.join("; ", changed);
        setStatus("re-running job " + job.id() + ": reading " + inputs.values().stream()
                .map(i -> i.file().getFileName().toString()).reduce((a, b) -> a + ", " + b).orElse("") + "\u2026"
                + note, !changed.isEmpty());
        BufferAllocator parent = allocator.get();
        Display display = area.getDisplay();
        Thread worker = new Thread(() -> read(display, job, record, inputs, parent, note),
                "daybreak-ide-rerun " + job.id());
        worker.setDaemon(true);
        worker.start();
    }

    /** On a worker: reads the run's files (owned here until the re-run takes them), then submits on the UI thread. */
    private void read(Display display, Job job, ProvenanceRecord record, Map<String, RunInputs.Input> inputs,
            BufferAllocator parent, String note) {
        Map<String, LoadedTable> tables = new LinkedHashMap<>();
        RuntimeException failure = null;
        try {
            inputs.forEach((name, input) -> tables.put(name, LoadedTable.read(input.file(), parent)));
        } catch (RuntimeException e) {
            failure = e;
            tables.values().forEach(LoadedTable::release);
            tables.clear();
        }
        RuntimeException error = failure;
        try {
            display.asyncExec(() -> {
                if (area.isDisposed()) {
                    tables.values().forEach(LoadedTable::release);
                } else if (error != null) {
                    setStatus("Cannot re-run job " + job.id() + ": " + error.getMessage(), true);
                } else {
                    submitReading(job, record, tables, note);
                }
            });
        } catch (RuntimeException displayGone) {
            tables.values().forEach(LoadedTable::release);
        }
    }

    /** On the UI thread: hands the tables read to a re-run, which releases them when it ends. */
    private void submitReading(Job job, ProvenanceRecord record, Map<String, LoadedTable> tables, String note) {
        Map<String, io.daybreak.data.Table> read = new LinkedHashMap<>();
        tables.forEach((name, table) -> read.put(name, table.table()));
        Job again;
        try {
            again = jobs.submit(new RunRequest(record.methodId(), record.parameters(), read, record.seed()));
        } catch (RuntimeException e) {
            tables.values().forEach(LoadedTable::release);
            setStatus("Cannot re-run job " + job.id() + ": " + e.getMessage(), true);
            return;
        }
        again.completion().whenComplete((result, failure) -> tables.values().forEach(LoadedTable::release));
        RunInputs.record(again.id(), tables);
        setStatus("re-ran job " + job.id() + " as job " + again.id() + note, !note.isEmpty());
        submitted.accept(again);
        refresh();
    }

    private void setStatus(String text, boolean warning) {
        status.setText(text);
        status.setForeground(warning ? status.getDisplay().getSystemColor(SWT.COLOR_DARK_RED) : null);
        area.layout(true);
    }

    /** The line under Re-run: what a re-run read, or why it could not. */
    public String statusText() {
        return status.getText();
    }

    private static String text(ProvenanceRecord record) {
        StringBuilder text = new StringBuilder();
        text.append("job ").append(record.jobId()).append(": ").append(record.methodId()).append(' ')
                .append(record.methodVersion()).append('\n').append("status: ").append(record.status())
                .append(record.message() == null || record.message().isEmpty() ? "" : " (" + record.message() + ")")
                .append('\n').append("bundle: ").append(record.bundle()).append(" sha256 ").append(record.bundleSha256())
                .append('\n').append("seed: ").append(record.seed()).append('\n').append("parameters:\n");
        record.parameters().forEach((name, value) -> text.append("  ").append(name).append(" = ")
                .append(NumberText.text(value)).append('\n'));
        record.inputDigests().forEach((name, digest) -> text.append("input ").append(name).append(": ").append(digest)
                .append('\n'));
        record.outputDigests().forEach((name, digest) -> text.append("output ").append(name).append(": ").append(digest)
                .append('\n'));
        text.append("started ").append(record.started()).append(", finished ").append(record.finished()).append('\n')
                .append("platform ").append(record.platformVersion()).append(", Java ").append(record.javaVersion());
        return text.toString();
    }

    public Button rerunButton() {
        return rerun;
    }

    public Composite control() {
        return area;
    }
}
