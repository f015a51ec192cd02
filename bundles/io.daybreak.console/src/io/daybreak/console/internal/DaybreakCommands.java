package io.daybreak.console.internal;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;

import org.apache.felix.service.command.Descriptor;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import io.daybreak.core.jobs.Job;
import io.daybreak.core.jobs.JobService;
import io.daybreak.core.registry.MethodRegistry;
import io.daybreak.core.text.Suggestions;
import io.daybreak.data.ArrowMemory;
import io.daybreak.data.InvalidInputException;
import io.daybreak.federation.FederatedMethod;

/**
 * The Gogo commands of scope {@code daybreak}. Each command parses its arguments, delegates to a service
 * and prints one document: JSON with {@code --json} (exactly one document on stdout, also for errors),
 * text otherwise. Failures are rethrown for the shell or the batch runner to turn into an exit code.
 */
@Component(service = DaybreakCommands.class, property = {
        "osgi.command.scope=daybreak",
        "osgi.command.function=methods",
        "osgi.command.function=describe",
        "osgi.command.function=run",
        "osgi.command.function=jobs",
        "osgi.command.function=compare",
        "osgi.command.function=cancel"})
public final class DaybreakCommands {
    private static final Set<String> JSON_ONLY = Set.of("--json");

    @Reference
    private MethodRegistry registry;
    @Reference
    private JobService jobService;
    @Reference
    private ArrowMemory memory;
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    private final List<FederatedMethod> federatedMethods = new CopyOnWriteArrayList<>();

    private boolean oneShot;

    @Activate
    void activate(BundleContext context) {
        // the resident runtime serves one-shot commands too: each client's process ends after its command
        oneShot = context.getProperty(ConsoleLauncher.ARGC) != null || context.getProperty(ResidentRuntime.SOCKET) != null;
    }

    @Descriptor("list the installed methods: id, version, category, bundle")
    public void methods(@Descriptor("[--json]") String... args) throws Exception {
        execute(args, () -> {
            CommandLine line = CommandLine.parse("methods", args, JSON_ONLY, Set.of());
            line.requireNoPositional("methods");
            line.requireNoKeyValues("methods");
            return Documents.methods(registry.methods());
        }, TextViews::methods);
    }

    @Descriptor("describe a method: descriptor, parameters with defaults and ranges, input and output tables; "
            + "--federated: the federated method of that id (the parameters of 'fed')")
    public void describe(@Descriptor("<method-id> [--federated] [--json]") String... args) throws Exception {
        execute(args, () -> {
            CommandLine line = CommandLine.parse("describe", args, Set.of("--json", "--federated"), Set.of());
            line.requireNoKeyValues("describe");
            String id = line.onlyPositional("describe", "method id");
            if (!line.flag("--federated")) {
                return Documents.describe(registry.require(id));
            }
            FederatedMethod method = federatedMethods.stream().filter(m -> m.id().equals(id)).findFirst()
                    .orElseThrow(() -> noFederatedMethod("describe", id, federatedMethods));
            Bundle bundle = FrameworkUtil.getBundle(method.getClass());
            return Documents.describe(method.descriptor(), bundle.getVersion().toString(), bundle.getSymbolicName());
        }, TextViews::describe);
    }

    @Descriptor("run a method and print its summary; --out writes the first output table (.csv, .arrow, .arrows), "
            + "--report an HTML report with the result's charts, --save the result as JSON for the report command")
    public void run(@Descriptor("<method-id> [name=value ...] [--in [name=]file ...] [--out [name=]file] [--report file.html] "
            + "[--save result.json] [--seed n] [--delimiter ,|;|tab] [--types name=type,...] [--background] [--json]")
            String... args) throws Exception {
        boolean json = isJson(args);
        PrintStream err = System.err;
        execute(args, () -> {
            CommandLine line = CommandLine.parse("run", args, Set.of("--json", "--background"),
                    Set.of("--in", "--out", "--seed", "--report", "--save", "--delimiter", "--types"));
            return new RunInvocation(registry, jobService, memory, oneShot).run(line, json, err);
        }, (out, document) -> {
            if (document.containsKey("summary")) {
                TextViews.run(out, document);
                if (document.get("reportFile") != null) {
                    out.println("  report -> " + document.get("reportFile"));
                }
                if (document.get("savedFile") != null) {
                    out.println("  saved -> " + document.get("savedFile"));
                }
            } else {
                out.println("job " + document.get("job") + " submitted (" + document.get("method") + " "
                        + document.get("version") + "); see 'jobs'");
            }
        });
    }

    @Descriptor("compare dose-finding designs on the same simulated patients (runs design.compare); --report writes "
            + "an HTML report with SVG charts")
    public void compare(@Descriptor("scenarios=p,p,.../p,p,... target=t [designs=3plus3,boin,keyboard,crm,blrm] "
            + "[trials=..] [seed=..] [--out file] [--report file.html] [--json]") String... args) throws Exception {
        boolean json = isJson(args);
        PrintStream err = System.err;
        String[] withMethod = new String[args.length + 1];
        withMethod[0] = "design.compare";
        System.arraycopy(args, 0, withMethod, 1, args.length);
        execute(args, () -> {
            CommandLine line = CommandLine.parse("compare", withMethod, Set.of("--json"),
                    Set.of("--out", "--seed", "--report"));
            return new RunInvocation(registry, jobService, memory, oneShot).run(line, json, err);
        }, (out, document) -> {
            TextViews.run(out, document);
            if (document.get("reportFile") != null) {
                out.println("  report -> " + document.get("reportFile"));
            }
        });
    }

    @Descriptor("list queued, running and recent jobs; with a job id, that job in full (summary, log, provenance)")
    public void jobs(@Descriptor("[<job-id>] [--json]") String... args) throws Exception {
        execute(args, () -> {
            CommandLine line = CommandLine.parse("jobs", args, JSON_ONLY, Set.of());
            line.requireNoKeyValues("jobs");
            if (line.positional().isEmpty()) {
                return Documents.jobs(jobService.jobs());
            }
            return Documents.job(job("jobs", line.onlyPositional("jobs", "job id")));
        }, (out, document) -> {
            if (document.containsKey("jobs")) {
                TextViews.jobs(out, document);
            } else {
                TextViews.job(out, document);
            }
        });
    }

    @Descriptor("request cancellation of a queued or running job")
    public void cancel(@Descriptor("<job-id> [--json]") String... args) throws Exception {
        execute(args, () -> {
            CommandLine line = CommandLine.parse("cancel", args, JSON_ONLY, Set.of());
            line.requireNoKeyValues("cancel");
            Job job = job("cancel", line.onlyPositional("cancel", "job id"));
            return Documents.cancel(job.id(), jobService.cancel(job.id()), job);
        }, (out, document) -> out.println("job " + document.get("job") + ": "
                + (Boolean.TRUE.equals(document.get("cancelRequested")) ? "cancellation requested"
                        : "already " + document.get("status"))));
    }

    /** Bad input for an unknown federated method id: the close ids if it looks like a typo, else all of them. */
    static InvalidInputException noFederatedMethod(String command, String id, List<FederatedMethod> methods) {
        List<String> ids = methods.stream().map(FederatedMethod::id).sorted().toList();
        String suggestion = Suggestions.didYouMean(id, ids);
        return new InvalidInputException(command + ": no federated method '" + id + "'; "
                + (suggestion.isEmpty() ? "available: " + ids : suggestion));
    }

    private Job job(String command, String text) {
        long id;
        try {
            id = Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new InvalidInputException(command + ": job id must be a number, got '" + text + "'");
        }
        return jobService.job(id).orElseThrow(() -> new InvalidInputException(command + ": no job " + id
                + (oneShot ? " (jobs live in one process: use the interactive shell, ./daybreak)" : "; see 'jobs'")));
    }

    static void execute(String[] args, Callable<Map<String, Object>> action,
            BiConsumer<PrintStream, Map<String, Object>> text) throws Exception {
        boolean json = isJson(args);
        PrintStream out = System.out;
        Map<String, Object> document;
        try {
            document = action.call();
        } catch (Exception e) {
            if (json) {
                Output.json(out, Documents.error(Failures.kind(e), Failures.message(e)));
            }
            throw e;
        }
        if (json) {
            Output.json(out, document);
        } else {
            text.accept(out, document);
            out.flush();
        }
    }

    private static boolean isJson(String[] args) {
        return Arrays.asList(args).contains("--json");
    }
}
