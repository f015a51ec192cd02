package io.daybreak.stats.isotonic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class IsotonicRegressionTest {

    @Test
    void equalWeightsMatchR() {
        // R 4.2.2: isoreg(c(0.1, 0.3, 0.2, 0.15, 0.5, 0.4))$yf
        double[] fitted = IsotonicRegression.fit(new double[] {0.1, 0.3, 0.2, 0.15, 0.5, 0.4}, new double[] {1, 1, 1, 1, 1, 1});
        assertArrayEquals(new double[] {0.1, 0.216666666666667, 0.216666666666667, 0.216666666666667, 0.45, 0.45},
                fitted, 1e-14);
    }

    @Test
    void weightsPullThePooledValue() {
        // (0.5 * 1 + 0.1 * 3) / 4 = 0.2
        assertArrayEquals(new double[] {0.2, 0.2}, IsotonicRegression.fit(new double[] {0.5, 0.1}, new double[] {1, 3}),
                1e-15);
        // pooling cascades backwards: 0.4, 0.3 pool to 0.35; then 0.1 (w 2) pools with them to (0.7 + 0.2) / 4 = 0.225
        assertArrayEquals(new double[] {0.2, 0.225, 0.225, 0.225},
                IsotonicRegression.fit(new double[] {0.2, 0.4, 0.3, 0.1}, new double[] {1, 1, 1, 2}), 1e-15);
        assertArrayEquals(new double[] {1, 2, 3}, IsotonicRegression.fit(new double[] {1, 2, 3}, new double[] {1, 1, 1}));
    }

    @Test
    void invalidInput() {
        assertThrows(IllegalArgumentException.class, () -> IsotonicRegression.fit(new double[] {1}, new double[] {0}));
        assertThrows(IllegalArgumentException.class, () -> IsotonicRegression.fit(new double[] {1, 2}, new double[] {1}));
    }
}
