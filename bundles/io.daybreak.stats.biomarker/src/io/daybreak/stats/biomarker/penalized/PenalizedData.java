package io.daybreak.stats.biomarker.penalized;

/**
 * What an elastic net is fitted to: the features stored column by column ({@code x[j][i]} is feature j of row i)
 * and the outcome.
 *
 * @param family the model
 * @param x      the features, one array per feature, all of the same length n
 * @param y      the response (gaussian: any real; binomial: 0 or 1); null for Cox
 * @param time   follow-up times (Cox, all positive), else null
 * @param event  whether each row ended with an event (Cox), else null
 */
public record PenalizedData(Family family, double[][] x, double[] y, double[] time, boolean[] event) {

    public PenalizedData {
        if (family == null || x == null) {
            throw new IllegalArgumentException("family and x are required");
        }
        int n = rows(x, y, time);
        for (int j = 0; j < x.length; j++) {
            if (x[j].length != n) {
                throw new IllegalArgumentException("feature " + j + " has " + x[j].length + " rows, expected " + n);
            }
        }
        if (family == Family.COX) {
            if (time == null || event == null || time.length != n || event.length != n) {
                throw new IllegalArgumentException("a Cox model needs time and event of length " + n);
            }
        } else if (y == null || y.length != n) {
            throw new IllegalArgumentException("a " + family + " model needs y of length " + n);
        }
    }

    private static int rows(double[][] x, double[] y, double[] time) {
        if (y != null) {
            return y.length;
        }
        if (time != null) {
            return time.length;
        }
        return x.length == 0 ? 0 : x[0].length;
    }

    /** The number of rows n. */
    public int rows() {
        return y != null ? y.length : time.length;
    }

    /** The number of features p. */
    public int features() {
        return x.length;
    }
}
