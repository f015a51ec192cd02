package io.daybreak.console.internal;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Converter;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.util.tracker.ServiceTracker;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;

/**
 * What the {@code ./daybreak} script starts, once start-up is over. With {@value #ARGC} set: runs one
 * command, then exits the JVM with its status (0 success, 2 bad input, 1 failure). With
 * {@value #INTERACTIVE} set: an interactive shell on the terminal that runs Gogo command lines until
 * {@code exit} or end of input. Otherwise (tests, embedding) it does nothing.
 *
 * <p>One-shot arguments are handed to Gogo as session variables, not spliced into a command string, so
 * no argument is re-parsed by the shell language (quotes, {@code $}, braces reach the command as typed).
 */
@Component(immediate = true)
public final class ConsoleLauncher {
    static final String ARGC = "daybreak.batch.argc";
    static final String ARG = "daybreak.batch.arg.";
    static final String INTERACTIVE = "daybreak.interactive";
    private static final String BANNER = "Daybreak console. Commands: methods, describe <id>, run <id> name=value ... "
            + "[--in file] [--out file] [--seed n] [--background], compare scenarios=... [--report file.html], jobs, "
            + "cancel <job>; add --json for JSON. 'help' lists every command, 'exit' quits.";
    private static final Pattern COMMAND = Pattern.compile("[a-z][a-z0-9-]*");
    private static final long STARTUP_TIMEOUT_MS = 60_000;

    @Reference
    private CommandProcessor processor;
    @Reference
    private ServiceComponentRuntime scr;

    @Activate
    void activate(BundleContext context) {
        if (Boolean.parseBoolean(context.getProperty(INTERACTIVE))) {
            Thread shell = new Thread(() -> exit(context, interactive(context)), "daybreak-shell");
            shell.start();
            return;
        }
        String argc = context.getProperty(ARGC);
        if (argc == null) {
            return;
        }
        List<String> args = new ArrayList<>();
        for (int i = 0; i < Integer.parseInt(argc); i++) {
            args.add(context.getProperty(ARG + i));
        }
        Thread thread = new Thread(() -> exit(context, execute(context, args)), "daybreak-batch");
        thread.start();
    }

    private int execute(BundleContext context, List<String> args) {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true);
        boolean json = args.contains("--json");
        if (args.isEmpty() || !COMMAND.matcher(args.get(0)).matches()) {
            return early(out, err, json, Failures.BAD_INPUT, "expected a command (methods, describe, run, jobs, "
                    + "cancel), got " + (args.isEmpty() ? "nothing" : "'" + args.get(0) + "'"));
        }
        if (!awaitStarted(context)) {
            return early(out, err, json, Failures.FAILURE,
                    "the runtime did not finish starting within " + STARTUP_TIMEOUT_MS / 1000 + " s");
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
            if (Boolean.parseBoolean(context.getProperty("daybreak.debug"))) {
                e.printStackTrace(err);
            }
            if (isUnknownCommand(e)) {
                // the command never ran, so nothing was printed yet, not even the JSON error document
                return early(out, err, json, Failures.BAD_INPUT, "unknown command '" + args.get(0)
                        + "'; commands: methods, describe, run, compare, jobs, cancel");
            }
            err.println("daybreak: " + Failures.message(e));
            return Failures.exitCode(e);
        } finally {
            out.flush();
            session.close();
        }
    }

    /** Reports a failure that happened before any command could print: one line, and with --json the document. */
    private static int early(PrintStream out, PrintStream err, boolean json, int code, String message) {
        if (json) {
            Output.json(out, Documents.error(code == Failures.BAD_INPUT ? "bad-input" : "failure", message));
        }
        err.println("daybreak: " + message);
        return code;
    }

    /** Reads command lines from standard input until {@code exit}, {@code quit} or end of input. */
    private int interactive(BundleContext context) {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true);
        if (!awaitStarted(context)) {
            err.println("daybreak: the runtime did not finish starting within " + STARTUP_TIMEOUT_MS / 1000 + " s");
            return Failures.FAILURE;
        }
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        CommandSession session = processor.createSession(new ByteArrayInputStream(new byte[0]), out, err);
        session.put("SCOPE", "daybreak:*");
        out.println(BANNER);
        try {
            while (true) {
                out.print("daybreak> ");
                out.flush();
                String line = in.readLine();
                if (line == null) {
                    out.println();
                    return Failures.OK;
                }
                line = line.strip();
                if (line.equals("exit") || line.equals("quit")) {
                    return Failures.OK;
                }
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                try {
                    Object result = session.execute(line);
                    if (result != null) {
                        out.println(session.format(result, Converter.INSPECT));
                    }
                } catch (Exception e) {
                    if (Boolean.parseBoolean(context.getProperty("daybreak.debug"))) {
                        e.printStackTrace(err);
                    }
                    err.println("daybreak: " + Failures.message(e));
                }
            }
        } catch (IOException e) {
            err.println("daybreak: cannot read input: " + e.getMessage());
            return Failures.FAILURE;
        } finally {
            session.close();
        }
    }

    private static boolean isUnknownCommand(Exception e) {
        return e.getClass().getName().equals("org.apache.felix.gogo.runtime.CommandNotFoundException")
                && String.valueOf(e.getMessage()).contains(": " + "daybreak:");
    }

    /** Waits until start-up is over (see {@link StartupBarrier}), then for the command service. */
    private boolean awaitStarted(BundleContext context) {
        long deadline = System.currentTimeMillis() + STARTUP_TIMEOUT_MS;
        try {
            while (!StartupBarrier.isReady(context, scr)) {
                if (System.currentTimeMillis() > deadline) {
                    return false;
                }
                Thread.sleep(5);
            }
            ServiceTracker<Object, Object> commands = new ServiceTracker<>(context,
                    context.createFilter("(osgi.command.scope=daybreak)"), null);
            commands.open();
            try {
                return commands.waitForService(Math.max(1, deadline - System.currentTimeMillis())) != null;
            } finally {
                commands.close();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Exits with the command's status. System.exit comes first: stopping the framework ourselves would race
     * with Equinox, which may end the JVM with status 0 once the framework has stopped. Equinox's shutdown
     * hook stops the framework cleanly during exit.
     */
    private static void exit(BundleContext context, int code) {
        System.out.flush();
        System.err.flush();
        System.exit(code);
    }
}
