package io.daybreak.charts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The step geometry and counts of a Kaplan-Meier curve. Data: 6 patients, events at 2 and 5, censored at 3 and 8
 * (two at risk remain after 8 in the second curve), as survfit prints it.
 */
class SurvivalCurveTest {
    private static final double[] TIME = {2, 3, 5, 8};
    private static final double[] S = {5 / 6.0, 5 / 6.0, 5 / 6.0 * 3 / 4, 5 / 6.0 * 3 / 4};

    private static SurvivalCurve curve() {
        return new SurvivalCurve("arm A", TIME, S, new double[] {0.6, 0.6, Double.NaN, 0.3},
                new double[] {1, 1, Double.NaN, 0.95}, new long[] {6, 5, 4, 3}, new long[] {1, 0, 1, 0},
                new long[] {0, 1, 0, 1});
    }

    @Test
    void stepsStartAtOneAndDropOnlyAtEvents() {
        double s2 = 5 / 6.0;
        double s5 = s2 * 3 / 4;
        assertArrayEquals(new double[] {0, 1, 2, 1, 2, s2, 3, s2, 5, s2, 5, s5, 8, s5}, curve().steps(), 1e-12);
    }

    @Test
    void stepsAreHorizontalThenVertical() {
        double[] xy = curve().steps();
        for (int i = 2; i < xy.length; i += 2) {
            assertTrue(xy[i] == xy[i - 2] || xy[i + 1] == xy[i - 1], "each segment is horizontal or vertical");
            assertTrue(xy[i] >= xy[i - 2] && xy[i + 1] <= xy[i - 1], "time goes on, survival does not rise");
        }
    }

    @Test
    void undefinedSurvivalKeepsTheLevel() {
        SurvivalCurve curve = SurvivalCurve.of("x", new double[] {1, 2}, new double[] {0.5, Double.NaN},
                new double[] {0.2, 0.1}, new double[] {0.8, 0.9});
        assertArrayEquals(new double[] {0, 1, 1, 1, 1, 0.5, 2, 0.5}, curve.steps(), 1e-12);
    }

    @Test
    void theBandHoldsEachLimitUntilTheNextTimeAndSkipsUndefinedLimits() {
        List<double[]> band = curve().band(10);
        assertEquals(3, band.size());
        assertArrayEquals(new double[] {2, 3, 0.6, 1}, band.get(0));
        assertArrayEquals(new double[] {3, 5, 0.6, 1}, band.get(1));
        assertArrayEquals(new double[] {8, 10, 0.3, 0.95}, band.get(2), "the last limits hold to the end");
    }

    @Test
    void censorMarksSitOnTheCurveAtCensoringTimes() {
        double s5 = 5 / 6.0 * 3 / 4;
        assertArrayEquals(new double[] {3, 5 / 6.0, 8, s5}, curve().censorMarks(), 1e-12);
        assertEquals(0, SurvivalCurve.of("x", TIME, S, S, S).censorMarks().length, "no counts, no marks");
    }

    @Test
    void numbersAtRiskAreThoseOfTheFirstTimeAtOrAfter() {
        SurvivalCurve curve = curve();
        assertEquals(6, curve.atRiskAt(0));
        assertEquals(6, curve.atRiskAt(2));
        assertEquals(5, curve.atRiskAt(2.5));
        assertEquals(4, curve.atRiskAt(4));
        assertEquals(2, curve.atRiskAt(9), "after the last time: 3 at risk at 8 less 1 censored");
        assertEquals(-1, SurvivalCurve.of("x", TIME, S, S, S).atRiskAt(1), "unknown without counts");
    }

    @Test
    void countsComeAllOrNone() {
        assertThrows(IllegalArgumentException.class, () -> new SurvivalCurve("x", TIME, S, S, S, new long[4], null, null));
        assertThrows(IllegalArgumentException.class, () -> SurvivalCurve.of("x", TIME, new double[3], S, S));
    }

    @Test
    void thePlotRunsFromZeroToOneAndDrawsRiskTablesOnlyWithCounts() {
        SurvivalPlot plot = SurvivalPlot.of("", "Time (months)", List.of(curve()), "");
        assertEquals(0, plot.survival().min());
        assertEquals(1, plot.survival().max());
        assertEquals(0, plot.time().min());
        assertEquals(8, plot.time().max());
        assertTrue(plot.riskTable());
        assertTrue(!SurvivalPlot.of("", "t", List.of(curve(), SurvivalCurve.of("x", TIME, S, S, S)), "").riskTable());
    }

    /**
     * survfit(Surv(c(1, 2, 3, 4), rep(1, 4)) ~ 1) prints median 2.5 (S = 0.5 exactly on [2, 3)), and
     * survfit(Surv(c(1, 2, 3, 4, 5), rep(1, 5)) ~ 1) median 3 (S drops from 0.6 to 0.4 at 3); survfit prints NA
     * for a curve that stays above 0.5.
     */
    @Test
    void theMedianIsRsFirstTimeBelowOneHalfOrTheMidpointOfAFlatHalf() {
        SurvivalCurve flat = SurvivalCurve.of("4", new double[] {1, 2, 3, 4}, new double[] {0.75, 0.5, 0.25, 0},
                new double[4], new double[4]);
        assertEquals(2.5, flat.median(), 1e-12);
        SurvivalCurve drop = SurvivalCurve.of("5", new double[] {1, 2, 3, 4, 5}, new double[] {0.8, 0.6, 0.4, 0.2, 0},
                new double[5], new double[5]);
        assertEquals(3, drop.median(), 1e-12);
        assertTrue(Double.isNaN(curve().median()), "S stays at 0.625");
    }

    @Test
    void aScaledCurveKeepsItsValuesOnTheNewTimeAxis() {
        SurvivalCurve months = curve().scaled(0.5);
        assertArrayEquals(new double[] {1, 1.5, 2.5, 4}, months.time(), 1e-12);
        assertArrayEquals(S, months.survival(), 0);
        assertEquals(curve().atRiskAt(5), months.atRiskAt(2.5));
    }

    /**
     * Follow-up in days beyond six months is drawn in months (lung's 1022 days: 0 to 36 months in steps of 6), with
     * the unit in the axis title; a short follow-up keeps its unit; without a unit the axis says only "Time".
     */
    @Test
    void longFollowUpInDaysIsDrawnInMonths() {
        SurvivalCurve lung = SurvivalCurve.of("all", new double[] {5, 500, 1022}, new double[] {0.99, 0.3, 0.1},
                new double[3], new double[3]);
        SurvivalPlot plot = SurvivalPlot.inUnit("", "days", List.of(lung), "");
        assertEquals("Time (months)", plot.time().title());
        assertEquals(36, plot.time().max(), 1e-12);
        assertEquals(List.of("0", "6", "12", "18", "24", "30", "36"), plot.time().ticks().stream().map(Tick::label)
                .toList());
        assertEquals(1022 / 30.4375, plot.curves().get(0).end(), 1e-12);
        SurvivalCurve weeks = SurvivalCurve.of("all", new double[] {2, 20}, new double[] {0.9, 0.4}, new double[2],
                new double[2]);
        assertEquals("Time (weeks)", SurvivalPlot.inUnit("", "weeks", List.of(weeks), "").time().title());
        assertEquals(20, SurvivalPlot.inUnit("", "weeks", List.of(weeks), "").curves().get(0).end(), 0);
        assertEquals("Time", SurvivalPlot.inUnit("", null, List.of(weeks), "").time().title());
    }
}
