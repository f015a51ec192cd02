package io.daybreak.core.method;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.daybreak.data.Table;

/**
 * What {@link Method#apply} returns: output tables by name (ownership passes to the platform) and a small
 * summary of named values (numbers, text, booleans, or lists of these) for people and JSON.
 */
public final class MethodResult {
    private final Map<String, Table> outputs;
    private final Map<String, Object> summary;

    private MethodResult(Map<String, Table> outputs, Map<String, Object> summary) {
        this.outputs = Collections.unmodifiableMap(new LinkedHashMap<>(outputs));
        this.summary = Collections.unmodifiableMap(new LinkedHashMap<>(summary));
    }

    public static Builder builder() {
        return new Builder();
    }

    public Map<String, Table> outputs() {
        return outputs;
    }

    public Map<String, Object> summary() {
        return summary;
    }

    /** Builds a {@link MethodResult}; summary entries keep their insertion order. */
    public static final class Builder {
        private final Map<String, Table> outputs = new LinkedHashMap<>();
        private final Map<String, Object> summary = new LinkedHashMap<>();

        public Builder output(String name, Table table) {
            outputs.put(name, table);
            return this;
        }

        public Builder summary(String key, Object value) {
            if (!(value instanceof Number || value instanceof String || value instanceof Boolean
                    || value instanceof List<?>)) {
                throw new IllegalArgumentException("summary value '" + key + "' must be a number, text, boolean or list");
            }
            summary.put(key, value);
            return this;
        }

        public Builder summary(String key, double... values) {
            summary.put(key, java.util.Arrays.stream(values).boxed().toList());
            return this;
        }

        public MethodResult build() {
            return new MethodResult(outputs, summary);
        }
    }
}
