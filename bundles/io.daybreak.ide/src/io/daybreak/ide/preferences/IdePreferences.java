package io.daybreak.ide.preferences;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.eclipse.jface.preference.IPreferenceStore;
import org.eclipse.jface.preference.PreferenceStore;

import io.daybreak.data.AtomicFiles;

/**
 * The IDE's preferences, kept in one properties file in the workspace ({@code -data}, by default
 * {@code ~/.daybreak/ide}): the default seed of runs, the folder for study files, and the federation
 * connection the Federation view starts with. The JFace store backs the Window > Preferences pages.
 */
public final class IdePreferences {
    public static final String SEED = "runs.seed";
    public static final String STUDY_DIRECTORY = "studies.directory";
    public static final String NODES = "federation.nodes";
    public static final String CERTIFICATE = "federation.certificate";
    public static final String KEY = "federation.key";
    public static final String TRUST = "federation.trust";
    /** The input files chosen lately, newest first, one per line. */
    public static final String RECENT_INPUTS = "inputs.recent";
    /** How many recent input files are kept. */
    public static final int RECENT_LIMIT = 10;

    private final Path file;
    private final PreferenceStore store = new PreferenceStore();

    private IdePreferences(Path file) {
        this.file = file;
        store.setDefault(STUDY_DIRECTORY, System.getProperty("user.home"));
    }

    /**
     * Reads the preferences file, or starts with the defaults when there is none yet.
     *
     * @throws IOException naming the file when it exists but cannot be read
     */
    public static IdePreferences load(Path file) throws IOException {
        IdePreferences preferences = new IdePreferences(file);
        if (Files.exists(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                preferences.store.load(in);
            } catch (IOException | IllegalArgumentException e) {
                throw new IOException("cannot read the IDE preferences " + file + ": " + e.getMessage(), e);
            }
        }
        return preferences;
    }

    /** The defaults only, saved to the given file when the user changes them (used when the file is unreadable). */
    public static IdePreferences defaults(Path file) {
        return new IdePreferences(file);
    }

    /** The store the preference pages edit. */
    public IPreferenceStore store() {
        return store;
    }

    /** Writes the preferences atomically: an interrupted save leaves the previous file intact. */
    public void save() throws IOException {
        AtomicFiles.write(file, out -> store.save(out, "Daybreak IDE preferences"));
    }

    public Path file() {
        return file;
    }

    /** The seed new runs start with, or empty for a fresh one per run. */
    public Optional<Long> seed() {
        String text = store.getString(SEED).strip();
        return text.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(text));
    }

    /** Where Save Study and Open Study start. */
    public Path studyDirectory() {
        return Path.of(store.getString(STUDY_DIRECTORY));
    }

    /** The input files chosen lately, newest first. */
    public List<Path> recentInputs() {
        List<Path> files = new ArrayList<>();
        for (String line : store.getString(RECENT_INPUTS).split("\n")) {
            if (!line.isBlank()) {
                files.add(Path.of(line.strip()));
            }
        }
        return files;
    }

    /** Puts a file first in the recent inputs (keeping {@value #RECENT_LIMIT}) and saves the preferences. */
    public void rememberInput(Path file) throws IOException {
        List<Path> files = recentInputs();
        files.remove(file);
        files.add(0, file);
        List<String> lines = files.stream().limit(RECENT_LIMIT).map(Path::toString).toList();
        store.setValue(RECENT_INPUTS, String.join("\n", lines));
        save();
    }

    /** The connection the Federation view starts with, when the nodes are set. */
    public Optional<FederationDefaults> federation() {
        String nodes = store.getString(NODES).strip();
        if (nodes.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new FederationDefaults(nodes, Path.of(store.getString(CERTIFICATE)),
                Path.of(store.getString(KEY)), Path.of(store.getString(TRUST))));
    }

    /** A study's site nodes ({@code name=host:port,...}) and the researcher's certificate files. */
    public record FederationDefaults(String nodes, Path certificate, Path key, Path trust) {
    }
}
