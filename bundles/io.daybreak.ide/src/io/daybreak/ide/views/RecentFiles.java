package io.daybreak.ide.views;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The input files chosen lately, newest first, offered by every input picker. The IDE keeps them in its
 * preferences; {@link #inMemory()} is for views used without them (tests).
 */
public interface RecentFiles {
    /** At most this many are kept. */
    int LIMIT = 10;

    List<Path> list();

    /** Puts a file first (once). */
    void add(Path file);

    /** A list kept for the life of the object. */
    static RecentFiles inMemory() {
        List<Path> files = new ArrayList<>();
        return new RecentFiles() {
            @Override
            public List<Path> list() {
                return List.copyOf(files);
            }

            @Override
            public void add(Path file) {
                files.remove(file);
                files.add(0, file);
                while (files.size() > LIMIT) {
                    files.remove(files.size() - 1);
                }
            }
        };
    }
}
