package io.daybreak.core.method;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The parameters of one settings record, found once by reflection: its leaf settings and nested groups in
 * component order, and the canonical constructor that binding calls.
 */
final class SettingsModel {
    private final Constructor<? extends Record> constructor;
    private final List<Part> parts;
    private final List<ParameterSpec> specs;

    /** A component: a leaf parameter or a nested group. */
    private sealed interface Part permits Leaf, Group {
        Object bind(Map<String, Object> values);
    }

    private record Leaf(SettingSpec setting) implements Part {
        @Override
        public Object bind(Map<String, Object> values) {
            return setting.bind(values.get(setting.spec().name()));
        }
    }

    private record Group(SettingsModel model) implements Part {
        @Override
        public Object bind(Map<String, Object> values) {
            return model.bind(values);
        }
    }

    private SettingsModel(Constructor<? extends Record> constructor, List<Part> parts, List<ParameterSpec> specs) {
        this.constructor = constructor;
        this.parts = List.copyOf(parts);
        this.specs = List.copyOf(specs);
    }

    static SettingsModel of(Class<? extends Record> type) {
        return of(type, List.of());
    }

    private static SettingsModel of(Class<? extends Record> type, List<Adjust> adjustments) {
        if (!type.isRecord()) {
            throw new IllegalArgumentException(type.getName() + " is not a record");
        }
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        List<Part> parts = new ArrayList<>();
        List<ParameterSpec> specs = new ArrayList<>();
        for (int i = 0; i < components.length; i++) {
            RecordComponent component = components[i];
            types[i] = component.getType();
            if (component.getType().isRecord() && component.getAnnotation(Setting.class) == null) {
                List<Adjust> own = List.of(component.getAnnotationsByType(Adjust.class));
                // an enclosing record's adjustments reach groups nested at any depth, and win over inner ones
                List<Adjust> reaching = new ArrayList<>(own);
                reaching.addAll(adjustments);
                SettingsModel group = of(component.getType().asSubclass(Record.class), reaching);
                for (Adjust adjust : own) {
                    if (group.specs.stream().noneMatch(spec -> spec.name().equals(adjust.name()))) {
                        throw new IllegalArgumentException("@Adjust names '" + adjust.name() + "', which "
                                + component.getType().getName() + " does not declare");
                    }
                }
                parts.add(new Group(group));
                specs.addAll(group.specs);
            } else {
                SettingSpec setting = SettingSpec.of(component, adjustments);
                parts.add(new Leaf(setting));
                specs.add(setting.spec());
            }
        }
        try {
            Constructor<? extends Record> constructor = type.getDeclaredConstructor(types);
            // Settings records are usually package-private in the method's bundle; binding still needs to call them.
            constructor.setAccessible(true);
            return new SettingsModel(constructor, parts, specs);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("no canonical constructor in " + type.getName(), e);
        }
    }

    List<ParameterSpec> specs() {
        return specs;
    }

    Record bind(Map<String, Object> values) {
        Object[] arguments = new Object[parts.size()];
        for (int i = 0; i < arguments.length; i++) {
            arguments[i] = parts.get(i).bind(values);
        }
        try {
            return constructor.newInstance(arguments);
        } catch (InvocationTargetException e) {
            // A compact constructor that checks a combination of settings speaks to the user: pass it on as it is.
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot construct " + constructor.getDeclaringClass().getName(), e);
        }
    }
}
