package io.daybreak.console.internal;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleListener;
import org.osgi.framework.startlevel.BundleStartLevel;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;

/**
 * Tells the product's resident runtimes that its bundle set changed: when any runtime of the product installs,
 * updates or uninstalls a bundle, or a person starts or stops one ({@code install}, {@code update},
 * {@code start <id>} in the interactive shell), the change is stored in the product's framework state, which a
 * resident runtime read only when it started. This component touches {@value #MARKER} in the product's
 * configuration area; a resident runtime ends when that file changes, and the next command starts one with the
 * new bundles. Lazy activation on first use (a bundle already marked to start) and the framework's own start and
 * stop change nothing stored, so they are not reported.
 */
@Component(immediate = true)
public final class BundleChanges implements BundleListener {
    static final String MARKER = "daybreak-bundles.changed";

    @Reference
    private ServiceComponentRuntime scr;

    private final Set<Long> markedToStart = ConcurrentHashMap.newKeySet();
    private BundleContext context;
    private volatile boolean ready;

    @Activate
    void activate(BundleContext bundleContext) {
        context = bundleContext;
        context.addBundleListener(this);
        Thread wait = new Thread(() -> {
            if (StartupBarrier.await(context, scr, ConsoleLauncher.STARTUP_TIMEOUT_MS)) {
                for (Bundle bundle : context.getBundles()) {
                    if (isMarkedToStart(bundle)) {
                        markedToStart.add(bundle.getBundleId());
                    }
                }
                ready = true;
            }
        }, "daybreak-bundle-changes");
        wait.setDaemon(true);
        wait.start();
    }

    @Deactivate
    void deactivate() {
        ready = false;
        context.removeBundleListener(this);
    }

    @Override
    public void bundleChanged(BundleEvent event) {
        if (!ready || context.getBundle(0).getState() != Bundle.ACTIVE) {
            return;
        }
        Bundle bundle = event.getBundle();
        boolean stored = switch (event.getType()) {
        case BundleEvent.INSTALLED, BundleEvent.UPDATED, BundleEvent.UNINSTALLED -> true;
        case BundleEvent.STARTED -> markedToStart.add(bundle.getBundleId());
        case BundleEvent.STOPPED -> !isMarkedToStart(bundle) && markedToStart.remove(bundle.getBundleId());
        default -> false;
        };
        if (stored) {
            touch(marker(context));
        }
    }

    private static boolean isMarkedToStart(Bundle bundle) {
        BundleStartLevel level = bundle.adapt(BundleStartLevel.class);
        return level != null && level.isPersistentlyStarted();
    }

    /** The marker file of this product, or null when the configuration area is not a local directory. */
    static Path marker(BundleContext context) {
        String area = context.getProperty("osgi.configuration.area");
        if (area == null) {
            return null;
        }
        try {
            return Path.of(new URI(area.replace(" ", "%20"))).resolve(MARKER);
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }

    /** The marker's modification time, or null while there is none. */
    static FileTime modified(Path marker) {
        try {
            return marker == null ? null : Files.getLastModifiedTime(marker);
        } catch (IOException e) {
            return null;
        }
    }

    private static void touch(Path marker) {
        if (marker == null) {
            return;
        }
        try {
            Files.writeString(marker, Long.toString(System.nanoTime()));
        } catch (IOException e) {
            System.err.println("daybreak: cannot record a bundle change in " + marker + ": " + e.getMessage());
        }
    }
}
