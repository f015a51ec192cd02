package io.daybreak.core.method;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * One leaf setting: the {@link ParameterSpec} generated from a record component's {@link Setting} and Java type,
 * and the conversion of a bound value to that type. Every check on a value is the spec's own.
 */
record SettingSpec(ParameterSpec spec, Class<?> javaType) {

    static SettingSpec of(RecordComponent component, List<Adjust> adjustments) {
        Setting setting = component.getAnnotation(Setting.class);
        String where = component.getDeclaringRecord().getName() + "." + component.getName();
        if (setting == null) {
            throw new IllegalArgumentException(where + " is neither a @Setting nor a group record");
        }
        Class<?> type = component.getType();
        ParameterSpec.Builder builder = builder(component.getName(), type, component.getAnnotation(Choice.class), where);
        String defaultValue = setting.defaultValue();
        String doc = setting.doc();
        for (Adjust adjust : adjustments) {
            if (adjust.name().equals(component.getName())) {
                defaultValue = adjust.defaultValue().isEmpty() ? defaultValue : adjust.defaultValue();
                doc = adjust.doc().isEmpty() ? doc : adjust.doc();
            }
        }
        builder.unit(setting.unit()).doc(doc);
        if (!Double.isNaN(setting.min())) {
            if (setting.minInclusive()) {
                builder.min(setting.min());
            } else {
                builder.greaterThan(setting.min());
            }
        }
        if (!Double.isNaN(setting.max())) {
            if (setting.maxInclusive()) {
                builder.max(setting.max());
            } else {
                builder.lessThan(setting.max());
            }
        }
        if (!defaultValue.equals(Setting.NONE)) {
            builder.defaultValue(defaultValue);
        } else if (setting.optional()) {
            if (type.isPrimitive()) {
                throw new IllegalArgumentException(where + " is optional without default, so it needs a type that can "
                        + "be null, e.g. " + (type == double.class ? "Double" : type == boolean.class ? "Boolean" : "Long"));
            }
            builder.optional();
        }
        return new SettingSpec(builder.build(), type);
    }

    private static ParameterSpec.Builder builder(String name, Class<?> type, Choice choice, String where) {
        if (choice != null) {
            if (type != String.class) {
                throw new IllegalArgumentException(where + ": @Choice needs a String component");
            }
            return ParameterSpec.choice(name, choice.value());
        }
        if (type == long.class || type == Long.class || type == int.class || type == Integer.class) {
            return ParameterSpec.integer(name);
        }
        if (type == double.class || type == Double.class) {
            return ParameterSpec.real(name);
        }
        if (type == boolean.class || type == Boolean.class) {
            return ParameterSpec.bool(name);
        }
        if (type == String.class) {
            return ParameterSpec.string(name);
        }
        if (type == double[].class) {
            return ParameterSpec.reals(name);
        }
        if (type.isEnum()) {
            return ParameterSpec.choice(name, Arrays.stream(type.getEnumConstants()).map(c -> word((Enum<?>) c))
                    .toArray(String[]::new));
        }
        throw new IllegalArgumentException(where + " has type " + type.getName() + ", which no parameter type fits");
    }

    /** The word users type for an enum constant: {@code POSTERIOR_MEAN} is {@code posterior-mean}. */
    static String word(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The component value for a raw or bound value, or {@code null} for an absent optional parameter. */
    Object bind(Object raw) {
        Object value;
        if (raw != null) {
            value = spec.bind(raw);
        } else if (spec.defaultValue() != null) {
            value = spec.defaultValue();
        } else if (spec.required()) {
            throw new InvalidParameterException("missing required parameter '" + spec.name() + "' (" + spec.allowed()
                    + ")");
        } else {
            return null;
        }
        return convert(value);
    }

    private Object convert(Object value) {
        if (javaType == int.class || javaType == Integer.class) {
            long whole = (Long) value;
            if (whole != (int) whole) {
                throw new InvalidParameterException("parameter '" + spec.name() + "' = " + whole + " is out of range; "
                        + "allowed: integer in [" + Integer.MIN_VALUE + ", " + Integer.MAX_VALUE + "]");
            }
            return (int) whole;
        }
        if (javaType == double[].class) {
            return ((double[]) value).clone();
        }
        if (javaType.isEnum()) {
            for (Object constant : javaType.getEnumConstants()) {
                if (word((Enum<?>) constant).equals(value)) {
                    return constant;
                }
            }
        }
        return value;
    }
}
