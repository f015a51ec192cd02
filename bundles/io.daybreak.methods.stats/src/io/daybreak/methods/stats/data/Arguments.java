package io.daybreak.methods.stats.data;

import java.util.List;
import java.util.Map;

import io.daybreak.core.method.InvalidParameterException;
import io.daybreak.data.Table;

/**
 * Reading a site step's arguments (sent by a coordinator, so untrusted): each problem is an
 * {@link IllegalArgumentException} naming the argument, which the node reports as a bad request.
 */
public final class Arguments {
    private Arguments() {
    }

    /** Checks that a site step knows the requested step; an unknown one is a bad argument listing the steps. */
    public static void step(String method, String step, String... steps) {
        if (!java.util.List.of(steps).contains(step)) {
            throw new IllegalArgumentException("unknown step '" + step + "' of " + method + "; steps: "
                    + String.join(", ", steps));
        }
    }

    public static String string(Map<String, Object> arguments, String name) {
        if (!(arguments.get(name) instanceof String text)) {
            throw new IllegalArgumentException("argument '" + name + "' must be a string");
        }
        return text;
    }

    public static double number(Map<String, Object> arguments, String name) {
        if (!(arguments.get(name) instanceof Number number)) {
            throw new IllegalArgumentException("argument '" + name + "' must be a number");
        }
        return number.doubleValue();
    }

    public static List<String> strings(Map<String, Object> arguments, String name) {
        if (!(arguments.get(name) instanceof List<?> list) || !list.stream().allMatch(String.class::isInstance)) {
            throw new IllegalArgumentException("argument '" + name + "' must be a list of column names");
        }
        return list.stream().map(String.class::cast).toList();
    }

    /** A list of finite numbers; of exactly {@code length} elements unless length is negative. */
    public static double[] numbers(Map<String, Object> arguments, String name, int length) {
        if (!(arguments.get(name) instanceof List<?> list) || !list.stream().allMatch(Number.class::isInstance)) {
            throw new IllegalArgumentException("argument '" + name + "' must be a list of numbers");
        }
        double[] values = list.stream().mapToDouble(v -> ((Number) v).doubleValue()).toArray();
        if (length >= 0 && values.length != length) {
            throw new IllegalArgumentException("argument '" + name + "' has " + values.length + " values; expected "
                    + length);
        }
        for (double value : values) {
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("argument '" + name + "' has a value that is not finite");
            }
        }
        return values;
    }

    /** Complete cases of the named columns; an unknown or non-numeric column is a bad argument. */
    public static NumericColumns columns(Table data, List<String> names) {
        try {
            return NumericColumns.completeCases(data, "columns", names);
        } catch (InvalidParameterException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }
}
