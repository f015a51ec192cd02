package io.daybreak.methods.design.oc;

import java.util.Map;

import io.daybreak.core.method.Method;
import io.daybreak.core.method.MethodContext;
import io.daybreak.core.method.MethodDescriptor;
import io.daybreak.core.method.MethodResult;
import io.daybreak.core.method.Parameters;
import io.daybreak.core.method.Settings;
import io.daybreak.data.Table;

/**
 * A design method: one settings record declares its parameters, and {@link #run} gets that record as the platform
 * bound it. The record is named once, here, so no method repeats {@code descriptor()}, the signature of
 * {@code apply} and the binding. Design methods take no input tables.
 *
 * @param <S> the settings record
 */
public abstract class DesignMethod<S extends Record> implements Method {
    private final Class<S> settings;
    private final MethodDescriptor descriptor;

    /** The descriptor is the one given, with the parameters of {@code settings} added. */
    protected DesignMethod(Class<S> settings, MethodDescriptor.Builder descriptor) {
        this.settings = settings;
        this.descriptor = descriptor.settings(settings).build();
    }

    @Override
    public final MethodDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public final MethodResult apply(Map<String, Table> inputs, Parameters parameters, MethodContext context) {
        return run(Settings.bind(settings, parameters), context);
    }

    /** Runs the method with its bound settings; see {@link Method#apply} for what it may and must do. */
    protected abstract MethodResult run(S settings, MethodContext context);
}
