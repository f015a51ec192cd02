package io.daybreak.data.csv;

import java.util.regex.Pattern;

import io.daybreak.data.ColumnType;

/** Text-to-value conversion shared by type inference and explicit-schema reading. */
final class ValueParsers {
    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    private ValueParsers() {
    }

    /** The parsed value, or {@code null} if {@code text} is not a valid value of {@code type}. */
    static Object parse(String text, ColumnType type) {
        return switch (type) {
        case INT64 -> parseLong(text);
        case INT32 -> {
            Long value = parseLong(text);
            yield value != null && value == value.intValue() ? Integer.valueOf(value.intValue()) : null;
        }
        case FLOAT64 -> parseDouble(text);
        case BOOLEAN -> parseBoolean(text);
        case STRING -> text;
        };
    }

    static Long parseLong(String text) {
        if (!INTEGER.matcher(text).matches()) {
            return null;
        }
        try {
            return Long.valueOf(text);
        } catch (NumberFormatException overflow) {
            return null;
        }
    }

    /** Decimal notation plus R's and Java's spellings of infinity and NaN; no hex, no type suffixes. */
    static Double parseDouble(String text) {
        switch (text) {
        case "Inf", "+Inf", "Infinity", "+Infinity", "inf":
            return Double.POSITIVE_INFINITY;
        case "-Inf", "-Infinity", "-inf":
            return Double.NEGATIVE_INFINITY;
        case "NaN":
            return Double.NaN;
        default:
            return DECIMAL.matcher(text).matches() ? Double.valueOf(text) : null;
        }
    }

    static Boolean parseBoolean(String text) {
        if (text.equalsIgnoreCase("true")) {
            return Boolean.TRUE;
        }
        if (text.equalsIgnoreCase("false")) {
            return Boolean.FALSE;
        }
        return null;
    }

    /** The narrowest of boolean, int64, float64, string that holds every non-null value. */
    static ColumnType infer(Iterable<String> nonNullValues) {
        boolean bool = true;
        boolean integer = true;
        boolean decimal = true;
        boolean any = false;
        for (String value : nonNullValues) {
            if (value == null) {
                continue;
            }
            any = true;
            bool = bool && parseBoolean(value) != null;
            integer = integer && parseLong(value) != null;
            decimal = decimal && parseDouble(value) != null;
            if (!bool && !integer && !decimal) {
                return ColumnType.STRING;
            }
        }
        if (!any) {
            return ColumnType.STRING;
        }
        return bool ? ColumnType.BOOLEAN : integer ? ColumnType.INT64 : decimal ? ColumnType.FLOAT64 : ColumnType.STRING;
    }
}
