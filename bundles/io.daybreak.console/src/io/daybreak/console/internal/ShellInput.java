package io.daybreak.console.internal;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.osgi.framework.BundleContext;

import io.daybreak.core.registry.MethodRegistry;

/**
 * Where the interactive shell reads its lines. On a terminal: JLine, with line editing, history kept across
 * sessions in {@code ~/.daybreak/history} (Up, Ctrl-R) and Tab completion ({@link ShellCompleter}); Ctrl-C drops
 * the line being typed, Ctrl-D on an empty line ends the session. From piped input (scripts, tests): lines as they
 * come, with the prompt printed as before, so the output of a piped session does not change.
 */
abstract class ShellInput implements Closeable {
    /** The next line, or null at the end of input. */
    abstract String readLine(String prompt) throws IOException;

    static ShellInput open(BundleContext context, MethodRegistry registry, PrintStream out) {
        if (System.console() != null) {
            try {
                return new OnTerminal(context, registry);
            } catch (IOException | RuntimeException e) {
                out.println("daybreak: no line editing on this terminal (" + e.getMessage() + ")");
            }
        }
        return new Piped(out);
    }

    /** JLine on the process's terminal. */
    private static final class OnTerminal extends ShellInput {
        private final Terminal terminal;
        private final LineReader reader;

        OnTerminal(BundleContext context, MethodRegistry registry) throws IOException {
            Path history = Path.of(System.getProperty("user.home"), ".daybreak", "history");
            Files.createDirectories(history.getParent());
            terminal = TerminalBuilder.builder().system(true).name("daybreak").build();
            reader = LineReaderBuilder.builder().terminal(terminal).appName("daybreak")
                    .completer(new ShellCompleter(context, registry))
                    .variable(LineReader.HISTORY_FILE, history)
                    .variable(LineReader.HISTORY_SIZE, 2000)
                    // '!' and '^' are ordinary characters in parameters, not history expansions
                    .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                    .build();
        }

        @Override
        String readLine(String prompt) {
            try {
                return reader.readLine(prompt);
            } catch (UserInterruptException e) {
                return "";
            } catch (EndOfFileException e) {
                return null;
            }
        }

        @Override
        public void close() throws IOException {
            reader.getHistory().save();
            terminal.close();
        }
    }

    /** Standard input read line by line. */
    private static final class Piped extends ShellInput {
        private final PrintStream out;
        private final BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));

        Piped(PrintStream out) {
            this.out = out;
        }

        @Override
        String readLine(String prompt) throws IOException {
            out.print(prompt);
            out.flush();
            return in.readLine();
        }

        @Override
        public void close() {
            // standard input belongs to the process
        }
    }
}
