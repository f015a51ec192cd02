package io.daybreak.console.internal;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Locale;

/**
 * Numbers shown as SAS shows them under their display format: a SAS date is days since 1960-01-01, a datetime
 * seconds since 1960-01-01T00:00, a time seconds since midnight. ADaM keeps dates as such numbers ({@code ADT} with
 * {@code DATE9.}); {@code inspect} shows them as ISO dates, as R's haven does, and leaves the values themselves alone.
 */
final class SasDates {
    private static final LocalDate ORIGIN = LocalDate.of(1960, 1, 1);

    private SasDates() {
    }

    /** The number's text: an ISO date, datetime or time when its format is one, else the number as read. */
    static String display(Number number, String format) {
        double value = number.doubleValue();
        String name = format.toUpperCase(Locale.ROOT).replaceAll("[0-9.]+$", "");
        if (!Double.isFinite(value) || name.isEmpty()) {
            return number.toString();
        }
        if (name.equals("DATETIME") || name.equals("E8601DT") || name.equals("IS8601DT")) {
            return ORIGIN.atStartOfDay().plusSeconds((long) Math.floor(value)).toString();
        }
        if (name.equals("DATE") || name.equals("YYMMDD") || name.equals("E8601DA") || name.equals("IS8601DA")
                || name.equals("MMDDYY") || name.equals("DDMMYY") || name.equals("MONYY")) {
            return ORIGIN.plusDays((long) Math.floor(value)).toString();
        }
        if ((name.equals("TIME") || name.equals("E8601TM") || name.equals("TOD")) && value >= 0 && value < 86_400) {
            return LocalTime.ofSecondOfDay((long) Math.floor(value)).toString();
        }
        return number.toString();
    }
}
