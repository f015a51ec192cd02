package io.daybreak.core.method;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A method parameter: its name, type, unit, default, allowed range or choices, and documentation.
 * {@link #bind(Object)} turns a raw value (text from a command line, or a typed value from code) into the
 * bound value, or throws {@link InvalidParameterException} naming the parameter and what is allowed.
 *
 * @param defaultValue the bound default, or {@code null} if there is none
 * @param required     whether a value must be given; an optional parameter without default may be absent
 * @param min          lower bound for numeric types, or {@code null}
 * @param max          upper bound for numeric types, or {@code null}
 * @param choices      the allowed words of a {@link ParameterType#CHOICE}, else empty
 */
public record ParameterSpec(String name, ParameterType type, String unit, Object defaultValue, boolean required,
        Double min,
        boolean minInclusive, Double max, boolean maxInclusive, List<String> choices, String doc) {

    private static final Pattern NAME = Pattern.compile("[a-zA-Z][a-zA-Z0-9_]*");

    public ParameterSpec {
        Objects.requireNonNull(type, "type");
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("parameter name must match " + NAME + ": " + name);
        }
        unit = unit == null ? "" : unit;
        doc = doc == null ? "" : doc;
        choices = List.copyOf(choices == null ? List.of() : choices);
        if (type == ParameterType.CHOICE && choices.isEmpty()) {
            throw new IllegalArgumentException("choice parameter " + name + " needs choices");
        }
        if (required && defaultValue != null) {
            throw new IllegalArgumentException("parameter " + name + " is required and cannot have a default");
        }
        if (defaultValue != null) {
            // A default must itself be valid; checked once here so a descriptor can never lie.
            defaultValue = bindChecked(name, type, min, minInclusive, max, maxInclusive, choices, defaultValue);
        }
    }

    public static Builder integer(String name) {
        return new Builder(name, ParameterType.INTEGER);
    }

    public static Builder real(String name) {
        return new Builder(name, ParameterType.REAL);
    }

    public static Builder bool(String name) {
        return new Builder(name, ParameterType.BOOLEAN);
    }

    public static Builder string(String name) {
        return new Builder(name, ParameterType.STRING);
    }

    /** A list of reals ({@code 0.05,0.1,0.2}); min/max bound every element. */
    public static Builder reals(String name) {
        return new Builder(name, ParameterType.REAL_LIST);
    }

    public static Builder choice(String name, String... choices) {
        return new Builder(name, ParameterType.CHOICE).choices(choices);
    }

    /** Converts and checks a raw value; text is parsed, typed values are checked. */
    public Object bind(Object raw) {
        return bindChecked(name, type, min, minInclusive, max, maxInclusive, choices, raw);
    }

    /** What values are allowed, in words: {@code "real in (0, 1]"}, {@code "one of crm, boin"}. */
    public String allowed() {
        return switch (type) {
        case CHOICE -> "one of " + String.join(", ", choices);
        case BOOLEAN -> "true or false";
        case STRING -> "text";
        case INTEGER, REAL -> type.label() + rangeText(min, minInclusive, max, maxInclusive);
        case REAL_LIST -> "comma-separated reals" + (min == null && max == null ? ""
                : ", each" + rangeText(min, minInclusive, max, maxInclusive));
        };
    }

    private static String rangeText(Double min, boolean minInclusive, Double max, boolean maxInclusive) {
        if (min == null && max == null) {
            return "";
        }
        return " in " + (min == null ? "(-inf" : (minInclusive ? "[" : "(") + format(min)) + ", "
                + (max == null ? "inf)" : format(max) + (maxInclusive ? "]" : ")"));
    }

    private static String format(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
    }

    private static Object bindChecked(String name, ParameterType type, Double min, boolean minInclusive, Double max,
            boolean maxInclusive, List<String> choices, Object raw) {
        if (raw == null) {
            throw new InvalidParameterException("parameter '" + name + "' has no value");
        }
        Object value = switch (type) {
        case INTEGER -> toLong(name, raw);
        case REAL -> toDouble(name, raw);
        case BOOLEAN -> toBoolean(name, raw);
        case STRING -> raw.toString();
        case CHOICE -> toChoice(name, choices, raw);
        case REAL_LIST -> toReals(name, raw);
        };
        if (value instanceof double[] list) {
            for (int i = 0; i < list.length; i++) {
                checkRange(name + "[" + (i + 1) + "]", type, min, minInclusive, max, maxInclusive, list[i], list[i]);
            }
            return value;
        }
        if (value instanceof Number number) {
            checkRange(name, type, min, minInclusive, max, maxInclusive, number.doubleValue(), raw);
        }
        return value;
    }

    private static void checkRange(String name, ParameterType type, Double min, boolean minInclusive, Double max,
            boolean maxInclusive, double x, Object shown) {
        boolean belowMin = min != null && (minInclusive ? x < min : x <= min);
        boolean aboveMax = max != null && (maxInclusive ? x > max : x >= max);
        if (belowMin || aboveMax || Double.isNaN(x)) {
            throw new InvalidParameterException("parameter '" + name + "' = " + shown + " is out of range; allowed: "
                    + (type == ParameterType.REAL_LIST ? "real" : type.label())
                    + rangeText(min, minInclusive, max, maxInclusive));
        }
    }

    private static double[] toReals(String name, Object raw) {
        if (raw instanceof double[] values) {
            return values.clone();
        }
        if (raw instanceof List<?> list) {
            double[] values = new double[list.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = toDouble(name + "[" + (i + 1) + "]", list.get(i));
            }
            return values;
        }
        String text = raw.toString().strip();
        if (text.isEmpty()) {
            throw new InvalidParameterException("parameter '" + name + "' needs at least one value, e.g. 0.1,0.2");
        }
        String[] parts = text.split(",", -1);
        double[] values = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                values[i] = toDouble(name + "[" + (i + 1) + "]", parts[i]);
            } catch (InvalidParameterException e) {
                throw new InvalidParameterException("parameter '" + name + "': element " + (i + 1) + " ('"
                        + parts[i].strip() + "') is not a real number; expected comma-separated reals like 0.1,0.2");
            }
        }
        return values;
    }

    private static Long toLong(String name, Object raw) {
        if (raw instanceof Long || raw instanceof Integer || raw instanceof Short) {
            return ((Number) raw).longValue();
        }
        String text = raw.toString().strip();
        try {
            return Long.valueOf(text);
        } catch (NumberFormatException e) {
            throw new InvalidParameterException("parameter '" + name + "' must be an integer, got '" + raw + "'");
        }
    }

    private static Double toDouble(String name, Object raw) {
        if (raw instanceof Number number) {
            return number.doubleValue();
        }
        String text = raw.toString().strip();
        try {
            if (!text.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?")) {
                throw new NumberFormatException(text);
            }
            return Double.valueOf(text);
        } catch (NumberFormatException e) {
            throw new InvalidParameterException("parameter '" + name + "' must be a real number, got '" + raw + "'");
        }
    }

    private static Boolean toBoolean(String name, Object raw) {
        if (raw instanceof Boolean bool) {
            return bool;
        }
        String text = raw.toString().strip().toLowerCase(Locale.ROOT);
        if (text.equals("true")) {
            return Boolean.TRUE;
        }
        if (text.equals("false")) {
            return Boolean.FALSE;
        }
        throw new InvalidParameterException("parameter '" + name + "' must be true or false, got '" + raw + "'");
    }

    private static String toChoice(String name, List<String> choices, Object raw) {
        String text = raw.toString().strip();
        if (!choices.contains(text)) {
            throw new InvalidParameterException("parameter '" + name + "' = '" + raw + "' is not allowed; allowed: "
                    + String.join(", ", choices));
        }
        return text;
    }

    /** Builds a {@link ParameterSpec}; ranges are inclusive unless said otherwise. */
    public static final class Builder {
        private final String name;
        private final ParameterType type;
        private String unit = "";
        private Object defaultValue;
        private boolean optional;
        private Double min;
        private boolean minInclusive = true;
        private Double max;
        private boolean maxInclusive = true;
        private List<String> choices = List.of();
        private String doc = "";

        private Builder(String name, ParameterType type) {
            this.name = name;
            this.type = type;
        }

        public Builder unit(String value) {
            unit = value;
            return this;
        }

        public Builder defaultValue(Object value) {
            defaultValue = value;
            return this;
        }

        /** Makes a parameter without default optional: it may be absent (see {@link Parameters#has}). */
        public Builder optional() {
            optional = true;
            return this;
        }

        /** Inclusive lower bound. */
        public Builder min(double value) {
            min = value;
            minInclusive = true;
            return this;
        }

        /** Exclusive lower bound. */
        public Builder greaterThan(double value) {
            min = value;
            minInclusive = false;
            return this;
        }

        /** Inclusive upper bound. */
        public Builder max(double value) {
            max = value;
            maxInclusive = true;
            return this;
        }

        /** Exclusive upper bound. */
        public Builder lessThan(double value) {
            max = value;
            maxInclusive = false;
            return this;
        }

        public Builder choices(String... values) {
            choices = List.of(values);
            return this;
        }

        public Builder doc(String value) {
            doc = value;
            return this;
        }

        public ParameterSpec build() {
            boolean required = defaultValue == null && !optional;
            return new ParameterSpec(name, type, unit, defaultValue, required, min, minInclusive, max, maxInclusive, choices,
                    doc);
        }
    }
}
