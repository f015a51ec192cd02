package io.daybreak.core.method;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import io.daybreak.core.text.Suggestions;

/**
 * Bound, validated parameter values of one run, defaults filled in, in descriptor order. Immutable.
 * Accessors throw {@link IllegalArgumentException} for names the descriptor does not declare: that is a
 * programming error in the method, not bad input.
 */
public final class Parameters {
    private final Map<String, Object> values;
    private final Record settings;

    private Parameters(Map<String, Object> values, Record settings) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        this.settings = settings;
    }

    /**
     * Binds raw values (text or typed) against the descriptor's specs: every name must be declared, every
     * required parameter given, every value valid; a descriptor's settings record is bound too, so a combination
     * of values its constructor rejects fails here, before any run starts.
     */
    public static Parameters bind(MethodDescriptor descriptor, Map<String, ?> raw) {
        for (String name : raw.keySet()) {
            if (descriptor.parameter(name) == null) {
                String suggestion = Suggestions.didYouMean(name, descriptor.parameterNames());
                throw new InvalidParameterException("unknown parameter '" + name + "' for method " + descriptor.id()
                        + (suggestion.isEmpty() ? ";" : "; " + suggestion) + " parameters: "
                        + String.join(", ", descriptor.parameterNames()));
            }
        }
        Map<String, Object> bound = new LinkedHashMap<>();
        for (ParameterSpec spec : descriptor.parameters()) {
            Object value = raw.get(spec.name());
            if (value == null) {
                if (spec.required()) {
                    throw new InvalidParameterException("missing required parameter '" + spec.name() + "' ("
                            + spec.allowed() + ") for method " + descriptor.id());
                }
                if (spec.defaultValue() != null) {
                    bound.put(spec.name(), spec.defaultValue());
                }
            } else {
                bound.put(spec.name(), spec.bind(value));
            }
        }
        Record settings = descriptor.settings() == null ? null : Settings.model(descriptor.settings()).bind(bound);
        return new Parameters(bound, settings);
    }

    /** The settings record bound with these values, if the descriptor declared this one. */
    Record settings(Class<? extends Record> type) {
        return type.isInstance(settings) ? settings : null;
    }

    /** Whether a value is present: always for required parameters and those with defaults. */
    public boolean has(String name) {
        return values.containsKey(name);
    }

    public long integer(String name) {
        return ((Number) get(name)).longValue();
    }

    public double real(String name) {
        return ((Number) get(name)).doubleValue();
    }

    public boolean bool(String name) {
        return (Boolean) get(name);
    }

    /** A {@link ParameterType#REAL_LIST} value (a copy). */
    public double[] reals(String name) {
        return ((double[]) get(name)).clone();
    }

    public String string(String name) {
        return get(name).toString();
    }

    /** All values by name, in descriptor order. */
    public Map<String, Object> asMap() {
        return values;
    }

    private Object get(String name) {
        Object value = values.get(name);
        if (value == null) {
            throw new IllegalArgumentException("no value for parameter '" + name + "'; present: " + values.keySet());
        }
        return value;
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
