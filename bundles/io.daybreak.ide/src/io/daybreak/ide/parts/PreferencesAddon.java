package io.daybreak.ide.parts;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;

import jakarta.annotation.PostConstruct;

import org.eclipse.e4.core.contexts.IEclipseContext;
import org.osgi.framework.FrameworkUtil;

import io.daybreak.ide.preferences.IdePreferences;

/**
 * Puts the IDE's preferences into the application context, read from {@value #FILE} in the workspace
 * ({@code -data}); parts and handlers have them injected.
 */
public final class PreferencesAddon {
    static final String FILE = "daybreak-ide.prefs";

    @PostConstruct
    void start(IEclipseContext context) {
        Path file = workspace().resolve(FILE);
        IdePreferences preferences;
        try {
            preferences = IdePreferences.load(file);
        } catch (IOException e) {
            // the IDE still starts; the file is only replaced if the user saves new preferences
            System.err.println("daybreak: " + e.getMessage() + "; starting with the default preferences");
            preferences = IdePreferences.defaults(file);
        }
        context.set(IdePreferences.class, preferences);
    }

    /** The workspace folder ({@code -data}); the user's ~/.daybreak/ide when the runtime has none. */
    static Path workspace() {
        String area = FrameworkUtil.getBundle(PreferencesAddon.class).getBundleContext()
                .getProperty("osgi.instance.area");
        if (area != null && area.startsWith("file:")) {
            try {
                return Path.of(new URI(area.replace(" ", "%20")));
            } catch (URISyntaxException | IllegalArgumentException e) {
                return Path.of(area.substring("file:".length()));
            }
        }
        return Path.of(System.getProperty("user.home"), ".daybreak", "ide");
    }
}
