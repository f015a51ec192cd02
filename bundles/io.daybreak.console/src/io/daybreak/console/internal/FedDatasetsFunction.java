package io.daybreak.console.internal;

import java.util.List;

import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Function;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code daybreak:fed-datasets}: a Gogo function object, because a hyphenated command name cannot be a Java
 * method; it delegates to {@link FederationCommands}.
 */
@Component(service = Function.class, property = {"osgi.command.scope=daybreak", "osgi.command.function=fed-datasets"})
public final class FedDatasetsFunction implements Function {
    @Reference
    private FederationCommands commands;

    @Override
    public Object execute(CommandSession session, List<Object> arguments) throws Exception {
        commands.fedDatasets(arguments.stream().map(String::valueOf).toArray(String[]::new));
        return null;
    }
}
