package io.daybreak.methods.design.oc;

import io.daybreak.core.method.InvalidParameterException;

/** Checks of per-dose list parameters that several designs share, with one wording for each kind of bad input. */
public final class DoseSettings {
    private DoseSettings() {
    }

    /**
     * The values (a copy), checked to increase strictly; otherwise bad input naming the parameter and the first pair
     * out of order.
     */
    public static double[] strictlyIncreasing(String parameter, double[] values) {
        for (int d = 1; d < values.length; d++) {
            if (!(values[d] > values[d - 1])) {
                throw new InvalidParameterException("parameter '" + parameter + "' must increase strictly; value "
                        + (d + 1) + " (" + values[d] + ") is not above value " + d + " (" + values[d - 1] + ")");
            }
        }
        return values.clone();
    }

    /** The two boundaries of under-, target and overdosing (a copy), checked to be two and increasing. */
    public static double[] intervalBoundaries(double[] intervals) {
        if (intervals.length != 2 || !(intervals[0] < intervals[1])) {
            throw new InvalidParameterException("parameter 'intervals' must be two increasing DLT probabilities in "
                    + "(0, 1), the lower and upper boundary of the target interval, e.g. 0.16,0.33");
        }
        return intervals.clone();
    }
}
