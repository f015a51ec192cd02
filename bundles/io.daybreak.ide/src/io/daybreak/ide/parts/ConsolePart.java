package io.daybreak.ide.parts;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;

import org.apache.felix.service.command.CommandProcessor;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

import io.daybreak.ide.views.ConsoleView;

/** The Console part: the Gogo shell of this runtime, with the Daybreak commands. */
public final class ConsolePart {
    private static final long WAIT_MILLIS = 10_000;
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
        new ConsoleView(parent, processor);
    }

    @PreDestroy
    void dispose() {
        processors.close();
    }
}
