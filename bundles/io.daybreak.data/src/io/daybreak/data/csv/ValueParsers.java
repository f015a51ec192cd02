package io.daybreak.data.csv;

import java.util.regex.Pattern;

/**
 * The value grammar of CSV reading on text: what {@link CsvReader#isNumber} accepts, and the reference that
 * {@link ByteValues} follows on bytes (and falls back to for non-ASCII text).
 */
final class ValueParsers {
    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    private ValueParsers() {
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
}
