package io.daybreak.console.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** SAS dates, datetimes and times shown under their formats (values from Python's datetime, origin 1960-01-01). */
class SasDatesTest {
    @Test
    void numbersUnderDateFormatsAreShownAsIsoDates() {
        assertEquals("2024-01-17", SasDates.display(23392.0, "DATE9."));
        assertEquals("2024-01-17", SasDates.display(23392.0, "yymmdd10."));
        assertEquals("1959-12-31", SasDates.display(-1.0, "E8601DA."));
        assertEquals("2024-01-17T15:10:56", SasDates.display(2021123456.0, "DATETIME20."));
        assertEquals("12:34:56", SasDates.display(45296.0, "TIME8."));
    }

    @Test
    void otherNumbersAreShownAsRead() {
        assertEquals("23392.0", SasDates.display(23392.0, ""));
        assertEquals("3.5", SasDates.display(3.5, "8.1"));
        assertEquals("NaN", SasDates.display(Double.NaN, "DATE9."));
        assertEquals("90000.0", SasDates.display(90000.0, "TIME8."));
    }
}
