package io.daybreak.console.internal;

import java.util.ArrayList;
import java.util.List;

import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Function;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.daybreak.data.InvalidInputException;

/**
 * What Gogo calls when a command line names no command: Gogo's runtime looks up a function named {@code default}
 * and passes it the name typed and its arguments. This one refuses the line as bad input, suggesting the closest
 * command ("unknown command 'rnu'; did you mean 'run'?"), in the interactive shell and for one-shot commands alike;
 * with {@code --json} the error document is printed as for any command.
 */
@Component(service = Function.class, property = {"osgi.command.scope=daybreak",
    "osgi.command.function=" + UnknownCommand.NAME})
public final class UnknownCommand implements Function {
    static final String NAME = "default";

    // Not called: these make the component wait for the other Daybreak commands, so that once it is registered
    // (the start-up barrier waits for any Daybreak command) the commands it lists or tells apart are there too.
    @Reference
    private DaybreakCommands commands;
    @Reference
    private FederationCommands federation;

    @Override
    public Object execute(CommandSession session, List<Object> arguments) throws Exception {
        String typed = arguments.isEmpty() ? "" : String.valueOf(arguments.get(0));
        String[] rest = arguments.stream().skip(1).map(String::valueOf).toArray(String[]::new);
        String prefix = CommandCatalog.SCOPE + ":";
        // a one-shot command is looked up as daybreak:<name>, so only Daybreak's commands can be meant there
        boolean daybreakOnly = typed.startsWith(prefix);
        String name = daybreakOnly ? typed.substring(prefix.length()) : typed;
        List<String> daybreak = CommandCatalog.daybreakCommands(session);
        List<String> candidates = new ArrayList<>(daybreak);
        if (!daybreakOnly) {
            for (String command : CommandCatalog.commands(session)) {
                String function = command.substring(command.indexOf(':') + 1);
                if (!function.equals(NAME)) {
                    candidates.add(function);
                }
            }
        }
        String message = CommandCatalog.unknownCommand(name, candidates.stream().distinct().toList(), daybreak);
        DaybreakCommands.execute(rest, () -> {
            throw new InvalidInputException(message);
        }, (out, document) -> { });
        return null;
    }
}
