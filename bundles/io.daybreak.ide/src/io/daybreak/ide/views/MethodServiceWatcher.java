package io.daybreak.ide.views;

import org.eclipse.swt.widgets.Display;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;

import io.daybreak.core.method.Method;

/**
 * Runs an action on the UI thread whenever a method service is registered, modified or unregistered (a
 * method bundle installed, updated, started, stopped or uninstalled). Service events are delivered
 * synchronously, so by the time the action runs the method registry has seen the change too.
 */
public final class MethodServiceWatcher implements AutoCloseable {
    private final ServiceTracker<Method, Method> tracker;

    public MethodServiceWatcher(BundleContext context, Display display, Runnable onChange) {
        Runnable later = () -> {
            if (!display.isDisposed()) {
                display.asyncExec(onChange);
            }
        };
        tracker = new ServiceTracker<>(context, Method.class, null) {
            @Override
            public Method addingService(ServiceReference<Method> reference) {
                later.run();
                return context.getService(reference);
            }

            @Override
            public void modifiedService(ServiceReference<Method> reference, Method service) {
                later.run();
            }

            @Override
            public void removedService(ServiceReference<Method> reference, Method service) {
                context.ungetService(reference);
                later.run();
            }
        };
        tracker.open();
    }

    @Override
    public void close() {
        tracker.close();
    }
}
