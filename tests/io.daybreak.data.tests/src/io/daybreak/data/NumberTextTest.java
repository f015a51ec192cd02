package io.daybreak.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

/** Numbers as the console, reports and IDE print them, missing values as R prints them. */
class NumberTextTest {
    @Test
    void numbersAreCompact() {
        assertEquals("3", NumberText.compact(3.0));
        assertEquals("0.3", NumberText.compact(0.3));
        assertEquals("1.5e-05", NumberText.compact(1.5e-5));
        assertEquals("0.0110668", NumberText.compact(0.011066800000001));
    }

    @Test
    void aMissingValueIsNaAndInfinitiesAreInfAsInR() {
        assertEquals("NA", NumberText.compact(Double.NaN));
        assertEquals("Inf", NumberText.compact(Double.POSITIVE_INFINITY));
        assertEquals("-Inf", NumberText.compact(Double.NEGATIVE_INFINITY));
        // medianUpper of two Kaplan-Meier curves, the second never falling to its upper limit's level
        assertEquals("[495, NA]", NumberText.text(new double[] {495, Double.NaN}));
        assertEquals("[NA, 1]", NumberText.text(Arrays.asList(Double.NaN, 1.0)));
    }
}
