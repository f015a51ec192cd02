package io.daybreak.ide.views;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BooleanSupplier;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;

/**
 * A real SWT shell per test on the display of the test run (Xvfb in CI), the OSGi services the views use,
 * event-loop helpers, and a PNG screenshot of the shell under {@code target/screenshots/}.
 */
abstract class UiTestSupport {
    Display display;
    Shell shell;

    @BeforeEach
    void openShell() {
        display = Display.getCurrent() != null ? Display.getCurrent() : Display.getDefault();
        shell = new Shell(display);
        shell.setLayout(new FillLayout());
        shell.setSize(1100, 700);
    }

    @AfterEach
    void closeShell() {
        shell.dispose();
        spin(Duration.ofMillis(50), () -> false);
    }

    static BundleContext context() {
        return FrameworkUtil.getBundle(UiTestSupport.class).getBundleContext();
    }

    static <T> T service(Class<T> type) {
        ServiceReference<T> reference = context().getServiceReference(type);
        if (reference == null) {
            throw new IllegalStateException("no " + type.getName() + " service");
        }
        return context().getService(reference);
    }

    /** Runs the event loop until the condition holds or the time is up; returns the condition. */
    boolean spin(Duration limit, BooleanSupplier condition) {
        long end = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < end) {
            if (!display.readAndDispatch()) {
                display.timerExec(10, () -> { });
                display.sleep();
            }
        }
        return condition.getAsBoolean();
    }

    /** Opens the shell and lets it paint. */
    void show() {
        shell.layout(true, true);
        shell.open();
        spin(Duration.ofMillis(300), () -> false);
    }

    /** Saves the shell as it is on screen. */
    void screenshot(String name) throws Exception {
        spin(Duration.ofMillis(200), () -> false);
        var size = shell.getSize();
        Image image = new Image(display, size.x, size.y);
        GC gc = new GC(shell);
        try {
            gc.copyArea(image, 0, 0);
        } finally {
            gc.dispose();
        }
        try {
            Path dir = Path.of(System.getProperty("daybreak.screenshots", "target/screenshots"));
            Files.createDirectories(dir);
            ImageLoader loader = new ImageLoader();
            loader.data = new ImageData[] {image.getImageData()};
            loader.save(dir.resolve(name + ".png").toString(), SWT.IMAGE_PNG);
        } finally {
            image.dispose();
        }
    }

    /** The installed bundle with this symbolic name. */
    static org.osgi.framework.Bundle bundle(String symbolicName) {
        for (org.osgi.framework.Bundle bundle : context().getBundles()) {
            if (bundle.getSymbolicName().equals(symbolicName)) {
                return bundle;
            }
        }
        throw new IllegalStateException("no bundle " + symbolicName);
    }

    /**
     * The jar a bundle was installed from. The launcher installs bundles by relative reference
     * ({@code initial@reference:file:../x.jar}); installing again needs the file's absolute path.
     */
    static Path jarOf(String location) {
        String reference = "reference:file:";
        String path = location.replaceFirst("^initial@", "");
        if (path.startsWith("file:")) {
            // installed at runtime (File > Install ...) from a jar's URI
            return Path.of(java.net.URI.create(path));
        }
        Path file = Path.of(path.startsWith(reference) ? path.substring(reference.length()) : path);
        if (!file.isAbsolute()) {
            String area = System.getProperty("osgi.install.area", "");
            for (String base : new String[] {System.getProperty("user.dir"),
                area.startsWith("file:") ? area.substring("file:".length()) : area}) {
                Path candidate = Path.of(base).resolve(file).normalize();
                if (Files.exists(candidate)) {
                    return candidate;
                }
            }
        }
        return file;
    }
}
