package io.daybreak.ide.views;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;

import org.apache.arrow.memory.BufferAllocator;

import io.daybreak.core.jobs.Job;
import io.daybreak.core.jobs.JobService;
import io.daybreak.core.jobs.RunRequest;
import io.daybreak.core.jobs.RunResult;
import io.daybreak.core.method.MethodDescriptor;
import io.daybreak.core.provenance.ProvenanceRecord;
import io.daybreak.core.registry.MethodRegistry;
import io.daybreak.core.study.Study;
import io.daybreak.core.study.StudyFiles;
import io.daybreak.data.Table;
import io.daybreak.data.files.TableFiles;

/**
 * Brings runs typed into the Console view to the Results view. The console command owns its result and closes
 * it once it has printed it, so the IDE cannot borrow those tables; instead it reproduces the run from the job's
 * provenance record (method, bound parameters, seed) and the input files named on the command line
 * ({@code run ... --in [name=]file}, or a study file's inputs for {@code run-study}), and compares the output
 * digests of the two runs, so the Results view says whether it shows exactly what the console computed.
 *
 * <p>The reproduction's input tables are read into a child of the allocator given, closed when its job ends;
 * the result goes to the consumer, which owns it. Any thread.
 */
public final class ConsoleRuns {
    private final JobService jobs;
    private final MethodRegistry registry;
    private final BufferAllocator allocator;

    /** @param allocator where reproductions read their input files; the owner closes it */
    public ConsoleRuns(JobService jobs, MethodRegistry registry, BufferAllocator allocator) {
        this.jobs = jobs;
        this.registry = registry;
        this.allocator = allocator;
    }

    /**
     * The method a console line runs and the input files it names, or null for a line that runs no method here
     * ({@code methods}, {@code fed ...}, Gogo's own commands).
     */
    public static Invocation parse(String line) {
        List<String> words = words(line);
        if (words.size() >= 2 && words.get(0).equals("run-study")) {
            Path file = Path.of(words.get(1)).toAbsolutePath();
            Study study = StudyFiles.read(file);
            return study.federation() != null ? null : parse(study.commandLine(file.getParent()));
        }
        if (words.size() >= 1 && words.get(0).equals("compare")) {
            return new Invocation("design.compare", List.of());
        }
        return words.size() >= 2 && words.get(0).equals("run") ? parse(words) : null;
    }

    private static Invocation parse(List<String> words) {
        List<String> inputs = new ArrayList<>();
        for (int i = 2; i < words.size() - 1; i++) {
            if (words.get(i).equals("--in")) {
                inputs.add(words.get(++i));
            }
        }
        return new Invocation(words.get(1), inputs);
    }

    /** Splits a command line into words as the Gogo shell does for plain arguments: spaces, '...' and "...". */
    static List<String> words(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        char quote = 0;
        boolean inWord = false;
        for (char c : line.toCharArray()) {
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }

    /**
     * A console line's method and its {@code --in} arguments as typed ({@code file} binds the first input,
     * {@code name=file} a named one, as the run command reads them).
     */
    public record Invocation(String methodId, List<String> inputs) {
        public Invocation {
            Objects.requireNonNull(methodId, "methodId");
            inputs = List.copyOf(inputs);
        }
    }

    /**
     * Runs a finished console job again with its recorded parameters and seed and the line's input files, and
     * hands the result with a title to {@code show} (on the job service's thread), or the reason it could not be
     * reproduced to {@code failed}.
     */
    public void reproduce(Job consoleJob, Invocation invocation, BiConsumer<String, RunResult> show,
            java.util.function.Consumer<String> failed) {
        ProvenanceRecord record = consoleJob.provenance();
        if (record == null) {
            failed.accept("job " + consoleJob.id() + " has no provenance record");
            return;
        }
        BufferAllocator inputs = allocator.newChildAllocator("ide console job " + consoleJob.id(), 0, Long.MAX_VALUE);
        Map<String, Table> tables = new LinkedHashMap<>();
        Job job;
        try {
            read(registry.require(record.methodId()).descriptor(), invocation, tables, inputs);
            job = jobs.submit(new RunRequest(record.methodId(), record.parameters(), tables, record.seed()));
        } catch (RuntimeException e) {
            close(tables, inputs);
            failed.accept("job " + consoleJob.id() + " could not be shown again: " + e.getMessage());
            return;
        }
        job.completion().whenComplete((result, failure) -> {
            close(tables, inputs);
            if (result == null) {
                failed.accept("job " + consoleJob.id() + " could not be shown again: " + failure.getMessage());
                return;
            }
            boolean same = result.provenance().outputDigests().equals(record.outputDigests());
            show.accept(record.methodId() + " (console job " + consoleJob.id() + ", seed " + record.seed()
                    + (same ? "; reproduced, same output digests)" : "; REPRODUCED WITH DIFFERENT OUTPUT DIGESTS: an input "
                            + "file changed since?)"), result);
        });
    }

    private static void read(MethodDescriptor descriptor, Invocation invocation, Map<String, Table> tables,
            BufferAllocator allocator) {
        for (String spec : invocation.inputs()) {
            int eq = spec.indexOf('=');
            boolean named = eq > 0 && descriptor.inputs().stream().anyMatch(t -> t.name().equals(spec.substring(0, eq)));
            if (!named && descriptor.inputs().isEmpty()) {
                continue;
            }
            String name = named ? spec.substring(0, eq) : descriptor.inputs().get(0).name();
            tables.put(name, TableFiles.read(Path.of(named ? spec.substring(eq + 1) : spec), allocator));
        }
    }

    private static void close(Map<String, Table> tables, BufferAllocator allocator) {
        tables.values().forEach(Table::close);
        allocator.close();
    }
}
