package io.daybreak.methods.stats.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reading a federated method's key=value parameters; problems name the parameter. */
public final class FederatedParameters {
    private final Map<String, String> values;

    public FederatedParameters(Map<String, String> values, List<String> known) {
        for (String key : values.keySet()) {
            if (!known.contains(key)) {
                throw new IllegalArgumentException("unknown parameter '" + key + "'; known: " + String.join(", ", known));
            }
        }
        this.values = values;
    }

    public String string(String name, String fallback) {
        String value = values.get(name);
        if (value == null && fallback == null) {
            throw new IllegalArgumentException("parameter '" + name + "' is required");
        }
        return value == null ? fallback : value;
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    public double real(String name, double fallback) {
        String value = values.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("parameter '" + name + "' = '" + value + "' is not a number");
        }
    }

    public List<String> names(String name) {
        return NumericColumns.names(name, string(name, null));
    }

    public double[] reals(String name) {
        List<Double> list = new ArrayList<>();
        for (String part : string(name, null).split(",")) {
            try {
                list.add(Double.parseDouble(part.strip()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("parameter '" + name + "': '" + part.strip() + "' is not a number");
            }
        }
        return list.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** Numbers as a list, for a summary or a site step's arguments. */
    public static List<Object> list(double[] values) {
        List<Object> list = new ArrayList<>();
        for (double v : values) {
            list.add(v);
        }
        return list;
    }

    /** A number as a level is written: whole numbers without a decimal point. */
    public static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
    }

    public boolean bool(String name) {
        return bool(name, false);
    }

    public boolean bool(String name, boolean fallback) {
        String value = values.getOrDefault(name, Boolean.toString(fallback));
        if (!value.equals("true") && !value.equals("false")) {
            throw new IllegalArgumentException("parameter '" + name + "' must be true or false, got '" + value + "'");
        }
        return value.equals("true");
    }
}
