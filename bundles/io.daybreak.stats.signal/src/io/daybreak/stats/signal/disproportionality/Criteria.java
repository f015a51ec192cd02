package io.daybreak.stats.signal.disproportionality;

/**
 * Thresholds of the signal criteria and the interval level.
 *
 * @param prrMin      PRR at least this (Evans et al. 2001: 2)
 * @param chisqMin    Yates chi-square at least this (Evans: 4)
 * @param nMin        reports at least this, for the PRR and ROR criteria (Evans: 3)
 * @param rorLowerMin ROR criterion: lower confidence limit above this (1)
 * @param icLowerMin  IC criterion: IC025 (lower credibility limit) above this (0)
 * @param level       level of the PRR and ROR confidence and IC credibility intervals (0.95)
 * @param usePrr      whether the PRR criterion counts towards {@code signal}
 * @param useRor      whether the ROR criterion counts towards {@code signal}
 * @param useIc       whether the IC criterion counts towards {@code signal}
 */
public record Criteria(double prrMin, double chisqMin, long nMin, double rorLowerMin, double icLowerMin, double level,
        boolean usePrr, boolean useRor, boolean useIc) {
    /** Evans' PRR criteria, ROR025 &gt; 1, IC025 &gt; 0, 95% intervals; {@code signal} on the PRR criterion only. */
    public static final Criteria DEFAULT = new Criteria(2, 4, 3, 1, 0, 0.95, true, false, false);

    public Criteria {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("level " + level + " is outside (0, 1)");
        }
        if (nMin < 0 || Double.isNaN(prrMin) || Double.isNaN(chisqMin) || Double.isNaN(rorLowerMin)
                || Double.isNaN(icLowerMin)) {
            throw new IllegalArgumentException("thresholds must be numbers and nMin >= 0");
        }
    }
}
