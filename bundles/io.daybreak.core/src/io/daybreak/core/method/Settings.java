package io.daybreak.core.method;

import java.util.List;

/**
 * Typed settings: a method declares one record whose components are its parameters, instead of declaring
 * {@link ParameterSpec}s and reading values by name.
 *
 * <pre>{@code
 * record BoinSettings(DoseTruth doses, Cohorts cohorts,
 *         @Setting(doc = "...", min = 0, max = 1, minInclusive = false, maxInclusive = false, optional = true)
 *         Double pSafe, ...) { }
 *
 * MethodDescriptor.builder("design.boin", "...").settings(BoinSettings.class)...
 * BoinSettings settings = Settings.bind(BoinSettings.class, parameters);
 * }</pre>
 *
 * <p>A component annotated {@link Setting} is a parameter named like the component; its type follows from the
 * Java type: {@code long}/{@code int} integer, {@code double} real, {@code boolean}, {@code String} (a
 * {@link Choice} if annotated so), {@code double[]} reals, an enum a choice of its constants (lower case,
 * {@code _} as {@code -}). Optional parameters without default need a type that can be {@code null}. A component
 * whose type is a record is a shared group: its parameters join the method's under their own flat names, in
 * component order, so users type exactly what they typed before groups existed; {@link Adjust} changes a group
 * parameter's default or documentation for one method.
 *
 * <p>Values are checked by the generated {@link ParameterSpec}s, so a bad value fails with the same
 * {@link InvalidParameterException} (naming the parameter and what is allowed) as any other parameter.
 */
public final class Settings {
    private static final ClassValue<SettingsModel> MODELS = new ClassValue<>() {
        @Override
        protected SettingsModel computeValue(Class<?> type) {
            return SettingsModel.of(type.asSubclass(Record.class));
        }
    };

    private Settings() {
    }

    /** The parameter specs a settings record (or a group on its own) declares, in order. */
    public static List<ParameterSpec> specs(Class<? extends Record> type) {
        return MODELS.get(type).specs();
    }

    /** One spec of a settings record or group, for methods that declare parameters one by one. */
    public static ParameterSpec spec(Class<? extends Record> type, String name) {
        return specs(type).stream().filter(spec -> spec.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(type.getName() + " declares no parameter " + name));
    }

    /**
     * The settings record for bound parameters: the one the platform bound with them when their descriptor
     * declared this record, otherwise bound now (a group, or parameters bound for another descriptor), each value
     * checked again by its spec and defaults filling in what is absent.
     *
     * @throws InvalidParameterException a value is missing or not allowed, or the record's constructor rejects
     *                                   the combination
     */
    public static <R extends Record> R bind(Class<R> type, Parameters parameters) {
        Record bound = parameters.settings(type);
        return type.cast(bound != null ? bound : MODELS.get(type).bind(parameters.asMap()));
    }

    static SettingsModel model(Class<? extends Record> type) {
        return MODELS.get(type);
    }
}
