package io.daybreak.stats.twin;

import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * PROCOVA planning (Schuler et al., Int J Biostat 2022): the total sample size of a two-arm ANCOVA with a
 * prognostic covariate explaining R² = ρ² of the outcome variance, by Guenther–Schouten's approximation to the
 * t-test, n = (1+r)²/r · (z₁₋α/₂ + z₁₋β)² · σ²(1 − R²)/Δ² + z²₁₋α/₂/2 with allocation r = n₁/n₀.
 */
public final class GuentherSchouten {
    private GuentherSchouten() {
    }

    /** The unrounded total sample size. */
    public static double total(double sigma2, double r2, double delta, double ratio, double alpha, double power) {
        NormalDistribution normal = NormalDistribution.of(0, 1);
        double za = normal.inverseCumulativeProbability(1 - alpha / 2);
        double zb = normal.inverseCumulativeProbability(power);
        return (1 + ratio) * (1 + ratio) / ratio * (za + zb) * (za + zb) * sigma2 * (1 - r2) / (delta * delta)
                + za * za / 2;
    }
}
