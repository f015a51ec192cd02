package io.daybreak.data.csv;

import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.core.io.NumberInput;

/**
 * Parses field bytes (UTF-8) the way {@link ValueParsers} parses their text, without making a String: integers
 * by {@code [+-]?\d+} within 64 bits, numbers by {@code [+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?} (and R's and Java's
 * spellings of infinity and NaN), booleans as {@code true}/{@code false} in any case. Doubles are exact: for digits
 * that make an integer of at most 2^53 (all of 15 digits, most of 16) with a decimal exponent within ±22, one IEEE
 * multiplication or division of two exact doubles gives the correctly rounded value (Clinger's fast path), as
 * {@link Double#parseDouble} does; anything else is
 * handed to Jackson's FastDoubleParser, also correctly rounded. A field with non-ASCII bytes is decided by
 * {@link ValueParsers} on its text. One instance per reader (not thread-safe): a successful parse leaves its value in
 * {@link #longValue}, {@link #doubleValue} or {@link #booleanValue}.
 */
final class ByteValues {
    static final int BOOLEAN = 1;
    static final int INTEGER = 2;
    static final int NUMBER = 4;

    private static final double[] POWERS_OF_TEN = new double[23];
    /** The largest mantissa below which every integer is an exact double. */
    private static final long MAX_EXACT = 1L << 53;

    static {
        double power = 1;
        for (int i = 0; i < POWERS_OF_TEN.length; i++) {
            POWERS_OF_TEN[i] = power;
            power *= 10;
        }
    }

    private char[] chars = new char[32];

    long longValue;
    double doubleValue;
    boolean booleanValue;

    /** Which of {@link #BOOLEAN}, {@link #INTEGER}, {@link #NUMBER} the field's text is (a bit set; 0: text only). */
    int classify(byte[] b, int from, int to) {
        if (!ascii(b, from, to)) {
            String text = text(b, from, to);
            return (ValueParsers.parseBoolean(text) != null ? BOOLEAN : 0)
                    | (ValueParsers.parseLong(text) != null ? INTEGER : 0)
                    | (ValueParsers.parseDouble(text) != null ? NUMBER : 0);
        }
        if (parseBoolean(b, from, to)) {
            return BOOLEAN;
        }
        if (parseLong(b, from, to)) {
            return INTEGER | NUMBER;
        }
        return parseDouble(b, from, to) ? NUMBER : 0;
    }

    /** Whether the bytes are {@code true} or {@code false} in any case; the value goes to {@link #booleanValue}. */
    boolean parseBoolean(byte[] b, int from, int to) {
        int length = to - from;
        if (length == 4 && lower(b[from]) == 't' && lower(b[from + 1]) == 'r' && lower(b[from + 2]) == 'u'
                && lower(b[from + 3]) == 'e') {
            booleanValue = true;
            return true;
        }
        if (length == 5 && lower(b[from]) == 'f' && lower(b[from + 1]) == 'a' && lower(b[from + 2]) == 'l'
                && lower(b[from + 3]) == 's' && lower(b[from + 4]) == 'e') {
            booleanValue = false;
            return true;
        }
        if (length > 5 && !ascii(b, from, to)) { // e.g. a long s: Java's equalsIgnoreCase matches it with 's'
            Boolean value = ValueParsers.parseBoolean(text(b, from, to));
            booleanValue = value != null && value;
            return value != null;
        }
        return false;
    }

    /** Whether the bytes are an integer within 64 bits; the value goes to {@link #longValue}. */
    boolean parseLong(byte[] b, int from, int to) {
        int i = from;
        boolean negative = false;
        if (i < to && (b[i] == '-' || b[i] == '+')) {
            negative = b[i] == '-';
            i++;
        }
        int digits = to - i;
        if (digits <= 0) {
            return false;
        }
        long value = 0;
        for (; i < to; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) {
                return false;
            }
            value = value * 10 + d;
        }
        if (digits > 18) { // may have overflowed: let Long decide
            try {
                longValue = Long.parseLong(text(b, from, to));
                return true;
            } catch (NumberFormatException overflow) {
                return false;
            }
        }
        longValue = negative ? -value : value;
        return true;
    }

    /** Whether the bytes are a number; the value goes to {@link #doubleValue}. */
    boolean parseDouble(byte[] b, int from, int to) {
        int i = from;
        boolean negative = false;
        if (i < to && (b[i] == '-' || b[i] == '+')) {
            negative = b[i] == '-';
            i++;
        }
        long mantissa = 0;
        int significant = 0; // digits counted into the mantissa, from the first non-zero one
        int intDigits = 0;
        int fracDigits = 0;
        int scale = 0; // decimal exponent adjustment of the mantissa
        for (; i < to; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) {
                break;
            }
            intDigits++;
            if (significant > 0 || d != 0) {
                if (significant < 18) {
                    mantissa = mantissa * 10 + d;
                } else {
                    scale++;
                }
                significant++;
            }
        }
        if (i < to && b[i] == '.') {
            i++;
            for (; i < to; i++) {
                int d = b[i] - '0';
                if (d < 0 || d > 9) {
                    break;
                }
                fracDigits++;
                if (significant > 0 || d != 0) {
                    if (significant < 18) {
                        mantissa = mantissa * 10 + d;
                        scale--;
                    }
                    significant++;
                } else {
                    scale--;
                }
            }
        }
        if (intDigits == 0 && fracDigits == 0) {
            return special(b, from, to);
        }
        int exponent = 0;
        if (i < to && (b[i] == 'e' || b[i] == 'E')) {
            i++;
            boolean negativeExponent = false;
            if (i < to && (b[i] == '-' || b[i] == '+')) {
                negativeExponent = b[i] == '-';
                i++;
            }
            int exponentDigits = 0;
            for (; i < to; i++) {
                int d = b[i] - '0';
                if (d < 0 || d > 9) {
                    return false;
                }
                if (exponentDigits < 9) {
                    exponent = exponent * 10 + d;
                }
                exponentDigits++;
            }
            if (exponentDigits == 0) {
                return false;
            }
            if (exponentDigits >= 9) {
                return slowDouble(b, from, to);
            }
            exponent = negativeExponent ? -exponent : exponent;
        }
        if (i != to) {
            return false;
        }
        if (mantissa == 0) {
            doubleValue = negative ? -0.0 : 0.0;
            return true;
        }
        int power = scale + exponent;
        if (significant > 18 || mantissa > MAX_EXACT || power < -22 || power > 22) {
            return slowDouble(b, from, to);
        }
        double value = power >= 0 ? mantissa * POWERS_OF_TEN[power] : mantissa / POWERS_OF_TEN[-power];
        doubleValue = negative ? -value : value;
        return true;
    }

    /**
     * More than 15 significant digits (as in Java's and R's shortest round-trip output) or a large exponent: Jackson's
     * FastDoubleParser (Eisel–Lemire, correctly rounded like {@link Double#parseDouble}, without its big-integer
     * arithmetic), on the ASCII text copied to a reused char buffer.
     */
    private boolean slowDouble(byte[] b, int from, int to) {
        int length = to - from;
        if (chars.length < length) {
            chars = new char[Math.max(length, chars.length * 2)];
        }
        for (int i = 0; i < length; i++) {
            chars[i] = (char) b[from + i];
        }
        doubleValue = NumberInput.parseDouble(chars, 0, length, true);
        return true;
    }

    private boolean special(byte[] b, int from, int to) {
        int length = to - from;
        if (length < 3 || length > 9) {
            return false;
        }
        Double value = ValueParsers.parseDouble(text(b, from, to));
        if (value == null) {
            return false;
        }
        doubleValue = value;
        return true;
    }

    static boolean ascii(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] < 0) {
                return false;
            }
        }
        return true;
    }

    static String text(byte[] b, int from, int to) {
        return new String(b, from, to - from, StandardCharsets.UTF_8);
    }

    private static int lower(byte c) {
        return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
    }
}
