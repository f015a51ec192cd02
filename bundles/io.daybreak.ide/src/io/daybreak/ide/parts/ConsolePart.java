package io.daybreak.ide.parts;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

import org.apache.arrow.memory.BufferAllocator;

import org.apache.felix.service.command.CommandProcessor;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

import io.daybreak.core.jobs.JobService;
import io.daybreak.core.registry.MethodRegistry;
import io.daybreak.data.ArrowMemory;
import io.daybreak.ide.views.ConsoleRuns;
import io.daybreak.ide.views.ConsoleView;

/**
 * The Console part: the Gogo shell of this runtime, with the Daybreak commands. Runs typed here go to the Results
 * view like the form's ({@link ConsoleRuns}); the History view lists them as it lists every job of the runtime.
 * The part owns the allocator console runs are reproduced in.
 */
public final class ConsolePart {
    private static final long WAIT_MILLIS = 10_000;
    @Inject
    private JobService jobs;
    @Inject
    private MethodRegistry registry;
    @Inject
    private ArrowMemory memory;
    @Inject
    private IEventBroker broker;
    private BufferAllocator allocator;
    private ServiceTracker<CommandProcessor, CommandProcessor> processors;

    @PostConstruct
    void create(Composite parent) throws InterruptedException {
        parent.setLayout(new FillLayout());
        processors = new ServiceTracker<>(FrameworkUtil.getBundle(getClass()).getBundleContext(),
                CommandProcessor.class, null);
        processors.open();
        CommandProcessor processor = processors.waitForService(WAIT_MILLIS);
        if (processor == null) {
            new Label(parent, SWT.WRAP).setText("The Gogo runtime (org.apache.felix.gogo.runtime) is not running in "
                    + "this IDE, so there is no console.");
            return;
        }
        ConsoleView view = new ConsoleView(parent, processor);
        allocator = memory.newChildAllocator("ide console runs");
        ConsoleRuns runs = new ConsoleRuns(jobs, registry, allocator);
        view.onRunSucceeded(jobs, (job, invocation) -> runs.reproduce(job, invocation,
                (title, result) -> broker.post(Topics.RESULT, new ShownResult(title, result)), view::note));
    }

    @PreDestroy
    void dispose() {
        processors.close();
        if (allocator != null) {
            try {
                allocator.close();
            } catch (IllegalStateException e) {
                // a reproduction still runs at exit; its job closes its own tables
                System.err.println("daybreak: console runs still reading input tables at exit: " + e.getMessage());
            }
        }
    }
}
