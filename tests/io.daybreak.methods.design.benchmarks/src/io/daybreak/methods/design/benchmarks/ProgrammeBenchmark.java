package io.daybreak.methods.design.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
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
import io.daybreak.methods.design.optimisation.ProgrammeMethod;
import io.daybreak.methods.design.optimisation.RandomisedSelectionMethod;
import io.daybreak.methods.design.optimisation.UBoinMethod;

/**
 * Speed of the dose-optimisation programme (issue 19: 10,000 programme trials ≤ 2 s), in-process: escalation of 12
 * cohorts of 3 over 6 doses (with or without backfill cohorts), then a randomised stage of 2 or 3 arms of 30, as one
 * trial per stream. For each setting:
 * the first run in a fresh JVM (JIT not warmed up), then the median of 15 timed runs after 10 warm-up runs on one
 * thread (a one-thread ForkJoinPool) and on all cores. Also design.u-boin (10,000 trials) and the exact PCS table of
 * design.randomised-selection (n = 10 … 80, two scenarios). Asserts nothing; only with -Pbenchmarks
 * (docs/benchmarks.md, "Escalation, backfill and randomised programme"); writes programme-benchmark-results.txt
 * next to the report file of {@link DesignSimulationBenchmark}.
 */
class ProgrammeBenchmark {
    private static final String TRUTH = "0.05,0.12,0.25,0.40,0.55,0.70";
    private static final String EFFICACY = "0.1,0.2,0.35,0.45,0.5,0.5";

    @Test
    void programmeSpeed() throws Exception {
        StringBuilder report = new StringBuilder();
        try (BufferAllocator allocator = new RootAllocator(RootAllocator.configBuilder()
                .allocationManagerFactory(UnsafeAllocationManager.FACTORY).build())) {
            Map<String, String> boin = Map.of("truth", TRUTH, "efficacy", EFFICACY, "target", "0.3", "cohorts", "12",
                    "arms", "2", "patientsPerArm", "30", "trials", "10000");
            long start = System.nanoTime();
            run(new ProgrammeMethod(), boin, allocator);
            report.append(String.format("design.programme (BOIN, 2 arms of 30), 10,000 trials, first run in this JVM: "
                    + "%.0f ms%n", (System.nanoTime() - start) / 1e6));
            measure(report, "design.programme (BOIN, 2 arms of 30), 10,000 trials", new ProgrammeMethod(), boin, allocator);
            Map<String, String> backfill = new java.util.HashMap<>(boin);
            backfill.put("backfill", "true");
            measure(report, "design.programme (BOIN with backfill, 2 arms of 30), 10,000 trials", new ProgrammeMethod(),
                    backfill, allocator);
            Map<String, String> crm = Map.of("truth", TRUTH, "efficacy", EFFICACY, "target", "0.3", "cohorts", "12",
                    "escalation", "crm", "arms", "3", "patientsPerArm", "30", "rule", "utility", "trials", "10000");
            measure(report, "design.programme (CRM, 3 arms of 30, utility), 10,000 trials", new ProgrammeMethod(), crm,
                    allocator);
            Map<String, String> uboin = Map.of("truth", TRUTH, "efficacy", EFFICACY, "cohorts", "12", "trials", "10000");
            measure(report, "design.u-boin, 10,000 trials", new UBoinMethod(), uboin, allocator);
            Map<String, String> pcs = Map.of("efficacy", "0.4,0.4/0.3,0.45", "toxicity", "0.1,0.2", "minPatients", "10",
                    "maxPatients", "80");
            measure(report, "design.randomised-selection, exact PCS for n = 10..80, 2 scenarios",
                    new RandomisedSelectionMethod(), pcs, allocator);
        }
        report.append(String.format("java %s, %d processors%n", Runtime.version(), Runtime.getRuntime().availableProcessors()));
        System.out.print(report);
        String file = System.getProperty("daybreak.benchmark.report");
        if (file != null) {
            Files.writeString(Path.of(file).resolveSibling("programme-benchmark-results.txt"), report.toString());
        }
    }

    private static void measure(StringBuilder report, String label, Method method, Map<String, String> raw,
            BufferAllocator allocator) throws Exception {
        ForkJoinPool single = new ForkJoinPool(1);
        try {
            for (int i = 0; i < 10; i++) {
                single.submit(() -> run(method, raw, allocator)).get();
                run(method, raw, allocator);
            }
            double[] one = new double[15];
            double[] all = new double[15];
            for (int i = 0; i < 15; i++) {
                long start = System.nanoTime();
                single.submit(() -> run(method, raw, allocator)).get();
                one[i] = (System.nanoTime() - start) / 1e6;
            }
            for (int i = 0; i < 15; i++) {
                long start = System.nanoTime();
                run(method, raw, allocator);
                all[i] = (System.nanoTime() - start) / 1e6;
            }
            Arrays.sort(one);
            Arrays.sort(all);
            report.append(String.format("%s: one thread %.1f ms, all cores %.1f ms (median of 15)%n", label, one[7],
                    all[7]));
        } finally {
            single.shutdown();
        }
    }

    private static Object run(Method method, Map<String, String> raw, BufferAllocator allocator) throws Exception {
        MethodResult result = method.apply(Map.of(), Parameters.bind(method.descriptor(), raw),
                new TestMethodContext(allocator, 1));
        result.outputs().values().forEach(Table::close);
        return result;
    }
}
