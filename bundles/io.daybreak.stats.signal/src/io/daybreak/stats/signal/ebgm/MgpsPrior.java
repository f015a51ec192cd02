package io.daybreak.stats.signal.ebgm;

/**
 * DuMouchel's two-gamma mixture prior for the reporting ratio lambda: with probability {@code p} lambda is
 * Gamma(shape {@code alpha1}, rate {@code beta1}), otherwise Gamma(shape {@code alpha2}, rate {@code beta2}).
 * Names and order follow openEBGM's {@code theta} (alpha1, beta1, alpha2, beta2, P).
 */
public record MgpsPrior(double alpha1, double beta1, double alpha2, double beta2, double p) {

    /** Checks that every shape and rate is finite and positive and that {@code 0 < p < 1}. */
    public MgpsPrior {
        check("alpha1", alpha1);
        check("beta1", beta1);
        check("alpha2", alpha2);
        check("beta2", beta2);
        if (!(p > 0 && p < 1)) {
            throw new IllegalArgumentException("prior mixture fraction P = " + p + " must lie in (0, 1)");
        }
    }

    private static void check(String name, double v) {
        if (!(v > 0) || !Double.isFinite(v)) {
            throw new IllegalArgumentException("prior " + name + " = " + v + " must be finite and > 0");
        }
    }

    /** The five values in openEBGM's order: alpha1, beta1, alpha2, beta2, P. */
    public double[] toArray() {
        return new double[] {alpha1, beta1, alpha2, beta2, p};
    }

    /** A prior from openEBGM's order: alpha1, beta1, alpha2, beta2, P. */
    public static MgpsPrior of(double[] theta) {
        if (theta.length != 5) {
            throw new IllegalArgumentException("a prior has 5 values (alpha1, beta1, alpha2, beta2, P), got " + theta.length);
        }
        return new MgpsPrior(theta[0], theta[1], theta[2], theta[3], theta[4]);
    }
}
