package io.daybreak.console.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.daybreak.data.InvalidInputException;

/**
 * The arguments of one command: positional words, {@code --flag}s, {@code --option value}s and
 * {@code key=value} pairs, in any order. Unknown flags and options are bad input, named with what the
 * command accepts.
 */
final class CommandLine {
    private final List<String> positional = new ArrayList<>();
    private final Set<String> flagsGiven = new java.util.HashSet<>();
    private final Map<String, List<String>> options = new LinkedHashMap<>();
    private final Map<String, String> keyValues = new LinkedHashMap<>();

    private CommandLine() {
    }

    static CommandLine parse(String command, String[] args, Set<String> flags, Set<String> valueOptions) {
        CommandLine line = new CommandLine();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.startsWith("--")) {
                if (flags.contains(arg)) {
                    line.flagsGiven.add(arg);
                } else if (valueOptions.contains(arg)) {
                    if (i + 1 >= args.length) {
                        throw new InvalidInputException(command + ": option " + arg + " needs a value");
                    }
                    line.options.computeIfAbsent(arg, k -> new ArrayList<>()).add(args[++i]);
                } else {
                    List<String> known = new ArrayList<>(flags);
                    known.addAll(valueOptions);
                    java.util.Collections.sort(known);
                    throw new InvalidInputException(command + ": unknown option " + arg + "; allowed: "
                            + String.join(", ", known));
                }
            } else if (arg.indexOf('=') > 0) {
                String key = arg.substring(0, arg.indexOf('='));
                if (line.keyValues.put(key, arg.substring(arg.indexOf('=') + 1)) != null) {
                    throw new InvalidInputException(command + ": parameter '" + key + "' given twice");
                }
            } else {
                line.positional.add(arg);
            }
        }
        return line;
    }

    boolean flag(String name) {
        return flagsGiven.contains(name);
    }

    /** The value of an option given at most once, or {@code null}. */
    String option(String command, String name) {
        List<String> values = options.getOrDefault(name, List.of());
        if (values.size() > 1) {
            throw new InvalidInputException(command + ": option " + name + " given more than once");
        }
        return values.isEmpty() ? null : values.get(0);
    }

    /** Every value of a repeatable option, in order. */
    List<String> options(String name) {
        return options.getOrDefault(name, List.of());
    }

    Map<String, String> keyValues() {
        return keyValues;
    }

    List<String> positional() {
        return positional;
    }

    /** The single positional argument; bad input if absent or if there are more. */
    String onlyPositional(String command, String what) {
        if (positional.size() != 1) {
            throw new InvalidInputException(command + ": expected exactly one " + what + ", got "
                    + (positional.isEmpty() ? "none" : String.join(" ", positional)));
        }
        return positional.get(0);
    }

    void requireNoPositional(String command) {
        if (!positional.isEmpty()) {
            throw new InvalidInputException(command + ": unexpected argument " + positional.get(0));
        }
    }

    void requireNoKeyValues(String command) {
        if (!keyValues.isEmpty()) {
            throw new InvalidInputException(command + ": unexpected argument "
                    + keyValues.keySet().iterator().next() + "=...");
        }
    }
}
