package io.daybreak.stats.twin;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * Seeded virtual patients from a tumour growth model. Each individual parameter is log-normal around its typical
 * value (the median): θᵢ = θ·exp(ω·ηᵢ), ηᵢ ~ N(0, 1), ω = √ln(1 + CV²), so CV is the coefficient of variation of
 * θᵢ. The drug-effect rate (Claret KD, Stein/Wilkerson d) is multiplied by the exposure, by {@code armRatio} in
 * arm 1 and by {@code biomarkerRatio} for biomarker-positive patients. Observed sizes carry multiplicative error
 * TS·exp(σε). Assessments every {@code interval} days from 0 up to {@code visits} visits, ending at dropout
 * (exponential, {@code dropoutHazard} per day), death or {@code followUp}. Overall survival (optional):
 * exponential with log hazard ln h₀ + β·x, x the week-8 relative change of the noise-free curve, TS(56)/BASE − 1
 * ({@code ratio8}), or the time to growth in years ({@code ttg}); censored at {@code followUp}. Patient i draws
 * only from stream i, in a fixed order, so the result does not depend on threads or on other patients.
 *
 * @param claret            Claret model (else Stein/Wilkerson gd)
 * @param typical           typical values: base, kl, kd, lambda (Claret) or base, d, g (gd)
 * @param cv                their coefficients of variation (0: no variability)
 */
public record VirtualPatients(boolean claret, double[] typical, double[] cv, double exposure, double treatedFraction,
        double armRatio, double prevalence, double biomarkerRatio, double residualSd, double interval, int visits,
        double dropoutHazard, double followUp, double minIncrease, double osHazard, String osLink,
        double osCoefficient) {
    private static final NormalDistribution NORMAL = NormalDistribution.of(0, 1);

    /** One simulated patient. */
    public record Patient(int arm, int biomarker, double[] parameters, double timeToGrowth, double[] time,
            double[] size, Recist recist, double pfsTime, boolean pfsEvent, double osTime, boolean osEvent) {
    }

    /** Simulates one patient from its own random stream. */
    public Patient simulate(UniformRandomProvider random) {
        int arm = random.nextDouble() < treatedFraction ? 1 : 0;
        int biomarker = random.nextDouble() < prevalence ? 1 : 0;
        double[] p = new double[typical.length];
        for (int k = 0; k < p.length; k++) {
            double omega = Math.sqrt(Math.log1p(cv[k] * cv[k]));
            p[k] = typical[k] * Math.exp(omega * normal(random));
        }
        int effect = claret ? 2 : 1;
        p[effect] *= exposure * (arm == 1 ? armRatio : 1) * (biomarker == 1 ? biomarkerRatio : 1);
        double ttg = claret ? TumourCurves.claretTimeToGrowth(p[1], p[2], p[3])
                : TumourCurves.biexponentialTimeToGrowth(p[1], p[2]);
        double dropout = dropoutHazard > 0 ? -Math.log(uniform(random)) / dropoutHazard : Double.POSITIVE_INFINITY;
        double death = Double.POSITIVE_INFINITY;
        double u = uniform(random);
        if (osHazard > 0) {
            double x = osLink.equals("ttg") ? ttg / 365.25 : curve(p, 56) / p[0] - 1;
            death = -Math.log(u) / (osHazard * Math.exp(osCoefficient * x));
        }
        double end = Math.min(Math.min(dropout, death), followUp);
        int count = 0;
        while (count <= visits && count * interval <= end) {
            count++;
        }
        double[] time = new double[count];
        double[] size = new double[count];
        for (int k = 0; k < count; k++) {
            time[k] = k * interval;
            size[k] = curve(p, time[k]) * Math.exp(residualSd * normal(random));
        }
        Recist recist = Recist.derive(time, size, minIncrease);
        double pfsTime;
        boolean pfsEvent;
        if (!Double.isNaN(recist.progressionTime())) {
            pfsTime = recist.progressionTime();
            pfsEvent = true;
        } else if (death <= Math.min(dropout, followUp)) {
            pfsTime = death;
            pfsEvent = true;
        } else {
            pfsTime = recist.lastAssessment();
            pfsEvent = false;
        }
        return new Patient(arm, biomarker, p, ttg, time, size, recist, pfsTime, pfsEvent, Math.min(death, followUp),
                death <= followUp);
    }

    /** The noise-free size at t. */
    public double curve(double[] p, double t) {
        return claret ? TumourCurves.claret(p[0], p[1], p[2], p[3], t) : TumourCurves.biexponential(p[0], p[1], p[2], t);
    }

    /** A uniform in (0, 1), never 0 or 1. */
    private static double uniform(UniformRandomProvider random) {
        return ((random.nextLong() >>> 11) + 0.5) * 0x1.0p-53;
    }

    private static double normal(UniformRandomProvider random) {
        return NORMAL.inverseCumulativeProbability(uniform(random));
    }
}
