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

/**
 * The Console view: the Gogo shell inside the IDE, with the same commands as {@code ./daybreak} (methods, run,
 * fed, report, ...) and Gogo's own (lb, help, ...). Command lines run one after another off the UI thread, so a
 * long run does not freeze the window; what they print appears as it comes, errors in red. Up and Down walk
 * through earlier lines; {@code clear} empties the transcript.
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

    private void execute(String command) {
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
