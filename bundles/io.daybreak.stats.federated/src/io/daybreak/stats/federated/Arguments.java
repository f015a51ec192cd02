package io.daybreak.stats.federated;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.daybreak.core.method.InvalidParameterException;
import io.daybreak.data.Table;
import io.daybreak.stats.models.columns.NumericColumns;

/**
 * Reading a site step's arguments (sent by a coordinator, so untrusted): each problem is an
 * {@link IllegalArgumentException} naming the argument, which the node reports as a bad request. Messages
 * name the argument, the column and the limit, and numbers only where they came with the request; never a
 * value, a count or a level found in the data.
 *
 * <p>Work limits are checked before anything is allocated from an argument: at most {@link #MAX_COLUMNS}
 * columns in a list (so at most 201 model parameters), at most {@link #MAX_VALUES} values in a design read
 * (rows × columns) or in a release computed from a list argument (e.g. grid times × covariates²), and at most
 * {@link #MAX_CELLS} cells in a table.
 */
public final class Arguments {
    /** Most columns one list argument may name (covariates, described columns). */
    public static final int MAX_COLUMNS = io.daybreak.federation.WorkLimits.MAX_COLUMNS;
    /** Most numbers a site step may hold for one design (rows × columns) or release from one list argument. */
    public static final long MAX_VALUES = io.daybreak.federation.WorkLimits.MAX_VALUES;
    /** Most cells (row levels × column levels) of a table. */
    public static final long MAX_CELLS = io.daybreak.federation.WorkLimits.MAX_CELLS;

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

    /** A finite number. */
    public static double number(Map<String, Object> arguments, String name) {
        if (!(arguments.get(name) instanceof Number number) || !Double.isFinite(number.doubleValue())) {
            throw new IllegalArgumentException("argument '" + name + "' must be a finite number");
        }
        return number.doubleValue();
    }

    /** A list of column names, at most {@link #MAX_COLUMNS}. */
    public static List<String> strings(Map<String, Object> arguments, String name) {
        if (!(arguments.get(name) instanceof List<?> list) || !list.stream().allMatch(String.class::isInstance)) {
            throw new IllegalArgumentException("argument '" + name + "' must be a list of column names");
        }
        if (list.size() > MAX_COLUMNS) {
            throw new IllegalArgumentException("argument '" + name + "' names more columns than the limit of "
                    + MAX_COLUMNS);
        }
        return list.stream().map(String.class::cast).toList();
    }

    /** A list of finite numbers; of exactly {@code length} elements unless length is negative. */
    public static double[] numbers(Map<String, Object> arguments, String name, int length) {
        if (!(arguments.get(name) instanceof List<?> list) || !list.stream().allMatch(Number.class::isInstance)) {
            throw new IllegalArgumentException("argument '" + name + "' must be a list of numbers");
        }
        if (length >= 0 && list.size() != length) {
            throw new IllegalArgumentException("argument '" + name + "' has " + list.size() + " values; expected "
                    + length);
        }
        double[] values = list.stream().mapToDouble(v -> ((Number) v).doubleValue()).toArray();
        for (double value : values) {
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("argument '" + name + "' has a value that is not finite");
            }
        }
        return values;
    }

    /** Refuses a release of {@code count} values computed from argument {@code name} above {@link #MAX_VALUES}. */
    public static void limit(String name, double count) {
        if (count > MAX_VALUES) {
            throw new IllegalArgumentException("argument '" + name + "' asks for more than " + MAX_VALUES
                    + " values; that is this site's limit per request");
        }
    }

    /** Complete cases of the named columns; an unknown or non-numeric column is a bad argument. */
    public static NumericColumns columns(Table data, List<String> names) {
        return columns(data, Map.of("columns", names));
    }

    /**
     * Complete cases of the columns each argument names (argument → its columns, in order); an unknown or
     * non-numeric column is a bad argument naming the argument and the column.
     */
    public static NumericColumns columns(Table data, Map<String, List<String>> byArgument) {
        List<String> all = new ArrayList<>();
        byArgument.values().forEach(all::addAll);
        limit(String.join("/", byArgument.keySet()), (double) data.rowCount() * all.size());
        for (Map.Entry<String, List<String>> argument : byArgument.entrySet()) {
            for (String name : argument.getValue()) {
                check(data, argument.getKey(), name);
            }
        }
        try {
            return NumericColumns.completeCases(data, String.join("/", byArgument.keySet()), all);
        } catch (InvalidParameterException e) {
            throw new IllegalArgumentException(e.getMessage().replaceFirst("^parameter", "argument"), e);
        }
    }

    private static void check(Table data, String argument, String name) {
        if (!data.hasColumn(name)) {
            throw new IllegalArgumentException("argument '" + argument + "': " + NumericColumns.noColumn(name));
        }
        io.daybreak.data.ColumnType type = data.columnType(name);
        if (type == null || !type.isNumeric()) {
            throw new IllegalArgumentException("argument '" + argument + "': column '" + name + "' is not numeric");
        }
    }

    /** Argument name → columns, in the order given (a readable way to call {@link #columns(Table, Map)}). */
    public static Map<String, List<String>> named(Object... argumentsAndColumns) {
        Map<String, List<String>> byArgument = new LinkedHashMap<>();
        for (int i = 0; i < argumentsAndColumns.length; i += 2) {
            Object columns = argumentsAndColumns[i + 1];
            List<String> list = new ArrayList<>(byArgument.getOrDefault((String) argumentsAndColumns[i], List.of()));
            if (columns instanceof String one) {
                list.add(one);
            } else {
                for (Object column : (List<?>) columns) {
                    list.add((String) column);
                }
            }
            byArgument.put((String) argumentsAndColumns[i], list);
        }
        return byArgument;
    }
}
