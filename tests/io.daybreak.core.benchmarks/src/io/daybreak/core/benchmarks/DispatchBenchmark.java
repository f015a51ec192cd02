package io.daybreak.core.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Hashtable;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;

import io.daybreak.core.jobs.JobService;
import io.daybreak.core.jobs.RunRequest;
import io.daybreak.core.jobs.RunResult;
import io.daybreak.core.method.Method;
import io.daybreak.core.method.MethodContext;
import io.daybreak.core.method.MethodDescriptor;
import io.daybreak.core.method.MethodResult;
import io.daybreak.core.method.ParameterSpec;
import io.daybreak.core.method.Parameters;
import io.daybreak.core.testing.Await;
import io.daybreak.data.Table;

/**
 * Measures the in-process overhead of dispatching a run through the job service for a trivial method:
 * parameter binding, queueing, the worker hand-off, the run allocator, provenance and completion. Not a
 * test: it asserts nothing and only runs with {@code ./mvnw -B verify -Pbenchmarks}; the figures go to
 * stdout and target/benchmark-results.txt (see docs/benchmarks.md).
 */
class DispatchBenchmark {
    private static final int WARMUP = 20_000;
    private static final int MEASURED = 50_000;

    /** Adds two numbers: as close to no work as a method gets. */
    static final class Trivial implements Method {
        @Override
        public MethodDescriptor descriptor() {
            return MethodDescriptor.builder("bench.trivial", "adds two numbers")
                    .parameter(ParameterSpec.real("a").defaultValue(1.0))
                    .parameter(ParameterSpec.real("b").defaultValue(2.0))
                    .build();
        }

        @Override
        public MethodResult apply(Map<String, Table> inputs, Parameters parameters, MethodContext context) {
            return MethodResult.builder().summary("sum", parameters.real("a") + parameters.real("b")).build();
        }
    }

    @Test
    void dispatchOverhead() throws Exception {
        BundleContext context = FrameworkUtil.getBundle(DispatchBenchmark.class).getBundleContext();
        JobService jobs = Await.service(context, JobService.class);
        ServiceRegistration<Method> registration = context.registerService(Method.class, new Trivial(), new Hashtable<>());
        try {
            Map<String, String> parameters = Map.of("a", "3", "b", "4");
            for (int i = 0; i < WARMUP; i++) {
                runOnce(jobs, parameters);
            }
            long[] nanos = new long[MEASURED];
            long start = System.nanoTime();
            for (int i = 0; i < MEASURED; i++) {
                long t0 = System.nanoTime();
                runOnce(jobs, parameters);
                nanos[i] = System.nanoTime() - t0;
            }
            long total = System.nanoTime() - start;
            Arrays.sort(nanos);
            String report = String.format("dispatch of a trivial method through JobService.run (submit, worker, "
                    + "provenance, result): %d runs after %d warm-up runs%n"
                    + "  mean %.1f us, median %.1f us, p90 %.1f us, p99 %.1f us, max %.1f us%n"
                    + "  java %s, %d processors%n",
                    MEASURED, WARMUP, total / 1e3 / MEASURED, nanos[MEASURED / 2] / 1e3, nanos[MEASURED * 9 / 10] / 1e3,
                    nanos[MEASURED * 99 / 100] / 1e3, nanos[MEASURED - 1] / 1e3, Runtime.version(),
                    Runtime.getRuntime().availableProcessors());
            System.out.print(report);
            write(report);
        } finally {
            registration.unregister();
        }
    }

    private static void runOnce(JobService jobs, Map<String, String> parameters) throws InterruptedException {
        try (RunResult result = jobs.run(new RunRequest("bench.trivial", parameters, Map.of(), 1L))) {
            if ((Double) result.summary().get("sum") != 7.0) {
                throw new IllegalStateException("wrong result");
            }
        }
    }

    private static void write(String report) throws IOException {
        String file = System.getProperty("daybreak.benchmark.report");
        if (file != null) {
            Files.writeString(Path.of(file), report);
        }
    }
}
