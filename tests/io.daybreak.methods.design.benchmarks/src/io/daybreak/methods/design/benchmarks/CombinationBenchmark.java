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
import io.daybreak.methods.design.combination.BoinCombMethod;
import io.daybreak.methods.design.combination.WaterfallMethod;

/**
 * Simulation speed of the combination designs (issue 19: combination BOIN, 10,000 trials on a 3 x 5 grid, at most
 * 200 ms on one core), in-process, on the BOIN help page's grid: {@code get.oc.comb(target = 0.3, p.true, ncohort =
 * 20, cohortsize = 3, n.earlystop = 12)} and the waterfall design with {@code ncohort = c(10, 5, 5)}. One thread: the
 * method inside a one-thread ForkJoinPool; all cores: the common pool. Median of 15 timed runs after 10 warm-up runs
 * of both. Asserts nothing; only with {@code ./mvnw -B verify -Pbenchmarks} (docs/benchmarks.md, "Combination BOIN").
 */
class CombinationBenchmark {
    private static final String HELP = "0.01,0.03,0.10,0.20,0.30,0.03,0.05,0.15,0.30,0.60,0.08,0.10,0.30,0.60,0.75";

    @Test
    void simulationSpeed() throws Exception {
        StringBuilder report = new StringBuilder();
        try (BufferAllocator allocator = new RootAllocator(RootAllocator.configBuilder()
                .allocationManagerFactory(UnsafeAllocationManager.FACTORY).build())) {
            measure(report, "design.boin-comb 3 x 5, 20 cohorts of 3, n.earlystop 12, 10,000 trials", new BoinCombMethod(),
                    Map.of("truth", HELP, "levelsA", "3", "target", "0.3", "cohorts", "20", "earlyStop", "12",
                            "trials", "10000"), allocator);
            measure(report, "design.waterfall 3 x 5, cohorts 10,5,5 of 3, 10,000 trials", new WaterfallMethod(),
                    Map.of("truth", HELP, "levelsA", "3", "target", "0.3", "subtrialCohorts", "10,5,5", "trials",
                            "10000"), allocator);
        }
        report.append(String.format("java %s, %d processors%n", Runtime.version(),
                Runtime.getRuntime().availableProcessors()));
        System.out.print(report);
        String file = System.getProperty("daybreak.benchmark.report");
        if (file != null) {
            Files.writeString(Path.of(file + ".combination"), report.toString());
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
            for (int i = 0; i < one.length; i++) {
                long start = System.nanoTime();
                single.submit(() -> run(method, raw, allocator)).get();
                one[i] = (System.nanoTime() - start) / 1e6;
            }
            for (int i = 0; i < all.length; i++) {
                long start = System.nanoTime();
                run(method, raw, allocator);
                all[i] = (System.nanoTime() - start) / 1e6;
            }
            Arrays.sort(one);
            Arrays.sort(all);
            report.append(String.format("%s: one thread %.1f ms (min %.1f, max %.1f), all cores %.1f ms (median of 15)%n",
                    label, one[7], one[0], one[14], all[7]));
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
