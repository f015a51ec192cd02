package io.daybreak.console.internal;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Function;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.daybreak.core.text.Suggestions;
import io.daybreak.data.InvalidInputException;

/**
 * {@code daybreak:help [<command>]}: Daybreak's commands first, grouped as in {@link CommandCatalog}, then the
 * framework's by scope; with a name, that command's usage. It replaces Gogo's {@code felix:help} at the prompt (the
 * shell's scope path puts {@code daybreak} first), which lists only commands with annotated Java methods, one per
 * line, Daybreak's among fifty framework commands, and omits the hyphenated ones ({@code run-study},
 * {@code fed-datasets}). A framework command's usage still comes from {@code felix:help}.
 */
@Component(service = Function.class, property = {"osgi.command.scope=daybreak", "osgi.command.function=help"})
public final class HelpCommand implements Function {
    // Not called: these make the component wait for the other Daybreak commands, so that once it is registered
    // (the start-up barrier waits for any Daybreak command) the commands it lists or tells apart are there too.
    @Reference
    private DaybreakCommands commands;
    @Reference
    private FederationCommands federation;
    private static final int WIDTH = 100;
    private static final Map<String, String> SCOPE_TITLES = Map.of("felix", "Bundles (felix:)", "gogo",
            "Shell (gogo:)", "osgi", "Runtime (osgi:)", "scr", "Components (scr:)");

    @Override
    public Object execute(CommandSession session, List<Object> arguments) throws Exception {
        List<String> args = arguments.stream().map(String::valueOf).toList();
        for (String arg : args) {
            if (arg.startsWith("--")) {
                throw new InvalidInputException("help: unknown option " + arg + "; usage: help [<command>]");
            }
        }
        if (args.size() > 1) {
            throw new InvalidInputException("help: expected at most one command name, got " + String.join(" ", args));
        }
        PrintStream out = System.out;
        if (args.isEmpty()) {
            list(session, out);
        } else {
            describe(session, args.get(0), out);
        }
        out.flush();
        return null;
    }

    private static void list(CommandSession session, PrintStream out) {
        List<String> daybreak = new ArrayList<>(CommandCatalog.daybreakCommands(session));
        out.println("Daybreak commands ('help <command>' shows its usage; add --json for one JSON document):");
        for (CommandCatalog.Group group : CommandCatalog.GROUPS) {
            List<CommandCatalog.Entry> present = group.entries().stream().filter(e -> daybreak.remove(e.name())).toList();
            if (!present.isEmpty()) {
                out.println();
                out.println(group.title());
                present.forEach(e -> out.printf("  %-14s %s%n", e.name(), e.summary()));
            }
        }
        if (!daybreak.isEmpty()) {
            out.println();
            out.println("Other");
            daybreak.forEach(name -> out.printf("  %s%n", name));
        }
        Map<String, List<String>> framework = new LinkedHashMap<>();
        for (String command : CommandCatalog.commands(session)) {
            int colon = command.indexOf(':');
            String scope = colon < 0 ? "" : command.substring(0, colon);
            if (!scope.equals(CommandCatalog.SCOPE) && !command.endsWith(":" + UnknownCommand.NAME)) {
                framework.computeIfAbsent(scope, k -> new ArrayList<>()).add(command.substring(colon + 1));
            }
        }
        if (!framework.isEmpty()) {
            out.println();
            out.println("Framework commands (lb, start <id>, update <id> [url] and the like take bundle ids):");
            framework.forEach((scope, names) -> wrap(out, SCOPE_TITLES.getOrDefault(scope, scope + ":"), names));
        }
        out.println();
        out.println("In the interactive shell, exit or quit ends the session.");
    }

    /** One scope's command names after its title, wrapped under one another. */
    private static void wrap(PrintStream out, String title, List<String> names) {
        String indent = " ".repeat(22);
        StringBuilder line = new StringBuilder(String.format("  %-20s", title));
        for (String name : names) {
            if (line.length() + name.length() + 1 > WIDTH && line.length() > indent.length()) {
                out.println(line.toString().stripTrailing());
                line = new StringBuilder(indent);
            }
            line.append(name).append(' ');
        }
        out.println(line.toString().stripTrailing());
    }

    /** A usage line broken at spaces to fit, continuation lines indented under the command. */
    private static void wrap(PrintStream out, String text) {
        String rest = text;
        while (rest.length() > WIDTH) {
            int cut = rest.lastIndexOf(' ', WIDTH);
            if (cut <= 8) {
                break;
            }
            out.println(rest.substring(0, cut));
            rest = "       " + rest.substring(cut + 1);
        }
        out.println(rest);
    }

    private static void describe(CommandSession session, String name, PrintStream out) throws Exception {
        String bare = name.startsWith(CommandCatalog.SCOPE + ":") ? name.substring(CommandCatalog.SCOPE.length() + 1)
                : name;
        List<String> daybreak = CommandCatalog.daybreakCommands(session);
        if (daybreak.contains(bare)) {
            CommandCatalog.Entry entry = CommandCatalog.entry(bare);
            wrap(out, "usage: " + (entry == null ? bare + " ..." : entry.usage()));
            if (entry != null) {
                out.println("  " + entry.summary());
            }
            out.println("  See docs/cli.md for every option; add --json for one JSON document.");
            return;
        }
        List<String> functions = new ArrayList<>();
        for (String command : CommandCatalog.commands(session)) {
            String function = command.substring(command.indexOf(':') + 1);
            if (command.equals(name) || function.equals(name)) {
                Object usage = session.execute("felix:help " + command); // the framework's own text, returned
                out.println(usage == null || usage.toString().isBlank() ? command + ": no description" : usage);
                return;
            }
            functions.add(function);
        }
        functions.addAll(daybreak);
        String suggestion = Suggestions.didYouMean(name, functions.stream().distinct().toList());
        throw new InvalidInputException("help: unknown command '" + name + "'; "
                + (suggestion.isEmpty() ? "'help' lists them" : suggestion));
    }
}
