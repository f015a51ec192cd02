package io.daybreak.ide.views;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The input files each run of this IDE session read, by job id and input name, so that History can re-run a run
 * that read tables by reading the same files again (provenance keeps digests, not data). Runs from the parameter
 * form record the file with its size and modification time as the picker read it; console runs record the files
 * their line names ({@code --in [name=]file}), without a size or time. Thread-safe.
 */
public final class RunInputs {
    /** One input file; {@code size} and {@code modified} (epoch millis) are -1 when not known. */
    public record Input(Path file, long size, long modified) {
        /** The file as it is now, or why it cannot be used again: "" when it is there and, if known, unchanged. */
        public String change() {
            if (!Files.isRegularFile(file)) {
                return file + " is gone";
            }
            if (size < 0) {
                return "";
            }
            Input now = stamp(file);
            return now.size == size && now.modified == modified ? ""
                    : file.getFileName() + " changed since the run read it (size or modification time differ)";
        }
    }

    private static final Map<Long, Map<String, Input>> BY_JOB = new ConcurrentHashMap<>();

    private RunInputs() {
    }

    /** A file with its current size and modification time (-1 when they cannot be read). */
    static Input stamp(Path file) {
        try {
            return new Input(file, Files.size(file), Files.getLastModifiedTime(file).toMillis());
        } catch (IOException e) {
            return new Input(file, -1, -1);
        }
    }

    /** Records the tables a run from the form read (as their pickers read them). */
    public static void record(long jobId, Map<String, LoadedTable> tables) {
        Map<String, Input> inputs = new LinkedHashMap<>();
        tables.forEach((name, table) -> inputs.put(name, table.stamp()));
        BY_JOB.put(jobId, Map.copyOf(inputs));
    }

    /**
     * Records the files a console line names: {@code name=file} binds an input by name, a plain file the run's
     * only (first) input, as {@link ConsoleRuns} reads them; {@code inputNames} are the inputs the run read.
     */
    static void recordConsole(long jobId, List<String> specs, List<String> inputNames) {
        Map<String, Input> inputs = new LinkedHashMap<>();
        for (String spec : specs) {
            int eq = spec.indexOf('=');
            boolean named = eq > 0 && inputNames.contains(spec.substring(0, eq));
            if (!named && inputNames.isEmpty()) {
                continue;
            }
            String name = named ? spec.substring(0, eq) : inputNames.get(0);
            inputs.put(name, new Input(Path.of(named ? spec.substring(eq + 1) : spec).toAbsolutePath(), -1, -1));
        }
        BY_JOB.put(jobId, Map.copyOf(inputs));
    }

    /** The files a job read, by input name, or null when this session did not record them. */
    public static Map<String, Input> of(long jobId) {
        return BY_JOB.get(jobId);
    }
}
