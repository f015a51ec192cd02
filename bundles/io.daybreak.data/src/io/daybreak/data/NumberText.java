package io.daybreak.data;

import java.util.Locale;

/** Numbers as people read them in Daybreak's console, reports and IDE. */
public final class NumberText {
    private NumberText() {
    }

    /**
     * Whole numbers without a decimal point; others to six significant digits without padding zeros:
     * 0.300000 becomes 0.3 and 1.50000e-05 becomes 1.5e-05 (zeros are removed from the mantissa only, so
     * 1.37733e-10 keeps its exponent). A value that does not exist (an upper confidence limit of a median the
     * curve never reaches) is {@code NA}, and infinities are {@code Inf} and {@code -Inf}, as R prints them.
     */
    public static String compact(double value) {
        if (Double.isNaN(value)) {
            return "NA";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "Inf" : "-Inf";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        String text = String.format(Locale.ROOT, "%.6g", value);
        int exponent = text.indexOf('e');
        String mantissa = exponent < 0 ? text : text.substring(0, exponent);
        if (mantissa.contains(".")) {
            mantissa = mantissa.replaceAll("\\.?0+$", "");
        }
        return exponent < 0 ? mantissa : mantissa + text.substring(exponent);
    }

    /**
     * A result value as text: numbers as {@link #compact}, arrays and lists of them as {@code [a, b]}, a missing
     * value as {@code -}, anything else as its string.
     */
    public static String text(Object value) {
        if (value == null) {
            return "-";
        }
        if (value instanceof Double d) {
            return compact(d);
        }
        if (value instanceof double[] array) {
            return text(java.util.Arrays.stream(array).boxed().toList());
        }
        if (value instanceof java.util.List<?> list) {
            return list.stream().map(NumberText::text).collect(java.util.stream.Collectors.joining(", ", "[", "]"));
        }
        return value.toString();
    }
}
