package io.daybreak.core.method;

import java.util.Map;

import io.daybreak.data.Table;

/**
 * A method whose parameters one settings record declares (see {@link Settings}), which is every method: extend this
 * rather than implement {@link Method} directly. The record is named once, in the constructor, which declares it on
 * the descriptor; {@link #run} then gets the record the platform bound with the parameters. Without this base class
 * each method repeated a descriptor constant, {@code descriptor()}, the signature of {@code apply} and the
 * {@code Settings.bind} call, and could bind a record other than the one it declared.
 *
 * <pre>{@code
 * @Component(service = Method.class)
 * public final class RateMethod extends SettingsMethod<RateSettings> {
 *     public RateMethod() {
 *         super(RateSettings.class, MethodDescriptor.builder("example.rate", "...").output(...));
 *     }
 *
 *     @Override
 *     protected MethodResult run(Map<String, Table> inputs, RateSettings settings, MethodContext context) { ... }
 * }
 * }</pre>
 *
 * <p>The contract of {@link Method} holds unchanged for {@link #run}. It throws no checked exceptions, so callers of
 * {@code apply} on a concrete method need not catch {@code Exception}.
 *
 * @param <S> the settings record
 */
public abstract class SettingsMethod<S extends Record> implements Method {
    private final Class<S> settings;
    private final MethodDescriptor descriptor;

    /** The descriptor is the one given, with the parameters of {@code settings} added (it is built here). */
    protected SettingsMethod(Class<S> settings, MethodDescriptor.Builder descriptor) {
        this.settings = settings;
        this.descriptor = descriptor.settings(settings).build();
    }

    @Override
    public final MethodDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public final MethodResult apply(Map<String, Table> inputs, Parameters parameters, MethodContext context) {
        return run(inputs, Settings.bind(settings, parameters), context);
    }

    /**
     * Runs the method with its bound settings; see {@link Method#apply} for what it may and must do.
     *
     * @param inputs   input tables by the names of the descriptor's input specs; the caller's, do not close them
     * @param settings the record bound with the run's parameters, defaults filled in
     * @param context  the run's allocator, randomness, progress and cancellation
     */
    protected abstract MethodResult run(Map<String, Table> inputs, S settings, MethodContext context);
}
