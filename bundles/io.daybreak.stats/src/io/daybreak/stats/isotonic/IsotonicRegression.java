package io.daybreak.stats.isotonic;

/**
 * Weighted isotonic regression by the pool-adjacent-violators algorithm: the non-decreasing sequence
 * closest to {@code values} in weighted least squares. Adjacent values that violate the order are pooled
 * into their weighted mean until none does. O(n) amortised.
 */
public final class IsotonicRegression {
    private IsotonicRegression() {
    }

    /** The non-decreasing fit; {@code weights} must be positive and as long as {@code values}. */
    public static double[] fit(double[] values, double[] weights) {
        int n = values.length;
        if (weights.length != n) {
            throw new IllegalArgumentException("values and weights differ in length: " + n + " vs " + weights.length);
        }
        double[] blockMean = new double[n];
        double[] blockWeight = new double[n];
        int[] blockSize = new int[n];
        int blocks = 0;
        for (int i = 0; i < n; i++) {
            if (!(weights[i] > 0)) {
                throw new IllegalArgumentException("weight " + (i + 1) + " must be positive, got " + weights[i]);
            }
            blockMean[blocks] = values[i];
            blockWeight[blocks] = weights[i];
            blockSize[blocks] = 1;
            blocks++;
            while (blocks > 1 && blockMean[blocks - 2] > blockMean[blocks - 1]) {
                double w = blockWeight[blocks - 2] + blockWeight[blocks - 1];
                blockMean[blocks - 2] = (blockMean[blocks - 2] * blockWeight[blocks - 2]
                        + blockMean[blocks - 1] * blockWeight[blocks - 1]) / w;
                blockWeight[blocks - 2] = w;
                blockSize[blocks - 2] += blockSize[blocks - 1];
                blocks--;
            }
        }
        double[] fitted = new double[n];
        int position = 0;
        for (int b = 0; b < blocks; b++) {
            for (int k = 0; k < blockSize[b]; k++) {
                fitted[position++] = blockMean[b];
            }
        }
        return fitted;
    }
}
