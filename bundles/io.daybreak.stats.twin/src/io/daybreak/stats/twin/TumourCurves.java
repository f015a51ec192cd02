package io.daybreak.stats.twin;

/**
 * Noise-free tumour size curves and their nadir times.
 *
 * <p>Claret et al. (J Clin Oncol 2009): dTS/dt = KL·TS − KD·e^(−λt)·TS, so TS(t) = BASE·exp(KL·t − KD/λ·(1 −
 * e^(−λt))); the log size turns up where KL = KD·e^(−λt), the time to growth TTG = ln(KD/KL)/λ (0 when KD ≤ KL).
 * Stein/Wilkerson: TS(t) = BASE·(e^(−dt) + e^(gt) − 1), nadir where d·e^(−dt) = g·e^(gt), t = ln(d/g)/(d + g).
 */
public final class TumourCurves {
    private TumourCurves() {
    }

    /** The Claret tumour size at t (days). */
    public static double claret(double base, double kl, double kd, double lambda, double t) {
        return base * Math.exp(kl * t - kd / lambda * -Math.expm1(-lambda * t));
    }

    /** Claret's time to growth (days): the nadir of the curve; 0 if it grows from the start. */
    public static double claretTimeToGrowth(double kl, double kd, double lambda) {
        return kd > kl ? Math.log(kd / kl) / lambda : 0;
    }

    /** The Stein/Wilkerson (gd) tumour size at t (days). */
    public static double biexponential(double base, double d, double g, double t) {
        return base * (Math.exp(-d * t) + Math.expm1(g * t));
    }

    /** The gd curve's nadir time (days); 0 if it grows from the start (d ≤ g). */
    public static double biexponentialTimeToGrowth(double d, double g) {
        return d > g ? Math.log(d / g) / (d + g) : 0;
    }
}
