package io.daybreak.methods.design.oc;

import io.daybreak.core.method.InvalidParameterException;

/** Per-dose counts given as parameters (patients, DLTs), read the same way by every method on a trial's data. */
public final class DoseCounts {
    private DoseCounts() {
    }

    /**
     * The values as counts; a value that is not a whole number of at most 1,000,000 is bad input naming the parameter,
     * the position and the value.
     */
    public static int[] of(String parameter, double[] values) {
        int[] counts = new int[values.length];
        for (int d = 0; d < values.length; d++) {
            if (values[d] != Math.rint(values[d]) || values[d] > 1_000_000) {
                throw new InvalidParameterException("parameter '" + parameter + "': value " + (d + 1) + " ("
                        + values[d] + ") is not a whole number of at most 1000000");
            }
            counts[d] = (int) values[d];
        }
        return counts;
    }
}
