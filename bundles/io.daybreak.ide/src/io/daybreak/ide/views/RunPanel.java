package io.daybreak.ide.views;

import java.util.function.Consumer;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.ProgressBar;

import io.daybreak.core.jobs.Job;
import io.daybreak.core.jobs.JobService;
import io.daybreak.core.jobs.JobStatus;
import io.daybreak.core.jobs.RunResult;

/**
 * A running job's progress bar, message and Cancel button. It polls the job (the job service runs it on its
 * own pool, never on the UI thread) and hands the result over when the job succeeds.
 */
public final class RunPanel {
    private static final int POLL_MILLIS = 100;
    private final Composite panel;
    private final ProgressBar bar;
    private final Label status;
    private final Button cancel;
    private final JobService jobs;
    private Job current;

    public RunPanel(Composite parent, JobService jobs) {
        this.jobs = jobs;
        panel = new Composite(parent, SWT.NONE);
        panel.setLayout(new GridLayout(3, false));
        panel.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        bar = new ProgressBar(panel, SWT.HORIZONTAL);
        bar.setMaximum(1000);
        bar.setLayoutData(new GridData(200, SWT.DEFAULT));
        cancel = new Button(panel, SWT.PUSH);
        cancel.setText("&Cancel");
        cancel.setEnabled(false);
        cancel.addListener(SWT.Selection, event -> {
            if (current != null) {
                jobs.cancel(current.id());
            }
        });
        status = new Label(panel, SWT.WRAP);
        status.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
    }

    /** Follows a submitted job; {@code done} gets its result (on the UI thread) if it succeeds. */
    public void follow(Job job, Consumer<RunResult> done) {
        current = job;
        cancel.setEnabled(true);
        status.setText("job " + job.id() + ": " + job.methodId() + " queued");
        poll(job, done);
    }

    private void poll(Job job, Consumer<RunResult> done) {
        if (panel.isDisposed() || job != current) {
            return;
        }
        bar.setSelection((int) Math.round(job.progress() * 1000));
        JobStatus state = job.status();
        if (!state.isFinal()) {
            status.setText("job " + job.id() + ": " + job.methodId() + " " + state.name().toLowerCase(java.util.Locale.ROOT)
                    + (job.message() == null || job.message().isEmpty() ? "" : " - " + job.message()));
            panel.getDisplay().timerExec(POLL_MILLIS, () -> poll(job, done));
            return;
        }
        cancel.setEnabled(false);
        current = null;
        if (state == JobStatus.SUCCEEDED) {
            bar.setSelection(1000);
            status.setText("job " + job.id() + ": " + job.methodId() + " succeeded");
            done.accept(job.completion().join());
        } else {
            status.setText("job " + job.id() + ": " + job.methodId() + " " + state.name().toLowerCase(java.util.Locale.ROOT)
                    + ": " + job.message());
        }
    }

    /** The status line (for tests and screen readers). */
    public String statusText() {
        return status.getText();
    }
}
