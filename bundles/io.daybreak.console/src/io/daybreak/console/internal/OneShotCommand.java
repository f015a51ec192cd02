package io.daybreak.console.internal;

import java.io.ByteArrayInputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.regex.Pattern;

import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;

/**
 * One command given as arguments ({@code run design.boin target=0.3 --json}), run on its own Gogo session with the
 * given output streams; returns the exit status (0 success, 2 bad input, 1 failure). Shared by the one-shot
 * process ({@link ConsoleLauncher}) and the resident runtime ({@link ResidentRuntime}), so a command prints and
 * exits the same way in both.
 *
 * <p>The arguments are handed to Gogo as session variables, not spliced into a command string, so no argument is
 * re-parsed by the shell language (quotes, {@code $}, braces reach the command as typed).
 */
final class OneShotCommand {
    private static final Pattern COMMAND = Pattern.compile("[a-z][a-z0-9-]*");

    private OneShotCommand() {
    }

    /** Whether the first argument can name a command. */
    static boolean isCommand(List<String> args) {
        return !args.isEmpty() && COMMAND.matcher(args.get(0)).matches();
    }

    static int execute(CommandProcessor processor, boolean debug, List<String> args, PrintStream out,
            PrintStream err) {
        boolean json = args.contains("--json");
        if (!isCommand(args)) {
            return early(out, err, json, Failures.BAD_INPUT, "expected a command (methods, describe, run, jobs, "
                    + "cancel), got " + (args.isEmpty() ? "nothing" : "'" + args.get(0) + "'"));
        }
        CommandSession session = processor.createSession(new ByteArrayInputStream(new byte[0]), out, err);
        try {
            StringBuilder line = new StringBuilder("daybreak:").append(args.get(0));
            for (int i = 1; i < args.size(); i++) {
                session.put("daybreakArg" + i, args.get(i));
                line.append(" $daybreakArg").append(i);
            }
            session.execute(line);
            return Failures.OK;
        } catch (Exception e) {
            if (debug) {
                e.printStackTrace(err);
            }
            if (isUnknownCommand(e)) {
                // the command never ran, so nothing was printed yet, not even the JSON error document
                return early(out, err, json, Failures.BAD_INPUT, CommandCatalog.unknownCommand(args.get(0),
                        CommandCatalog.daybreakCommands(session)));
            }
            err.println("daybreak: " + Failures.message(e));
            return Failures.exitCode(e);
        } finally {
            out.flush();
            err.flush();
            session.close();
        }
    }

    /** Reports a failure that happened before any command could print: one line, and with --json the document. */
    static int early(PrintStream out, PrintStream err, boolean json, int code, String message) {
        if (json) {
            Output.json(out, Documents.error(code == Failures.BAD_INPUT ? "bad-input" : "failure", message));
        }
        err.println("daybreak: " + message);
        return code;
    }

    private static boolean isUnknownCommand(Exception e) {
        return e.getClass().getName().equals("org.apache.felix.gogo.runtime.CommandNotFoundException")
                && String.valueOf(e.getMessage()).contains(": " + "daybreak:");
    }
}
