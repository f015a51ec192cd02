package io.daybreak.stats.twin;

/**
 * RECIST 1.1 target-lesion responses derived from a series of sums of diameters (Eisenhauer et al., Eur J
 * Cancer 2009), simplified for simulated patients with target lesions only:
 * <ul>
 * <li>progression (PD) at an assessment: size ≥ 1.2 × the nadir (the smallest size so far, baseline included)
 * and size − nadir ≥ {@code minIncrease} (5 mm);</li>
 * <li>partial response (PR): size ≤ 0.7 × baseline and not PD; complete response needs a size of 0, which the
 * continuous growth models never reach, so CR does not occur;</li>
 * <li>best overall response: PR if any assessment up to the first PD is PR (unconfirmed: one assessment
 * suffices); PD if the first post-baseline assessment is PD; SD otherwise; NE without a post-baseline
 * assessment;</li>
 * <li>progression time: the first PD assessment's time; otherwise censored at the last assessment.</li>
 * </ul>
 *
 * @param bestResponse    PR, SD, PD or NE
 * @param bestChange      the smallest relative change from baseline up to the first PD (NaN if NE)
 * @param progressionTime time of the first PD assessment, or NaN
 * @param lastAssessment  time of the last assessment
 */
public record Recist(String bestResponse, double bestChange, double progressionTime, double lastAssessment) {
    /** Relative decrease from baseline that is a response. */
    public static final double RESPONSE = -0.30;
    /** Relative increase from the nadir that is progression. */
    public static final double PROGRESSION = 0.20;

    /**
     * Derives the responses.
     *
     * @param time        assessment times, ascending; the first is the baseline
     * @param size        sums of diameters (mm) at those times
     * @param minIncrease the absolute increase over the nadir that progression also needs (mm)
     */
    public static Recist derive(double[] time, double[] size, double minIncrease) {
        if (time.length < 2) {
            return new Recist("NE", Double.NaN, Double.NaN, time.length == 0 ? 0 : time[0]);
        }
        double baseline = size[0];
        double nadir = baseline;
        boolean response = false;
        double bestChange = Double.POSITIVE_INFINITY;
        for (int k = 1; k < time.length; k++) {
            boolean progression = size[k] >= (1 + PROGRESSION) * nadir && size[k] - nadir >= minIncrease;
            if (progression) {
                String best = response ? "PR" : k == 1 ? "PD" : "SD";
                return new Recist(best, Math.min(bestChange, size[k] / baseline - 1), time[k], time[k]);
            }
            double change = size[k] / baseline - 1;
            bestChange = Math.min(bestChange, change);
            response |= change <= RESPONSE;
            nadir = Math.min(nadir, size[k]);
        }
        return new Recist(response ? "PR" : "SD", bestChange, Double.NaN, time[time.length - 1]);
    }
}
