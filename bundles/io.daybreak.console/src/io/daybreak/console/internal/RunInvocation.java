package io.daybreak.console.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.arrow.memory.BufferAllocator;

import io.daybreak.core.jobs.Job;
import io.daybreak.core.jobs.JobService;
import io.daybreak.core.jobs.RunRequest;
import io.daybreak.core.jobs.RunResult;
import io.daybreak.core.method.MethodDescriptor;
import io.daybreak.core.method.TableSpec;
import io.daybreak.core.registry.MethodRegistry;
import io.daybreak.data.ArrowMemory;
import io.daybreak.data.InvalidInputException;
import io.daybreak.data.Table;
import io.daybreak.data.files.TableFiles;

/**
 * One {@code run} command: checks everything that can be checked before work starts (method, parameters,
 * input files, output path), reads the inputs into an allocator it owns, runs the job and writes the
 * chosen output table (the first declared one unless {@code --out name=file}) atomically. Inputs and results are
 * closed when the job is over, also on failure.
 */
final class RunInvocation {
    private final MethodRegistry registry;
    private final JobService jobs;
    private final ArrowMemory memory;
    private final boolean oneShot;

    /** @param oneShot whether the process ends after this command (the one-shot {@code ./daybreak run}) */
    RunInvocation(MethodRegistry registry, JobService jobs, ArrowMemory memory, boolean oneShot) {
        this.registry = registry;
        this.jobs = jobs;
        this.memory = memory;
        this.oneShot = oneShot;
    }

    Map<String, Object> run(CommandLine line, boolean json, PrintStream err) throws InterruptedException, IOException {
        String id = line.onlyPositional("run", "method id");
        MethodDescriptor descriptor = registry.require(id).descriptor();
        OutputTarget target = outputTarget(line, descriptor);
        Path out = target == null ? null : target.path();
        Path report = reportPath(line);
        Path save = line.option("run", "--save") == null ? null : Output.jsonOutput("run", line.option("run", "--save"));
        if (oneShot && line.flag("--background")) {
            throw new InvalidInputException("run: --background needs the interactive shell (./daybreak without "
                    + "arguments); a one-shot command ends the process and with it the job");
        }
        Map<String, String> parameters = new LinkedHashMap<>(line.keyValues());
        Long seed = seed(line, parameters, descriptor);
        CsvInputOptions csv = CsvInputOptions.of(line, "run");
        BufferAllocator inputAllocator = memory.newChildAllocator("console-inputs");
        Map<String, Table> inputs = new LinkedHashMap<>();
        Map<String, InputProblems.Source> sources = new LinkedHashMap<>();
        Job job;
        try {
            readInputs(line.options("--in"), descriptor, csv, sources, inputAllocator);
            sources.forEach((name, source) -> inputs.put(name, source.table()));
            job = jobs.submit(new RunRequest(id, parameters, inputs, seed));
        } catch (RuntimeException e) {
            RuntimeException explained = InputProblems.explain(e, sources);
            release(sources, inputAllocator);
            throw explained;
        }
        if (line.flag("--background")) {
            job.completion().whenComplete((result, failure) -> {
                try {
                    if (result != null) {
                        try (result) {
                            if (target != null) {
                                writeOutput(result, descriptor, target);
                            }
                        } catch (IOException | RuntimeException e) {
                            err.println("daybreak: job " + job.id() + ": " + e.getMessage());
                        }
                    }
                } finally {
                    release(sources, inputAllocator);
                }
            });
            return Documents.submitted(job);
        }
        try {
            if (ProgressBar.wanted(json)) {
                ProgressBar.follow(job, err);
            }
            try (RunResult result = jobs.await(job, null)) {
                String written = target == null ? null : writeOutput(result, descriptor, target);
                Map<String, Object> document = Documents.run(job, result, written, out,
                        out == null ? null : provenanceFile(out));
                if (report != null) {
                    RunReport.write(report, descriptor, result, document);
                    document.put("reportFile", report.toString());
                }
                if (save != null) {
                    // what the report command combines: this run's result with the charts --report would draw
                    Output.writeJson(save, RunReport.document(descriptor, result, document));
                    document.put("savedFile", save.toString());
                }
                return document;
            }
        } catch (RuntimeException e) {
            throw InputProblems.explain(e, sources); // before the finally block closes the inputs it reads
        } finally {
            if (!job.status().isFinal()) {
                jobs.cancel(job.id()); // interrupted while waiting: do not leave the run going
                job.completion().handle((r, f) -> r).join();
            }
            release(sources, inputAllocator);
        }
    }

    /** Where {@code --out} writes: the output table named (the first declared one by default) and the file. */
    record OutputTarget(String name, Path path) {
    }

    /**
     * Writes the chosen output table to its file and the run's provenance record next to it
     * ({@code out.provenance.json}): a result file never travels without its provenance.
     *
     * @return the name of the output written
     */
    private static String writeOutput(RunResult result, MethodDescriptor descriptor, OutputTarget target)
            throws IOException {
        String name = target.name();
        Path out = target.path();
        Table table = result.output(name);
        if (table == null) {
            throw new IllegalStateException("run: method " + descriptor.id() + " returned no '" + name
                    + "' table this time (it is optional), so nothing was written to " + out);
        }
        TableFiles.write(table, out);
        try {
            Output.writeJson(provenanceFile(out), Documents.provenance(result.provenance()));
        } catch (IOException | RuntimeException e) {
            java.nio.file.Files.deleteIfExists(out); // a result file never stays without its provenance
            throw e;
        }
        return name;
    }

    static Path provenanceFile(Path out) {
        return out.resolveSibling(out.getFileName() + ".provenance.json");
    }

    /** {@code --report file.html}: checked before the run, so a bad path costs no computation. */
    private static Path reportPath(CommandLine line) {
        String text = line.option("run", "--report");
        if (text == null) {
            return null;
        }
        return AnalysisReport.htmlOutput("--report", text);
    }

    /**
     * {@code --out file} writes the method's first declared output; {@code --out name=file} the output of that name
     * (as {@code --in name=file} binds a named input). A {@code name=} that names no output of the method is bad input,
     * unless what precedes the '=' is a path (it holds a '/' or a '.').
     */
    private static OutputTarget outputTarget(CommandLine line, MethodDescriptor descriptor) {
        String out = line.option("run", "--out");
        if (out == null) {
            return null;
        }
        if (descriptor.outputs().isEmpty()) {
            throw new InvalidInputException("run: method " + descriptor.id() + " has no output table to write to " + out);
        }
        List<String> names = descriptor.outputs().stream().map(TableSpec::name).toList();
        String name = names.get(0);
        String file = out;
        int eq = out.indexOf('=');
        if (eq > 0) {
            String prefix = out.substring(0, eq);
            if (names.contains(prefix)) {
                name = prefix;
                file = out.substring(eq + 1);
            } else if (!prefix.contains("/") && !prefix.contains(".")) {
                throw new InvalidInputException("run: --out " + out + ": method " + descriptor.id() + " has no output '"
                        + prefix + "'; outputs: " + String.join(", ", names));
            }
        }
        Path path = Path.of(file);
        TableFiles.checkWritable(path);
        return new OutputTarget(name, path);
    }

    /** {@code --seed S} or {@code seed=S} (unless the method itself has a parameter named seed). */
    private static Long seed(CommandLine line, Map<String, String> parameters, MethodDescriptor descriptor) {
        String text = line.option("run", "--seed");
        if (text == null && descriptor.parameter("seed") == null) {
            text = parameters.remove("seed");
        }
        if (text == null) {
            return null;
        }
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("run: seed must be an integer (64-bit), got '" + text + "'");
        }
    }

    /** {@code --in file} binds the method's first input; {@code --in name=file} a named one. */
    private static void readInputs(List<String> specs, MethodDescriptor descriptor, CsvInputOptions csv,
            Map<String, InputProblems.Source> inputs, BufferAllocator allocator) {
        for (String spec : specs) {
            int eq = spec.indexOf('=');
            String name;
            String file;
            if (eq > 0 && descriptor.inputs().stream().anyMatch(t -> t.name().equals(spec.substring(0, eq)))) {
                name = spec.substring(0, eq);
                file = spec.substring(eq + 1);
            } else if (descriptor.inputs().isEmpty()) {
                throw new InvalidInputException("run: method " + descriptor.id() + " takes no input tables");
            } else {
                name = descriptor.inputs().get(0).name();
                file = spec;
            }
            if (inputs.containsKey(name)) {
                throw new InvalidInputException("run: input '" + name + "' given twice; inputs: "
                        + String.join(", ", descriptor.inputs().stream().map(TableSpec::name).toList()));
            }
            Path path = Path.of(file);
            inputs.put(name, new InputProblems.Source(file, TableFiles.read(path, allocator, csv.forFile(path))));
        }
    }

    private static void release(Map<String, InputProblems.Source> inputs, BufferAllocator allocator) {
        inputs.values().forEach(source -> source.table().close());
        allocator.close();
    }
}
