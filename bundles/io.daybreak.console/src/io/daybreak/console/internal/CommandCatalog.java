package io.daybreak.console.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

import org.apache.felix.service.command.CommandSession;

import io.daybreak.core.text.Suggestions;

/**
 * Daybreak's commands as {@code help} presents them: in groups, in a fixed order, each with its usage and one line.
 * The catalog only orders and describes; what exists is what the Gogo session has registered, so a command missing
 * from the catalog is still listed (under "Other") and a catalogued one that is not installed (eca without the
 * examples) is not.
 */
final class CommandCatalog {
    static final String SCOPE = "daybreak";

    record Entry(String name, String usage, String summary) {
    }

    record Group(String title, List<Entry> entries) {
    }

    static final List<Group> GROUPS = List.of(
            new Group("Methods", List.of(
                    new Entry("methods", "methods", "list the installed methods"),
                    new Entry("describe", "describe <method> [--federated]", "parameters, inputs and outputs of a method"),
                    new Entry("run", "run <method> name=value ... [--in [name=]file] [--out [name=]file] [--seed n] "
                            + "[--delimiter ,|;|tab] [--types name=type,...] [--background]",
                            "run a method on parameters and input tables"),
                    new Entry("compare", "compare scenarios=p,p,.../p,p,... target=t [designs=...] [--report f.html]",
                            "compare dose-finding designs on the same simulated patients"),
                    new Entry("run-study", "run-study <study.json> [--out file]", "run a study file saved by the IDE"))),
            new Group("Data", List.of(
                    new Entry("inspect", "inspect <file> [--rows n]", "a data file's columns, labels and first rows"),
                    new Entry("convert", "convert <input> <output>",
                            "write a data file in another format (by the output's extension)"))),
            new Group("Jobs", List.of(
                    new Entry("jobs", "jobs [<job>]", "queued, running and recent jobs; one job in full"),
                    new Entry("cancel", "cancel <job>", "cancel a queued or running job"))),
            new Group("Federation", List.of(
                    new Entry("pki", "pki init|issue --dir DIR ...", "issue the study's certificates"),
                    new Entry("node", "node --site NAME (--data DIR | --datasets FILE) --port P ...",
                            "serve a site's datasets over mTLS"),
                    new Entry("fed", "fed <method> --nodes a=host:port,... dataset=NAME ...",
                            "run a federated analysis across site nodes"),
                    new Entry("fed-datasets", "fed-datasets --nodes ... --cert ... --key ... --trust ...",
                            "the datasets each site offers"),
                    new Entry("audit", "audit verify --log audit.log", "check a node's audit log"))),
            new Group("Reports", List.of(
                    new Entry("report", "report --out report.html result.json ... [--comparison f.csv]",
                            "one self-contained HTML report of saved results"))),
            new Group("Examples", List.of(
                    new Entry("eca", "eca --report eca.html [--data file]", "the external-control-arm example"))),
            new Group("Help", List.of(
                    new Entry("help", "help [<command>]", "this list, or one command's usage"))));

    private CommandCatalog() {
    }

    /** Every registered command, as {@code scope:function}, from the session's processor. */
    static Collection<String> commands(CommandSession session) {
        Object commands = session.get(".commands");
        TreeSet<String> names = new TreeSet<>();
        if (commands instanceof Collection<?> all) {
            all.forEach(name -> names.add(String.valueOf(name)));
        }
        return names;
    }

    /** The registered Daybreak command names, catalogue order first, then any others alphabetically. */
    static List<String> daybreakCommands(CommandSession session) {
        TreeSet<String> registered = new TreeSet<>();
        for (String command : commands(session)) {
            // Gogo's hook for unknown commands is no command of its own
            if (command.startsWith(SCOPE + ":") && !command.equals(SCOPE + ":" + UnknownCommand.NAME)) {
                registered.add(command.substring(SCOPE.length() + 1));
            }
        }
        List<String> ordered = new ArrayList<>();
        for (Group group : GROUPS) {
            for (Entry entry : group.entries()) {
                if (registered.remove(entry.name())) {
                    ordered.add(entry.name());
                }
            }
        }
        ordered.addAll(registered);
        return ordered;
    }

    /** The catalogue entry of a command, or {@code null}. */
    static Entry entry(String name) {
        for (Group group : GROUPS) {
            for (Entry entry : group.entries()) {
                if (entry.name().equals(name)) {
                    return entry;
                }
            }
        }
        return null;
    }

    /** "unknown command 'rnu'; did you mean 'run'?", or the command list when nothing is close. */
    static String unknownCommand(String name, List<String> known) {
        return unknownCommand(name, known, known);
    }

    /** As {@link #unknownCommand(String, List)}, suggesting from {@code candidates} but listing only {@code listed}. */
    static String unknownCommand(String name, List<String> candidates, List<String> listed) {
        String suggestion = Suggestions.didYouMean(name, candidates);
        return "unknown command '" + name + "'; " + (suggestion.isEmpty()
                ? "commands: " + String.join(", ", listed) + " ('help' describes them)" : suggestion);
    }
}
