package io.daybreak.console.internal;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.jline.builtins.Completers.FileNameCompleter;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

import io.daybreak.core.method.ParameterSpec;
import io.daybreak.core.registry.MethodRegistry;
import io.daybreak.core.registry.RegisteredMethod;

/**
 * Tab completion in the interactive shell: the first word from the commands registered now (Daybreak's and the
 * framework's), a method id after {@code run} and {@code describe}, then the method's parameters as
 * {@code name=} (with a choice parameter's values after its {@code =}) and the run options, and file names after
 * {@code --in}, {@code --out} and {@code --report}.
 * Everything is looked up when Tab is pressed, so a bundle installed in the session completes at once.
 */
final class ShellCompleter implements Completer {
    private static final List<String> RUN_OPTIONS = List.of("--in", "--out", "--seed", "--delimiter", "--types", "--json",
            "--background", "--report", "--save");
    private static final Set<String> FILE_OPTIONS = Set.of("--in", "--out", "--report", "--save");

    private final BundleContext context;
    private final MethodRegistry registry;
    private final Completer files = new FileNameCompleter();

    ShellCompleter(BundleContext context, MethodRegistry registry) {
        this.context = context;
        this.registry = registry;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        List<String> words = line.words();
        int index = line.wordIndex();
        if (index == 0) {
            commands().forEach(c -> candidates.add(new Candidate(c)));
            return;
        }
        String command = words.get(0);
        if (FILE_OPTIONS.contains(words.get(index - 1))) {
            files.complete(reader, line, candidates);
            return;
        }
        if (index == 1 && (command.equals("run") || command.equals("describe"))) {
            registry.methods().forEach(m -> candidates.add(new Candidate(m.id(), m.id(), null,
                    m.descriptor().title(), null, null, true)));
            return;
        }
        if (command.equals("run") && index >= 2) {
            registry.find(words.get(1)).map(RegisteredMethod::descriptor).ifPresent(descriptor -> {
                for (ParameterSpec parameter : descriptor.parameters()) {
                    String prefix = parameter.name() + "=";
                    if (line.word().startsWith(prefix) && !parameter.choices().isEmpty()) {
                        parameter.choices().forEach(c -> candidates.add(new Candidate(prefix + c)));
                    } else {
                        candidates.add(new Candidate(prefix, prefix, null, parameter.doc(), null, null, false));
                    }
                }
            });
            RUN_OPTIONS.forEach(o -> candidates.add(new Candidate(o)));
        }
    }

    /** The function names of every registered Gogo command, Daybreak's and the framework's. */
    private Set<String> commands() {
        Set<String> names = new TreeSet<>(List.of("exit", "quit"));
        try {
            ServiceReference<?>[] references = context.getAllServiceReferences(null, "(osgi.command.function=*)");
            if (references != null) {
                for (ServiceReference<?> reference : references) {
                    Object functions = reference.getProperty("osgi.command.function");
                    if (functions instanceof String[] array) {
                        names.addAll(List.of(array));
                    } else if (functions != null) {
                        names.add(functions.toString());
                    }
                }
            }
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        return names;
    }
}
