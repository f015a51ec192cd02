package io.daybreak.console.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Function;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.daybreak.core.study.StudyFiles;
import io.daybreak.data.InvalidInputException;

/**
 * {@code daybreak:run-study FILE [--out file] [--report file.html] [--json]}: runs a study file saved by the IDE
 * (or written by hand) exactly as the {@code run} or {@code fed} command it stands for; extra options are
 * passed on. A Gogo function object, because a hyphenated command name cannot be a Java method.
 */
@Component(service = Function.class, property = {"osgi.command.scope=daybreak", "osgi.command.function=run-study"})
public final class RunStudyFunction implements Function {
    @Reference
    private DaybreakCommands commands;
    @Reference
    private FederationCommands federation;

    @Override
    public Object execute(CommandSession session, List<Object> arguments) throws Exception {
        List<String> args = arguments.stream().map(String::valueOf).toList();
        List<String> line;
        try {
            if (args.isEmpty() || args.get(0).startsWith("--")) {
                throw new InvalidInputException("run-study: usage: run-study <study.json> [--out file] [--json]");
            }
            Path file = Path.of(args.get(0));
            Path directory = file.toAbsolutePath().getParent();
            line = new ArrayList<>(StudyFiles.read(file).commandLine(directory));
        } catch (InvalidInputException e) {
            // reported like any command's bad input: one JSON document with --json, exit code 2
            DaybreakCommands.execute(args.toArray(String[]::new), () -> {
                throw e;
            }, (out, document) -> { });
            return null;
        }
        line.addAll(args.subList(1, args.size()));
        String command = line.remove(0);
        String[] forwarded = line.toArray(String[]::new);
        if (command.equals("run")) {
            commands.run(forwarded);
        } else {
            federation.fed(forwarded);
        }
        return null;
    }
}
