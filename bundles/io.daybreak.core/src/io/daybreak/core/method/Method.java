package io.daybreak.core.method;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A statistical method, provided as an OSGi service (whiteboard pattern): register an implementation with
 * {@code @Component(service = Method.class)} and the {@link io.daybreak.core.registry.MethodRegistry}
 * picks it up; stop the bundle and it is gone.
 *
 * <p><b>Contract.</b> Implementations are stateless and thread-safe: {@link #apply} may run concurrently
 * for several jobs. The platform has already checked the parameters against the descriptor's specs and
 * the inputs against its input schemas; {@code apply} checks whatever relates several parameters and
 * throws {@link InvalidParameterException} before doing work. It allocates Arrow memory only from
 * {@link MethodContext#allocator()}, returns its output tables (ownership passes to the platform) and
 * closes everything else it allocated: memory left over fails the run. Long loops call
 * {@link MethodContext#checkCancelled()} and report {@link MethodContext#progress}. Randomness comes only
 * from {@link MethodContext#random(long)}, so a run is reproducible from its seed.
 *
 * <p>The input tables belong to the caller: read them, do not close them.
 */
@ConsumerType
public interface Method {
    /** The method's description; must be constant for the lifetime of the service. */
    MethodDescriptor descriptor();

    /**
     * Runs the method.
     *
     * @param inputs     input tables by the names of the descriptor's input specs
     * @param parameters validated parameter values, defaults filled in
     * @param context    the run's allocator, randomness, progress and cancellation
     * @return output tables (owned by the platform from here on) and a summary
     * @throws InvalidParameterException for invalid combinations of parameters or unsuitable data
     * @throws RunCancelledException     when the context reports cancellation
     * @throws Exception                 any other failure; the run is marked failed with its message
     */
    MethodResult apply(java.util.Map<String, io.daybreak.data.Table> inputs, Parameters parameters,
            MethodContext context) throws Exception;
}
