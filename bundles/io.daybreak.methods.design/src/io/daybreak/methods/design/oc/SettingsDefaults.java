package io.daybreak.methods.design.oc;

import java.util.Map;

import io.daybreak.core.method.MethodDescriptor;
import io.daybreak.core.method.Parameters;
import io.daybreak.core.method.Settings;

/**
 * Settings groups with every value at its default, for the designs that design.compare and design.pathways drive
 * without offering all of their parameters. The defaults stay written once, in the group's {@code @Setting}s.
 */
public final class SettingsDefaults {
    private SettingsDefaults() {
    }

    /** The group bound from no values at all; every parameter of it must have a default or be optional. */
    public static <R extends Record> R of(Class<R> group) {
        MethodDescriptor alone = MethodDescriptor.builder("defaults", "the defaults of " + group.getSimpleName())
                .settings(group).build();
        return Settings.bind(group, Parameters.bind(alone, Map.of()));
    }
}
