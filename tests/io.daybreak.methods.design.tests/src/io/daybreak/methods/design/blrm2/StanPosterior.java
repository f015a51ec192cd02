package io.daybreak.methods.design.blrm2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daybreak.data.Table;

/**
 * Compares design.blrm-combo-posterior's {@code posterior} table on the docs' 3 x 3 grid with Stan's numbers, as the
 * reference scripts under docs/validation/r/combination/blrm2/ print them: per combination row by row, the mean of p and
 * its MC SE, then P(p < 0.16), P(0.16 <= p < 0.33), P(p >= 0.33), each followed by its MC SE.
 */
final class StanPosterior {
    private static final String[] BANDS = {"pUnder", "pTarget", "pOver"};
    private static final String[] ERRORS = {"sePUnder", "sePTarget", "sePOver"};

    private StanPosterior() {
    }

    /** Every mean and interval probability within 4 combined Monte Carlo SEs, sqrt(se_Stan^2 + se_ours^2). */
    static void assertAgrees(double[][] stan, Table t, String dataSet) {
        assertEquals(9, t.rowCount());
        for (int c = 0; c < 9; c++) {
            String where = dataSet + ", A" + (c / 3 + 1) + " B" + (c % 3 + 1);
            assertEquals((long) (c / 3 + 1), (long) t.longs("doseA").get(c), where);
            assertEquals((long) (c % 3 + 1), (long) t.longs("doseB").get(c), where);
            within(stan[c][0], stan[c][1], t.doubles("meanP").get(c), t.doubles("seMeanP").get(c), where + " mean");
            double sum = 0;
            for (int k = 0; k < 3; k++) {
                double ours = t.doubles(BANDS[k]).get(c);
                sum += ours;
                within(stan[c][2 + 2 * k], stan[c][3 + 2 * k], ours, t.doubles(ERRORS[k]).get(c), where + " " + BANDS[k]);
            }
            assertEquals(1, sum, 1e-12, where);
        }
    }

    private static void within(double stan, double seStan, double ours, double seOurs, String what) {
        assertTrue(seOurs > 0 && seOurs < 0.01, what + ": MC SE " + seOurs);
        assertEquals(stan, ours, 4 * Math.hypot(seStan, seOurs), what);
    }
}
