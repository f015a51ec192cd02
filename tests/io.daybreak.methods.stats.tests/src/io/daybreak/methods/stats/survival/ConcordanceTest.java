package io.daybreak.methods.stats.survival;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.daybreak.data.DoubleColumn;
import io.daybreak.data.Table;
import io.daybreak.data.csv.CsvReader;
import io.daybreak.methods.stats.StatsTestSupport;
import io.daybreak.stats.models.survival.Concordance;

/**
 * The library engine {@link Concordance} against {@code concordance(coxph(...))} of R 4.2.2, survival 3.5.3
 * (docs/validation/r/stats/survival-diagnostics.R, output survival-diagnostics.out). The risk scores are x'β with
 * R's coefficients (printed to 17 digits); concordance and its standard error depend only on their order.
 */
class ConcordanceTest extends StatsTestSupport {
    private static final double TOL = 1e-12;

    /** Complete rows of a data file: time, event, risk score and optional stratum. */
    private record Rows(double[] time, boolean[] event, double[] risk, int[] strata) {
    }

    private Rows rows(String file, double eventValue, String[] covariates, double[] beta, String strata)
            throws Exception {
        try (Table data = CsvReader.read(data(file), allocator)) {
            List<double[]> kept = new ArrayList<>();
            DoubleColumn time = data.doubles("time");
            DoubleColumn status = data.doubles("status");
            for (int i = 0; i < data.rowCount(); i++) {
                double eta = 0;
                boolean complete = !time.isNull(i) && !status.isNull(i);
                for (int c = 0; c < covariates.length; c++) {
                    DoubleColumn x = data.doubles(covariates[c]);
                    complete &= !x.isNull(i);
                    eta += complete ? x.get(i) * beta[c] : 0;
                }
                if (complete) {
                    kept.add(new double[] {time.get(i), status.get(i) == eventValue ? 1 : 0, eta,
                        strata == null ? 0 : data.doubles(strata).get(i)});
                }
            }
            int n = kept.size();
            Rows rows = new Rows(new double[n], new boolean[n], new double[n], strata == null ? null : new int[n]);
            for (int i = 0; i < n; i++) {
                rows.time[i] = kept.get(i)[0];
                rows.event[i] = kept.get(i)[1] == 1;
                rows.risk[i] = kept.get(i)[2];
                if (strata != null) {
                    rows.strata[i] = (int) kept.get(i)[3];
                }
            }
            return rows;
        }
    }

    private static void assertConcordance(Rows rows, double c, double se, double[] counts) {
        Concordance k = Concordance.of(rows.time(), rows.event(), rows.risk(), rows.strata());
        assertRelative(c, k.concordance(), TOL, "concordance");
        assertRelative(se, k.standardError(), TOL, "standard error");
        assertEquals(counts[0], k.concordant(), "concordant");
        assertEquals(counts[1], k.discordant(), "discordant");
        assertEquals(counts[2], k.tiedX(), "tied.x");
        assertEquals(counts[3], k.tiedY(), "tied.y");
        assertEquals(counts[4], k.tiedXY(), "tied.xy");
    }

    @Test
    void lungAgeSexMatchesConcordanceOfCoxph() throws Exception {
        // concordance(coxph(Surv(time, status) ~ age + sex, lung)): 0.602853002897971391, se 0.025498677769730339
        Rows rows = rows(LUNG, 2, new String[] {"age", "sex"}, new double[] {0.017045331850165123,
            -0.513218519836182274}, null);
        assertConcordance(rows, 0.602853002897971391, 0.025498677769730339, new double[] {11910, 7793, 311, 28, 0});
    }

    @Test
    void veteranMatchesConcordanceOfCoxph() throws Exception {
        // concordance(coxph(Surv(time, status) ~ karno + age + trt, veteran))
        Rows rows = rows("survival_veteran.csv", 1, new String[] {"karno", "age", "trt"}, new double[] {
            -0.0344438968387490996, -0.0038644178739745791, 0.1895464419233783282}, null);
        assertConcordance(rows, 0.711949114039073128, 0.022354961252582958, new double[] {6261, 2529, 14, 39, 0});
    }

    @Test
    void manyTiedRiskScoresMatchConcordanceOfCoxph() throws Exception {
        // concordance(coxph(Surv(time, status) ~ ph.ecog, lung)): one covariate with four values
        Rows rows = rows(LUNG, 2, new String[] {"ph.ecog"}, new double[] {0.4759434495096948}, null);
        assertConcordance(rows, 0.604462525900844039, 0.023901526915260266, new double[] {8392, 4258, 7137, 21, 7});
    }

    @Test
    void strataFormPairsWithinStrataOnly() throws Exception {
        // concordance(coxph(Surv(time, status) ~ age + sex + strata(site), lung)): counts summed over the 3 strata
        Rows rows = rows(LUNG, 2, new String[] {"age", "sex"}, new double[] {0.016064436076523792,
            -0.518229438250977115}, "site");
        assertConcordance(rows, 0.595517609391675529, 0.026641355309066552, new double[] {1468 + 2546 + 394,
            1023 + 1745 + 208, 41 + 64 + 7, 5 + 3 + 0, 0});
    }
}
