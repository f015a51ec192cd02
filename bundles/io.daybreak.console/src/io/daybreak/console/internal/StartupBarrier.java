package io.daybreak.console.internal;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.startlevel.BundleStartLevel;
import org.osgi.framework.startlevel.FrameworkStartLevel;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Tells when start-up is over: the framework has reached its beginning start level, every bundle marked
 * to start at or below it has started (lazy ones are waiting for their first class load), and Declarative
 * Services has read the components of every started bundle. Only then does a command see every method.
 *
 * <p>The system bundle's ACTIVE state is not enough (it is ACTIVE while start levels still rise), and the
 * STARTED framework event may fire before a lazily started DS bundle's components are processed; both
 * were seen to race with a one-shot command.
 */
final class StartupBarrier {
    private StartupBarrier() {
    }

    /** Waits until start-up is over, then for the Daybreak commands; false after {@code timeoutMs}. */
    static boolean await(BundleContext context, ServiceComponentRuntime scr, long timeoutMs) {
        long deadline = System.currentTimeMillis() + timeoutMs;
        try {
            while (!isReady(context, scr)) {
                if (System.currentTimeMillis() > deadline) {
                    return false;
                }
                Thread.sleep(5);
            }
            ServiceTracker<Object, Object> commands = new ServiceTracker<>(context,
                    context.createFilter("(osgi.command.scope=daybreak)"), null);
            commands.open();
            try {
                return commands.waitForService(Math.max(1, deadline - System.currentTimeMillis())) != null;
            } finally {
                commands.close();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean isReady(BundleContext context, ServiceComponentRuntime scr) {
        Bundle system = context.getBundle(0);
        if (system.getState() != Bundle.ACTIVE) {
            return false;
        }
        int level = system.adapt(FrameworkStartLevel.class).getStartLevel();
        if (level < beginningStartLevel(context)) {
            return false;
        }
        for (Bundle bundle : context.getBundles()) {
            if (!isStarted(bundle, level)) {
                return false;
            }
            boolean started = bundle.getState() == Bundle.ACTIVE || bundle.getState() == Bundle.STARTING;
            if (started && bundle.getHeaders("").get("Service-Component") != null
                    && scr.getComponentDescriptionDTOs(bundle).isEmpty()) {
                return false;
            }
        }
        return true;
    }

    private static boolean isStarted(Bundle bundle, int frameworkLevel) {
        BundleStartLevel startLevel = bundle.adapt(BundleStartLevel.class);
        if (bundle.getBundleId() == 0 || startLevel == null || !startLevel.isPersistentlyStarted()
                || startLevel.getStartLevel() > frameworkLevel) {
            return true;
        }
        if (bundle.getState() == Bundle.ACTIVE) {
            return true;
        }
        boolean lazy = Constants.ACTIVATION_LAZY.equals(bundle.getHeaders("").get(Constants.BUNDLE_ACTIVATIONPOLICY))
                && startLevel.isActivationPolicyUsed();
        return lazy && bundle.getState() == Bundle.STARTING;
    }

    private static int beginningStartLevel(BundleContext context) {
        String level = context.getProperty("osgi.startLevel");
        try {
            return level == null ? 6 : Integer.parseInt(level.strip());
        } catch (NumberFormatException e) {
            return 6;
        }
    }
}
