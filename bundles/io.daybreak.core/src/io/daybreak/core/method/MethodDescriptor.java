package io.daybreak.core.method;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a method is and what it takes. The version is not part of the descriptor: it is the version of the
 * bundle that provides the method, and the registry reports it.
 *
 * @param id          stable public id, lower case, dot- or dash-separated words (e.g. {@code design.boin})
 * @param title       one line for people
 * @param category    the method family (design, stats, twin, causal, signal, biomarker, example)
 * @param reference   the literature reference the implementation follows
 * @param description what it computes, in a few sentences
 * @param settings    the settings record whose components declared the parameters (see {@link Settings}), bound by
 *                    the platform together with the parameters; {@code null} for a method that reads them by name
 */
public record MethodDescriptor(String id, String title, String category, String reference, String description,
        List<ParameterSpec> parameters, List<TableSpec> inputs, List<TableSpec> outputs,
        Class<? extends Record> settings) {

    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9]*([.-][a-z0-9]+)*");

    public MethodDescriptor {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("method id must match " + ID + ": " + id);
        }
        Objects.requireNonNull(title, "title");
        category = category == null ? "" : category;
        reference = reference == null ? "" : reference;
        description = description == null ? "" : description;
        parameters = List.copyOf(parameters);
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
        Set<String> names = new HashSet<>();
        for (ParameterSpec spec : parameters) {
            if (!names.add(spec.name())) {
                throw new IllegalArgumentException("duplicate parameter " + spec.name() + " in method " + id);
            }
        }
    }

    /** A descriptor whose parameters were declared one by one. */
    public MethodDescriptor(String id, String title, String category, String reference, String description,
            List<ParameterSpec> parameters, List<TableSpec> inputs, List<TableSpec> outputs) {
        this(id, title, category, reference, description, parameters, inputs, outputs, null);
    }

    public static Builder builder(String id, String title) {
        return new Builder(id, title);
    }

    /** The spec of a parameter, or {@code null}. */
    public ParameterSpec parameter(String name) {
        for (ParameterSpec spec : parameters) {
            if (spec.name().equals(name)) {
                return spec;
            }
        }
        return null;
    }

    public List<String> parameterNames() {
        return parameters.stream().map(ParameterSpec::name).toList();
    }

    /** Builds a {@link MethodDescriptor}. */
    public static final class Builder {
        private final String id;
        private final String title;
        private String category = "";
        private String reference = "";
        private String description = "";
        private final List<ParameterSpec> parameters = new ArrayList<>();
        private final List<TableSpec> inputs = new ArrayList<>();
        private final List<TableSpec> outputs = new ArrayList<>();
        private Class<? extends Record> settings;

        private Builder(String id, String title) {
            this.id = id;
            this.title = title;
        }

        public Builder category(String value) {
            category = value;
            return this;
        }

        public Builder reference(String value) {
            reference = value;
            return this;
        }

        public Builder description(String value) {
            description = value;
            return this;
        }

        public Builder parameter(ParameterSpec.Builder spec) {
            parameters.add(spec.build());
            return this;
        }

        /**
         * Adds the parameters a settings record declares, in order (see {@link Settings}); the platform then binds
         * the record when it binds the parameters, so a combination the record's constructor rejects is refused
         * before the run starts. One settings record per method.
         */
        public Builder settings(Class<? extends Record> type) {
            if (settings != null) {
                throw new IllegalStateException("method " + id + " already declares the settings " + settings.getName()
                        + "; a method has one settings record (shared parameters are groups inside it)");
            }
            parameters.addAll(Settings.specs(type));
            settings = type;
            return this;
        }

        /** Adds a parameter spec that is already built, e.g. one of a settings group's. */
        public Builder parameter(ParameterSpec spec) {
            parameters.add(spec);
            return this;
        }

        public Builder input(TableSpec spec) {
            inputs.add(spec);
            return this;
        }

        public Builder output(TableSpec spec) {
            outputs.add(spec);
            return this;
        }

        public MethodDescriptor build() {
            return new MethodDescriptor(id, title, category, reference, description, parameters, inputs, outputs,
                    settings);
        }
    }
}
