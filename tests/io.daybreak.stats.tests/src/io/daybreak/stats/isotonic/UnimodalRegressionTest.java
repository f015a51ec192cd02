package io.daybreak.stats.isotonic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class UnimodalRegressionTest {

    /** Exhaustive search: every partition into contiguous blocks at their weighted means, the feasible best. */
    private static double[] bruteForce(double[] y, double[] w, int mode) {
        int n = y.length;
        double best = Double.POSITIVE_INFINITY;
        double[] bestFit = null;
        for (int cuts = 0; cuts < 1 << (n - 1); cuts++) {
            double[] fit = new double[n];
            int start = 0;
            for (int i = 0; i < n; i++) {
                if (i == n - 1 || (cuts & (1 << i)) != 0) {
                    double sum = 0;
                    double weight = 0;
                    for (int k = start; k <= i; k++) {
                        sum += y[k] * w[k];
                        weight += w[k];
                    }
                    for (int k = start; k <= i; k++) {
                        fit[k] = sum / weight;
                    }
                    start = i + 1;
                }
            }
            boolean feasible = true;
            for (int i = 0; i < n - 1; i++) {
                feasible &= i < mode ? fit[i] <= fit[i + 1] + 1e-15 : fit[i] + 1e-15 >= fit[i + 1];
            }
            double sse = 0;
            for (int i = 0; i < n; i++) {
                sse += w[i] * (fit[i] - y[i]) * (fit[i] - y[i]);
            }
            if (feasible && sse < best) {
                best = sse;
                bestFit = fit;
            }
        }
        return bestFit;
    }

    @Test
    void equalsExhaustiveSearchOnRandomData() {
        SplittableRandom random = new SplittableRandom(42);
        for (int trial = 0; trial < 2000; trial++) {
            int n = 1 + random.nextInt(7);
            double[] y = new double[n];
            double[] w = new double[n];
            for (int i = 0; i < n; i++) {
                y[i] = random.nextDouble();
                w[i] = 0.1 + random.nextDouble() * 10;
            }
            int mode = random.nextInt(n);
            assertArrayEquals(bruteForce(y, w, mode), UnimodalRegression.fit(y, w, mode), 1e-12, "trial " + trial);
        }
    }

    @Test
    void monotoneEndsAndBadArguments() {
        double[] y = {0.3, 0.1, 0.4, 0.2};
        double[] w = {1, 1, 1, 1};
        assertArrayEquals(IsotonicRegression.fit(y, w), UnimodalRegression.fit(y, w, 3), 1e-15);
        assertThrows(IllegalArgumentException.class, () -> UnimodalRegression.fit(y, w, 4));
    }
}
