package io.daybreak.ide.views;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BiConsumer;

import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Converter;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyleRange;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;

import io.daybreak.core.jobs.Job;
import io.daybreak.core.jobs.JobService;

/**
 * The Console view: the Gogo shell inside the IDE, with the same commands as {@code ./daybreak} (methods, run,
 * fed, report, ...) and Gogo's own (lb, help, ...). Command lines run one after another off the UI thread, so a
 * long run does not freeze the window; what they print appears as it comes, errors in red. Up and Down walk
 * through earlier lines; {@code clear} empties the transcript.
 *
 * <p>With {@link #onRunSucceeded}, the jobs a line started ({@code run}, {@code compare}, {@code run-study}) are
 * reported when they succeed, with the line's method and input files, so the IDE can show them in Results.
 */
public final class ConsoleView {
    private static final String PROMPT = "daybreak> ";
    private final Composite area;
    private final StyledText transcript;
    private final Text input;
    private final CommandSession session;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "daybreak-ide-console");
        thread.setDaemon(true);
        return thread;
    });
    private final List<String> history = new ArrayList<>();
    private int historyIndex;
    private int pending;
    private JobService jobs;
    private BiConsumer<Job, ConsoleRuns.Invocation> succeeded;

    public ConsoleView(Composite parent, CommandProcessor processor) {
        area = new Composite(parent, SWT.NONE);
        area.setLayout(new GridLayout(2, false));
        transcript = new StyledText(area, SWT.BORDER | SWT.MULTI | SWT.READ_ONLY | SWT.V_SCROLL | SWT.H_SCROLL);
        transcript.setFont(JFaceResources.getTextFont());
        transcript.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 2, 1));
        new Label(area, SWT.NONE).setText(PROMPT.strip());
        input = new Text(area, SWT.BORDER | SWT.SINGLE);
        input.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        input.setMessage("methods, describe <id>, run <id> name=value ..., fed ..., lb, help");
        input.addListener(SWT.DefaultSelection, event -> submit(input.getText()));
        input.addListener(SWT.KeyDown, event -> {
            if (event.keyCode == SWT.ARROW_UP || event.keyCode == SWT.ARROW_DOWN) {
                recall(event.keyCode == SWT.ARROW_UP ? -1 : 1);
                event.doit = false;
            }
        });
        session = processor.createSession(new ByteArrayInputStream(new byte[0]),
                new PrintStream(new ToTranscript(false), true, StandardCharsets.UTF_8),
                new PrintStream(new ToTranscript(true), true, StandardCharsets.UTF_8));
        session.put("SCOPE", "daybreak:*");
        append("Daybreak console (Gogo). 'help' lists the commands; 'clear' empties this view.\n", false);
        area.addListener(SWT.Dispose, event -> {
            worker.shutdownNow();
            session.close();
        });
    }

    /** Runs a command line as if typed and Enter pressed. */
    public void submit(String line) {
        String command = line.strip();
        input.setText("");
        if (command.isEmpty()) {
            return;
        }
        history.add(command);
        historyIndex = history.size();
        append(PROMPT + command + "\n", false);
        if (command.equals("clear")) {
            transcript.setText("");
            return;
        }
        if (command.equals("exit") || command.equals("quit")) {
            append("The console runs inside the IDE: File > Quit (Ctrl+Q) ends the IDE.\n", false);
            return;
        }
        pending++;
        worker.execute(() -> execute(command));
    }

    /**
     * Reports each job a command line starts once it has succeeded (on the UI thread), with what the line names:
     * its method and input files. Jobs of the method the line runs are told from others (a form's run) by id.
     */
    public void onRunSucceeded(JobService jobService, BiConsumer<Job, ConsoleRuns.Invocation> listener) {
        this.jobs = jobService;
        this.succeeded = listener;
    }

    private void execute(String command) {
        long before = jobs == null ? 0 : jobs.jobs().stream().mapToLong(Job::id).max().orElse(0);
        try {
            Object result = session.execute(command);
            if (result != null) {
                session.getConsole().println(session.format(result, Converter.INSPECT));
            }
        } catch (Exception e) {
            session.getConsole().flush();
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            new PrintStream(new ToTranscript(true), true, StandardCharsets.UTF_8).println("daybreak: " + message);
        } finally {
            session.getConsole().flush();
            asyncOnUi(() -> pending--);
        }
        if (jobs != null) {
            follow(command, before);
        }
    }

    /** The jobs of the line's method newer than {@code before}, each reported when it succeeds (--background too). */
    private void follow(String command, long before) {
        ConsoleRuns.Invocation invocation;
        try {
            invocation = ConsoleRuns.parse(command);
        } catch (RuntimeException e) {
            return; // the command itself has already said what is wrong with its study file
        }
        if (invocation == null) {
            return;
        }
        for (Job job : jobs.jobs()) {
            if (job.id() > before && job.methodId().equals(invocation.methodId())) {
                // History re-runs it with the files the line names
                job.completion().thenAccept(result -> RunInputs.recordConsole(job.id(), invocation.inputs(),
                        List.copyOf(result.provenance().inputDigests().keySet())));
                // only observes: the console command takes (and closes) the result
                job.completion().whenComplete((result, failure) -> {
                    if (failure == null) {
                        asyncOnUi(() -> succeeded.accept(job, invocation));
                    }
                });
            }
        }
    }

    private void recall(int step) {
        if (history.isEmpty()) {
            return;
        }
        historyIndex = Math.max(0, Math.min(history.size(), historyIndex + step));
        input.setText(historyIndex == history.size() ? "" : history.get(historyIndex));
        input.setSelection(input.getText().length());
    }

    private void append(String text, boolean error) {
        int start = transcript.getCharCount();
        transcript.append(text);
        if (error) {
            Color red = transcript.getDisplay().getSystemColor(SWT.COLOR_DARK_RED);
            transcript.setStyleRange(new StyleRange(start, text.length(), red, null));
        }
        transcript.setTopIndex(transcript.getLineCount() - 1);
        transcript.setCaretOffset(transcript.getCharCount());
    }

    private void asyncOnUi(Runnable action) {
        Display display = area.getDisplay();
        if (!display.isDisposed()) {
            display.asyncExec(() -> {
                if (!area.isDisposed()) {
                    action.run();
                }
            });
        }
    }

    /** Adds a line of the IDE's own to the transcript, in red; any thread. */
    public void note(String text) {
        asyncOnUi(() -> append("daybreak-ide: " + text + "\n", true));
    }

    /** The transcript as text, for tests. */
    public String transcriptText() {
        return transcript.getText();
    }

    /** Whether command lines are still running or queued. */
    public boolean busy() {
        return pending > 0;
    }

    public Composite control() {
        return area;
    }

    /** Bytes a command prints, decoded as UTF-8 and appended on the UI thread at each flush (every line). */
    private final class ToTranscript extends OutputStream {
        private final boolean error;
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();

        ToTranscript(boolean error) {
            this.error = error;
        }

        @Override
        public synchronized void write(int b) {
            buffer.write(b);
        }

        @Override
        public synchronized void write(byte[] bytes, int offset, int length) {
            buffer.write(bytes, offset, length);
        }

        @Override
        public synchronized void flush() {
            if (buffer.size() == 0) {
                return;
            }
            String text = buffer.toString(StandardCharsets.UTF_8);
            buffer.reset();
            asyncOnUi(() -> append(text, error));
        }
    }
}
