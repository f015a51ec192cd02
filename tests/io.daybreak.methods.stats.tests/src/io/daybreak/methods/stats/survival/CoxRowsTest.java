package io.daybreak.methods.stats.survival;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.daybreak.stats.models.survival.CoxFit;
import io.daybreak.stats.models.survival.CoxRows;
import io.daybreak.stats.models.survival.CoxSums;

/**
 * The one-pass evaluation of a data set's own partial likelihood ({@link CoxRows#evaluate}) against the per-event-time
 * sums a site releases ({@link CoxSums#evaluate}), which the federated fit uses and the R comparisons pin: the two
 * must agree to rounding, with ties, censored rows between event times, case weights and both tie methods.
 */
class CoxRowsTest {
    private static final int N = 400;

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void evaluationEqualsTheSumsOverTheEventTimes(boolean efron) {
        Random random = new Random(20261203);
        double[] time = new double[N];
        boolean[] event = new boolean[N];
        double[][] x = new double[N][3];
        double[] weights = new double[N];
        for (int i = 0; i < N; i++) {
            time[i] = 1 + random.nextInt(60); // many ties
            event[i] = random.nextDouble() < 0.6;
            x[i] = new double[] {random.nextGaussian(), random.nextInt(2), random.nextDouble() * 10};
            weights[i] = 0.5 + random.nextDouble();
        }
        double[] beta = {0.3, -0.7, 0.05};
        for (double[] caseWeights : new double[][] {null, weights}) {
            CoxRows rows = CoxRows.of(time, event, x, caseWeights);
            CoxFit.Evaluation direct = rows.evaluate(beta, efron);
            CoxFit.Evaluation viaSums = CoxSums.of(time, event, x, caseWeights, beta, CoxSums.eventTimes(time, event))
                    .evaluate(beta, efron);
            assertEquals(viaSums.logLikelihood(), direct.logLikelihood(), 1e-12 * Math.abs(viaSums.logLikelihood()));
            for (int a = 0; a < beta.length; a++) {
                assertEquals(viaSums.score()[a], direct.score()[a], 1e-10, "score " + a);
                for (int b = 0; b < beta.length; b++) {
                    assertEquals(viaSums.information()[a][b], direct.information()[a][b],
                            1e-10 * Math.abs(viaSums.information()[a][b]), "information " + a + "," + b);
                }
            }
        }
    }

    @Test
    void sumsOverAnotherSitesGridCountTheRiskSetsOfEveryGridTime() {
        double[] time = {5, 3, 3, 9, 1, 7};
        boolean[] event = {true, false, true, true, true, false};
        double[][] x = {{1}, {0}, {1}, {0}, {1}, {0}};
        double[] grid = {1, 2, 3, 5, 8, 9}; // 2 and 8: event times of another site only
        CoxSums sums = CoxRows.of(time, event, x, null).sums(new double[] {0}, grid);
        assertArrayEquals(new long[] {6, 5, 5, 3, 1, 1}, sums.riskSizes());
        assertArrayEquals(new long[] {1, 0, 1, 1, 0, 1}, sums.d);
        assertArrayEquals(new double[] {1, 0, 1, 1, 0, 0}, new double[] {sums.sumX[0][0], sums.sumX[1][0],
            sums.sumX[2][0], sums.sumX[3][0], sums.sumX[4][0], sums.sumX[5][0]});
    }

    @Test
    void eventTimesAreDistinctAndAscending() {
        double[] time = {4, 2, 4, 8, 2, 6};
        boolean[] event = {true, true, true, false, true, true};
        assertArrayEquals(new double[] {2, 4, 6}, CoxRows.of(time, event, new double[6][0], null).eventTimes());
    }
}
