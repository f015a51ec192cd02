package io.daybreak.stats.random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;

class RandomStreamsTest {

    private static long[] draws(UniformRandomProvider random, int n) {
        long[] values = new long[n];
        for (int i = 0; i < n; i++) {
            values[i] = random.nextLong();
        }
        return values;
    }

    @Test
    void streamDependsOnlyOnSeedAndIndex() {
        RandomStreams a = new RandomStreams(42);
        RandomStreams b = new RandomStreams(42);
        draws(b.stream(7), 1000); // using another stream first changes nothing
        assertArrayEquals(draws(a.stream(3), 100), draws(b.stream(3), 100));
        assertNotEquals(draws(a.stream(3), 1)[0], draws(a.stream(4), 1)[0]);
        assertNotEquals(draws(new RandomStreams(43).stream(3), 1)[0], draws(a.stream(3), 1)[0]);
    }

    @Test
    void resultsDoNotDependOnTheNumberOfThreads() throws Exception {
        double one = replicateSum(1);
        double four = replicateSum(4);
        assertEquals(one, four, 0.0, "same per-replicate streams must give bit-identical sums");
    }

    /** Sum over 10,000 replicates of each replicate's first uniform, computed on a pool of {@code threads}. */
    private static double replicateSum(int threads) throws Exception {
        RandomStreams streams = new RandomStreams(2026);
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            double[] values = pool.submit(() -> IntStream.range(0, 10_000).parallel()
                    .mapToDouble(i -> streams.stream(i).nextDouble()).toArray()).get();
            double sum = 0;
            for (double value : values) {
                sum += value; // summed in index order, so only the draws themselves could differ
            }
            return sum;
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void firstDrawsAcrossStreamsLookUniform() {
        // Adjacent stream indices must not give correlated first draws: mean and lag-1 correlation of
        // 100,000 first draws, each within 4 standard errors of the uniform's values.
        RandomStreams streams = new RandomStreams(0);
        int n = 100_000;
        double[] u = new double[n];
        for (int i = 0; i < n; i++) {
            u[i] = streams.stream(i).nextDouble();
        }
        double mean = IntStream.range(0, n).mapToDouble(i -> u[i]).average().orElseThrow();
        assertEquals(0.5, mean, 4 * Math.sqrt(1.0 / 12 / n));
        double cov = 0;
        for (int i = 1; i < n; i++) {
            cov += (u[i] - 0.5) * (u[i - 1] - 0.5);
        }
        double correlation = cov / (n - 1) / (1.0 / 12);
        assertTrue(Math.abs(correlation) < 4 / Math.sqrt(n), "lag-1 correlation " + correlation);
    }
}
