package io.daybreak.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AxisTest {

    private static List<String> labels(Axis axis) {
        return axis.ticks().stream().map(Tick::label).toList();
    }

    @Test
    void survivalRunsFromZeroToOneInFifths() {
        Axis axis = Axis.linear("Survival probability", 0, 1);
        assertEquals(List.of("0", "0.2", "0.4", "0.6", "0.8", "1"), labels(axis));
        assertEquals(0, axis.min());
        assertEquals(1, axis.max());
    }

    @Test
    void timeTicksAreRoundAndTheAxisEndsOnATick() {
        // lung: last follow-up 1022 days
        Axis axis = Axis.linear("Time (days)", 0, 1022);
        assertEquals(List.of("0", "200", "400", "600", "800", "1000", "1200"), labels(axis));
        assertEquals(1200, axis.max());
    }

    @ParameterizedTest
    @CsvSource({"10, 5, 2", "1, 5, 0.2", "100, 5, 20", "7, 5, 1", "0.03, 5, 0.005", "1000, 4, 200"})
    void stepsAreOneTwoOrFiveTimesAPowerOfTen(double span, int target, double step) {
        assertEquals(step, Ticks.niceStep(span, target), step * 1e-12);
    }

    @Test
    void labelsHaveNoFloatingPointNoise() {
        Axis axis = Axis.linear("x", 0, 0.7);
        assertEquals(List.of("0", "0.1", "0.2", "0.3", "0.4", "0.5", "0.6", "0.7"), labels(axis));
        assertEquals("0", Ticks.label(-0.0));
        assertEquals("1.5", Ticks.label(1.5));
        assertEquals("-2", Ticks.label(-2));
    }

    @Test
    void negativeRangesIncludeZeroWhenAsked() {
        Axis axis = Axis.linear("Coefficient", -0.37, 0.52);
        assertEquals("-0.4", axis.ticks().get(0).label());
        assertEquals(0.6, axis.max(), 1e-12);
        assertEquals(0.4 / 1.0, axis.fraction(0), 1e-12);
    }

    @Test
    void aLogAxisPlacesRatiosSymmetricallyAboutOne() {
        Axis axis = Axis.log("Hazard ratio", 0.5, 2);
        assertEquals(Axis.Scale.LOG, axis.scale());
        assertEquals(0.5, axis.fraction(1), 1e-12, "1 is halfway between 0.5 and 2");
        assertEquals(0.5, axis.min(), 1e-12);
        assertEquals(2, axis.max(), 1e-12);
        assertEquals(List.of("0.5", "0.7", "1", "1.5", "2"), labels(axis));
    }

    @Test
    void aLogAxisOverDecadesUsesPowersOfTen() {
        assertEquals(List.of("0.01", "0.1", "1", "10"), labels(Axis.log("Odds ratio", 0.02, 8)));
        assertEquals(List.of("0.2", "0.5", "1", "2", "5"), labels(Axis.log("Odds ratio", 0.3, 4)));
    }

    @Test
    void aNarrowLogAxisStillHasFourTicksAroundTheData() {
        // typical per-year age hazard ratio and sex: 0.6 to 1.04
        Axis axis = Axis.log("Hazard ratio", 0.6, 1.04);
        assertEquals(List.of("0.5", "0.7", "1", "1.5"), labels(axis));
    }

    @Test
    void badRangesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Axis.log("x", 0, 2));
        assertThrows(IllegalArgumentException.class, () -> Axis.linear("x", 0, Double.NaN));
        Axis single = Axis.linear("x", 5, 5);
        assertTrue(single.min() < 5 && single.max() > 5, "a single value gets a range around it");
    }
}
