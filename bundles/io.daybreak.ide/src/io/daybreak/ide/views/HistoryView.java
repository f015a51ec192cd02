package io.daybreak.ide.views;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
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
 * the same parameters and seed, which reproduces a simulation exactly; runs that read input tables are
 * re-run from the parameters form with the files chosen again (the history keeps digests, not data).
 */
public final class HistoryView {
    private static final int REFRESH_MILLIS = 1000;
    private final JobService jobs;
    private final Composite area;
    private final Table list;
    private final Text provenance;
    private final Button rerun;
    private Consumer<Job> submitted = job -> { };

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
        list.addListener(SWT.Selection, event -> showSelected());
        rerun.addListener(SWT.Selection, event -> rerunSelected());
        refresh();
        tick();
    }

    /** Called with each job re-run from here. */
    public void onSubmitted(Consumer<Job> listener) {
        this.submitted = listener;
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
        rerun.setEnabled(record != null && record.inputDigests().isEmpty());
        rerun.setToolTipText(record != null && !record.inputDigests().isEmpty()
                ? "This run read input tables: run it again from the Parameters part with the same files" : null);
    }

    private void rerunSelected() {
        ProvenanceRecord record = selected().provenance();
        submitted.accept(jobs.submit(new RunRequest(record.methodId(), record.parameters(), Map.of(), record.seed())));
        refresh();
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
