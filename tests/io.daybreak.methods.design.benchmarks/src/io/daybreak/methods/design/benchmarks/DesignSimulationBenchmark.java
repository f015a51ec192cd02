package io.daybreak.methods.design.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;

import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.memory.unsafe.UnsafeAllocationManager;
import org.junit.jupiter.api.Test;

import io.daybreak.core.method.Method;
import io.daybreak.core.method.MethodResult;
import io.daybreak.core.method.Parameters;
import io.daybreak.core.testing.TestMethodContext;
import io.daybreak.data.Table;
import io.daybreak.methods.design.blrm.BlrmMethod;
import io.daybreak.methods.design.boin12.Boin12Method;
import io.daybreak.methods.design.crm.TiteCrmMethod;
import io.daybreak.methods.design.interval.TiteBoinMethod;
import io.daybreak.methods.design.interval.BoinMethod;
import io.daybreak.methods.design.crm.CrmMethod;
import io.daybreak.methods.design.threeplusthree.ThreePlusThreeMethod;

/**
 * Simulation speed of the design methods, in-process, for the reference setting: 6 doses, 12 cohorts
 * of 3. Single-thread figures run the method inside a one-thread ForkJoinPool (its parallel streams then use
 * that pool only); all-core figures use the common pool. Each figure is the median of 15 timed repetitions
 * after 10 warm-up runs of both variants (BLRM: 5 after 3). Also runs 1,000,000 BOIN trials in this JVM's
 * 256 MB heap. Asserts nothing; only with {@code ./mvnw -B verify -Pbenchmarks} (docs/benchmarks.md).
 */
class DesignSimulationBenchmark {
    private static final String TRUTH = "0.05,0.12,0.25,0.40,0.55,0.70";
    private static final int WARM_UP = 10;
    private static final int REPETITIONS = 15;

    @Test
    void simulationSpeed() throws Exception {
        StringBuilder report = new StringBuilder();
        try (BufferAllocator allocator = new RootAllocator(RootAllocator.configBuilder()
                .allocationManagerFactory(UnsafeAllocationManager.FACTORY).build())) {
            Map<String, String> boin = Map.of("truth", TRUTH, "target", "0.3", "cohorts", "12", "trials", "10000");
            Map<String, String> threePlusThree = Map.of("truth", TRUTH, "oc", "simulate", "trials", "10000");
            measure(report, "design.boin, 10,000 trials", new BoinMethod(), boin, allocator);
            measure(report, "design.3plus3 (simulated), 10,000 trials", new ThreePlusThreeMethod(), threePlusThree,
                    allocator);
            Map<String, String> crm = Map.of("truth", TRUTH, "target", "0.3", "cohorts", "12", "trials", "10000",
                    "halfwidth", "0.05", "priorMtd", "4");
            measure(report, "design.crm (empiric), 10,000 trials", new CrmMethod(), crm, allocator);
            Map<String, String> blrm = Map.of("truth", TRUTH, "target", "0.3", "cohorts", "12", "trials", "1000");
            measure(report, "design.blrm (EWOC), 1,000 trials", new BlrmMethod(), blrm, allocator, 3, 5);
            Map<String, String> titeCrm = Map.of("truth", TRUTH, "target", "0.3", "cohorts", "36", "trials", "10000",
                    "halfwidth", "0.05", "priorMtd", "4");
            measure(report, "design.tite-crm (36 patients one by one), 10,000 trials", new TiteCrmMethod(), titeCrm,
                    allocator, 3, 5);
            Map<String, String> titeBoin = Map.of("truth", TRUTH, "target", "0.3", "cohorts", "12", "trials", "10000");
            measure(report, "design.tite-boin, 10,000 trials", new TiteBoinMethod(), titeBoin, allocator);
            Map<String, String> boin12 = Map.of("truth", TRUTH, "efficacy", "0.1,0.2,0.35,0.45,0.5,0.5", "cohorts", "12",
                    "trials", "10000");
            measure(report, "design.boin12, 10,000 trials", new Boin12Method(), boin12, allocator);
            long heap = Runtime.getRuntime().maxMemory() >> 20;
            long start = System.nanoTime();
            run(new BoinMethod(), Map.of("truth", TRUTH, "target", "0.3", "cohorts", "12", "trials", "1000000"),
                    allocator);
            report.append(String.format("design.boin, 1,000,000 trials, all cores, max heap %d MB: %.0f ms%n", heap,
                    (System.nanoTime() - start) / 1e6));
        }
        report.append(String.format("java %s, %d processors%n", Runtime.version(), Runtime.getRuntime().availableProcessors()));
        System.out.print(report);
        String file = System.getProperty("daybreak.benchmark.report");
        if (file != null) {
            Files.writeString(Path.of(file), report.toString());
        }
    }

    private static void measure(StringBuilder report, String label, Method method, Map<String, String> parameters,
            BufferAllocator allocator) throws Exception {
        measure(report, label, method, parameters, allocator, WARM_UP, REPETITIONS);
    }

    private static void measure(StringBuilder report, String label, Method method, Map<String, String> parameters,
            BufferAllocator allocator, int warmUp, int repetitions) throws Exception {
        ForkJoinPool single = new ForkJoinPool(1);
        try {
            Action oneThread = () -> single.submit(() -> run(method, parameters, allocator)).get();
            Action allCores = () -> run(method, parameters, allocator);
            for (int i = 0; i < warmUp; i++) { // warm both paths before timing either
                oneThread.run();
                allCores.run();
            }
            double singleMs = median(oneThread, repetitions);
            double allMs = median(allCores, repetitions);
            report.append(String.format("%s: one thread %.1f ms, all cores %.1f ms (median of %d)%n", label, singleMs,
                    allMs, repetitions));
        } finally {
            single.shutdown();
        }
    }

    @FunctionalInterface
    private interface Action {
        void run() throws Exception;
    }

    private static double median(Action action, int repetitions) throws Exception {
        double[] ms = new double[repetitions];
        for (int i = 0; i < ms.length; i++) {
            long start = System.nanoTime();
            action.run();
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        java.util.Arrays.sort(ms);
        return ms[ms.length / 2];
    }

    private static Object run(Method method, Map<String, String> raw, BufferAllocator allocator) throws IOException {
        MethodResult result;
        try {
            result = method.apply(Map.of(), Parameters.bind(method.descriptor(), raw), new TestMethodContext(allocator, 1));
        } catch (Exception e) {
            throw new IOException(e);
        }
        result.outputs().values().forEach(Table::close);
        return result;
    }
}
