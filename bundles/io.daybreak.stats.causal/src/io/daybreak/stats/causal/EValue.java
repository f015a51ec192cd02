package io.daybreak.stats.causal;

import io.daybreak.core.method.InvalidParameterException;

/**
 * E-values (VanderWeele &amp; Ding 2017): the minimum strength of association, on the risk-ratio scale, that an
 * unmeasured confounder would need with both the treatment and the outcome to explain away an observed
 * association: E = RR + √(RR (RR − 1)) for RR ≥ 1 (RR &lt; 1: use 1/RR). Odds and hazard ratios are first put
 * on the risk-ratio scale: unchanged for a rare outcome (&lt; 15 %), otherwise RR ≈ √OR and
 * RR ≈ (1 − 0.5^√HR) / (1 − 0.5^√(1/HR)).
 */
public final class EValue {
    /** The measure the estimate is on. */
    public enum Measure {
        RR, OR, HR
    }

    private EValue() {
    }

    /** The E-value of a ratio estimate (or confidence limit), after conversion to the risk-ratio scale. */
    public static double of(double ratio, Measure measure, boolean rareOutcome) {
        double rr = riskRatio(ratio, measure, rareOutcome);
        double r = rr < 1 ? 1 / rr : rr;
        return r + Math.sqrt(r * (r - 1));
    }

    /**
     * The E-value of the confidence limit closer to 1: 1 when the interval contains 1.
     *
     * @throws InvalidParameterException unless lower ≤ estimate ≤ upper, all positive
     */
    public static double ofInterval(double estimate, double lower, double upper, Measure measure, boolean rareOutcome) {
        if (!(lower > 0 && lower <= estimate && estimate <= upper)) {
            throw new InvalidParameterException("the confidence limits must satisfy 0 < lower <= estimate <= upper; got "
                    + "lower = " + lower + ", estimate = " + estimate + ", upper = " + upper);
        }
        if (lower <= 1 && upper >= 1) {
            return 1;
        }
        return of(estimate > 1 ? lower : upper, measure, rareOutcome);
    }

    /** The ratio on the risk-ratio scale. */
    public static double riskRatio(double ratio, Measure measure, boolean rareOutcome) {
        if (!(ratio > 0) || Double.isInfinite(ratio)) {
            throw new InvalidParameterException("a ratio must be positive and finite; got " + ratio);
        }
        if (rareOutcome || measure == Measure.RR) {
            return ratio;
        }
        return switch (measure) {
        case OR -> Math.sqrt(ratio);
        case HR -> (1 - Math.pow(0.5, Math.sqrt(ratio))) / (1 - Math.pow(0.5, Math.sqrt(1 / ratio)));
        case RR -> ratio;
        };
    }
}
