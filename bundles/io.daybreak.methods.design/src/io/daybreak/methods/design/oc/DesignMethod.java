package io.daybreak.methods.design.oc;

import java.util.Map;

import io.daybreak.core.method.Method;
import io.daybreak.core.method.MethodContext;
import io.daybreak.core.method.MethodDescriptor;
import io.daybreak.core.method.MethodResult;
import io.daybreak.core.method.SettingsMethod;
import io.daybreak.data.Table;

/**
 * A design method: a {@link SettingsMethod} that takes no input tables, so {@link #run(Record, MethodContext)} gets
 * only the bound settings record and the context.
 *
 * @param <S> the settings record
 */
public abstract class DesignMethod<S extends Record> extends SettingsMethod<S> {

    /** The descriptor is the one given, with the parameters of {@code settings} added. */
    protected DesignMethod(Class<S> settings, MethodDescriptor.Builder descriptor) {
        super(settings, descriptor);
    }

    @Override
    protected final MethodResult run(Map<String, Table> inputs, S settings, MethodContext context) {
        return run(settings, context);
    }

    /** Runs the method with its bound settings; see {@link Method#apply} for what it may and must do. */
    protected abstract MethodResult run(S settings, MethodContext context);
}
