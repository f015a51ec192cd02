package io.daybreak.console.internal;

import java.io.ByteArrayInputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Converter;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;

import io.daybreak.core.registry.MethodRegistry;

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
    static final long STARTUP_TIMEOUT_MS = 60_000;

    @Reference
    private CommandProcessor processor;
    @Reference
    private ServiceComponentRuntime scr;
    @Reference
    private MethodRegistry registry;

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
        if (!OneShotCommand.isCommand(args)) {
            return OneShotCommand.execute(processor, false, args, out, err);
        }
        if (!StartupBarrier.await(context, scr, STARTUP_TIMEOUT_MS)) {
            return OneShotCommand.early(out, err, args.contains("--json"), Failures.FAILURE,
                    "the runtime did not finish starting within " + STARTUP_TIMEOUT_MS / 1000 + " s");
        }
        return OneShotCommand.execute(processor, Boolean.parseBoolean(context.getProperty("daybreak.debug")), args, out,
                err);
    }

    /** Reads command lines from standard input until {@code exit}, {@code quit} or end of input. */
    private int interactive(BundleContext context) {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true);
        if (!StartupBarrier.await(context, scr, STARTUP_TIMEOUT_MS)) {
            err.println("daybreak: the runtime did not finish starting within " + STARTUP_TIMEOUT_MS / 1000 + " s");
            return Failures.FAILURE;
        }
        CommandSession session = processor.createSession(new ByteArrayInputStream(new byte[0]), out, err);
        session.put("SCOPE", "daybreak:*");
        out.println(BANNER);
        try (ShellInput in = ShellInput.open(context, registry, out)) {
            while (true) {
                String line = in.readLine("daybreak> ");
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
