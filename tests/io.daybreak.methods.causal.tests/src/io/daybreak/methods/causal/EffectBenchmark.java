package io.daybreak.methods.causal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import io.daybreak.data.Table;

/**
 * Issue 6's speed target: IPTW + AIPW on 100,000 patients × 20 covariates in under 2 s in-process. Times
 * {@code causal.effect estimators=iptw,aipw} (propensity model, weights, outcome model, both estimators and
 * their standard errors) after two warm-up runs, over five runs. Run with
 * {@code ./mvnw -B verify -Pbenchmarks -pl tests/io.daybreak.methods.causal.tests -am}; figures in
 * docs/benchmarks.md.
 */
class EffectBenchmark extends CausalTestSupport {
    private static final int N = 100_000;
    private static final int P = 20;

    @Test
    void iptwAndAipwOnAHundredThousandPatients() throws Exception {
        SplittableRandom random = new SplittableRandom(17);
        double[][] x = new double[P][N];
        double[] a = new double[N];
        double[] y = new double[N];
        for (int i = 0; i < N; i++) {
            double eta = 0;
            double mean = 1;
            for (int k = 0; k < P; k++) {
                x[k][i] = Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
                eta += (k % 2 == 0 ? 0.1 : -0.1) * x[k][i];
                mean += 0.2 * x[k][i];
            }
            a[i] = random.nextDouble() < 1 / (1 + Math.exp(-eta)) ? 1 : 0;
            y[i] = mean + 2 * a[i] + random.nextDouble() - 0.5;
        }
        var builder = Table.builder(allocator).addFloat64("A", a).addFloat64("y", y);
        StringBuilder covariates = new StringBuilder();
        for (int k = 0; k < P; k++) {
            builder.addFloat64("x" + k, x[k]);
            covariates.append(k == 0 ? "" : ",").append("x").append(k);
        }
        Map<String, String> raw = Map.of("treatment", "A", "covariates", covariates.toString(), "outcome", "y",
                "estimators", "iptw,aipw");
        double[] seconds = new double[5];
        try (Table data = builder.build()) {
            for (int warm = 0; warm < 2; warm++) {
                run(new EffectMethod(), data, raw, null);
            }
            for (int r = 0; r < seconds.length; r++) {
                long start = System.nanoTime();
                Map<String, Object> s = run(new EffectMethod(), data, raw, null);
                seconds[r] = (System.nanoTime() - start) / 1e9;
                if (Math.abs((Double) s.get("aipw") - 2) > 0.05) {
                    throw new AssertionError("wrong effect " + s.get("aipw"));
                }
            }
        }
        double[] sorted = seconds.clone();
        Arrays.sort(sorted);
        String report = String.format(Locale.ROOT, "causal.effect iptw+aipw, %,d patients x %d covariates: median %.3f s "
                + "(runs: %s)%n", N, P, sorted[2], Arrays.toString(seconds));
        System.out.print(report);
        String file = System.getProperty("daybreak.benchmark.report");
        if (file != null) {
            Files.writeString(Path.of(file), report);
        }
    }
}
